#pragma once
// The predictive spread a method reports for one target device, which "most uncertain" sample
// selection ranks by. (The cross-device evaluation is a core service: services/evaluations.hpp.)
#include "evaluation/points.hpp"
#include "predict/predictor.hpp"
#include "predict/shot_policy.hpp"

namespace maple::evaluation {

// Trains `method` on every other device with latencies and adapts it to `target` from the target's
// own descriptor of `kind` (for reference-latency: its measured reference architectures) and every
// latency measured on it (of the architectures' space), then returns the spread per architecture.
// BadInput naming the fix when the target lacks that descriptor or the method reports no spread.
std::vector<double> predictiveSpread(store::Project& project, const std::string& target, const std::string& method,
                                     const std::string& kind, const searchspace::ArchitectureSet& architectures,
                                     const predict::ProgressFn& progress = {});

// The k of `architectures` (positions, pick order) that `policy` proposes to measure on `target`
// (may be a device not yet in the project, or empty). design trains the default method on every
// device with latencies in the architectures' space other than `target` and reads no latency of
// `target`. Usage when k is 0 or exceeds the architectures, BadInput naming the fix when no pool
// can be trained for design.
std::vector<size_t> proposeShots(store::Project& project, const std::string& target, predict::ShotPolicy policy,
                                 const searchspace::ArchitectureSet& architectures, size_t k, std::uint64_t seed,
                                 const predict::ProgressFn& progress = {});

} // namespace maple::evaluation
