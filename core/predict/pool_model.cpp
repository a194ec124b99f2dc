#include "predict/pool_model.hpp"

#include "common/error.hpp"
#include "predict/features.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace maple::predict {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Eigen::MatrixXd withBias(const Eigen::MatrixXd& f) {
  Eigen::MatrixXd x(f.rows(), f.cols() + 1);
  x << f, Eigen::VectorXd::Ones(f.rows());
  return x;
}

// BadInput naming the spaces this build knows.
const searchspace::SearchSpace& knownSpace(const std::string& name) {
  if (const auto* space = searchspace::findSpace(name)) return *space;
  std::string known;
  for (auto n : searchspace::spaceNames()) known += (known.empty() ? "" : ", ") + std::string(n);
  badInput("predictor state is for search space '" + name + "', which this build does not know (known: " + known + ")");
}

// The pool's architectures (the state's list "pool.architectures"), each checked against the space:
// a forged state names a choice the space lacks rather than indexing past its tables.
searchspace::ArchitectureSet poolArchitectures(const ModelState& s, const searchspace::SearchSpace& space) {
  const auto it = s.architectures.find(std::string(kPoolArchitectures));
  if (it == s.architectures.end()) badInput("predictor state lacks its pool architectures ('pool.architectures')");
  const auto choices = space.choiceNames().size();
  for (const auto& g : it->second)
    if (g.choices.size() != static_cast<size_t>(space.positions()) ||
        std::any_of(g.choices.begin(), g.choices.end(), [&](std::uint8_t c) { return c >= choices; }))
      badInput("predictor state's pool holds an architecture that is not of " + std::string(space.name()));
  return {&space, it->second};
}

// BadInput naming the first feature that differs when the state was trained on features other
// than the ones this build computes for its space: its weights would be applied to the wrong columns.
void checkFeatureLayout(const nlohmann::json& layout, const searchspace::SearchSpace& space) {
  const auto trained = layout.get<std::vector<std::string>>();
  const auto here = featureNames(space);
  if (trained == here) return;
  size_t i = 0;
  while (i < trained.size() && i < here.size() && trained[i] == here[i]) ++i;
  const auto where = i < trained.size() && i < here.size()
                         ? "; feature " + std::to_string(i) + " is '" + trained[i] + "' there, '" + here[i] + "' here"
                         : std::string();
  badInput("predictor state was trained on " + std::to_string(trained.size()) + " architecture features of " +
           std::string(space.name()) + ", this build computes " + std::to_string(here.size()) + where +
           ": retrain it with this build");
}
} // namespace

void putMatrix(ModelState& s, const std::string& name, const Eigen::MatrixXd& m) {
  std::vector<double> v(static_cast<size_t>(m.size()));
  Eigen::Map<Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(v.data(), m.rows(), m.cols()) = m;
  s.arrays[name] = std::move(v);
  s.meta["shapes"][name] = {m.rows(), m.cols()};
}

Eigen::MatrixXd getMatrix(const ModelState& s, const std::string& name) {
  auto it = s.arrays.find(name);
  if (it == s.arrays.end()) badInput("predictor state lacks the array '" + name + "'");
  Eigen::Index rows = 0, cols = 0;
  try {
    const auto& shape = s.meta.at("shapes").at(name);
    rows = shape.at(0).get<Eigen::Index>();
    cols = shape.at(1).get<Eigen::Index>();
  } catch (const nlohmann::json::exception&) {
    badInput("predictor state lacks the shape of array '" + name + "'");
  }
  // Each side is checked against the value count before they are multiplied: 2^32 x 2^32 would wrap.
  const auto values = static_cast<Eigen::Index>(it->second.size());
  if (rows < 0 || cols < 0 || (rows > 0 && cols > values / rows) || rows * cols != values)
    badInput("predictor state array '" + name + "' holds " + std::to_string(it->second.size()) +
             " values, not the " + std::to_string(rows) + " x " + std::to_string(cols) + " its shape says");
  return Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(it->second.data(), rows,
                                                                                                  cols);
}

