// maple select: choose adaptation samples with one of core/sampling's strategies (the same the
// workbench's Samples view offers, through services::selectArchitectures) and print them, ready for `maple measure --archs`.
#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "services/selection.hpp"
#include "services/spaces.hpp"

#include <iostream>

namespace maple::cli {

void addSelectCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("select", "Choose architectures to measure on a new device (adaptation samples)");
  struct Opts {
    std::string project, space, strategy, device, shotPolicy;
    int count = 10;
    std::uint64_t seed = 1;
    double minMflops = 0, maxMflops = 1e12;
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  std::string names;
  for (auto s : sampling::strategies()) names += (names.empty() ? "" : ", ") + sampling::strategyName(s);
  cmd->add_option("--project", o->project, "Project file (its architectures are the candidates)")->required();
  addSpaceOption(cmd, o->space);
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
    if (o->count < 1) fail(ErrorKind::Usage, "--count must be 1 or more");
    auto project = store::Project::open(o->project);
    services::SelectionRequest request;
    request.space = &services::resolveSpace(project, o->space);
    request.candidates = services::selectionCandidates(project, *request.space, o->minMflops, o->maxMflops);
    request.strategy = strategy;
    request.shotPolicy = policy;
    request.device = o->device;
    request.count = static_cast<size_t>(o->count);
    request.seed = o->seed;
    const auto selection = services::selectArchitectures(project, request);
    const auto& c = request.candidates;
    const auto& picks = selection.picks;
    const auto& how = selection.how;
    const bool deterministic = selection.deterministic;
    if (o->json) {
      auto arr = nlohmann::json::array();
      for (auto p : picks)
        arr.push_back({{"arch_index", c[p].spaceIndex ? nlohmann::json(*c[p].spaceIndex) : nlohmann::json(nullptr)},
                       {"arch", request.space->format(c[p].genotype)},
                       {"mflops", c[p].mflops}});
      printJson({{strategy ? "strategy" : "shot_policy", how},
                 {"deterministic", deterministic},
                 {"candidates", c.size()},
                 {"selected", arr}});
      return;
    }
    std::vector<std::vector<std::string>> rows;
    std::string list;
    for (auto p : picks) {
      const auto index = c[p].spaceIndex ? std::to_string(*c[p].spaceIndex) : std::string("-");
      rows.push_back({index, fmt(c[p].mflops, 5), request.space->format(c[p].genotype)});
      // `maple measure --archs` takes the data set's indices of any space.
      if (c[p].spaceIndex) list += (list.empty() ? "" : ",") + index;
    }
    printTable({"INDEX", "MFLOPS", "ARCH"}, rows);
    std::cout << "selected " << picks.size() << " of " << c.size() << " candidates with " << how
              << (deterministic ? " (deterministic: the seed plays no part)" : "") << "\n";
    if (!list.empty())
      std::cout << "measure them with: maple measure --project " << o->project << " --space " << request.space->name()
                << " --device DEVICE --engine cpu --archs " << list << "\n";
  });
}

} // namespace maple::cli
