#pragma once
// Runs the real `maple` binary (MAPLE_CLI) and captures its exit code and output.
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

} // namespace maple::testing
