#pragma once
// The predictor contract shared by the harness, the CLI, the predictor file, the C API and the GUI.
//
// A predictor is trained on a pool of known devices (their latencies and descriptors), then adapted
// to one target device from that device's descriptor and k measured samples ("shots"). Honest
// accounting: every latency measured on the target counts as a shot, including the ones used to
// build its descriptor (Descriptor::shotsUsed).
//
// Every predictor round-trips through ModelState (restore(state()) predicts the same numbers), so
// the project store and the .maplepred file persist it without any library's object layout.
#include "descriptor/descriptor.hpp"
#include "predict/model_state.hpp"
#include "searchspace/architecture.hpp"

#include <functional>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

namespace maple::predict {

// Long work reports a fraction in [0, 1] and a stage name; returning false cancels, and the callee
// then throws maple::Error(Cancelled).
using ProgressFn = std::function<bool(double fraction, const std::string& stage)>;

// Known devices: every architecture's latency on each, and each device's descriptor of one kind.
struct TrainingPool {
  std::string descriptorKind;
  std::vector<std::string> devices;
  std::vector<descriptor::Descriptor> descriptors; // one per device, same order
  searchspace::ArchitectureSet architectures;      // one space; same order as the columns below
  std::vector<std::vector<double>> latencyMs;      // [device][architecture], NaN where not measured
};

struct Shot {
  searchspace::Genotype genotype; // of the predictor's search space
  double latencyMs = 0;
};

// What is known of the device to adapt to.
struct Target {
  std::string device;
  descriptor::Descriptor descriptor; // of the predictor's kind
  std::vector<Shot> shots;           // measured samples mixed into adaptation
  std::string shotPolicy;            // how the shots were chosen (shot_policy.hpp), recorded; may be empty
};

struct TrainOptions {
  std::uint64_t seed = 1;
  int threads = 0; // 0: all hardware threads
};

class Predictor {
public:
  virtual ~Predictor() = default;
  virtual std::string method() const = 0;
  virtual std::string descriptorKind() const = 0;
  virtual std::vector<std::string> trainingDevices() const = 0;
  // The search space every architecture given to this predictor must be of.
  virtual std::string_view searchSpace() const = 0;

  // A new predictor bound to the target device. The pool-trained predictor is left unchanged.
  virtual std::unique_ptr<Predictor> adapt(const Target& target, const ProgressFn& progress = {}) const = 0;
  // The device this predictor was adapted to; empty for a pool-trained one.
  virtual std::string targetDevice() const = 0;

  // Latency in ms of each architecture on the adapted device. `spread`, when given and the method
  // has one, receives a per-prediction uncertainty (relative, 1 sigma in log space); otherwise it is
  // left empty. Throws Usage on a predictor that was never adapted or for a set of another space.
  virtual std::vector<double> predictMs(const searchspace::ArchitectureSet& architectures,
                                        std::vector<double>* spread = nullptr) const = 0;

  // The shots an adapted predictor was fitted to (empty for a pool-trained one), and the policy
  // that chose them; both are in state() as meta "adapted_on".
  virtual std::vector<Shot> adaptedOn() const = 0;
  virtual std::string adaptedShotPolicy() const = 0;

  // The k candidates (distinct positions, pick order) an optimal design under this predictor's own
  // pool prior would measure first, chosen before any latency of the target is known. Usage when
  // k is 0 or exceeds the candidates, or for candidates of another space.
  virtual std::vector<size_t> designShots(const searchspace::ArchitectureSet& candidates, size_t k) const = 0;

  virtual ModelState state() const = 0;
};

// The methods train() knows, the default (the best on the harness) first.
const std::vector<std::string>& methodNames();
const std::string& defaultMethod();

// Throws Usage naming the known methods for an unknown one, BadInput for an unusable pool. The
// predictor is the same whatever order the pool lists its devices in (it trains on them in name order).
std::unique_ptr<Predictor> train(const std::string& method, const TrainingPool& pool, const TrainOptions& options,
                                 const ProgressFn& progress = {});

// Rebuilds a predictor from its state; BadInput naming what is missing or inconsistent.
std::unique_ptr<Predictor> restore(const ModelState& state);

} // namespace maple::predict
