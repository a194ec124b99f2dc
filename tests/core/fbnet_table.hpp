#pragma once
// A synthetic FBNet latency table in HELP's layout (fbnet_latency_ms.csv): architectures sampled
// from the space, latencies made up (a fixed cost per block, scaled per device), so tests need no
// copy of the data set and run without it.
#include "searchspace/space.hpp"

#include <QByteArray>

#include <string>
#include <vector>

namespace maple::testing {

inline QByteArray syntheticFbnetTable(const std::vector<std::string>& devices, int rows, std::uint64_t seed = 7) {
  const auto& space = searchspace::fbnetSpace();
  QByteArray csv = "idx,arch_str";
  for (const auto& d : devices) csv += "," + QByteArray::fromStdString(d);
  csv += "\n";
  const auto archs = space.sample(rows, seed);
  for (int r = 0; r < rows; ++r) {
    double cost = 0.5;
    for (auto c : archs[static_cast<size_t>(r)].choices) cost += 0.01 * (1 + c);
    csv += QByteArray::number(r) + "," + QByteArray::fromStdString(space.format(archs[static_cast<size_t>(r)]));
    for (size_t d = 0; d < devices.size(); ++d) csv += "," + QByteArray::number(cost * static_cast<double>(d + 1), 'g', 17);
    csv += "\n";
  }
  return csv;
}

} // namespace maple::testing
