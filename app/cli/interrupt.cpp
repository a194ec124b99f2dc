#include "cli/interrupt.hpp"

#include "common/child_process.hpp"

namespace maple::cli {
namespace {

volatile std::sig_atomic_t gInterrupted = 0;

extern "C" void onInterrupt(int sig) {
  if (gInterrupted) {
    killChildGroupsNow();
    std::signal(sig, SIG_DFL);
    std::raise(sig);
  }
  gInterrupted = 1;
}

// No SA_RESTART: a wait on a child returns at once to look at the flag.
void install(int sig, struct sigaction& old) {
  struct sigaction sa {};
  sa.sa_handler = onInterrupt;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, &old);
}

} // namespace

InterruptGuard::InterruptGuard() {
  gInterrupted = 0;
  install(SIGINT, oldInt_);
  install(SIGTERM, oldTerm_);
  install(SIGHUP, oldHup_);
}

InterruptGuard::~InterruptGuard() {
  sigaction(SIGINT, &oldInt_, nullptr);
  sigaction(SIGTERM, &oldTerm_, nullptr);
  sigaction(SIGHUP, &oldHup_, nullptr);
}

bool InterruptGuard::interrupted() { return gInterrupted != 0; }

} // namespace maple::cli
