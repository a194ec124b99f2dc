#include "campaign/campaign.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "engine/command/command_runner.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "measure/conditions.hpp"
#include "measure/pinning.hpp"
#include "measure/samplers.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <algorithm>
#include <unistd.h>

namespace maple::campaign {
namespace {

class InProcessMeasurer final : public Measurer {
public:
  InProcessMeasurer(std::unique_ptr<engine::Engine> e, engine::RunConfig config) : engine_(std::move(e)), config_(config) {}
  measure::Measurement measure(const nb201::Cell& cell, const measure::Protocol& p, const measure::MeasureCallback& cb) override {
    auto net = engine_->prepare(cell, config_);
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
  measure::Measurement measure(const nb201::Cell& cell, const measure::Protocol& p, const measure::MeasureCallback& cb) override {
    auto req = base_;
    req.arch = nb201::toString(cell);
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
                   std::vector<int> pinnedCpus, std::optional<measure::HostInfo> host, std::string via)
    : project_(project), device_(project, device, choice.engine, choice.batch, std::move(host)),
      deviceName_(std::move(device)), choice_(choice), measurer_(measurer), cpus_(measure::allowedCpus()),
      pinned_(std::move(pinnedCpus)), startedAt_(text::nowIso8601()), via_(std::move(via)) {
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

void Recorder::record(const Target& t, const measure::Measurement& m) {
  const auto& host = device_.host();
  auto conditions = measurer_.lastConditions().value_or(localConditions(m));

  store::Transaction tx(project_.db());
  const auto deviceId = device_.id(measurer_.name() + " " + measurer_.version());
  if (sourceId_ == 0)
    sourceId_ = store::ensureSource(
        project_, "measurement", "maple-measure:" + deviceName_ + ":" + startedAt_ + ":" + std::to_string(getpid()),
        "maple measure on host " + host.hostname + (via_.empty() ? "" : " via " + via_) + ": engine " + measurer_.name() + " (" + measurer_.version() +
            "), batch " + std::to_string(choice_.batch) + ", threads " + std::to_string(threads_) + ", started " + startedAt_);
  store::LatencyWriter writer(project_);
  store::LatencySample s;
  s.deviceId = deviceId;
  s.architectureId = writer.architecture(t.cell, t.index);
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

} // namespace maple::campaign
