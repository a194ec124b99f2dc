#pragma once
// Choosing which architectures to measure on a new device (the adaptation samples, or "shots").
// Each strategy returns k distinct positions into the candidate list, in the order picked; the same
// inputs and seed give the same picks, so a selection can be repeated from the CLI or the workbench.
//   random           uniform without replacement
//   flops-stratified candidates sorted by FLOPs, cut into k strata of equal count, one random pick in
//                    each: covers small to large networks
//   max-min          greedy farthest-point over the one-hot encodings (distance: edges whose op
//                    differs), starting from a random candidate: the most varied set of cells
//   most-uncertain   the k largest predictive spreads of the current predictor
#include "searchspace/nb201.hpp"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace maple::sampling {

enum class Strategy { Random, FlopsStratified, MaxMinDiversity, MostUncertain };

const std::vector<Strategy>& strategies();
std::string strategyName(Strategy s);
std::optional<Strategy> strategyFromName(const std::string& name);

struct Candidates {
  std::vector<nb201::Cell> cells;
  std::vector<double> flops;  // per cell; needed by flops-stratified
  std::vector<double> spread; // per cell; needed by most-uncertain (a predictor's uncertainty)
};

// Throws Usage when k exceeds the candidates or the strategy's input (flops, spread) is missing or
// of the wrong length, naming what to provide.
std::vector<size_t> select(Strategy s, const Candidates& candidates, size_t k, std::uint64_t seed);

std::vector<size_t> selectRandom(size_t n, size_t k, std::uint64_t seed);
std::vector<size_t> selectFlopsStratified(std::span<const double> flops, size_t k, std::uint64_t seed);
std::vector<size_t> selectMaxMinDiversity(std::span<const nb201::Cell> cells, size_t k, std::uint64_t seed);
std::vector<size_t> selectMostUncertain(std::span<const double> spread, size_t k);

// Edges whose op differs: half the squared distance of the one-hot encodings.
int encodingDistance(const nb201::Cell& a, const nb201::Cell& b);

} // namespace maple::sampling
