#pragma once
// Runs the real `maple` binary (MAPLE_CLI) and captures its exit code and output; reads back what
// it stored.
#include "store/project.hpp"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QProcessEnvironment>
#include <QStringList>

namespace maple::testing {

struct CliResult {
  int exitCode = -1;
  QString out, err;
};

inline CliResult runCli(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                        int timeoutMs = 120000) {
  QProcess p;
  p.setProcessEnvironment(env);
  p.start(QStringLiteral(MAPLE_CLI), args);
  CliResult r;
  if (!p.waitForFinished(timeoutMs)) {
    p.kill();
    p.waitForFinished();
    r.err = "timed out";
    return r;
  }
  r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
  r.out = QString::fromUtf8(p.readAllStandardOutput());
  r.err = QString::fromUtf8(p.readAllStandardError());
  return r;
}

inline QJsonObject json(const CliResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

// The first column of the first row of `sql` (a count) in the project file.
inline long long count(const QString& project, const char* sql) {
  auto p = maple::store::Project::open(project.toStdString());
  auto st = p.db().prepare(sql);
  st.step();
  return st.int64(0);
}

} // namespace maple::testing
