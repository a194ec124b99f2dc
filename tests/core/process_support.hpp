#pragma once
// Helpers for tests of process-tree handling: the pids a fake runner wrote to a file, and whether
// a process is gone (no longer exists, or a zombie waiting to be reaped).
#include <QElapsedTimer>
#include <QFile>
#include <QThread>

#include <string>
#include <sys/types.h>
#include <vector>

namespace maple::testing {

// Waits up to timeoutMs for `path` to hold whitespace-separated pids.
inline std::vector<pid_t> waitForPids(const QString& path, int timeoutMs = 10000) {
  QElapsedTimer t;
  t.start();
  do {
    QFile f(path);
    if (f.open(QIODevice::ReadOnly)) {
      std::vector<pid_t> pids;
      for (const auto& w : f.readAll().simplified().split(' '))
        if (const int pid = w.toInt(); pid > 0) pids.push_back(pid);
      if (!pids.empty()) return pids;
    }
    QThread::msleep(20);
  } while (t.elapsed() < timeoutMs);
  return {};
}

inline bool processGone(pid_t pid) {
  QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
  if (!f.open(QIODevice::ReadOnly)) return true;
  const auto stat = f.readAll();
  const auto close = stat.lastIndexOf(')');
  return close >= 0 && close + 2 < stat.size() && (stat[close + 2] == 'Z' || stat[close + 2] == 'X');
}

// True when every pid is gone within timeoutMs.
inline bool allGoneWithin(const std::vector<pid_t>& pids, int timeoutMs) {
  QElapsedTimer t;
  t.start();
  for (;;) {
    bool all = true;
    for (auto pid : pids) all = all && processGone(pid);
    if (all) return true;
    if (t.elapsed() > timeoutMs) return false;
    QThread::msleep(20);
  }
}

} // namespace maple::testing