PoolData PoolData::fromPool(const TrainingPool& pool) {
  const size_t m = pool.devices.size();
  if (m == 0) badInput("the training pool has no devices");
  if (pool.descriptors.size() != m || pool.latencyMs.size() != m)
    badInput("the training pool has " + std::to_string(m) + " devices but " + std::to_string(pool.descriptors.size()) +
             " descriptors and " + std::to_string(pool.latencyMs.size()) + " latency columns");
  if (pool.architectures.size() < 2) badInput("the training pool has fewer than 2 architectures");
  if (!pool.architectures.space) badInput("the training pool has no search space");
  PoolData p;
  p.space = pool.architectures.space;
  p.architectures = pool.architectures;
  p.descriptorKind = pool.descriptorKind;
  p.devices = pool.devices;
  const auto n = static_cast<Eigen::Index>(pool.architectures.size());
  p.logLat.resize(n, static_cast<Eigen::Index>(m));
  for (size_t d = 0; d < m; ++d) {
    if (pool.descriptors[d].kind != pool.descriptorKind)
      badInput("device '" + pool.devices[d] + "' has a '" + pool.descriptors[d].kind + "' descriptor in a '" +
               pool.descriptorKind + "' pool");
    if (pool.latencyMs[d].size() != pool.architectures.size())
      badInput("device '" + pool.devices[d] + "' has " + std::to_string(pool.latencyMs[d].size()) +
               " latencies for " + std::to_string(pool.architectures.size()) + " architectures");
    for (Eigen::Index a = 0; a < n; ++a) {
      const double ms = pool.latencyMs[d][static_cast<size_t>(a)];
      if (!(ms > 0) || !std::isfinite(ms))
        badInput("device '" + pool.devices[d] + "' has no valid latency for " +
                 pool.architectures.canonical(static_cast<size_t>(a)) + " (every pool architecture needs one)");
      p.logLat(a, static_cast<Eigen::Index>(d)) = std::log(ms);
    }
    p.descriptorVersion = pool.descriptors[d].version;
  }
  for (Eigen::Index a = 0; a < n; ++a)
    if (!p.rowOf.emplace(std::string(rowKey(pool.architectures.genotypes[static_cast<size_t>(a)])), a).second)
      badInput("the training pool lists " + pool.architectures.canonical(static_cast<size_t>(a)) + " twice");
  // Descriptor names: the union, in first-seen order.
  for (const auto& d : pool.descriptors)
    for (const auto& name : d.names)
      if (std::find(p.descNames.begin(), p.descNames.end(), name) == p.descNames.end()) p.descNames.push_back(name);
  const auto k = static_cast<Eigen::Index>(p.descNames.size());
  Eigen::MatrixXd raw = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(m), k, kNaN);
  for (size_t d = 0; d < m; ++d)
    for (size_t i = 0; i < pool.descriptors[d].names.size(); ++i) {
      auto pos = std::find(p.descNames.begin(), p.descNames.end(), pool.descriptors[d].names[i]) - p.descNames.begin();
      raw(static_cast<Eigen::Index>(d), pos) = pool.descriptors[d].values[i];
    }
  p.descCentre.resize(k);
  p.descScale.resize(k);
  for (Eigen::Index j = 0; j < k; ++j) {
    double sum = 0, sq = 0;
    int count = 0;
    for (Eigen::Index d = 0; d < raw.rows(); ++d)
      if (std::isfinite(raw(d, j))) sum += raw(d, j), sq += raw(d, j) * raw(d, j), ++count;
    const double mean = count ? sum / count : 0;
    const double var = count ? sq / count - mean * mean : 0;
    p.descCentre(j) = mean;
    p.descScale(j) = var > 1e-12 ? std::sqrt(var) : 1.0;
  }
  p.desc = (raw.rowwise() - p.descCentre.transpose()).array().rowwise() / p.descScale.transpose().array();
  // Ridge map from architecture features to each device's ln latency, for architectures outside
  // the pool.
  const Eigen::MatrixXd x = withBias(archFeatures(pool.architectures));
  Eigen::MatrixXd gram = x.transpose() * x;
  gram.diagonal().array() += 1e-3 * static_cast<double>(n);
  p.featureMap = gram.ldlt().solve(x.transpose() * p.logLat);
  return p;
}

