#pragma once
// Helpers shared by the core tests: temporary project paths, file digests, the data set's location,
// the kind of error a call throws.
#include "common/error.hpp"

#include <QCryptographicHash>
#include <QFile>
#include <QTemporaryDir>

#include <string>

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

} // namespace maple::testing
