#include "cli/interrupt.hpp"

#include <csignal>

namespace maple::cli {
namespace {

volatile std::sig_atomic_t gInterrupted = 0;
struct sigaction gOld {};

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
  sigaction(SIGINT, &sa, &gOld);
}

InterruptGuard::~InterruptGuard() { sigaction(SIGINT, &gOld, nullptr); }

bool InterruptGuard::interrupted() { return gInterrupted != 0; }

} // namespace maple::cli
