#pragma once
// An architecture of a named search space, and a batch of one space: the values every contract
// (predict, descriptor, sampling, evaluation, store, engines, measure) passes instead of a
// NAS-Bench-201 cell. The space pointer comes from the registry (space.hpp) and is never owning.
#include "searchspace/nb201.hpp"
#include "searchspace/space.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace maple::searchspace {

struct Architecture {
  const SearchSpace* space = nullptr;
  Genotype genotype;

  std::string_view spaceName() const { return space->name(); }
  std::string canonical() const { return space->format(genotype); } // the identity
  std::optional<std::int64_t> index() const { return space->index(genotype); } // enumerable spaces only
  bool operator==(const Architecture& o) const { return space == o.space && genotype == o.genotype; }
};

// Throws maple::Error (BadInput) naming the position and the bad token.
Architecture parseArchitecture(const SearchSpace& space, std::string_view text);

// Architectures of one space: a predictor, a pool, a scatter are always of one space, so a batch
// carries the space once. Mixing spaces in one call is a Usage error (requireSpace).
struct ArchitectureSet {
  const SearchSpace* space = nullptr;
  std::vector<Genotype> genotypes;

  std::size_t size() const { return genotypes.size(); }
  bool empty() const { return genotypes.empty(); }
  Architecture at(std::size_t i) const { return {space, genotypes.at(i)}; }
  std::string canonical(std::size_t i) const { return space->format(genotypes.at(i)); }
  void push_back(const Architecture& a); // Usage error for an architecture of another space
  // The architectures at `positions`, in that order (out_of_range past the end).
  ArchitectureSet subset(std::span<const std::size_t> positions) const;
};

// Usage error "<what> is of space A, expected B" when `set` is not of `expected`.
void requireSpace(const ArchitectureSet& set, const SearchSpace& expected, std::string_view what);

// NAS-Bench-201's cell behind a genotype of nb201 (the engines' NB201 plan and nb201.hpp's
// helpers work on cells), and back.
nb201::Cell cellOf(const Genotype& g);
Genotype genotypeOf(const nb201::Cell& cell);
Architecture nb201Architecture(const nb201::Cell& cell);
ArchitectureSet nb201Set(std::span<const nb201::Cell> cells);

} // namespace maple::searchspace
