#include "predict/features.hpp"

#include <cmath>
#include <map>
#include <mutex>

namespace maple::predict {
namespace {

// The op-count group that ends the feature row (NAS-Bench-201: "live").
searchspace::OpCountGroup featureGroup(const searchspace::SearchSpace& space, const searchspace::Genotype& g) {
  return space.opCounts(g).back();
}

Eigen::RowVectorXd compute(const searchspace::SearchSpace& space, const searchspace::Genotype& g, int cols) {
  Eigen::RowVectorXd f(cols);
  int c = 0;
  for (float v : space.oneHot(g)) f(c++) = v;
  const auto cost = space.features(g);
  f(c++) = std::log(cost.macs);
  f(c++) = std::log(cost.params);
  f(c++) = std::log(cost.activationBytes);
  for (double n : featureGroup(space, g).counts) f(c++) = n;
  return f;
}

// Every architecture of an enumerable space, by index: costing a network is the slow part of a
// prediction, and NAS-Bench-201 is small (15,625 x 38 doubles), so it is done once per process.
const Eigen::MatrixXd& spaceFeatures(const searchspace::SearchSpace& space) {
  static std::mutex mutex;
  static std::map<const searchspace::SearchSpace*, Eigen::MatrixXd> cache;
  const std::lock_guard lock(mutex);
  auto it = cache.find(&space);
  if (it != cache.end()) return it->second;
  const auto n = static_cast<Eigen::Index>(*space.size());
  const int cols = featureCount(space);
  Eigen::MatrixXd m(n, cols);
  for (Eigen::Index i = 0; i < n; ++i) m.row(i) = compute(space, space.fromIndex(i), cols);
  return cache.emplace(&space, std::move(m)).first->second;
}

// Every position's first choice: a valid genotype of any space, for the group's layout.
searchspace::Genotype firstChoices(const searchspace::SearchSpace& space) {
  return {std::vector<std::uint8_t>(static_cast<size_t>(space.positions()), 0)};
}

} // namespace

int featureCount(const searchspace::SearchSpace& space) { return static_cast<int>(featureNames(space).size()); }

int lnMacsFeature(const searchspace::SearchSpace& space) {
  return space.positions() * static_cast<int>(space.choiceNames().size());
}

std::vector<std::string> featureNames(const searchspace::SearchSpace& space) {
  std::vector<std::string> names;
  for (int p = 0; p < space.positions(); ++p)
    for (auto choice : space.choiceNames()) names.push_back("onehot" + std::to_string(p) + ":" + std::string(choice));
  names.insert(names.end(), {"ln_macs", "ln_params", "ln_activation_bytes"});
  const auto group = featureGroup(space, firstChoices(space));
  for (const auto& label : group.labels) names.push_back(group.name + ":" + label);
  return names;
}

Eigen::MatrixXd archFeatures(const searchspace::ArchitectureSet& set) {
  const auto& space = *set.space;
  const auto cols = featureCount(space);
  Eigen::MatrixXd f(static_cast<Eigen::Index>(set.size()), cols);
  if (space.size()) {
    const auto& all = spaceFeatures(space);
    for (size_t i = 0; i < set.size(); ++i) f.row(static_cast<Eigen::Index>(i)) = all.row(*space.index(set.genotypes[i]));
  } else {
    for (size_t i = 0; i < set.size(); ++i) f.row(static_cast<Eigen::Index>(i)) = compute(space, set.genotypes[i], cols);
  }
  return f;
}

} // namespace maple::predict
