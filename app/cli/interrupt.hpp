#pragma once
// Ctrl-C, SIGTERM and SIGHUP for long commands: the first one sets a flag the work polls (it stops
// cleanly, keeps or discards what it must, and ends any runner or launcher it started); a second
// one kills the process groups of maple's children and ends maple at once.
#include <csignal>

namespace maple::cli {

class InterruptGuard {
public:
  InterruptGuard();  // installs the handlers and clears the flag
  ~InterruptGuard(); // restores the previous handlers
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  static bool interrupted();

private:
  struct sigaction oldInt_ {}, oldTerm_ {}, oldHup_ {};
};

} // namespace maple::cli
