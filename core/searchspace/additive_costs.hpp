#pragma once
// The cost row of an architecture of a space whose network is a chain of independent choices
// (FBNet: one block per layer, each costed on its own input alone): a fixed part plus, at each
// position, the entries of the choice made there. A row is then a sum of table entries instead of
// a network built and costed. Every value is an integer count (MACs, parameters, bytes, ops) far
// below 2^53, so a sum is exact in any order and equals the network's own costing bit for bit.
//
// Columns of a cost row (SearchSpace::costColumns): macs, params, activation bytes (Features), then
// the counts of every SearchSpace::opCounts group, concatenated in its order.
#include "searchspace/space.hpp"

#include <span>
#include <vector>

namespace maple::searchspace {

struct CostEntry {
  int column;
  double value;
};

class AdditiveCosts {
public:
  AdditiveCosts(int columns, int positions, int choices);
  void addFixed(int column, double value);
  void add(int position, int choice, int column, double value); // a zero value adds no entry

  int columns() const { return static_cast<int>(fixed_.size()); }
  int positions() const { return positions_; }
  int choices() const { return choices_; }
  const std::vector<double>& fixed() const { return fixed_; }
  std::span<const CostEntry> entries(int position, int choice) const;
  // The whole row of g (columns() values).
  std::vector<double> row(const Genotype& g) const;

private:
  std::vector<double> fixed_;
  std::vector<std::vector<CostEntry>> entries_; // positions x choices, position-major
  int positions_, choices_;
};

} // namespace maple::searchspace
