#pragma once
// Choosing which architectures to measure on a new device (the adaptation samples, or "shots").
// Each strategy returns k distinct positions into the candidate list, in the order picked; the same
// inputs and seed give the same picks, so a selection can be repeated from the CLI or the workbench.
//   random           uniform without replacement
//   flops-stratified candidates sorted by FLOPs, cut into k strata of equal count, one random pick in
//                    each: covers small to large networks
//   max-min          greedy farthest-point over the one-hot encodings (distance: positions whose
//                    choice differs), starting from a random candidate: the most varied set
//   most-uncertain   the largest predictive spreads of the current predictor, kept apart: greedily by
//                    spread, a candidate is skipped while its live structure (liveCell) lies within
//                    one edge of a cell already picked (liveDistance < 2). Cells whose output is
//                    disconnected from the input all compute the same empty network, so at most one
//                    of them is picked, and ten picks are ten different networks, not one cell with
//                    dead edges relabelled. When the candidates run out the rule relaxes to distinct
//                    live structures, then to any candidate, so k picks always come back. Spaces
//                    without dead edges (FBNet) compare the genotypes themselves.
#include "searchspace/architecture.hpp"

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
  searchspace::ArchitectureSet architectures;
  std::vector<double> flops;  // per architecture; needed by flops-stratified
  std::vector<double> spread; // per architecture; needed by most-uncertain (a predictor's uncertainty)
};

// Throws Usage when k exceeds the candidates or the strategy's input (flops, spread) is missing or
// of the wrong length, naming what to provide.
std::vector<size_t> select(Strategy s, const Candidates& candidates, size_t k, std::uint64_t seed);

std::vector<size_t> selectRandom(size_t n, size_t k, std::uint64_t seed);
std::vector<size_t> selectFlopsStratified(std::span<const double> flops, size_t k, std::uint64_t seed);
std::vector<size_t> selectMaxMinDiversity(const searchspace::ArchitectureSet& architectures, size_t k, std::uint64_t seed);
std::vector<size_t> selectMostUncertain(const searchspace::ArchitectureSet& architectures, std::span<const double> spread,
                                        size_t k);

// Positions whose choice differs (NAS-Bench-201: edges whose op differs): half the squared distance
// of the one-hot encodings.
int encodingDistance(const searchspace::Genotype& a, const searchspace::Genotype& b);

// The cell as it computes: every edge that does no live work (nb201::liveness) set to none. A
// disconnected cell (isDisconnected) becomes the all-none cell.
nb201::Cell liveCell(const nb201::Cell& cell);
// The output receives nothing from the input: every edge is dead and the network is empty.
bool isDisconnected(const nb201::Cell& cell);
// encodingDistance of the live cells: edges whose live op differs.
int liveDistance(const nb201::Cell& a, const nb201::Cell& b);

} // namespace maple::sampling
