#include "predict/shot_policy.hpp"

#include "common/error.hpp"
#include "descriptor/from_data.hpp"
#include "sampling/selection.hpp"

#include <algorithm>
#include <map>
#include <set>

namespace maple::predict {

const std::vector<ShotPolicy>& shotPolicies() {
  static const std::vector<ShotPolicy> all{ShotPolicy::Random, ShotPolicy::Reference, ShotPolicy::Design};
  return all;
}

std::string shotPolicyName(ShotPolicy p) {
  switch (p) {
  case ShotPolicy::Random: return "random";
  case ShotPolicy::Reference: return "reference";
  case ShotPolicy::Design: return "design";
  }
  return "random";
}

ShotPolicy parseShotPolicy(const std::string& name) {
  for (auto p : shotPolicies())
    if (shotPolicyName(p) == name) return p;
  fail(ErrorKind::Usage, "unknown shot policy '" + name + "': use random, reference or design");
}

bool isDeterministic(ShotPolicy p) { return p != ShotPolicy::Random; }

std::string shotPolicySummary(ShotPolicy p) {
  switch (p) {
  case ShotPolicy::Random: return "a seeded random draw (figures vary with the seed)";
  case ShotPolicy::Reference: return "HELP's reference architectures first, in HELP's order (deterministic)";
  case ShotPolicy::Design:
    return "an optimal design under the predictor's pool prior, chosen before any latency of the device is known "
           "(deterministic)";
  }
  return {};
}

namespace {

// Seeded random positions, skipping those already taken, appended until `out` holds k.
void fillRandom(std::vector<size_t>& out, size_t n, size_t k, std::uint64_t seed) {
  std::vector<size_t> rest;
  for (size_t i = 0; i < n; ++i)
    if (std::find(out.begin(), out.end(), i) == out.end()) rest.push_back(i);
  if (out.size() >= k) return;
  for (size_t pick : sampling::selectRandom(rest.size(), k - out.size(), seed)) out.push_back(rest[pick]);
}

} // namespace

std::vector<size_t> chooseShots(ShotPolicy policy, const Predictor* poolTrained, const searchspace::ArchitectureSet& c,
                                size_t k, std::uint64_t seed) {
  const size_t n = c.size();
  if (k == 0) fail(ErrorKind::Usage, "choose at least one shot");
  if (k > n)
    fail(ErrorKind::Usage, "cannot choose " + std::to_string(k) + " shots from " + std::to_string(n) +
                               " candidate architectures: ask for fewer or offer more");
  std::vector<size_t> out;
  switch (policy) {
  case ShotPolicy::Design:
    if (!poolTrained) fail(ErrorKind::Usage, "the design shot policy needs a pool-trained predictor");
    return poolTrained->designShots(c, k);
  case ShotPolicy::Reference: {
    const auto refs = c.space->referenceArchitectures();
    const std::set<std::string> wanted(refs.begin(), refs.end());
    std::map<std::string, size_t> at;
    for (size_t i = 0; i < n; ++i)
      if (auto s = c.canonical(i); wanted.count(s)) at.emplace(s, i);
    for (const auto& ref : refs) {
      if (out.size() == k) break;
      if (auto it = at.find(ref); it != at.end()) out.push_back(it->second);
    }
    fillRandom(out, n, k, seed);
    return out;
  }
  case ShotPolicy::Random: fillRandom(out, n, k, seed); return out;
  }
  return out;
}

Target targetFromShots(const std::string& device, const std::string& kind, const searchspace::SearchSpace& space,
                       std::vector<Shot> shots, const descriptor::Descriptor* stored, ShotPolicy policy) {
  Target t;
  t.device = device;
  t.shotPolicy = shotPolicyName(policy);
  if (kind == descriptor::kReferenceLatency) {
    std::map<std::string, double> byCanonical;
    for (const auto& s : shots) byCanonical[space.format(s.genotype)] = s.latencyMs;
    t.descriptor = descriptor::referenceLatencyFromShots(space, byCanonical);
  } else {
    if (!stored) fail(ErrorKind::Usage, "device '" + device + "' needs its '" + kind + "' descriptor to adapt");
    t.descriptor = *stored;
  }
  t.shots = std::move(shots);
  return t;
}

} // namespace maple::predict
