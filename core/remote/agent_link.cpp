#include "remote/agent_link.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "common/text.hpp"
#include "engine/command/command_runner.hpp"
#include "remote/protocol.hpp"
#include "remote/wire_fields.hpp"

#include <sstream>
#include <tuple>
#include <utility>

namespace maple::remote {

using nlohmann::json;
using namespace field;

std::vector<std::string> launcherArgv(const std::string& launcher) {
  auto argv = engine::splitCommandLine(launcher);
  if (argv.empty())
    fail(ErrorKind::Usage, "the launcher is empty: give a command that reaches a maple agent, e.g. " +
                           setting("remote", "'ssh pi@board maple agent'"));
  return argv;
}

AgentLink::AgentLink(std::string launcher, double timeoutS, std::function<bool()> cancelled)
    : launcher_(std::move(launcher)), timeout_(timeoutS), cancelled_(std::move(cancelled)) {
  if (!(timeout_ > 0) || timeout_ > 1e6) fail(ErrorKind::Usage, "the remote timeout must lie above 0 and at most 1000000 s");
  try {
    child_ = std::make_unique<ChildProcess>(launcherArgv(launcher_));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::BadInput) throw;
    badInput("cannot start launcher " + text::quote(launcher_) + ": " + e.what());
  }
  hello();
}

AgentLink::~AgentLink() = default;

void AgentLink::close() {
  if (child_) child_->terminate();
  child_.reset();
}

void AgentLink::lost(const std::string& what) {
  std::string msg = "remote device via " + text::quote(launcher_) + ": " + what;
  if (child_) {
    const auto tail = std::string(text::trim(child_->stderrTail()));
    if (!tail.empty()) msg += "; the launcher's stderr ended with: " + tail.substr(tail.size() > 600 ? tail.size() - 600 : 0);
  }
  close();
  badInput(msg);
}

void AgentLink::cancelled() {
  close();
  fail(ErrorKind::Cancelled, "cancelled: the remote work and the launcher " + text::quote(launcher_) + " were stopped");
}

json AgentLink::nextMessage(const std::function<void()>& whileWaiting) {
  if (!child_) lost("the connection was closed after an earlier failure");
  auto& line = line_;
  const auto ask = [&] {
    if (whileWaiting) whileWaiting();
    return cancelled_ && cancelled_();
  };
  switch (child_->readLine(line, timeout_, kMaxReplyBytes, ask)) {
  case ChildProcess::Read::Line: break;
  case ChildProcess::Read::Cancelled: cancelled();
  case ChildProcess::Read::TooLong:
    lost("the agent sent more than " + std::to_string(kMaxReplyBytes >> 20) + " MiB without a newline: not maple agent output");
  case ChildProcess::Read::TimedOut: {
    std::ostringstream t;
    t << timeout_;
    lost("no reply within " + t.str() + " s; the launcher was stopped (raise " + setting("timeout") +
         " if the device is just slow)");
  }
  case ChildProcess::Read::Closed:
    lost("the connection was lost: the launcher " + child_->exitDescription() +
         (line.empty() ? "" : " after writing " + text::quote(line.substr(0, 200))));
  }
  try {
    return parseMessage(line, "a reply", kMaxReplyBytes);
  } catch (const Error& e) {
    lost(std::string("the agent answered nonsense: ") + e.what() +
         " (does the launcher run `maple agent`, with nothing else such as a login banner on its stdout?)");
  }
}

template <class F> auto AgentLink::decoded(F f) -> decltype(f()) {
  try {
    return f();
  } catch (const Error& e) {
    if (e.kind() == ErrorKind::Cancelled) throw;
    lost(std::string("the agent's reply is malformed: ") + e.what());
  }
}

json AgentLink::exchange(const json& request, const std::string& answer, const std::function<bool(const json&)>& onProgress,
                         const Stream& stream) {
  if (!child_) lost("the connection was closed after an earlier failure");
  if (!child_->write(request.dump() + "\n"))
    lost("the connection was lost: the launcher " + child_->exitDescription() + " (it stopped reading requests)");
  for (;;) {
    auto reply = nextMessage(stream.whileWaiting);
    const auto op = reply["op"].get<std::string>();
    if (op == "progress") {
      if (onProgress && !onProgress(reply)) cancelled();
      continue;
    }
    if (op == "samples" && stream.onSamples) {
      if (line_.size() > kMaxSamplesLineBytes)
        lost("the agent sent a samples line of " + std::to_string(line_.size()) + " bytes, more than the " +
             std::to_string(kMaxSamplesLineBytes) + " one interval's readings may take");
      if (!stream.onSamples(reply)) cancelled();
      continue;
    }
    if (op == "error") {
      const auto text = reply.contains("error") && reply["error"].is_string() ? reply["error"].get<std::string>() : reply.dump();
      const auto kind = reply.contains("kind") && reply["kind"].is_string() ? reply["kind"].get<std::string>() : "";
      fail(static_cast<ErrorKind>(kindFromName(kind)), text);
    }
    if (op != answer) lost("the agent answered " + op + " to a " + request["op"].get<std::string>() + " request");
    return reply;
  }
}

