#pragma once
// Choose architectures to measure on a device: one of core/sampling's strategies (most-uncertain
// ranks by a predictor adapted to the device) or a shot policy (predict/shot_policy.hpp). Shared by
// `maple select` and the workbench's Samples page. Reads the project, writes nothing.
#include "predict/predictor.hpp"
#include "predict/shot_policy.hpp"
#include "sampling/selection.hpp"
#include "store/project.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maple::services {

struct SelectionCandidate {
  searchspace::Genotype genotype; // of the request's space
  std::optional<int> spaceIndex;  // the data set's index, when the project's table has it
  double mflops = 0;
};

// The project's architectures of `space` with at least minMflops and at most maxMflops, in store
// order.
std::vector<SelectionCandidate> selectionCandidates(store::Project& project, const searchspace::SearchSpace& space,
                                                    double minMflops = 0, double maxMflops = 1e12);

struct SelectionRequest {
  const searchspace::SearchSpace* space = &searchspace::nb201Space(); // of every candidate
  std::vector<SelectionCandidate> candidates;
  // A strategy, or else the shot policy.
  std::optional<sampling::Strategy> strategy;
  predict::ShotPolicy shotPolicy = predict::kNewDeviceShotPolicy;
  std::string device;  // most-uncertain: the device whose uncertainty ranks (required); design: left out of its pool
  size_t count = 10;
  std::uint64_t seed = 1;
};

struct Selection {
  std::vector<size_t> picks; // positions into request.candidates, in pick order
  std::string how;           // the strategy's or the policy's name
  bool deterministic = false; // the seed plays no part
};

// Usage when count is 0 or exceeds the candidates, or most-uncertain has no device; the
// strategy's or policy's errors otherwise (each names its fix).
Selection selectArchitectures(store::Project& project, const SelectionRequest& request,
                              const predict::ProgressFn& progress = {});

} // namespace maple::services
