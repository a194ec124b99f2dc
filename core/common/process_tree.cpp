#include "common/process_tree.hpp"

#include "common/child_process.hpp"

#include <atomic>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <mutex>
#include <string>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace maple::proctree {
namespace {

constexpr int kSlots = 256;
std::atomic<pid_t> gChildren[kSlots]; // live children started by ChildProcess; 0 = free slot

struct Proc {
  pid_t pid = 0, ppid = 0, pgid = 0;
  char state = '?';
};

// /proc/PID/stat: "pid (comm) state ppid pgrp ..."; comm may hold spaces and parentheses.
bool readProc(pid_t pid, Proc& p) {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid));
  const int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  char buf[1024];
  const ssize_t n = read(fd, buf, sizeof buf - 1);
  close(fd);
  if (n <= 0) return false;
  buf[n] = 0;
  const std::string s(buf);
  const auto close = s.rfind(')');
  if (close == std::string::npos) return false;
  int ppid = 0, pgid = 0;
  char state = '?';
  if (std::sscanf(s.c_str() + close + 1, " %c %d %d", &state, &ppid, &pgid) != 3) return false;
  p = {pid, ppid, pgid, state};
  return true;
}

std::vector<Proc> processTable() {
  std::vector<Proc> all;
  DIR* d = opendir("/proc");
  if (!d) return all;
  while (const dirent* e = readdir(d)) {
    char* end = nullptr;
    const long pid = std::strtol(e->d_name, &end, 10);
    Proc p;
    if (*end == 0 && pid > 0 && readProc(static_cast<pid_t>(pid), p)) all.push_back(p);
  }
  closedir(d);
  return all;
}

bool registered(pid_t pid) {
  for (auto& slot : gChildren)
    if (slot.load() == pid) return true;
  return false;
}

// A re-parented orphan of some child's tree: our child, not started by us, and outside our
// process group (so not a child some other code started with fork or QProcess).
bool isStray(const Proc& p) { return p.ppid == getpid() && !registered(p.pid) && p.pgid != getpgrp(); }

// root (when still ours), its process group, strays, and everything below them.
std::vector<Proc> treeOf(pid_t root) {
  const auto all = processTable();
  std::vector<Proc> tree;
  auto has = [&tree](pid_t pid) {
    for (const auto& t : tree)
      if (t.pid == pid) return true;
    return false;
  };
  for (const auto& p : all)
    if ((p.pid == root && p.ppid == getpid()) || p.pgid == root || isStray(p)) tree.push_back(p);
  for (size_t i = 0; i < tree.size(); ++i)
    for (const auto& p : all)
      if (p.ppid == tree[i].pid && !has(p.pid)) tree.push_back(p);
  return tree;
}

// Signals every live member; reaps the members that are our zombies. Returns how many were alive.
int signalTree(pid_t root, int sig) {
  int alive = 0;
  for (const auto& p : treeOf(root)) {
    if (p.state == 'Z' || p.state == 'X') {
      if (p.ppid == getpid() && p.pid != root) waitpid(p.pid, nullptr, WNOHANG);
      continue;
    }
    ++alive;
    kill(p.pid, sig);
  }
  kill(-root, sig);
  return alive;
}

} // namespace

void becomeSubreaper() {
  static std::once_flag once;
  std::call_once(once, [] { prctl(PR_SET_CHILD_SUBREAPER, 1); });
}

void registerChild(pid_t pid) {
  for (auto& slot : gChildren) {
    pid_t free = 0;
    if (slot.compare_exchange_strong(free, pid)) return;
  }
}

void unregisterChild(pid_t pid) {
  for (auto& slot : gChildren) {
    pid_t mine = pid;
    if (slot.compare_exchange_strong(mine, 0)) return;
  }
}

int reapWithin(pid_t pid, double timeoutS) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeoutS);
  for (;;) {
    int status = 0;
    const pid_t r = waitpid(pid, &status, WNOHANG);
    if (r == pid) return status;
    if (r < 0 && errno != EINTR) return -1;
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

void endTree(pid_t root, double graceS, bool rootReaped) {
  if (signalTree(root, SIGTERM) == 0 && rootReaped) return;
  bool reaped = rootReaped || reapWithin(root, graceS) != -1;
  // SIGKILL rounds: a member forking while we kill shows up (re-parented to us) in the next round.
  for (int round = 0; round < 200 && signalTree(root, SIGKILL) > 0; ++round) {
    if (!reaped) reaped = reapWithin(root, 0.005) != -1;
    else std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  if (!reaped) reapWithin(root, 1.0);
  unregisterChild(root);
}

} // namespace maple::proctree

namespace maple {

void killChildGroupsNow() noexcept {
  for (auto& slot : proctree::gChildren) {
    const pid_t pid = slot.load();
    if (pid > 0) {
      kill(-pid, SIGKILL);
      kill(pid, SIGKILL);
    }
  }
}

} // namespace maple
