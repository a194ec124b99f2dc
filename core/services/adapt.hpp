#pragma once
// Adapt to a device: train a predictor on chosen training devices, adapt it to the target from some
// of the target's measured architectures (the shots) and score it on the rest (held out). Stores
// the adapted predictor in the project (its target is the device) in one transaction, after the
// last progress report; nothing is stored when the work fails or is cancelled.
//
// Shot accounting is predict/'s (every latency measured on the target that the prediction uses
// counts): with the reference-latency descriptor the target's measured HELP reference
// architectures come first among the shots and build its descriptor.
#include "predict/metrics.hpp"
#include "predict/predictor.hpp"
#include "predict/shot_policy.hpp"
#include "predictfile/predictor_file.hpp"
#include "store/project.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace maple::services {

// Every device with latencies on the search space except the target and, when the target is
// imported, its same-chip siblings (sameChipDevices). Name order.
std::vector<std::string> defaultTrainingDevices(store::Project& project, const searchspace::SearchSpace& space,
                                                const std::string& target);

struct AdaptRequest {
  std::string target;
  std::string space;                               // empty: the project's only one (resolveSpace)
  std::vector<std::string> trainDevices;           // empty: defaultTrainingDevices
  std::string method;                              // empty: predict::defaultMethod()
  std::string descriptorKind = "reference-latency";
  int shots = 10;                                  // of the target's measured architectures; 0: all of them
  predict::ShotPolicy shotPolicy = predict::kNewDeviceShotPolicy; // which k of them (predict/shot_policy.hpp)
  std::uint64_t seed = 1;                          // shot draw and training
  int threads = 0;
  std::string predictorName;                       // empty: "<method>-<target>-<k>shots[-N]", unique
  bool store = true;                               // false: compute and return only
  // A pool-trained predictor to adapt instead of training one: its space, method, descriptor kind
  // and training devices replace those fields above, and parentCreated (its file's "created")
  // goes into the adapted file's provenance.
  std::shared_ptr<const predict::Predictor> parent;
  nlohmann::json parentCreated;
  std::string provenance;                          // what asked for it (e.g. the command); in the file
};

struct AdaptPoint {
  searchspace::Architecture arch;
  std::optional<int> spaceIndex; // the data set's index, when known
  double predictedMs = 0, measuredMs = 0;
};

struct AdaptResult {
  const searchspace::SearchSpace* space = nullptr;
  std::string target, method, descriptorKind;
  std::vector<std::string> trainDevices;
  std::string shotPolicy;          // as recorded in the adapted predictor ("all measured" when k = all)
  std::vector<AdaptPoint> shots;   // measured architectures used to adapt (predicted after adapting)
  std::vector<AdaptPoint> heldOut; // the other measured architectures, scored
  std::optional<predict::Metrics> metrics; // over heldOut; absent when none is held out
  // An enumerable space whole, in index order (nb201: 15,625 by cell code), empty for the others:
  // predicted ms and, where the method has one, its spread (relative, 1 sigma in log space; empty
  // otherwise).
  std::vector<double> spaceMs, spaceSpread;
  std::int64_t predictorId = 0;    // 0 when not stored
  std::string predictorName;
  predictfile::PredictorFile file; // what export writes
};

// Usage for an unknown method or kind, a target among the training devices, shots < 0; BadInput
// naming the fix when the target has no measured architectures, fewer than `shots` (the message
// says how many it has), or lacks the descriptor. Progress goes to 1.0 ("storing") right before the
// write; returning false there still stores nothing.
AdaptResult adaptToDevice(store::Project& project, const AdaptRequest& request, const predict::ProgressFn& progress = {});

} // namespace maple::services
