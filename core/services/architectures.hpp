#pragma once
// The architectures of one search space as the workbench lists them: the project's (a data set's
// table, and whatever was measured by string), with the space's cheap features and its op counts,
// plus candidates drawn on demand from the space's sampler (FBNet's 9^22 are far beyond any table).
#include "searchspace/architecture.hpp"
#include "store/project.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace maple::services {

// The search spaces the project holds architectures of that this build knows, in the registry's
// order (nb201 first); nb201 for a project without architectures (what resolveSpace chooses then).
std::vector<std::string> projectSpaces(store::Project& project);

// The op counts a view shows per architecture: NAS-Bench-201's ops on live edges, FBNet's blocks
// over its layers. Labels are the space's own names.
struct OpColumn {
  std::string group; // a SearchSpace::opCounts group
  std::vector<std::string> labels;
};
OpColumn opColumn(const searchspace::SearchSpace& space);

// MFLOPs as the selection strategies and the Samples page filter on them: NAS-Bench-201's count
// the additions of pooling and shortcuts too (cost.hpp), as its data set does; other spaces count
// two per multiply-accumulate.
double architectureMflops(const searchspace::Architecture& arch);

struct ListedArchitecture {
  searchspace::Architecture arch;
  std::optional<std::int64_t> datasetIndex; // the data set's index (HELP's), when imported
  double mflops = 0, mparams = 0;
  std::vector<double> opCounts; // as opColumn(space).labels
  bool sampled = false;         // drawn by the space's sampler: not in the project
};

// The project's architectures of `space` in store order (listArchitectures).
std::vector<ListedArchitecture> listSpaceArchitectures(store::Project& project, const searchspace::SearchSpace& space);

// `count` architectures of `space` drawn by its seeded sampler, skipping those in `shown`
// (canonical strings): the same seed and `shown` give the same ones. Usage when fewer than `count`
// of the space are left outside `shown`.
std::vector<ListedArchitecture> sampleSpaceArchitectures(const searchspace::SearchSpace& space, int count,
                                                         std::uint64_t seed, const std::unordered_set<std::string>& shown);

} // namespace maple::services
