// maple select: choose adaptation samples with one of core/sampling's strategies (the same the
// workbench's Samples view offers) and print them, ready for `maple measure --archs`.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "evaluation/cross_device.hpp"
#include "predict/shot_policy.hpp"
#include "sampling/selection.hpp"
#include "searchspace/cost.hpp"
#include "store/latencies.hpp"

#include <iostream>

namespace maple::cli {

void addSelectCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("select", "Choose architectures to measure on a new device (adaptation samples)");
  struct Opts {
    std::string project, strategy, device, shotPolicy;
    int count = 10;
    std::uint64_t seed = 1;
    double minMflops = 0, maxMflops = 1e12;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  std::string names;
  for (auto s : sampling::strategies()) names += (names.empty() ? "" : ", ") + sampling::strategyName(s);
  cmd->add_option("--project", o->project, "Project file (its architectures are the candidates)")->required();
  cmd->add_option("--shot-policy", o->shotPolicy,
                  "design (default for a new device: an optimal design under the default predictor trained on the "
                  "project's other devices, deterministic), reference (HELP's reference architectures first) or random");
  cmd->add_option("--strategy", o->strategy, "Instead of a shot policy, one of " + names);
  cmd->add_option("--count", o->count, "How many to select (default 10)");
  cmd->add_option("--seed", o->seed, "Seed (default 1)");
  cmd->add_option("--min-mflops", o->minMflops, "Only candidates with at least this many MFLOPs");
  cmd->add_option("--max-mflops", o->maxMflops, "Only candidates with at most this many MFLOPs");
  cmd->add_option("--device", o->device, "most-uncertain: the target device (its reference latencies measured)");
  cmd->add_flag("--json", o->json, "Print as JSON");
  cmd->callback([o, names] {
    if (!o->strategy.empty() && !o->shotPolicy.empty())
      fail(ErrorKind::Usage, "give either --shot-policy or --strategy, not both");
    const auto strategy = sampling::strategyFromName(o->strategy);
    if (!o->strategy.empty() && !strategy) fail(ErrorKind::Usage, "unknown strategy '" + o->strategy + "': use " + names);
    const auto policy = o->shotPolicy.empty() ? predict::kNewDeviceShotPolicy : predict::parseShotPolicy(o->shotPolicy);
    const auto how = strategy ? o->strategy : predict::shotPolicyName(policy);
    if (o->count < 1) fail(ErrorKind::Usage, "--count must be 1 or more");
    auto project = store::Project::open(o->project);
    std::vector<store::Architecture> archs;
    std::vector<std::optional<int>> spaceIndex;
    sampling::Candidates c;
    for (const auto& a : store::listArchitectures(project)) {
      const double mflops = nb201::networkCost(a.cell).flops / 1e6;
      if (mflops < o->minMflops || mflops > o->maxMflops) continue;
      archs.push_back(a);
      spaceIndex.push_back(a.spaceIndex);
      c.cells.push_back(a.cell);
      c.flops.push_back(mflops);
    }
    if (strategy == sampling::Strategy::MostUncertain) {
      if (o->device.empty()) fail(ErrorKind::Usage, "most-uncertain needs --device: the device to rank the uncertainty for");
      c.spread = evaluation::predictiveSpread(project, o->device, predict::defaultMethod(), "reference-latency", c.cells);
    }
    const auto k = static_cast<size_t>(o->count);
    const auto picks = strategy ? sampling::select(*strategy, c, k, o->seed)
                                : evaluation::proposeShots(project, o->device, policy, c.cells, spaceIndex, k, o->seed);
    const bool deterministic = !strategy && predict::isDeterministic(policy);
    if (o->json) {
      auto arr = nlohmann::json::array();
      for (auto p : picks)
        arr.push_back({{"arch_index", archs[p].spaceIndex ? nlohmann::json(*archs[p].spaceIndex) : nlohmann::json(nullptr)},
                       {"arch", nb201::toString(archs[p].cell)},
                       {"mflops", c.flops[p]}});
      printJson({{strategy ? "strategy" : "shot_policy", how},
                 {"deterministic", deterministic},
                 {"candidates", archs.size()},
                 {"selected", arr}});
      return;
    }
    std::vector<std::vector<std::string>> rows;
    std::string list;
    for (auto p : picks) {
      const auto index = archs[p].spaceIndex ? std::to_string(*archs[p].spaceIndex) : std::string("-");
      rows.push_back({index, fmt(c.flops[p], 5), nb201::toString(archs[p].cell)});
      if (archs[p].spaceIndex) list += (list.empty() ? "" : ",") + index;
    }
    printTable({"INDEX", "MFLOPS", "ARCH"}, rows);
    std::cout << "selected " << picks.size() << " of " << archs.size() << " candidates with " << how
              << (deterministic ? " (deterministic: the seed plays no part)" : "") << "\n";
    if (!list.empty()) std::cout << "measure them with: maple measure --project " << o->project << " --device DEVICE --engine cpu --archs " << list << "\n";
  });
}

} // namespace maple::cli
