#include "cli/interrupt.hpp"

namespace maple::cli {
namespace {

volatile std::sig_atomic_t gInterrupted = 0;

extern "C" void onInterrupt(int) {
  if (gInterrupted) {
    std::signal(SIGINT, SIG_DFL);
    std::raise(SIGINT);
  }
  gInterrupted = 1;
}

} // namespace

InterruptGuard::InterruptGuard() {
  gInterrupted = 0;
  struct sigaction sa {};
  sa.sa_handler = onInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, &old_);
}

InterruptGuard::~InterruptGuard() { sigaction(SIGINT, &old_, nullptr); }

bool InterruptGuard::interrupted() { return gInterrupted != 0; }

} // namespace maple::cli