void PoolData::save(ModelState& s) const {
  s.meta["descriptor_kind"] = descriptorKind;
  s.meta["descriptor_version"] = descriptorVersion;
  s.meta["search_space"] = std::string(space->name());
  s.meta["training_devices"] = devices;
  s.meta["descriptor_names"] = descNames;
  s.meta["descriptor_normalisation"] = {{"centre", std::vector<double>(descCentre.data(), descCentre.data() + descCentre.size())},
                                        {"scale", std::vector<double>(descScale.data(), descScale.data() + descScale.size())}};
  s.meta["space_version"] = searchspace::kSpaceVersion;
  s.meta["feature_scaling"] = "ln(ms) targets; architecture features: one-hot, ln MACs/params/activation bytes, "
                              "op counts (feature_layout names them)";
  s.meta["feature_layout"] = featureNames(*space);
  s.architectures[std::string(kPoolArchitectures)] = architectures.genotypes;
  putMatrix(s, "pool.ln_latency", logLat);
  // NaN does not survive JSON or every file format: a missing descriptor value is stored as the
  // names list per device instead.
  nlohmann::json present = nlohmann::json::array();
  Eigen::MatrixXd descFilled = desc;
  for (Eigen::Index d = 0; d < desc.rows(); ++d) {
    std::vector<int> have;
    for (Eigen::Index j = 0; j < desc.cols(); ++j)
      if (std::isfinite(desc(d, j))) have.push_back(static_cast<int>(j));
      else descFilled(d, j) = 0;
    present.push_back(have);
  }
  s.meta["descriptor_present"] = present;
  putMatrix(s, "pool.descriptors", descFilled);
  putMatrix(s, "pool.feature_map", featureMap);
}

PoolData PoolData::load(const ModelState& s) {
  PoolData p;
  try {
    p.descriptorKind = s.meta.at("descriptor_kind").get<std::string>();
    p.descriptorVersion = s.meta.at("descriptor_version").get<int>();
    p.space = &knownSpace(s.meta.at("search_space").get<std::string>());
    // States from before search spaces were versioned are of version 1.
    if (const int v = s.meta.value("space_version", searchspace::kSpaceVersion); v != searchspace::kSpaceVersion)
      badInput("predictor state is of " + std::string(p.space->name()) + " version " + std::to_string(v) +
               "; this build knows version " + std::to_string(searchspace::kSpaceVersion) + ": update maple");
    // States from before feature layouts were recorded are of this build's layout.
    if (s.meta.contains("feature_layout")) checkFeatureLayout(s.meta.at("feature_layout"), *p.space);
    p.devices = s.meta.at("training_devices").get<std::vector<std::string>>();
    p.descNames = s.meta.at("descriptor_names").get<std::vector<std::string>>();
    const auto centre = s.meta.at("descriptor_normalisation").at("centre").get<std::vector<double>>();
    const auto scale = s.meta.at("descriptor_normalisation").at("scale").get<std::vector<double>>();
    if (centre.size() != p.descNames.size() || scale.size() != p.descNames.size())
      badInput("predictor state's descriptor normalisation does not match its descriptor names");
    for (size_t j = 0; j < scale.size(); ++j)
      if (!(scale[j] > 0) || !std::isfinite(scale[j]) || !std::isfinite(centre[j]))
        badInput("predictor state's descriptor scale of '" + p.descNames[j] + "' is " + std::to_string(scale[j]) +
                 ": a scale must be positive and finite");
    p.descCentre = Eigen::Map<const Eigen::VectorXd>(centre.data(), static_cast<Eigen::Index>(centre.size()));
    p.descScale = Eigen::Map<const Eigen::VectorXd>(scale.data(), static_cast<Eigen::Index>(scale.size()));
    p.architectures = poolArchitectures(s, *p.space);
    p.logLat = getMatrix(s, "pool.ln_latency");
    p.desc = getMatrix(s, "pool.descriptors");
    p.featureMap = getMatrix(s, "pool.feature_map");
    const auto present = s.meta.at("descriptor_present");
    const auto m = static_cast<Eigen::Index>(p.devices.size());
    const auto k = static_cast<Eigen::Index>(p.descNames.size());
    // Every shape against what prediction indexes.
    if (m < 1 || p.architectures.empty()) badInput("predictor state's pool has no devices or no architectures");
    if (p.logLat.cols() != m || p.desc.rows() != m || p.desc.cols() != k ||
        static_cast<Eigen::Index>(p.architectures.size()) != p.logLat.rows() ||
        p.featureMap.rows() != featureCount(*p.space) + 1 || p.featureMap.cols() != m || present.size() != p.devices.size())
      badInput("predictor state's pool arrays do not match its " + std::to_string(m) + " training devices");
    for (Eigen::Index d = 0; d < m; ++d) {
      Eigen::VectorXd row = Eigen::VectorXd::Constant(k, kNaN);
      for (int j : present.at(static_cast<size_t>(d)).get<std::vector<int>>()) {
        if (j < 0 || j >= k) badInput("predictor state's descriptor_present is out of range");
        row(j) = p.desc(d, j);
      }
      p.desc.row(d) = row;
    }
    for (size_t a = 0; a < p.architectures.size(); ++a)
      if (!p.rowOf.emplace(std::string(rowKey(p.architectures.genotypes[a])), static_cast<Eigen::Index>(a)).second)
        badInput("predictor state's pool lists " + p.architectures.canonical(a) + " twice");
  } catch (const nlohmann::json::exception& e) {
    badInput(std::string("predictor state metadata is incomplete (") + e.what() + ")");
  }
  return p;
}

