#pragma once
// Ctrl-C for long commands: the first SIGINT sets a flag that the work polls (it then stops cleanly
// and the command exits 130); a second one ends the process at once.
namespace maple::cli {

class InterruptGuard {
public:
  InterruptGuard();  // installs the handler and clears the flag
  ~InterruptGuard(); // restores the previous handler
  InterruptGuard(const InterruptGuard&) = delete;
  InterruptGuard& operator=(const InterruptGuard&) = delete;
  static bool interrupted();
};

} // namespace maple::cli
