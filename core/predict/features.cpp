#include "predict/features.hpp"

#include "predict/cost_rows.hpp"

#include <cmath>
#include <map>
#include <mutex>

namespace maple::predict {
namespace {

// The op-count group that ends the feature row (NAS-Bench-201: "live"; FBNet: "shape").
CostGroup featureGroup(const searchspace::SearchSpace& space) { return costGroups(space).back(); }

// The cost-row columns a feature row reads: the three Features, then featureGroup's counts.
std::vector<int> featureCostColumns(const searchspace::SearchSpace& space) {
  const auto group = featureGroup(space);
  std::vector<int> columns{0, 1, 2};
  for (std::size_t i = 0; i < group.labels.size(); ++i) columns.push_back(group.firstColumn + static_cast<int>(i));
  return columns;
}

// One-hot, ln of the Features, then featureGroup's counts; costRows has checked every genotype.
Eigen::MatrixXd computed(const searchspace::ArchitectureSet& set) {
  const auto& space = *set.space;
  const int choices = static_cast<int>(space.choiceNames().size());
  const Eigen::Index oneHot = space.positions() * choices;
  const Eigen::MatrixXd costs = costRows(set, featureCostColumns(space));
  Eigen::MatrixXd f = Eigen::MatrixXd::Zero(costs.rows(), oneHot + costs.cols());
  for (std::size_t i = 0; i < set.size(); ++i)
    for (int p = 0; p < space.positions(); ++p)
      f(static_cast<Eigen::Index>(i), p * choices + set.genotypes[i].choices[static_cast<std::size_t>(p)]) = 1;
  f.middleCols(oneHot, 3) = costs.leftCols(3).unaryExpr([](double v) { return std::log(v); }); // as std::log, not Eigen's vectorised log
  f.rightCols(costs.cols() - 3) = costs.rightCols(costs.cols() - 3);
  return f;
}

// Every architecture of an enumerable space, by index, once per process: a prediction then only
// gathers rows (NAS-Bench-201: 15,625 x 38 doubles).
const Eigen::MatrixXd& spaceFeatures(const searchspace::SearchSpace& space) {
  static std::mutex mutex;
  static std::map<const searchspace::SearchSpace*, Eigen::MatrixXd> cache;
  const std::lock_guard lock(mutex);
  auto it = cache.find(&space);
  if (it != cache.end()) return it->second;
  return cache.emplace(&space, computed({&space, space.enumerate()})).first->second;
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
  const auto group = featureGroup(space);
  for (const auto& label : group.labels) names.push_back(group.name + ":" + label);
  return names;
}

Eigen::MatrixXd archFeatures(const searchspace::ArchitectureSet& set) {
  const auto& space = *set.space;
  if (!space.size()) return computed(set);
  const auto& all = spaceFeatures(space);
  Eigen::MatrixXd f(static_cast<Eigen::Index>(set.size()), all.cols());
  for (size_t i = 0; i < set.size(); ++i) f.row(static_cast<Eigen::Index>(i)) = all.row(*space.index(set.genotypes[i]));
  return f;
}

} // namespace maple::predict