Eigen::Index PoolData::poolRow(const searchspace::Genotype& g, Eigen::Index guess) const {
  if (guess >= 0 && static_cast<size_t>(guess) < architectures.size() &&
      architectures.genotypes[static_cast<size_t>(guess)].choices == g.choices)
    return guess;
  const auto it = rowOf.find(rowKey(g));
  return it == rowOf.end() ? -1 : it->second;
}

Eigen::MatrixXd PoolData::rowsFor(const searchspace::ArchitectureSet& set) const {
  std::vector<Eigen::Index> poolRows(set.size()); // row 0 stands in for an unseen one, overwritten below
  searchspace::ArchitectureSet unseen{set.space, {}};
  std::vector<Eigen::Index> unseenAt;
  for (size_t i = 0; i < set.size(); ++i) {
    const auto row = poolRow(set.genotypes[i], static_cast<Eigen::Index>(i));
    poolRows[i] = std::max<Eigen::Index>(row, 0);
    if (row < 0) unseen.genotypes.push_back(set.genotypes[i]), unseenAt.push_back(static_cast<Eigen::Index>(i));
  }
  // Gathered column by column: logLat is column-major, and a row-by-row copy strides through it.
  Eigen::MatrixXd rows = logLat(poolRows, Eigen::all);
  if (!unseen.empty()) {
    const Eigen::MatrixXd imputed = withBias(archFeatures(unseen)) * featureMap;
    for (size_t i = 0; i < unseen.size(); ++i) rows.row(unseenAt[i]) = imputed.row(static_cast<Eigen::Index>(i));
  }
  return rows;
}

Eigen::VectorXd PoolData::standardise(const descriptor::Descriptor& d) const {
  Eigen::VectorXd z = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(descNames.size()), kNaN);
  for (size_t i = 0; i < d.names.size(); ++i) {
    auto pos = std::find(descNames.begin(), descNames.end(), d.names[i]);
    if (pos == descNames.end()) continue;
    const auto j = pos - descNames.begin();
    z(j) = (d.values[i] - descCentre(j)) / descScale(j);
  }
  return z;
}

Eigen::VectorXd PoolData::similarity(const descriptor::Descriptor& d) const {
  std::vector<Eigen::Index> all(static_cast<size_t>(desc.rows()));
  for (Eigen::Index j = 0; j < desc.rows(); ++j) all[static_cast<size_t>(j)] = j;
  return similarity(standardise(d), all);
}

