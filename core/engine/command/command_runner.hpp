#pragma once
// The external runner engine: measures the runtime a user actually deploys (PyTorch, ONNX Runtime,
// TensorRT, ...) by running a command of theirs that speaks JSON lines.
//
// Protocol, one line each way per request:
//   stdin  <- {"space":"nb201","arch":"|nor_conv_3x3~0|+...","batch":1,"threads":1,"warmup":5,
//              "repetitions":10,"seed":42}
// "space" names the search space of "arch" (its canonical string; docs/searchspaces.md): "nb201",
// "fbnet". A runner answers an error for a space it does not run.
//   stdout -> {"latencies_ms":[1.23,...],"runtime":"pytorch","runtime_version":"2.1.0"}
//          or {"error":"what went wrong"}
// The runner stays alive between requests (so it can cache models) and exits when stdin closes.
// It runs from an argv list (no shell) as a ChildProcess: its own process group, so a terminal's
// Ctrl-C reaches only maple, and a timeout, a failure or a cancel ends its whole process tree.
#include "common/child_process.hpp"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace maple::engine {

struct RunnerRequest {
  std::string space = "nb201", arch; // arch: the space's canonical string
  int batch = 1, threads = 1, warmup = 0, repetitions = 1;
  std::uint64_t seed = 42;
};

struct RunnerReply {
  std::vector<double> latenciesMs; // exactly `repetitions`, each finite and > 0
  std::string runtime, runtimeVersion;
};

class CommandRunner {
public:
  // argv[0] is looked up on PATH. Nothing starts until the first request.
  explicit CommandRunner(std::vector<std::string> argv, double timeoutSeconds = 300);
  ~CommandRunner();
  CommandRunner(const CommandRunner&) = delete;
  CommandRunner& operator=(const CommandRunner&) = delete;

  // Throws maple::Error (BadInput) naming the runner and what was wrong when it cannot be started,
  // crashes, exits early, misses the timeout, reports an error or answers nonsense. The runner is
  // stopped after any failure; the next request starts it again.
  RunnerReply request(const RunnerRequest& request);

  // Asked about every 100 ms while waiting for a reply: true stops the runner's whole tree at once
  // and the request throws Error(Cancelled).
  void setCancelCheck(std::function<bool()> cancelled) { cancelled_ = std::move(cancelled); }

  const std::vector<std::string>& argv() const { return argv_; }
  std::string describe() const; // the command as one quoted line, for messages
  double timeoutSeconds() const { return timeout_; }

private:
  void start();
  [[noreturn]] void failRunner(const std::string& what);
  std::string readLine(const RunnerRequest& request);

  std::vector<std::string> argv_;
  double timeout_;
  std::function<bool()> cancelled_;
  std::unique_ptr<ChildProcess> child_;
};

// Splits "python3 'my runner.py' --fast" into words as a POSIX shell would for plain words,
// single and double quotes and backslashes; nothing is expanded. Usage error on an open quote.
std::vector<std::string> splitCommandLine(std::string_view line);

// Checks one response line against a request; throws BadInput with the reason (without the
// runner's name, which CommandRunner adds).
RunnerReply parseReply(const std::string& line, const RunnerRequest& request);

} // namespace maple::engine
