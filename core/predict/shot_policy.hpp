#pragma once
// Which architectures to measure on a target device (its "shots"), as one choice every face offers
// (maple eval / select / adapt and the workbench):
//   random     a seeded uniform draw: report figures as mean +- sd over seeds
//   reference  the search space's reference architectures (HELP's ten, in HELP's order), then seeded
//              random picks beyond them
//   design     an optimal design under the pool-trained predictor's own prior (Predictor::designShots),
//              chosen from the pool alone before any latency of the target is known
// reference and design are deterministic: the seed plays no part in the picks.
//
// Every latency counts: targetFromShots builds a reference-latency descriptor from the chosen shots
// only, so k shots are every latency measured on the target that the prediction uses.
#include "predict/predictor.hpp"

#include <optional>
#include <span>
#include <string>
#include <vector>

namespace maple::predict {

enum class ShotPolicy { Random, Reference, Design };

const std::vector<ShotPolicy>& shotPolicies(); // random, reference, design
std::string shotPolicyName(ShotPolicy p);
ShotPolicy parseShotPolicy(const std::string& name); // Usage naming the known policies
inline constexpr ShotPolicy kNewDeviceShotPolicy = ShotPolicy::Design;
bool isDeterministic(ShotPolicy p);
std::string shotPolicySummary(ShotPolicy p); // one sentence for help texts and tooltips

// Exactly k distinct positions into `candidates` (what may be measured, or what is measured), in
// pick order; Usage when k is 0 or exceeds the candidates. `poolTrained` is needed by design only
// (Usage when null there).
std::vector<size_t> chooseShots(ShotPolicy policy, const Predictor* poolTrained,
                                const searchspace::ArchitectureSet& candidates, size_t k, std::uint64_t seed);

// The target of an adaptation from the shots actually used. For the reference-latency kind the
// descriptor is built from the reference architectures among `shots` only (none: an empty
// descriptor, which leaves the pool prior uniform); for another kind `stored` is the device's
// descriptor (Usage when null). The shots are of `space`.
Target targetFromShots(const std::string& device, const std::string& descriptorKind, const searchspace::SearchSpace& space,
                       std::vector<Shot> shots, const descriptor::Descriptor* stored, ShotPolicy policy);

} // namespace maple::predict
