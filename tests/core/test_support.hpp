#pragma once
// Helpers shared by the core tests: temporary project paths, file digests, the data set's location,
// the kind of error a call throws.
#include "common/error.hpp"

#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <string>
#include <string_view>

namespace maple::testing {

inline std::string dataDir() { return std::string(MAPLE_DATA_DIR) + "/help-nb201"; }
inline bool haveDataSet() { return QFile::exists(QString::fromStdString(dataDir() + "/nb201_latency_ms.csv")); }
// In each test function that reads the public data set (never in initTestCase: a skip covers only
// the functions that need the data).
#define MAPLE_REQUIRE_DATA_SET()                                                                                     \
  do {                                                                                                               \
    if (!maple::testing::haveDataSet()) QSKIP("the public data set is not at ../shared/data/help-nb201");           \
  } while (false)

inline QByteArray digest(const QString& path) {
  QFile f(path);
  if (!f.open(QIODevice::ReadOnly)) return {};
  return QCryptographicHash::hash(f.readAll(), QCryptographicHash::Sha256);
}

inline void writeFile(const QString& path, const QByteArray& bytes) {
  QFile f(path);
  if (f.open(QIODevice::WriteOnly | QIODevice::Truncate)) f.write(bytes);
}

// The kind of maple::Error that `f` throws; -1 when it throws none.
template <class F> ErrorKind errorOf(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind();
  }
  return static_cast<ErrorKind>(-1);
}

// Empty when `f` throws a maple::Error of `kind` whose message contains `text`; else what it did
// instead. Exceptions of other types pass through (Qt Test fails the function on them).
template <class F> QString errorMismatch(F&& f, ErrorKind kind, std::string_view text) {
  try {
    f();
  } catch (const Error& e) {
    if (e.kind() != kind)
      return QString("threw error kind %1, not %2: %3").arg(static_cast<int>(e.kind())).arg(static_cast<int>(kind)).arg(e.what());
    if (std::string_view(e.what()).find(text) == std::string_view::npos)
      return QString("threw \"%1\", which lacks \"%2\"").arg(e.what(), QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size())));
    return {};
  }
  return "threw nothing";
}

} // namespace maple::testing

// Fails the calling test function unless `call` throws a maple::Error of `kind` whose message
// contains `text` ("" for any message).
#define MAPLE_VERIFY_ERROR(call, kind, text)                                                                          \
  do {                                                                                                               \
    const QString why_ = maple::testing::errorMismatch([&] { call; }, kind, text);                                   \
    if (!why_.isEmpty()) QFAIL(qPrintable(QStringLiteral(#call ": ") + why_));                                      \
  } while (false)
