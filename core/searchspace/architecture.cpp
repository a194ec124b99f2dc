#include "searchspace/architecture.hpp"

#include "common/error.hpp"

namespace maple::searchspace {

Architecture parseArchitecture(const SearchSpace& space, std::string_view text) {
  return {&space, space.parse(text)};
}

void ArchitectureSet::push_back(const Architecture& a) {
  if (space == nullptr) space = a.space;
  if (a.space != space)
    fail(ErrorKind::Usage, std::string(a.spaceName()) + " architecture given to a set of " +
                               std::string(space->name()) + " architectures");
  genotypes.push_back(a.genotype);
}

ArchitectureSet ArchitectureSet::subset(std::span<const std::size_t> positions) const {
  ArchitectureSet out{space, {}};
  out.genotypes.reserve(positions.size());
  for (std::size_t i : positions) out.genotypes.push_back(genotypes.at(i));
  return out;
}

void requireSpace(const ArchitectureSet& set, const SearchSpace& expected, std::string_view what) {
  if (set.space == &expected || (set.space == nullptr && set.empty())) return;
  const std::string actual = set.space ? std::string(set.space->name()) : "no space";
  fail(ErrorKind::Usage, std::string(what) + " is of space " + actual + ", expected " + std::string(expected.name()));
}

nb201::Cell cellOf(const Genotype& g) {
  if (g.choices.size() != static_cast<std::size_t>(nb201::kEdges))
    fail(ErrorKind::Usage, "nb201 architecture with " + std::to_string(g.choices.size()) + " positions, the space has " +
                               std::to_string(nb201::kEdges));
  nb201::Cell cell;
  for (int e = 0; e < nb201::kEdges; ++e) {
    if (g.choices[e] >= nb201::kOps)
      fail(ErrorKind::Usage, "nb201 architecture: choice " + std::to_string(g.choices[e]) + " at position " +
                                 std::to_string(e + 1) + " is outside 0.." + std::to_string(nb201::kOps - 1));
    cell.ops[e] = static_cast<nb201::Op>(g.choices[e]);
  }
  return cell;
}

Genotype genotypeOf(const nb201::Cell& cell) {
  Genotype g;
  for (nb201::Op op : cell.ops) g.choices.push_back(static_cast<std::uint8_t>(op));
  return g;
}

Architecture nb201Architecture(const nb201::Cell& cell) { return {&nb201Space(), genotypeOf(cell)}; }

ArchitectureSet nb201Set(std::span<const nb201::Cell> cells) {
  ArchitectureSet set{&nb201Space(), {}};
  set.genotypes.reserve(cells.size());
  for (const auto& c : cells) set.genotypes.push_back(genotypeOf(c));
  return set;
}

} // namespace maple::searchspace
