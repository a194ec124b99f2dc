#include "services/selection.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "evaluation/cross_device.hpp"
#include "services/architectures.hpp"
#include "store/latencies.hpp"

namespace maple::services {

std::vector<SelectionCandidate> selectionCandidates(store::Project& project, const searchspace::SearchSpace& space,
                                                    double minMflops, double maxMflops) {
  std::vector<SelectionCandidate> out;
  for (const auto& a : store::listArchitectures(project, space)) {
    const double mflops = architectureMflops(a.arch);
    if (mflops >= minMflops && mflops <= maxMflops) out.push_back({a.arch.genotype, a.spaceIndex, mflops});
  }
  return out;
}

Selection selectArchitectures(store::Project& project, const SelectionRequest& r, const predict::ProgressFn& progress) {
  Selection out;
  sampling::Candidates c;
  c.architectures.space = r.space;
  for (const auto& a : r.candidates) {
    c.architectures.genotypes.push_back(a.genotype);
    c.flops.push_back(a.mflops);
  }
  if (!r.strategy) {
    out.how = predict::shotPolicyName(r.shotPolicy);
    out.deterministic = predict::isDeterministic(r.shotPolicy);
    out.picks = evaluation::proposeShots(project, r.device, r.shotPolicy, c.architectures, r.count, r.seed, progress);
    return out;
  }
  out.how = sampling::strategyName(*r.strategy);
  if (*r.strategy == sampling::Strategy::MostUncertain) {
    if (r.device.empty())
      fail(ErrorKind::Usage, "most-uncertain ranks by a predictor adapted to a device: give " + setting("device") +
                                 " (the device whose uncertainty to rank, its reference architectures measured)");
    c.spread = evaluation::predictiveSpread(project, r.device, predict::defaultMethod(), "reference-latency",
                                            c.architectures, progress);
  }
  out.picks = sampling::select(*r.strategy, c, r.count, r.seed);
  return out;
}

} // namespace maple::services
