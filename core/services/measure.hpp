#pragma once
// Measure and store: time chosen architectures of a search space with one engine and store each latency
// with its conditions as it completes. Shared by `maple measure`, the workbench's "measure
// selected" and remote runs (which pass the remote host's detection), so all write the same rows.
//
// One value per architecture: measuring an architecture again adds another sample of it (each run
// of the protocol is one sample: its median over the timed runs); every count, predictor and
// evaluation uses the median of an architecture's samples (store/latencies.hpp).
#include "services/host_device.hpp"
#include "engine/engine.hpp"
#include "measure/conditions.hpp"
#include "measure/protocol.hpp"
#include "searchspace/architecture.hpp"
#include "store/project.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maple::services {

// Either an in-process engine (cpu, cuda) or an external runner, behind one measuring call.
class Measurer {
public:
  virtual ~Measurer() = default;
  virtual measure::Measurement measure(const searchspace::Architecture& arch, const measure::Protocol& p,
                                       const measure::MeasureCallback& cb) = 0;
  virtual std::string name() const = 0;    // latency_samples.engine
  virtual std::string version() const = 0; // known after the first sample for a runner
  // The conditions of the last measurement where the measurer knows them better than this process
  // (a remote agent reports the board's governor and frequencies); absent: read them here.
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
// names what it accepts. "no CUDA device" (Io) for cuda without one.
std::unique_ptr<engine::Engine> openEngine(const std::string& name);

// Usage error naming the accepted engines for an unknown one; "no CUDA device" for cuda without one.
std::unique_ptr<Measurer> openMeasurer(const EngineChoice& choice);

struct ArchToMeasure {
  searchspace::Architecture arch;
  std::optional<std::int64_t> datasetIndex; // the imported data set's index (HELP's), when known
};

// Stores one measured sample per call, each in its own transaction, so an interrupted run
// keeps every finished sample. The device is created from the host with the first sample, so a
// run that fails at once leaves no empty device behind. Construction refuses an imported device
// (BadInput, nothing written). `host`: the machine measured on; absent: this one.
class Recorder {
public:
  Recorder(store::Project& project, std::string device, const EngineChoice& choice, const Measurer& measurer,
           std::vector<int> pinnedCpus = {}, std::optional<measure::HostInfo> host = {});
  void record(const ArchToMeasure& target, const measure::Measurement& m);
  const measure::HostInfo& host() const { return device_.host(); }
  const std::string& deviceNotice() const { return device_.notice(); } // see HostDevice::notice
  // How the host was reached (e.g. "launcher 'ssh pi@board maple agent'"), for the source's description.
  void setVia(std::string via) { via_ = std::move(via); }
  // A remote device's launcher, kept with the device with the first sample (store/device_launcher.hpp).
  void setLauncher(std::string launcher) { launcher_ = std::move(launcher); }
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
  std::string startedAt_, run_, via_, launcher_;
};

// The protocol `maple measure` uses for a maximum number of timed runs and warm-up runs.
measure::Protocol protocolFor(int repeats, int warmup);

// What one measurement gives a user: median and IQR of its timed runs, how many, whether the
// median settled, and the high-spread warning `maple measure` prints (empty when the IQR is within
// the protocol's threshold).
struct SampleSummary {
  double medianMs = 0, iqrMs = 0;
  int repetitions = 0;
  bool stable = false;
  std::string spreadWarning;
  std::vector<std::string> warnings; // every warning of the protocol, the spread one included
};
SampleSummary summarize(const measure::Measurement& m);

struct MeasureRequest {
  std::string device;
  EngineChoice engine;
  std::vector<ArchToMeasure> targets;
  measure::Protocol protocol = protocolFor(100, 5);
  std::vector<int> pinnedCpus;            // recorded in the conditions (the caller pins)
  std::optional<measure::HostInfo> host;  // the machine measured on; absent: this one
  std::shared_ptr<Measurer> measurer;     // made by the caller (e.g. a remote agent); absent: openMeasurer(engine)
  std::string via;                        // see Recorder::setVia
  std::string launcher;                   // see Recorder::setLauncher (services/remote.hpp sets both)
};

struct MeasuredTarget {
  ArchToMeasure target;
  SampleSummary summary;
  measure::Measurement measurement; // every timed run, quartiles, extremes
};

struct MeasureEvents {
  // Before the first target: what happens to the device (HostDevice::notice), when anything.
  std::function<void(const std::string& notice)> onNotice;
  // During target i (0-based); returning false cancels it (not stored) and stops the run.
  std::function<bool(size_t i, const measure::MeasureProgress&)> onProgress;
  // After target i is stored.
  std::function<void(size_t i, const MeasuredTarget&)> onStored;
  // Polled after each stored target; true stops before the next (the current one is kept).
  std::function<bool()> stopRequested;
};

struct MeasureOutcome {
  std::vector<MeasuredTarget> stored;
  bool stopped = false;   // cancelled or stopped before every target was measured
  std::string message;    // "stored 3 of 12 latency samples for device 'x' ..." (also when stopped)
  std::string engine, engineVersion;
  std::int64_t sourceId = 0;
  int threads = 1;
};

// Measures each target in turn and stores it at once (Recorder). A failure while measuring throws
// the engine's error with "[while measuring ARCH; N sample(s) measured before were kept]" appended;
// cancelling returns stopped = true with what was stored. BadInput, nothing measured, for an
// imported device.
MeasureOutcome measureAndStore(store::Project& project, const MeasureRequest& request, const MeasureEvents& events = {});

// Every architecture of `space` measured on a device, one row each (median of its samples), in the order of
// store::listArchitectures, with the spread warning of `maple measure` applied to the median IQR.
struct MeasuredArchitecture {
  std::int64_t architectureId = 0;
  searchspace::Architecture arch;
  std::optional<int> spaceIndex;
  double medianMs = 0;            // median of the samples' medians
  std::optional<double> iqrMs;    // median of the samples' IQRs (absent for imported values)
  int repetitions = 0;            // timed runs over all samples (0 for imported values)
  int samples = 0;                // how many times it was measured
  bool highSpread = false;
  std::string spreadWarning;      // as `maple measure` words it; empty when not highSpread
};
std::vector<MeasuredArchitecture> measuredArchitectures(store::Project& project, const searchspace::SearchSpace& space,
                                                      const std::string& device);

} // namespace maple::services
