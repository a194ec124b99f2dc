#include "services/architectures.hpp"

#include "common/error.hpp"
#include "searchspace/cost.hpp"
#include "store/latencies.hpp"

#include <algorithm>
#include <stdexcept>

namespace maple::services {
namespace {

std::string groupOf(const searchspace::SearchSpace& space) {
  if (&space == &searchspace::nb201Space()) return "live";
  if (&space == &searchspace::fbnetSpace()) return "block";
  return space.opCounts(space.sample(1, 1).front()).front().name; // a space this view does not know yet
}

const searchspace::OpCountGroup& groupIn(const std::vector<searchspace::OpCountGroup>& groups, const std::string& name) {
  const auto it = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g.name == name; });
  if (it == groups.end()) throw std::logic_error("the space has no op-count group " + name); // groupOf names one it has
  return *it;
}

ListedArchitecture listed(const searchspace::Architecture& arch, const std::string& group) {
  ListedArchitecture l;
  l.arch = arch;
  l.mflops = architectureMflops(arch);
  l.mparams = arch.space->features(arch.genotype).params / 1e6;
  l.opCounts = groupIn(arch.space->opCounts(arch.genotype), group).counts;
  return l;
}

} // namespace

std::vector<std::string> projectSpaces(store::Project& project) {
  const auto held = store::spacesIn(project);
  std::vector<std::string> out;
  for (auto name : searchspace::spaceNames()) // the registry's order: NAS-Bench-201 first
    if (std::find(held.begin(), held.end(), name) != held.end()) out.emplace_back(name);
  if (out.empty()) out.emplace_back(searchspace::nb201Space().name());
  return out;
}

OpColumn opColumn(const searchspace::SearchSpace& space) {
  auto group = groupOf(space);
  auto labels = groupIn(space.opCounts(space.sample(1, 1).front()), group).labels;
  return {std::move(group), std::move(labels)};
}

double architectureMflops(const searchspace::Architecture& arch) {
  if (arch.space == &searchspace::nb201Space()) return nb201::networkCost(searchspace::cellOf(arch.genotype)).flops / 1e6;
  return 2 * arch.space->features(arch.genotype).macs / 1e6;
}

std::vector<ListedArchitecture> listSpaceArchitectures(store::Project& project, const searchspace::SearchSpace& space) {
  const auto group = groupOf(space);
  std::vector<ListedArchitecture> out;
  for (const auto& a : store::listArchitectures(project, space)) {
    out.push_back(listed(a.arch, group));
    if (a.spaceIndex) out.back().datasetIndex = *a.spaceIndex;
  }
  return out;
}

std::vector<ListedArchitecture> sampleSpaceArchitectures(const searchspace::SearchSpace& space, int count,
                                                         std::uint64_t seed, const std::unordered_set<std::string>& shown) {
  const auto total = space.size();
  if (count < 1) fail(ErrorKind::Usage, "sample at least one architecture");
  // The sampler's draws for one seed extend one another, so drawing more keeps the first ones.
  auto draws = static_cast<std::int64_t>(count) + static_cast<std::int64_t>(shown.size());
  std::vector<searchspace::Genotype> fresh;
  for (;;) {
    if (total) draws = std::min(draws, *total);
    fresh.clear();
    for (auto& g : space.sample(static_cast<int>(draws), seed))
      if (static_cast<int>(fresh.size()) < count && !shown.count(space.format(g))) fresh.push_back(std::move(g));
    if (static_cast<int>(fresh.size()) == count) break;
    if (total && draws == *total)
      fail(ErrorKind::Usage, "cannot sample " + std::to_string(count) + " more " + std::string(space.name()) +
                                 " architectures: only " + std::to_string(fresh.size()) + " of its " +
                                 std::to_string(*total) + " are not listed yet");
    draws *= 2;
  }
  const auto group = groupOf(space);
  std::vector<ListedArchitecture> out;
  for (auto& g : fresh) {
    out.push_back(listed({&space, std::move(g)}, group));
    out.back().sampled = true;
  }
  return out;
}

} // namespace maple::services
