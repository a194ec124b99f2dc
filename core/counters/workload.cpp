#include "counters/workload.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace maple::counters {
namespace {

std::string uniformCell(std::string_view op) {
  const std::string o(op);
  return "|" + o + "~0|+|" + o + "~0|" + o + "~1|+|" + o + "~0|" + o + "~1|" + o + "~2|";
}

// Reference networks: the best CIFAR-10 cell of NAS-Bench-201, a ResNet-like cell, a cheap mixed
// cell and the all-3x3 cell's opposite, a pooling-heavy one.
const std::vector<std::pair<std::string, std::string>> kNetworks{
    {"net/best-cifar10", "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|"},
    {"net/resnet-like", "|nor_conv_3x3~0|+|none~0|nor_conv_3x3~1|+|skip_connect~0|none~1|none~2|"},
    {"net/mixed-cheap", "|nor_conv_1x1~0|+|avg_pool_3x3~0|skip_connect~1|+|nor_conv_1x1~0|none~1|avg_pool_3x3~2|"},
    {"net/pool-heavy", "|avg_pool_3x3~0|+|avg_pool_3x3~0|nor_conv_1x1~1|+|avg_pool_3x3~0|skip_connect~1|avg_pool_3x3~2|"},
};

} // namespace

const std::vector<std::string>& workloadNames() {
  static const std::vector<std::string> names{"nb201-reference", "nb201-ops"};
  return names;
}

std::vector<std::pair<std::string, std::string>> workloadCells(const std::string& name) {
  if (name != "nb201-reference" && name != "nb201-ops") {
    std::string known;
    for (const auto& n : workloadNames()) known += (known.empty() ? "" : ", ") + n;
    badInput("unknown workload " + text::quote(name) + " (known: " + known + ")");
  }
  std::vector<std::pair<std::string, std::string>> cells;
  for (int i = 0; i < nb201::kOps; ++i) {
    const auto op = nb201::opName(static_cast<nb201::Op>(i));
    cells.emplace_back("op/" + std::string(op), uniformCell(op));
  }
  if (name == "nb201-reference") cells.insert(cells.end(), kNetworks.begin(), kNetworks.end());
  return cells;
}

Workload prepareWorkload(const std::string& name, engine::Engine& engine, const engine::RunConfig& config,
                         const std::function<bool(int, int)>& progress) {
  const auto cells = workloadCells(name);
  Workload w{name, engine.name() + " (" + engine.version() + ")", {}};
  for (size_t i = 0; i < cells.size(); ++i) {
    if (progress && !progress(static_cast<int>(i), static_cast<int>(cells.size())))
      fail(ErrorKind::Cancelled, "capture cancelled while preparing the workload");
    const auto& [stepName, cellText] = cells[i];
    const auto arch = searchspace::parseArchitecture(searchspace::nb201Space(), cellText);
    w.steps.push_back({stepName, stepName.rfind("op/", 0) == 0 ? "operator" : "network", cellText,
                       std::shared_ptr<engine::PreparedNetwork>(engine.prepare(arch, config))});
  }
  if (progress) progress(static_cast<int>(cells.size()), static_cast<int>(cells.size()));
  return w;
}

} // namespace maple::counters
