#pragma once
// Ctrl-C for long commands: the first SIGINT sets a flag the work polls (it stops cleanly and keeps
// or discards what it must); a second one ends the process at once.
#include <csignal>

namespace maple::cli {

class InterruptGuard {
public:
  InterruptGuard();  // installs the handler and clears the flag
  ~InterruptGuard(); // restores the previous handler
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;

  static bool interrupted();

private:
  struct sigaction old_ {};
};

} // namespace maple::cli
