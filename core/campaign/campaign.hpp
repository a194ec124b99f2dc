#pragma once
// A measuring campaign: time chosen NAS-Bench-201 architectures on this machine with one engine and
// store each latency with its conditions as it completes. Shared by `maple measure` and the
// workbench's "measure selected", so both write the same rows.
#include "campaign/host_device.hpp"
#include "engine/engine.hpp"
#include "measure/conditions.hpp"
#include "measure/protocol.hpp"
#include "searchspace/nb201.hpp"
#include "store/project.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maple::campaign {

// Either an in-process engine (cpu, cuda) or an external runner, behind one measuring call.
class Measurer {
public:
  virtual ~Measurer() = default;
  virtual measure::Measurement measure(const nb201::Cell& cell, const measure::Protocol& p,
                                       const measure::MeasureCallback& cb) = 0;
  virtual std::string name() const = 0;    // latency_samples.engine
  virtual std::string version() const = 0; // known after the first sample for a runner
  // The conditions of the last sample when the measurer knows them better than this machine does
  // (a remote device reports its own governor and frequencies); nullopt: read them here.
  virtual std::optional<measure::Conditions> lastConditions() const { return std::nullopt; }
};

struct EngineChoice {
  std::string engine; // "cpu", "cuda" or "command:PROGRAM ARGS"
  int batch = 1;
  int threads = 1;
  std::uint64_t seed = 42;
  double runnerTimeoutS = 300;
  // Asked while waiting on an external runner: true ends the runner's process tree at once and
  // the sample throws Error(Cancelled) (in-process engines finish the current sample first).
  std::function<bool()> cancelled;
};

// The in-process engine of that name ("cpu" or "cuda"); null for any other name, so each caller
// names what it accepts. "no CUDA device" (Usage) for cuda without one.
std::unique_ptr<engine::Engine> openEngine(const std::string& name);

// Usage error naming the accepted engines for an unknown one; "no CUDA device" for cuda without one.
std::unique_ptr<Measurer> openMeasurer(const EngineChoice& choice);

struct Target {
  nb201::Cell cell;
  std::optional<int> index; // NAS-Bench-201 index, when known
};

// Stores one measured sample per call, each in its own transaction, so an interrupted campaign
// keeps every finished sample. The device is created from this host with the first sample, so a
// run that fails at once leaves no empty device behind.
class Recorder {
public:
  // `host`: the machine measured on (a remote device's detection; absent: this one); `via`: how it
  // was reached, for the provenance (e.g. "launcher 'ssh pi@board maple agent'").
  Recorder(store::Project& project, std::string device, const EngineChoice& choice, const Measurer& measurer,
           std::vector<int> pinnedCpus = {}, std::optional<measure::HostInfo> host = {}, std::string via = {});
  void record(const Target& target, const measure::Measurement& m);
  const measure::HostInfo& host() const { return device_.host(); }
  const std::string& deviceNotice() const { return device_.notice(); } // see HostDevice::notice
  std::int64_t sourceId() const { return sourceId_; }
  int threads() const { return threads_; }

private:
  measure::Conditions localConditions(const measure::Measurement& m) const;

  store::Project& project_;
  HostDevice device_;
  std::string deviceName_;
  EngineChoice choice_;
  const Measurer& measurer_;
  std::vector<int> cpus_, pinned_;
  int threads_ = 1;
  std::int64_t sourceId_ = 0;
  std::string startedAt_, via_;
};

// The protocol `maple measure` uses for a maximum number of timed runs and warm-up runs.
measure::Protocol protocolFor(int repeats, int warmup);

} // namespace maple::campaign
