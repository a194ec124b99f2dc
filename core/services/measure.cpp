#include "services/measure.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "engine/command/command_runner.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "measure/conditions.hpp"
#include "measure/pinning.hpp"
#include "measure/samplers.hpp"
#include "services/devices.hpp"
#include "store/device_launcher.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <algorithm>
#include <atomic>
#include <unordered_map>
#include <unistd.h>

namespace maple::services {
namespace {

class InProcessMeasurer final : public Measurer {
public:
  InProcessMeasurer(std::unique_ptr<engine::Engine> e, engine::RunConfig config) : engine_(std::move(e)), config_(config) {}
  measure::Measurement measure(const searchspace::Architecture& arch, const measure::Protocol& p,
                               const measure::MeasureCallback& cb) override {
    auto net = engine_->prepare(arch, config_);
    measure::NetworkSampler sampler(*net);
    return measure::run(sampler, p, cb);
  }
  std::string name() const override { return engine_->name(); }
  std::string version() const override { return engine_->version(); }

private:
  std::unique_ptr<engine::Engine> engine_;
  engine::RunConfig config_;
};

class RunnerMeasurer final : public Measurer {
public:
  RunnerMeasurer(std::vector<std::string> argv, double timeout, engine::RunnerRequest base,
                 std::function<bool()> cancelled)
      : runner_(std::move(argv), timeout), base_(std::move(base)) {
    runner_.setCancelCheck(std::move(cancelled));
  }
  measure::Measurement measure(const searchspace::Architecture& arch, const measure::Protocol& p,
                               const measure::MeasureCallback& cb) override {
    auto req = base_;
    req.space = arch.spaceName();
    req.arch = arch.canonical();
    measure::RunnerSampler sampler(runner_, req);
    auto m = measure::run(sampler, p, cb);
    runtime_ = sampler.runtime();
    version_ = sampler.runtimeVersion();
    return m;
  }
  std::string name() const override { return "command:" + (runtime_.empty() ? std::string("runner") : runtime_); }
  std::string version() const override { return version_ + " via " + runner_.describe(); }

private:
  engine::CommandRunner runner_;
  engine::RunnerRequest base_;
  std::string runtime_, version_;
};

} // namespace

std::unique_ptr<engine::Engine> openEngine(const std::string& name) {
  if (name == "cpu") return std::make_unique<engine::cpu::CpuEngine>();
  if (name == "cuda") return engine::makeCudaEngine(0);
  return nullptr;
}

std::unique_ptr<Measurer> openMeasurer(const EngineChoice& o) {
  engine::RunConfig config;
  config.batch = o.batch;
  config.threads = o.threads;
  config.seed = o.seed;
  if (auto e = openEngine(o.engine)) return std::make_unique<InProcessMeasurer>(std::move(e), config);
  if (o.engine.rfind("command:", 0) == 0) {
    auto argv = engine::splitCommandLine(o.engine.substr(8));
    if (argv.empty())
      fail(ErrorKind::Usage, "engine command: needs the runner's command line, e.g. "
                             "command:/usr/bin/python3 runners/pytorch_runner.py");
    engine::RunnerRequest base;
    base.batch = o.batch;
    base.threads = o.threads;
    base.seed = o.seed;
    return std::make_unique<RunnerMeasurer>(std::move(argv), o.runnerTimeoutS, base, o.cancelled);
  }
  fail(ErrorKind::Usage, "unknown engine " + text::quote(o.engine) +
                             ": use cpu, cuda or command:'PROGRAM ARGS' (an external runner speaking JSON lines)");
}

measure::Protocol protocolFor(int repeats, int warmup) {
  measure::Protocol protocol;
  protocol.warmup = warmup;
  protocol.maxRepeats = repeats;
  protocol.minRepeats = std::min(10, std::max(1, repeats));
  protocol.blockSize = protocol.minRepeats;
  protocol.validate();
  return protocol;
}

Recorder::Recorder(store::Project& project, std::string device, const EngineChoice& choice, const Measurer& measurer,
                   std::vector<int> pinnedCpus, std::optional<measure::HostInfo> host)
    : project_(project), device_(project, device, choice.engine, choice.batch, std::move(host)),
      deviceName_(std::move(device)),
      choice_(choice), measurer_(measurer), cpus_(measure::allowedCpus()), pinned_(std::move(pinnedCpus)),
      startedAt_(text::nowIso8601()) {
  // Two runs in one process within a second are two sources: neither's samples may be dropped.
  static std::atomic<long> runs{0};
  run_ = std::to_string(++runs);
  threads_ = choice.threads > 0 ? choice.threads : static_cast<int>(cpus_.size());
}

measure::Conditions Recorder::localConditions(const measure::Measurement& m) const {
  auto conditions = measure::currentConditions(device_.host(), pinned_.empty() ? cpus_ : pinned_);
  conditions.pinnedCpus = pinned_;
  conditions.threads = threads_;
  conditions.batch = choice_.batch;
  conditions.engine = measurer_.name();
  conditions.engineVersion = measurer_.version();
  if (device_.gpu()) conditions.gpu = *device_.gpu();
  measure::recordMeasurement(conditions, m);
  return conditions;
}

void Recorder::record(const ArchToMeasure& t, const measure::Measurement& m) {
  const auto& host = device_.host();
  const auto reported = measurer_.lastConditions(); // a remote device's own, else read here
  const auto conditions = reported ? *reported : localConditions(m);

  store::Transaction tx(project_.db());
  const auto deviceId = device_.id(measurer_.name() + " " + measurer_.version());
  if (sourceId_ == 0 && !launcher_.empty()) store::setDeviceLauncher(project_, deviceName_, launcher_);
  if (sourceId_ == 0)
    sourceId_ = store::ensureSource(
        project_, "measurement", "maple-measure:" + deviceName_ + ":" + startedAt_ + ":" + std::to_string(getpid()) + ":" + run_,
        "maple measure on host " + host.hostname + ": engine " + measurer_.name() + " (" + measurer_.version() +
            "), batch " + std::to_string(choice_.batch) + ", threads " + std::to_string(threads_) + ", started " + startedAt_ +
            (via_.empty() ? "" : ", via " + via_));
  store::LatencyWriter writer(project_);
  store::LatencySample s;
  s.deviceId = deviceId;
  s.architectureId = writer.architecture(t.arch, t.datasetIndex);
  s.latencyMs = m.summary.medianMs;
  s.iqrMs = m.summary.iqrMs();
  s.repetitions = m.summary.count;
  s.batchSize = choice_.batch;
  s.threads = threads_;
  s.engine = measurer_.name();
  s.conditionsJson = measure::toJson(conditions);
  s.measuredAt = conditions.time;
  writer.sample(sourceId_, s);
  tx.commit();
}

SampleSummary summarize(const measure::Measurement& m) {
  SampleSummary s;
  s.medianMs = m.summary.medianMs;
  s.iqrMs = m.summary.iqrMs();
  s.repetitions = m.summary.count;
  s.stable = m.stable;
  s.warnings = m.warnings;
  for (const auto& w : m.warnings)
    if (w.rfind("high spread", 0) == 0) s.spreadWarning = w;
  return s;
}

namespace {
std::string storedMessage(size_t stored, size_t total, const std::string& device, const Measurer& m, const EngineChoice& c,
                          int threads) {
  return "stored " + std::to_string(stored) + (stored == total ? "" : " of " + std::to_string(total)) + " latency sample" +
         (total == 1 ? "" : "s") + " for device " + text::quote(device) + " (engine " + m.name() + ", batch " +
         std::to_string(c.batch) + ", threads " + std::to_string(threads) + ")";
}
} // namespace

MeasureOutcome measureAndStore(store::Project& project, const MeasureRequest& r, const MeasureEvents& ev) {
  if (r.targets.empty()) fail(ErrorKind::Usage, "no architectures to measure");
  requireWritableDevice(project, r.device, "measuring into");
  r.protocol.validate();
  std::shared_ptr<Measurer> measurer = r.measurer;
  if (!measurer) measurer = openMeasurer(r.engine);
  Recorder recorder(project, r.device, r.engine, *measurer, r.pinnedCpus, r.host);
  recorder.setVia(r.via);
  recorder.setLauncher(r.launcher);
  if (ev.onNotice && !recorder.deviceNotice().empty()) ev.onNotice(recorder.deviceNotice());
  MeasureOutcome out;
  out.threads = recorder.threads();
  auto finish = [&](bool stopped) {
    out.stopped = stopped;
    out.engine = measurer->name();
    out.engineVersion = out.stored.empty() ? "" : measurer->version();
    out.sourceId = recorder.sourceId();
    out.message = storedMessage(out.stored.size(), r.targets.size(), r.device, *measurer, r.engine, out.threads);
    return out;
  };
  for (size_t i = 0; i < r.targets.size(); ++i) {
    const auto& t = r.targets[i];
    measure::Measurement m;
    try {
      m = measurer->measure(t.arch, r.protocol, [&](const measure::MeasureProgress& p) {
        return !ev.onProgress || ev.onProgress(i, p);
      });
    } catch (const Error& e) {
      if (e.kind() == ErrorKind::Cancelled) return finish(true);
      fail(e.kind(), std::string(e.what()) + " [while measuring " + t.arch.canonical() + "; " +
                         std::to_string(out.stored.size()) + " sample(s) measured before were kept]");
    }
    recorder.record(t, m);
    out.stored.push_back({t, summarize(m), m});
    if (ev.onStored) ev.onStored(i, out.stored.back());
    if (ev.stopRequested && ev.stopRequested() && i + 1 < r.targets.size()) return finish(true);
  }
  return finish(false);
}

std::vector<MeasuredArchitecture> measuredArchitectures(store::Project& project, const searchspace::SearchSpace& space,
                                                      const std::string& device) {
  const auto dev = store::requireDevice(project, device);
  std::unordered_map<std::int64_t, store::ArchitectureLatency> byId;
  for (auto& a : store::deviceLatencies(project, dev.id)) byId.emplace(a.architectureId, a);
  const double threshold = measure::Protocol{}.highSpread;
  std::vector<MeasuredArchitecture> out;
  for (const auto& a : store::listArchitectures(project, space)) {
    auto it = byId.find(a.id);
    if (it == byId.end()) continue;
    const auto& l = it->second;
    MeasuredArchitecture m{a.id, a.arch, a.spaceIndex, l.medianMs, l.iqrMs, l.repetitions, l.samples, false, {}};
    if (l.iqrMs && l.medianMs > 0) m.spreadWarning = measure::spreadWarning(*l.iqrMs / l.medianMs, threshold);
    m.highSpread = !m.spreadWarning.empty();
    out.push_back(std::move(m));
  }
  return out;
}

} // namespace maple::services