Eigen::VectorXd PoolData::similarity(const Eigen::VectorXd& z, const std::vector<Eigen::Index>& among) const {
  const auto m = static_cast<Eigen::Index>(among.size());
  Eigen::VectorXd dist(m);
  bool any = false;
  for (Eigen::Index j = 0; j < m; ++j) {
    const auto row = desc.row(among[static_cast<size_t>(j)]);
    double sum = 0;
    int count = 0;
    for (Eigen::Index i = 0; i < z.size(); ++i)
      if (std::isfinite(z(i)) && std::isfinite(row(i))) sum += (z(i) - row(i)) * (z(i) - row(i)), ++count;
    dist(j) = count ? sum / count : 0;
    any = any || count > 0;
  }
  if (!any || m == 0) return Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(std::max<Eigen::Index>(m, 1)));
  std::vector<double> sorted(dist.data(), dist.data() + m);
  std::nth_element(sorted.begin(), sorted.begin() + m / 2, sorted.end());
  const double h = std::max(sorted[static_cast<size_t>(m / 2)], 1e-6);
  Eigen::VectorXd w = (-dist.array() / h).exp();
  return w / w.sum();
}

// ---- PoolPredictor --------------------------------------------------------------------------------

std::unique_ptr<Predictor> PoolPredictor::adapt(const Target& target, const ProgressFn& progress) const {
  if (!target_.empty())
    fail(ErrorKind::Usage, "this predictor is already adapted to '" + target_ + "': adapt the pool-trained one");
  if (target.device.empty()) fail(ErrorKind::Usage, "the target device has no name");
  if (target.descriptor.kind != pool_->descriptorKind)
    fail(ErrorKind::Usage, "target '" + target.device + "' has a '" + target.descriptor.kind +
                               "' descriptor; this predictor was trained on '" + pool_->descriptorKind + "'");
  Eigen::VectorXd y(static_cast<Eigen::Index>(target.shots.size()));
  for (size_t i = 0; i < target.shots.size(); ++i) {
    const auto& s = target.shots[i];
    if (!(s.latencyMs > 0) || !std::isfinite(s.latencyMs))
      badInput("shot " + std::to_string(i + 1) + " on '" + target.device + "' has latency " +
               std::to_string(s.latencyMs) + " ms: latencies must be positive");
    y(static_cast<Eigen::Index>(i)) = std::log(s.latencyMs);
  }
  auto p = clone();
  p->target_ = target.device;
  p->shotPolicy_ = target.shotPolicy;
  p->adaptedOn_ = target.shots;
  p->fitTarget(target, pool_->rowsFor(shotSet(target)), y, progress);
  return p;
}

searchspace::ArchitectureSet PoolPredictor::shotSet(const Target& target) const {
  searchspace::ArchitectureSet set{pool_->space, {}};
  for (const auto& s : target.shots) set.push_back({pool_->space, s.genotype});
  return set;
}

std::vector<double> PoolPredictor::predictMs(const searchspace::ArchitectureSet& set, std::vector<double>* spread) const {
  if (target_.empty())
    fail(ErrorKind::Usage, "a pool-trained " + method_ + " predictor has no target device: adapt it first");
  searchspace::requireSpace(set, *pool_->space, "the architectures to predict");
  Eigen::VectorXd sd;
  const Eigen::VectorXd y = predictLog(set, readsPoolRows() ? pool_->rowsFor(set) : Eigen::MatrixXd(), spread ? &sd : nullptr);
  std::vector<double> out(static_cast<size_t>(y.size()));
  for (Eigen::Index i = 0; i < y.size(); ++i) {
    out[static_cast<size_t>(i)] = std::exp(y(i));
    // Forged weights (1e308) overflow to inf or NaN: refuse rather than print nonsense.
    if (!std::isfinite(out[static_cast<size_t>(i)]) || out[static_cast<size_t>(i)] <= 0)
      badInput("the " + method_ + " predictor computed a non-finite latency (its weights are corrupt or forged); "
               "export it again from its project");
  }
  if (spread) spread->assign(sd.data(), sd.data() + sd.size());
  return out;
}

