#include "remote/agent.hpp"

#include "common/child_process.hpp"
#include "services/devices.hpp"
#include "services/measure.hpp"
#include "common/error.hpp"
#include "counters/pmu.hpp"
#include "counters/session.hpp"
#include "measure/conditions.hpp"
#include "measure/pinning.hpp"
#include "remote/protocol.hpp"
#include "remote/wire.hpp"
#include "remote/wire_fields.hpp"

#include <cerrno>
#include <csignal>
#include <map>
#include <memory>
#include <mutex>
#include <poll.h>
#include <unistd.h>

namespace maple::remote {
namespace {

using nlohmann::json;
using namespace field;

class Agent {
public:
  Agent(int in, int out) : in_(in), out_(out) {}
  int serve();

private:
  bool readLine(std::string& line);
  void send(const json& j);
  bool clientGone() const;
  bool stopAsked();
  void handle(const json& request);
  void hello(const json& r);
  void measure(const json& r);
  void capture(const json& r);
  services::Measurer& measurerFor(const services::EngineChoice& c);

  int in_, out_;
  std::mutex sendMutex_; // a capture sends from its sampling thread too
  std::string buffer_;
  bool greeted_ = false, refused_ = false;
  measure::HostInfo host_; // detected once, at hello
  std::map<std::string, std::unique_ptr<services::Measurer>> measurers_; // reused across requests
};

// Blocking, bounded: false at end of input; BadInput for an over-long line.
bool Agent::readLine(std::string& line) {
  for (;;) {
    const auto nl = buffer_.find('\n');
    if (nl != std::string::npos) {
      line = buffer_.substr(0, nl);
      buffer_.erase(0, nl + 1);
      return true;
    }
    if (buffer_.size() > kMaxRequestBytes)
      badInput("a request is longer than " + std::to_string(kMaxRequestBytes) + " bytes");
    char buf[65536];
    const ssize_t n = read(in_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buffer_.append(buf, static_cast<std::size_t>(n));
  }
}

// The launcher ended the agent (SIGTERM, SIGHUP): a runner it started ends with it.
extern "C" void onEndSignal(int sig) {
  killChildGroupsNow();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// A failed write means the client is gone: nothing is kept, so the agent ends, and a runner with it.
void Agent::send(const json& j) {
  const auto line = lineOf(j) + "\n";
  std::lock_guard lock(sendMutex_);
  std::size_t done = 0;
  while (done < line.size()) {
    const ssize_t n = write(out_, line.data() + done, line.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      killChildGroupsNow();
      _exit(2);
    }
    done += static_cast<std::size_t>(n);
  }
}

// The launcher ended (the client cancelled or the connection dropped): input hung up.
bool Agent::clientGone() const {
  pollfd p{in_, POLLRDHUP, 0};
  return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLRDHUP | POLLERR | POLLNVAL));
}

// Polled by a capture: takes what arrived without waiting; a stop, the first line to come, ends the
// capture early. Anything else waits in the buffer to be served after the capture.
bool Agent::stopAsked() {
  pollfd p{in_, POLLIN, 0};
  if (buffer_.size() <= kMaxRequestBytes && poll(&p, 1, 0) > 0 && (p.revents & POLLIN)) {
    char buf[4096];
    const ssize_t n = read(in_, buf, sizeof buf);
    if (n > 0) buffer_.append(buf, static_cast<std::size_t>(n));
  }
  const auto nl = buffer_.find('\n');
  if (nl == std::string::npos) return false;
  try {
    if (parseMessage(std::string_view(buffer_).substr(0, nl), "the request", kMaxRequestBytes)["op"] != "stop") return false;
  } catch (const Error&) {
    return false; // refused when it is served
  }
  buffer_.erase(0, nl + 1);
  return true;
}

void Agent::hello(const json& r) {
  const int theirs = integer(r, "protocol");
  if (theirs != kProtocolVersion) {
    refused_ = true;
    badInput(mismatchMessage(kProtocolVersion, theirs));
  }
  greeted_ = true;
  // The detection comes with the hello: a run needs it first, and a round trip less per connection.
  host_ = services::detectThisHost().host; // the CUDA devices too: a board's GPU is a device of its own
  send({{"op", "hello"}, {"protocol", kProtocolVersion}, {"maple", kMapleVersion}, {"hostname", host_.hostname},
        {"host", toJson(host_)}});
}

services::Measurer& Agent::measurerFor(const services::EngineChoice& c) {
  const auto key = c.engine + "|" + std::to_string(c.batch) + "|" + std::to_string(c.threads) + "|" +
                   std::to_string(c.seed) + "|" + std::to_string(c.runnerTimeoutS);
  auto& m = measurers_[key];
  if (!m) m = services::openMeasurer(c);
  return *m;
}

void Agent::measure(const json& r) {
  services::EngineChoice c;
  c.engine = str(r, "engine");
  c.batch = integer(r, "batch");
  c.threads = integer(r, "threads");
  c.seed = static_cast<std::uint64_t>(integer(r, "seed"));
  c.runnerTimeoutS = num(r, "timeout");
  c.cancelled = [this] { return clientGone(); };
  if (c.batch < 1 || c.batch > 4096) fail(ErrorKind::Usage, "batch must lie in 1..4096");
  // No "space": a client of before search spaces, measuring nb201.
  const auto& space = r.contains("space") ? searchspace::space(str(r, "space")) : searchspace::nb201Space();
  const auto arch = searchspace::parseArchitecture(space, str(r, "arch"));
  const auto protocol = protocolFromJson(at(r, "protocol"));
  auto& measurer = measurerFor(c);
  const auto m = measurer.measure(arch, protocol, [&](const measure::MeasureProgress& p) {
    send({{"op", "progress"}, {"runs_done", p.runsDone}, {"max_runs", p.maxRuns}, {"median_ms", p.medianMs}});
    return !clientGone();
  });
  const auto cpus = measure::allowedCpus();
  auto conditions = measure::currentConditions(host_, cpus); // the hello's detection: the CPUs stay the same
  conditions.threads = c.threads > 0 ? c.threads : static_cast<int>(cpus.size());
  conditions.batch = c.batch;
  conditions.engine = measurer.name();
  conditions.engineVersion = measurer.version();
  measure::recordMeasurement(conditions, m);
  send({{"op", "measured"}, {"measurement", toJson(m)}, {"conditions", json::parse(measure::toJson(conditions))},
        {"engine", measurer.name()}, {"engine_version", measurer.version()}});
}

void Agent::capture(const json& r) {
  counters::CaptureOptions options;
  options.events = strings(r, "events");
  options.repeats = integer(r, "repeats");
  options.allowSoftwareFallback = boolean(r, "allow_software");
  engine::RunConfig config;
  config.threads = integer(r, "threads");
  auto engine = services::openEngine(str(r, "engine"));
  if (!engine) fail(ErrorKind::Usage, "unknown engine " + str(r, "engine") + ": a capture runs on cpu or cuda");
  counters::CaptureCallbacks callbacks;
  std::size_t readings = 0; // streamed, on the sampling thread (joined before the capture returns)
  callbacks.onSamples = [this, &readings](const std::vector<counters::Sample>& batch) {
    for (const auto& message : samplesMessages(batch, kMaxSamplesLineBytes)) send(message);
    readings += batch.size();
    return !clientGone();
  };
  callbacks.onProgress = [this](double fraction, const std::string& step) {
    send({{"op", "progress"}, {"fraction", fraction}, {"step", step}});
    return !clientGone();
  };
  callbacks.stopRequested = [this] { return stopAsked(); };
  const auto c = counters::runCapture(*engine, str(r, "workload"), config, options, callbacks);
  send({{"op", "captured"}, {"capture", toJson(c)}, {"readings", readings},
        {"runtime", engine->name() + " " + engine->version()}});
}

void Agent::handle(const json& r) {
  const auto op = r["op"].get<std::string>();
  if (op == "hello") return hello(r);
  if (!greeted_) badInput("the first request must be hello (with the client's protocol version)");
  if (op == "detect") return send({{"op", "detected"}, {"host", toJson(services::detectThisHost().host)}});
  if (op == "probe") {
    auto events = strings(r, "events");
    if (events.empty()) events = counters::mapleEvents();
    return send({{"op", "probed"},
                 {"counting", toJson(Counting{counters::probe(events), counters::listPmus(), counters::libpfmVersion()})}});
  }
  if (op == "measure") return measure(r);
  if (op == "capture") return capture(r);
  if (op == "stop") return; // it came after the capture it was meant for had ended
  fail(ErrorKind::Usage, "unknown request " + op + " (this agent knows hello, detect, probe, measure, capture, stop)");
}

int Agent::serve() {
  std::string line;
  for (;;) {
    try {
      if (!readLine(line)) return 0;
      handle(parseMessage(line, "the request", kMaxRequestBytes));
    } catch (const Error& e) {
      send({{"op", "error"}, {"kind", kindName(static_cast<int>(e.kind()))}, {"error", e.what()}});
      if (refused_ || buffer_.size() > kMaxRequestBytes) return 2;
    } catch (const std::exception& e) {
      send({{"op", "error"}, {"kind", "bad_input"}, {"error", e.what()}});
    }
  }
}

} // namespace

int serveAgent(int inFd, int outFd) {
  std::signal(SIGPIPE, SIG_IGN); // a vanished client shows as a failed write (children get the default back)
  std::signal(SIGTERM, onEndSignal);
  std::signal(SIGHUP, onEndSignal);
  return Agent(inFd, outFd).serve();
}

} // namespace maple::remote
