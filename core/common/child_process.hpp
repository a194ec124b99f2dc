#pragma once
// A program maple starts and talks to over pipes: an external runner, or a launcher (ssh, srun,
// adb) that reaches a `maple agent`. Started from argv without a shell, in its own process group
// (a terminal's Ctrl-C reaches only maple, which decides what to stop), with bounded line reads
// that time out and can be cancelled. Stopping it ends its whole process tree within about a
// second, descendants that called setsid() included: maple is a child subreaper, so orphans of the
// tree are re-parented to it rather than to init, and the tree is found by walking /proc.
#include <chrono>
#include <cstddef>
#include <functional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace maple {

class ChildProcess {
public:
  // Throws Error(BadInput) naming the program when it cannot be started.
  explicit ChildProcess(const std::vector<std::string>& argv);
  ~ChildProcess(); // closes its input, waits briefly for it to exit, then ends the tree
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  enum class Read { Line, Closed, TimedOut, TooLong, Cancelled };
  // One line of the child's stdout, without the newline. Waits at most `timeoutS` seconds, and
  // asks `cancelled` (when given) about every 100 ms and whenever a signal interrupts the wait.
  // TooLong: `maxBytes` arrived without a newline (the rest is not read). Closed: the child closed
  // its stdout, or exited while a descendant keeps it open; `line` holds what it wrote after its
  // last newline.
  Read readLine(std::string& line, double timeoutS, std::size_t maxBytes, const std::function<bool()>& cancelled = {});

  // Writes all of `data`; false when the child no longer reads (SIGPIPE cannot kill maple).
  bool write(const std::string& data);
  void closeInput();

  // The last bytes the child wrote on stderr (collected while reading lines).
  std::string stderrTail();

  // After readLine returned Closed: waits up to a second for the child to exit, reaps it and says
  // how it ended ("exited with status 3", "crashed: killed by signal 11 (...)").
  std::string exitDescription();

  // Ends the child and every descendant: SIGTERM, up to `graceS` for the child to exit, then
  // SIGKILL to what is left. Returns within graceS + about a second.
  void terminate(double graceS = 0.2);

  bool running() const { return pid_ > 0 && !reaped_; }
  pid_t pid() const { return pid_; }

private:
  void drainStderr();
  void closeFds();
  void markReaped(int status);
  void readSome();
  bool exitedMeanwhile();

  pid_t pid_ = -1;
  bool reaped_ = false; // pid_ stays set after reaping, to find the tree it left behind
  int status_ = 0;      // its wait status, once reaped
  int in_ = -1, out_ = -1, err_ = -1;
  std::string outBuffer_, errTail_;
};

// Sends SIGKILL to the process group of every child maple has started and not yet reaped. Only
// async-signal-safe calls: a signal handler calls it before ending maple at once.
void killChildGroupsNow() noexcept;

} // namespace maple
