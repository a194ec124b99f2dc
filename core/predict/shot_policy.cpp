#include "predict/shot_policy.hpp"

#include "common/error.hpp"
#include "descriptor/from_data.hpp"
#include "sampling/selection.hpp"

#include <algorithm>
#include <map>

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

std::vector<size_t> chooseShots(ShotPolicy policy, const Predictor* poolTrained, const ShotCandidates& c, size_t k,
                                std::uint64_t seed) {
  const size_t n = c.cells.size();
  if (k == 0) fail(ErrorKind::Usage, "choose at least one shot");
  if (k > n)
    fail(ErrorKind::Usage, "cannot choose " + std::to_string(k) + " shots from " + std::to_string(n) +
                               " candidate architectures: ask for fewer or offer more");
  if (!c.spaceIndex.empty() && c.spaceIndex.size() != n)
    fail(ErrorKind::Usage, "shot candidates: the index list does not match the architectures");
  std::vector<size_t> out;
  switch (policy) {
  case ShotPolicy::Design:
    if (!poolTrained) fail(ErrorKind::Usage, "the design shot policy needs a pool-trained predictor");
    return poolTrained->designShots(c.cells, k);
  case ShotPolicy::Reference: {
    std::map<int, size_t> at;
    for (size_t i = 0; i < c.spaceIndex.size(); ++i)
      if (c.spaceIndex[i]) at.emplace(*c.spaceIndex[i], i);
    for (int idx : descriptor::referenceArchitectures()) {
      if (out.size() == k) break;
      if (auto it = at.find(idx); it != at.end()) out.push_back(it->second);
    }
    fillRandom(out, n, k, seed);
    return out;
  }
  case ShotPolicy::Random: fillRandom(out, n, k, seed); return out;
  }
  return out;
}

Target targetFromShots(const std::string& device, const std::string& kind, std::vector<Shot> shots,
                       std::span<const std::optional<int>> shotIndex, const descriptor::Descriptor* stored,
                       ShotPolicy policy) {
  Target t;
  t.device = device;
  t.shotPolicy = shotPolicyName(policy);
  if (kind == descriptor::kReferenceLatency) {
    std::map<int, double> byIndex;
    for (size_t i = 0; i < shotIndex.size() && i < shots.size(); ++i)
      if (shotIndex[i]) byIndex[*shotIndex[i]] = shots[i].latencyMs;
    t.descriptor = descriptor::referenceLatencyFromShots(byIndex);
  } else {
    if (!stored) fail(ErrorKind::Usage, "device '" + device + "' needs its '" + kind + "' descriptor to adapt");
    t.descriptor = *stored;
  }
  t.shots = std::move(shots);
  return t;
}

} // namespace maple::predict
