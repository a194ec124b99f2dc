#include "searchspace/additive_costs.hpp"

#include "common/error.hpp"

#include <string>

namespace maple::searchspace {

AdditiveCosts::AdditiveCosts(int columns, int positions, int choices)
    : fixed_(static_cast<std::size_t>(columns), 0.0), entries_(static_cast<std::size_t>(positions * choices)),
      positions_(positions), choices_(choices) {}

void AdditiveCosts::addFixed(int column, double value) { fixed_.at(static_cast<std::size_t>(column)) += value; }

void AdditiveCosts::add(int position, int choice, int column, double value) {
  if (column < 0 || column >= columns())
    fail(ErrorKind::Usage, "cost table column " + std::to_string(column) + " is outside 0.." + std::to_string(columns() - 1));
  if (value == 0) return;
  auto& list = entries_.at(static_cast<std::size_t>(position * choices_ + choice));
  for (auto& e : list)
    if (e.column == column) {
      e.value += value;
      return;
    }
  list.push_back({column, value});
}

std::span<const CostEntry> AdditiveCosts::entries(int position, int choice) const {
  return entries_.at(static_cast<std::size_t>(position * choices_ + choice));
}

std::vector<double> AdditiveCosts::row(const Genotype& g) const {
  std::vector<double> out = fixed_;
  for (int p = 0; p < positions_; ++p)
    for (const auto& e : entries(p, g.choices.at(static_cast<std::size_t>(p)))) out[static_cast<std::size_t>(e.column)] += e.value;
  return out;
}

} // namespace maple::searchspace
