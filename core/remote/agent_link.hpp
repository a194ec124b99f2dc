#pragma once
// The local end of a remote device: starts LAUNCHER (a command line whose stdin and stdout reach a
// `maple agent`, e.g. "ssh pi@board maple agent") from argv without a shell, checks the protocol
// version, and turns requests into plain values. Every fault is one Error with a plain message:
// the connection dropping, the agent dying, garbage or an over-long line, no reply within the
// timeout (BadInput, exit 2); the agent's own errors (no PMU, paranoid level, unknown engine) with
// their kind and their text unchanged. Cancel (the check returning true, polled every 100 ms)
// ends the launcher's whole process tree and throws Error(Cancelled).
#include "common/child_process.hpp"
#include "counters/session.hpp"
#include "measure/conditions.hpp"
#include "remote/wire.hpp"
#include "searchspace/architecture.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maple::remote {

// The launcher's words, split like a shell would (quotes, backslashes) but with nothing expanded.
// Usage error for an empty line or an open quote.
std::vector<std::string> launcherArgv(const std::string& launcher);

struct MeasureAsk {
  std::string engine = "cpu"; // the agent's engine: cpu, cuda or command:'...' on the device
  int batch = 1, threads = 1;
  std::uint64_t seed = 42;
  double runnerTimeoutS = 300;
};

struct RemoteSample {
  measure::Measurement measurement;
  measure::Conditions conditions; // the device's: its governor, frequencies, engine version
  std::string engine, engineVersion;
};

struct CaptureAsk {
  std::string engine = "cpu", workload = "nb201-reference";
  std::vector<std::string> events;
  int repeats = 5, threads = 1;
  bool allowSoftware = false;
};

struct RemoteCapture {
  counters::Capture capture;
  std::string runtime; // the agent's engine name and version
};

class AgentLink {
public:
  // Starts the launcher and says hello; timeoutS bounds the wait for each line of reply.
  AgentLink(std::string launcher, double timeoutS, std::function<bool()> cancelled = {});
  ~AgentLink();
  AgentLink(const AgentLink&) = delete;
  AgentLink& operator=(const AgentLink&) = delete;

  const std::string& launcher() const { return launcher_; }
  const std::string& agentVersion() const { return agentVersion_; } // "maple 0.1.0"
  const std::string& hostname() const { return hostname_; }

  // The device's detection: the one the agent sent with its hello (no round trip), else asked for.
  measure::HostInfo detect();
  Counting probe(const std::vector<std::string>& events);
  // progress(runsDone, maxRuns, medianMs) returning false cancels.
  RemoteSample measure(const searchspace::Architecture& arch, const measure::Protocol& protocol, const MeasureAsk& ask,
                       const std::function<bool(int, int, double)>& progress = {});
  // The callbacks of a local capture (counters/session.hpp), called on this thread: onProgress and
  // onSamples (each "samples" line as it arrives) returning false cancel; stopRequested, asked
  // while waiting for a line (about every 100 ms), sends the agent one stop, which ends the
  // capture with the steps completed so far (partial). The capture's samples are those streamed.
  RemoteCapture capture(const CaptureAsk& ask, const counters::CaptureCallbacks& callbacks = {});

  // Ends the launcher and the remote work now (also done by the destructor).
  void close();

private:
  // What a capture hears before its answer: "samples" lines (false cancels), and a hook asked
  // while waiting for a line (to send a stop).
  struct Stream {
    std::function<bool(const nlohmann::json&)> onSamples;
    std::function<void()> whileWaiting;
  };
  nlohmann::json exchange(const nlohmann::json& request, const std::string& answer,
                          const std::function<bool(const nlohmann::json&)>& onProgress = {}, const Stream& stream = {});
  nlohmann::json nextMessage(const std::function<void()>& whileWaiting = {});
  [[noreturn]] void lost(const std::string& what);
  [[noreturn]] void cancelled();
  void hello();
  // Runs a decoding step; a malformed reply becomes a lost connection naming what was wrong.
  template <class F> auto decoded(F f) -> decltype(f());

  std::string launcher_;
  double timeout_;
  std::function<bool()> cancelled_;
  std::unique_ptr<ChildProcess> child_;
  std::string line_; // the last line read
  std::string agentVersion_, hostname_;
  std::optional<measure::HostInfo> helloHost_;
};

} // namespace maple::remote
