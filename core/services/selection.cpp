#include "services/selection.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "evaluation/cross_device.hpp"
#include "searchspace/cost.hpp"
#include "store/latencies.hpp"

namespace maple::services {

std::vector<SelectionCandidate> selectionCandidates(store::Project& project, double minMflops, double maxMflops) {
  std::vector<SelectionCandidate> out;
  for (const auto& a : store::listArchitectures(project)) {
    const double mflops = nb201::networkCost(a.cell).flops / 1e6;
    if (mflops >= minMflops && mflops <= maxMflops) out.push_back({a.cell, a.spaceIndex, mflops});
  }
  return out;
}

Selection selectArchitectures(store::Project& project, const SelectionRequest& r, const predict::ProgressFn& progress) {
  Selection out;
  std::vector<nb201::Cell> cells;
  std::vector<std::optional<int>> spaceIndex;
  sampling::Candidates c;
  for (const auto& a : r.candidates) {
    c.cells.push_back(a.cell);
    c.flops.push_back(a.mflops);
    spaceIndex.push_back(a.spaceIndex);
  }
  if (!r.strategy) {
    out.how = predict::shotPolicyName(r.shotPolicy);
    out.deterministic = predict::isDeterministic(r.shotPolicy);
    out.picks = evaluation::proposeShots(project, r.device, r.shotPolicy, c.cells, spaceIndex, r.count, r.seed, progress);
    return out;
  }
  out.how = sampling::strategyName(*r.strategy);
  if (*r.strategy == sampling::Strategy::MostUncertain) {
    if (r.device.empty())
      fail(ErrorKind::Usage, "most-uncertain ranks by a predictor adapted to a device: give " + setting("device") +
                                 " (the device whose uncertainty to rank, its reference architectures measured)");
    c.spread = evaluation::predictiveSpread(project, r.device, predict::defaultMethod(), "reference-latency", c.cells, progress);
  }
  out.picks = sampling::select(*r.strategy, c, r.count, r.seed);
  return out;
}

} // namespace maple::services
