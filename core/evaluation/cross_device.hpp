#pragma once
// The predictive spread a method reports for one target device, which "most uncertain" sample
// selection ranks by. (The cross-device evaluation is a core service: services/evaluations.hpp.)
#include "evaluation/points.hpp"
#include "predict/predictor.hpp"

namespace maple::evaluation {

// Trains `method` on every other device with latencies and adapts it to `target` from the target's
// own descriptor of `kind` (for reference-latency: its measured reference architectures) and every
// latency measured on it, then returns the spread per cell. BadInput naming the fix when the target
// lacks that descriptor or the method reports no spread.
std::vector<double> predictiveSpread(store::Project& project, const std::string& target, const std::string& method,
                                     const std::string& kind, const std::vector<nb201::Cell>& cells,
                                     const predict::ProgressFn& progress = {});

} // namespace maple::evaluation
