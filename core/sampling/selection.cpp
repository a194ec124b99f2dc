#include "sampling/selection.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <numeric>
#include <random>

namespace maple::sampling {
namespace {

void checkK(size_t n, size_t k) {
  if (k == 0) fail(ErrorKind::Usage, "select at least one architecture");
  if (k > n)
    fail(ErrorKind::Usage, "cannot select " + std::to_string(k) + " architectures from " + std::to_string(n) +
                               " candidates: widen the filter or ask for fewer");
}

void checkLength(size_t have, size_t n, const char* what, const char* fix) {
  if (have != n)
    fail(ErrorKind::Usage, std::string("this strategy needs ") + what + " for each of the " + std::to_string(n) +
                               " candidates (got " + std::to_string(have) + "): " + fix);
}

} // namespace

const std::vector<Strategy>& strategies() {
  static const std::vector<Strategy> all{Strategy::Random, Strategy::FlopsStratified, Strategy::MaxMinDiversity,
                                         Strategy::MostUncertain};
  return all;
}

std::string strategyName(Strategy s) {
  switch (s) {
  case Strategy::Random: return "random";
  case Strategy::FlopsStratified: return "flops-stratified";
  case Strategy::MaxMinDiversity: return "max-min";
  case Strategy::MostUncertain: return "most-uncertain";
  }
  return "random";
}

std::optional<Strategy> strategyFromName(const std::string& name) {
  for (auto s : strategies())
    if (strategyName(s) == name) return s;
  return std::nullopt;
}

std::vector<size_t> selectRandom(size_t n, size_t k, std::uint64_t seed) {
  checkK(n, k);
  std::vector<size_t> all(n);
  std::iota(all.begin(), all.end(), size_t{0});
  std::mt19937_64 rng(seed);
  // Partial Fisher-Yates: the first k places are a uniform sample in pick order.
  for (size_t i = 0; i < k; ++i) {
    std::uniform_int_distribution<size_t> pick(i, n - 1);
    std::swap(all[i], all[pick(rng)]);
  }
  all.resize(k);
  return all;
}

std::vector<size_t> selectFlopsStratified(std::span<const double> flops, size_t k, std::uint64_t seed) {
  const size_t n = flops.size();
  checkK(n, k);
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return flops[a] < flops[b]; });
  std::mt19937_64 rng(seed);
  std::vector<size_t> out;
  for (size_t s = 0; s < k; ++s) {
    const size_t begin = s * n / k, end = (s + 1) * n / k; // non-empty since k <= n
    std::uniform_int_distribution<size_t> pick(begin, end - 1);
    out.push_back(order[pick(rng)]);
  }
  return out;
}

int encodingDistance(const searchspace::Genotype& a, const searchspace::Genotype& b) {
  int d = 0;
  for (size_t p = 0; p < a.choices.size() && p < b.choices.size(); ++p) d += a.choices[p] != b.choices[p];
  return d + static_cast<int>(std::max(a.choices.size(), b.choices.size()) - std::min(a.choices.size(), b.choices.size()));
}

std::vector<size_t> selectMaxMinDiversity(const searchspace::ArchitectureSet& set, size_t k, std::uint64_t seed) {
  const auto& cells = set.genotypes;
  const size_t n = cells.size();
  checkK(n, k);
  std::mt19937_64 rng(seed);
  std::vector<size_t> out{std::uniform_int_distribution<size_t>(0, n - 1)(rng)};
  // nearest[i]: distance from candidate i to the closest one picked so far.
  std::vector<int> nearest(n);
  for (size_t i = 0; i < n; ++i) nearest[i] = encodingDistance(cells[i], cells[out[0]]);
  while (out.size() < k) {
    const size_t next = static_cast<size_t>(std::max_element(nearest.begin(), nearest.end()) - nearest.begin());
    out.push_back(next);
    for (size_t i = 0; i < n; ++i) nearest[i] = std::min(nearest[i], encodingDistance(cells[i], cells[next]));
    nearest[next] = -1; // never picked twice, even when every remaining candidate is a duplicate
  }
  return out;
}

nb201::Cell liveCell(const nb201::Cell& cell) {
  const auto live = nb201::liveness(cell);
  nb201::Cell out = cell;
  for (int e = 0; e < nb201::kEdges; ++e)
    if (!live.edgeLive[e]) out.ops[e] = nb201::Op::None;
  return out;
}

bool isDisconnected(const nb201::Cell& cell) { return !nb201::liveness(cell).nodeHasData[3]; }

int liveDistance(const nb201::Cell& a, const nb201::Cell& b) {
  return encodingDistance(searchspace::genotypeOf(liveCell(a)), searchspace::genotypeOf(liveCell(b)));
}

std::vector<size_t> selectMostUncertain(const searchspace::ArchitectureSet& set, std::span<const double> spread, size_t k) {
  const size_t n = spread.size();
  checkK(n, k);
  checkLength(set.size(), n, "an architecture", "give the architectures the spreads belong to");
  std::vector<size_t> order(n);
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return spread[a] > spread[b]; });
  // The live structure where the space has dead edges (nb201), else the genotype itself.
  const bool nb201 = set.space == &searchspace::nb201Space();
  std::vector<searchspace::Genotype> live(n);
  for (size_t i = 0; i < n; ++i)
    live[i] = nb201 ? searchspace::genotypeOf(liveCell(searchspace::cellOf(set.genotypes[i]))) : set.genotypes[i];
  std::vector<size_t> out;
  std::vector<bool> taken(n, false);
  // Two live edges apart first; then distinct live structures; then anything left.
  for (int minDistance : {2, 1, 0}) {
    for (size_t i : order) {
      if (out.size() == k) return out;
      if (taken[i]) continue;
      const bool apart = std::all_of(out.begin(), out.end(),
                                     [&](size_t p) { return encodingDistance(live[i], live[p]) >= minDistance; });
      if (!apart) continue;
      out.push_back(i);
      taken[i] = true;
    }
  }
  return out;
}

std::vector<size_t> select(Strategy s, const Candidates& c, size_t k, std::uint64_t seed) {
  const size_t n = c.architectures.size();
  switch (s) {
  case Strategy::Random: return selectRandom(n, k, seed);
  case Strategy::FlopsStratified:
    checkLength(c.flops.size(), n, "FLOPs", "compute them with SearchSpace::features");
    return selectFlopsStratified(c.flops, k, seed);
  case Strategy::MaxMinDiversity: return selectMaxMinDiversity(c.architectures, k, seed);
  case Strategy::MostUncertain:
    checkLength(c.spread.size(), n, "a predictive spread",
                "train a predictor whose method reports uncertainty, then select again");
    return selectMostUncertain(c.architectures, c.spread, k);
  }
  return {};
}

} // namespace maple::sampling