// The default prior: a device's ln latencies are the pool's mean profile plus a combination of
// the pool's principal components, its coordinates distributed as the pool devices' are.
DesignProblem PoolPredictor::designProblem(const searchspace::ArchitectureSet& candidates, size_t) const {
  const Eigen::MatrixXd& l = pool_->logLat;
  const Eigen::RowVectorXd centre = l.colwise().mean();
  const Eigen::JacobiSVD<Eigen::MatrixXd> svd(l.rowwise() - centre, Eigen::ComputeThinU | Eigen::ComputeThinV);
  const Eigen::Index r = std::min<Eigen::Index>(8, svd.singularValues().size());
  const Eigen::VectorXd sv = svd.singularValues().head(r).cwiseMax(1e-12);
  const Eigen::MatrixXd rows = pool_->rowsFor(candidates).rowwise() - centre;
  DesignProblem d;
  d.jacobian.resize(rows.rows(), r + 1);
  d.jacobian.col(0).setOnes(); // the device's overall speed
  d.jacobian.rightCols(r) = rows * svd.matrixV().leftCols(r) * sv.cwiseInverse().asDiagonal();
  const Eigen::MatrixXd z = svd.matrixV().leftCols(r) * sv.asDiagonal(); // devices' coordinates
  const Eigen::MatrixXd zc = z.rowwise() - z.colwise().mean();
  d.priorCov = Eigen::MatrixXd::Zero(r + 1, r + 1);
  d.priorCov(0, 0) = 1;
  d.priorCov.bottomRightCorner(r, r) = zc.transpose() * zc / static_cast<double>(std::max<Eigen::Index>(z.rows() - 1, 1));
  d.priorCov.diagonal().array() += 1e-6;
  return d;
}

std::vector<size_t> PoolPredictor::designShots(const searchspace::ArchitectureSet& candidates, size_t k) const {
  if (!target_.empty())
    fail(ErrorKind::Usage, "a design is chosen before adaptation: use the pool-trained predictor, not one adapted to '" +
                               target_ + "'");
  if (candidates.empty()) fail(ErrorKind::Usage, "no candidate architectures to design shots from");
  searchspace::requireSpace(candidates, *pool_->space, "the shot candidates");
  return optimalDesign(designProblem(candidates, k), k);
}

ModelState PoolPredictor::state() const {
  ModelState s;
  s.meta["method"] = method_;
  s.meta["target_device"] = target_;
  pool_->save(s);
  saveModel(s);
  if (!target_.empty()) {
    nlohmann::json shots = nlohmann::json::array();
    for (const auto& shot : adaptedOn_) shots.push_back({{"arch", pool_->space->format(shot.genotype)}, {"latency_ms", shot.latencyMs}});
    s.meta["adapted_on"] = {{"shot_policy", shotPolicy_}, {"shots", shots}};
  }
  return s;
}

void PoolPredictor::trainOn(const TrainingPool& pool, const TrainOptions& options, const ProgressFn& progress) {
  pool_ = std::make_shared<const PoolData>(PoolData::fromPool(pool));
  trainModel(options, progress);
}

void PoolPredictor::load(const ModelState& s) {
  pool_ = std::make_shared<const PoolData>(PoolData::load(s));
  target_ = s.meta.value("target_device", "");
  loadModel(s);
  // Files from before the shots were recorded lack "adapted_on": they load with none listed.
  if (!target_.empty() && s.meta.contains("adapted_on")) {
    try {
      const auto& a = s.meta.at("adapted_on");
      shotPolicy_ = a.value("shot_policy", "");
      for (const auto& shot : a.at("shots")) {
        const double ms = shot.at("latency_ms").get<double>();
        if (!(ms > 0) || !std::isfinite(ms)) badInput("predictor state's adapted_on lists a non-positive latency");
        adaptedOn_.push_back({pool_->space->parse(shot.at("arch").get<std::string>()), ms});
      }
    } catch (const nlohmann::json::exception& e) {
      badInput(std::string("predictor state's adapted_on is malformed (") + e.what() + ")");
    } catch (const Error& e) {
      badInput(std::string("predictor state's adapted_on: ") + e.what());
    }
  }
}

} // namespace maple::predict
