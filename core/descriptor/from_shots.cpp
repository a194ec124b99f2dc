#include "descriptor/from_shots.hpp"

#include "descriptor/from_data.hpp"

#include <map>

namespace maple::descriptor {

const std::vector<std::pair<int, const char*>>& referenceArchitectureStrings() {
  static const std::vector<std::pair<int, const char*>> refs{
      {11982, "|avg_pool_3x3~0|+|none~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|"},
      {431, "|nor_conv_3x3~0|+|none~0|skip_connect~1|+|none~0|none~1|skip_connect~2|"},
      {55, "|skip_connect~0|+|skip_connect~0|avg_pool_3x3~1|+|none~0|skip_connect~1|none~2|"},
      {9, "|avg_pool_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|"},
      {14451, "|none~0|+|nor_conv_1x1~0|none~1|+|nor_conv_3x3~0|nor_conv_1x1~1|nor_conv_1x1~2|"},
      {8636, "|skip_connect~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|"},
      {9881, "|nor_conv_3x3~0|+|avg_pool_3x3~0|skip_connect~1|+|none~0|nor_conv_1x1~1|avg_pool_3x3~2|"},
      {13479, "|skip_connect~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|avg_pool_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"},
      {6196, "|avg_pool_3x3~0|+|none~0|skip_connect~1|+|none~0|nor_conv_1x1~1|avg_pool_3x3~2|"},
      {1462, "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|"}};
  return refs;
}

Descriptor referenceLatencyFromShots(const std::vector<nb201::Cell>& cells, const std::vector<double>& latencyMs,
                                     const std::string& deviceName) {
  std::map<int, double> byIndex;
  for (const auto& [index, text] : referenceArchitectureStrings()) {
    const auto ref = nb201::parseCell(text);
    for (size_t i = 0; i < cells.size() && i < latencyMs.size(); ++i)
      if (cells[i] == ref) byIndex.emplace(index, latencyMs[i]);
  }
  auto d = referenceLatencyDescriptor(byIndex, deviceName);
  d.provenance = "latencies of " + std::to_string(d.values.size()) + " HELP reference architectures among the shots";
  return d;
}

} // namespace maple::descriptor