// The agent refuses a client of another protocol with its own mismatch message (passed on as it
// is); an agent of another protocol that answers anyway is refused here.
void AgentLink::hello() {
  const auto reply = exchange({{"op", "hello"}, {"protocol", kProtocolVersion}, {"client", kMapleVersion}}, "hello");
  const int theirs = decoded([&] { return integer(reply, "protocol"); });
  if (theirs != kProtocolVersion) {
    close();
    badInput(mismatchMessage(theirs, kProtocolVersion));
  }
  agentVersion_ = decoded([&] { return str(reply, "maple"); });
  hostname_ = decoded([&] { return str(reply, "hostname"); });
  if (reply.contains("host")) helloHost_ = decoded([&] { return hostFromJson(at(reply, "host")); });
}

measure::HostInfo AgentLink::detect() {
  if (helloHost_) return *helloHost_; // an agent that sent its detection with the hello
  const auto reply = exchange({{"op", "detect"}}, "detected");
  return decoded([&] { return hostFromJson(at(reply, "host")); });
}

Counting AgentLink::probe(const std::vector<std::string>& events) {
  const auto reply = exchange({{"op", "probe"}, {"events", events}}, "probed");
  return decoded([&] { return countingFromJson(at(reply, "counting")); });
}

RemoteSample AgentLink::measure(const searchspace::Architecture& arch, const measure::Protocol& protocol,
                                const MeasureAsk& ask, const std::function<bool(int, int, double)>& progress) {
  const json request = {{"op", "measure"},         {"space", arch.spaceName()}, {"arch", arch.canonical()},
                        {"engine", ask.engine},    {"batch", ask.batch},        {"threads", ask.threads},
                        {"seed", ask.seed},        {"timeout", ask.runnerTimeoutS},
                        {"protocol", toJson(protocol)}};
  const auto reply = exchange(request, "measured", [&](const json& p) {
    if (!progress) return true;
    const auto [done, most, medianMs] =
        decoded([&] { return std::tuple{integer(p, "runs_done"), integer(p, "max_runs"), num(p, "median_ms")}; });
    return progress(done, most, medianMs);
  });
  return decoded([&] {
    RemoteSample s;
    s.measurement = measurementFromJson(at(reply, "measurement"));
    s.conditions = measure::conditionsFromJson(at(reply, "conditions").dump());
    s.engine = str(reply, "engine");
    s.engineVersion = str(reply, "engine_version");
    if (s.engine.empty()) badInput("the agent named no engine");
    return s;
  });
}

RemoteCapture AgentLink::capture(const CaptureAsk& ask, const counters::CaptureCallbacks& callbacks) {
  const json request = {{"op", "capture"}, {"engine", ask.engine}, {"workload", ask.workload}, {"events", ask.events},
                        {"repeats", ask.repeats}, {"threads", ask.threads}, {"allow_software", ask.allowSoftware}};
  std::vector<counters::Sample> samples;
  Stream stream;
  stream.onSamples = [&](const json& message) {
    const auto batch = decoded([&] { return samplesFromJson(message); });
    samples.insert(samples.end(), batch.begin(), batch.end());
    return !callbacks.onSamples || callbacks.onSamples(batch);
  };
  bool stopSent = false;
  stream.whileWaiting = [&] {
    if (stopSent || !callbacks.stopRequested || !callbacks.stopRequested()) return;
    stopSent = true;
    child_->write(lineOf({{"op", "stop"}}) + "\n"); // an agent that stopped reading shows on the next read
  };
  const auto reply = exchange(request, "captured", [&](const json& p) {
    if (!callbacks.onProgress) return true;
    const auto [fraction, step] = decoded([&] { return std::pair{num(p, "fraction"), str(p, "step")}; });
    return callbacks.onProgress(fraction, step);
  }, stream);
  return decoded([&] {
    RemoteCapture c{captureFromJson(at(reply, "capture")), str(reply, "runtime")};
    const auto readings = integer(reply, "readings");
    if (readings != static_cast<int>(samples.size()))
      badInput("the capture counts " + std::to_string(readings) + " readings but " + std::to_string(samples.size()) +
               " were streamed");
    c.capture.samples = std::move(samples);
    parseMessage(R"({"op":"host","host":)" + c.capture.hostJson + "}", "the capture's host conditions", kMaxRequestBytes);
    return c;
  });
}

} // namespace maple::remote
