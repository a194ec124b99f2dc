#pragma once
// The harness's input straight from the data set's table and spec sheet, no project: only the
// reference-latency and specs descriptors exist there (tests only; the product reads projects,
// evaluation/project_eval_data.hpp).
#include "common/error.hpp"
#include "dataset/help_nb201.hpp"
#include "descriptor/from_data.hpp"
#include "hardware/device.hpp"
#include "predict/harness.hpp"

#include <algorithm>
#include <string>
#include <vector>

namespace maple::predict {

inline EvalData evalDataFromTable(const dataset::LatencyTable& table, const std::vector<hardware::Device>& specs,
                                  const std::string& kind) {
  if (kind != descriptor::kReferenceLatency && kind != descriptor::kSpecs)
    fail(ErrorKind::Usage, "the data set's table offers only the reference-latency and specs descriptors, not '" + kind + "'");
  EvalData d;
  d.devices = table.devices;
  d.architectures = searchspace::nb201Set(table.cells);
  for (int i : table.index) d.spaceIndex.push_back(i);
  d.architectureIds.assign(table.cells.size(), 0);
  d.deviceIds.assign(table.devices.size(), 0);
  d.latencyMs.assign(table.devices.size(), std::vector<double>(table.cells.size()));
  for (size_t c = 0; c < table.cells.size(); ++c)
    for (size_t dev = 0; dev < table.devices.size(); ++dev) d.latencyMs[dev][c] = table.ms[c * table.devices.size() + dev];
  if (kind == descriptor::kSpecs)
    for (const auto& name : table.devices) {
      auto it = std::find_if(specs.begin(), specs.end(), [&](const hardware::Device& s) { return s.name == name; });
      if (it == specs.end()) badInput("the spec sheet has no row for device '" + name + "'");
      d.descriptors[name] = descriptor::specsDescriptor(*it);
    }
  return d;
}

} // namespace maple::predict
