// The simple baselines the issue asks for; each adapts in microseconds.
#include "common/error.hpp"
#include "predict/methods.hpp"

#include "predict/features.hpp"

#include <cmath>

namespace maple::predict {

Eigen::VectorXd lnMacs(const searchspace::ArchitectureSet& architectures) {
  return archFeatures(architectures).col(lnMacsFeature(*architectures.space));
}

namespace {

double getScalar(const ModelState& s, const std::string& key) {
  auto it = s.meta.find("adapted");
  if (it == s.meta.end() || !it->contains(key)) badInput("predictor state lacks adapted parameter '" + key + "'");
  return it->at(key).get<double>();
}

// ---- flops -----------------------------------------------------------------------------------------
class FlopsPredictor final : public PoolPredictor {
public:
  FlopsPredictor() : PoolPredictor("flops") {}

protected:
  std::unique_ptr<PoolPredictor> clone() const override { return std::make_unique<FlopsPredictor>(*this); }
  void fitTarget(const Target& target, const Eigen::MatrixXd& rows, const Eigen::VectorXd& y, const ProgressFn&) override {
    if (y.size() > 0) {
      offset_ = (y - lnMacs(shotSet(target))).mean();
      return;
    }
    // No shot: the descriptor-weighted mean offset of the training devices.
    const Eigen::VectorXd perDevice = (pool().logLat.colwise() - lnMacs(pool().architectures)).colwise().mean();
    offset_ = pool().similarity(target.descriptor).dot(perDevice);
    (void)rows;
  }
  bool readsPoolRows() const override { return false; }
  Eigen::VectorXd predictLog(const searchspace::ArchitectureSet& architectures, const Eigen::MatrixXd&,
                             Eigen::VectorXd*) const override {
    return lnMacs(architectures).array() + offset_;
  }
  void saveModel(ModelState& s) const override { s.meta["adapted"] = {{"offset", offset_}}; }
  void loadModel(const ModelState& s) override {
    if (!targetDevice().empty()) offset_ = getScalar(s, "offset");
  }

private:
  double offset_ = 0;
};

// ---- nearest ---------------------------------------------------------------------------------------
class NearestPredictor final : public PoolPredictor {
public:
  NearestPredictor() : PoolPredictor("nearest") {}

protected:
  std::unique_ptr<PoolPredictor> clone() const override { return std::make_unique<NearestPredictor>(*this); }
  void fitTarget(const Target& target, const Eigen::MatrixXd& rows, const Eigen::VectorXd& y, const ProgressFn&) override {
    pool().similarity(target.descriptor).maxCoeff(&device_);
    slope_ = 1, offset_ = 0;
    if (y.size() == 0) return;
    const Eigen::VectorXd x = rows.col(device_);
    const double mx = x.mean(), my = y.mean();
    // Slope shrunk towards 1 so two close shots cannot produce a wild line.
    constexpr double kShrink = 1.0;
    const double sxx = (x.array() - mx).square().sum(), sxy = ((x.array() - mx) * (y.array() - my)).sum();
    slope_ = (sxy + kShrink) / (sxx + kShrink);
    offset_ = my - slope_ * mx;
  }
  Eigen::VectorXd predictLog(const searchspace::ArchitectureSet&, const Eigen::MatrixXd& rows, Eigen::VectorXd*) const override {
    return (rows.col(device_) * slope_).array() + offset_;
  }
  void saveModel(ModelState& s) const override {
    s.meta["adapted"] = {{"device", device_}, {"slope", slope_}, {"offset", offset_}};
  }
  void loadModel(const ModelState& s) override {
    if (targetDevice().empty()) return;
    device_ = static_cast<Eigen::Index>(getScalar(s, "device"));
    if (device_ < 0 || device_ >= pool().logLat.cols()) badInput("predictor state's nearest device is out of range");
    slope_ = getScalar(s, "slope");
    offset_ = getScalar(s, "offset");
  }

private:
  Eigen::Index device_ = 0;
  double slope_ = 1, offset_ = 0;
};

// ---- ridge -----------------------------------------------------------------------------------------
class RidgePredictor final : public PoolPredictor {
public:
  RidgePredictor() : PoolPredictor("ridge") {}

protected:
  std::unique_ptr<PoolPredictor> clone() const override { return std::make_unique<RidgePredictor>(*this); }
  void fitTarget(const Target& target, const Eigen::MatrixXd& rows, const Eigen::VectorXd& y, const ProgressFn&) override {
    const Eigen::VectorXd prior = pool().similarity(target.descriptor);
    constexpr double kLambda = 1.0;
    offset_ = 0;
    beta_ = prior;
    if (y.size() == 0) return;
    const Eigen::RowVectorXd mx = rows.colwise().mean();
    const Eigen::MatrixXd xc = rows.rowwise() - mx;
    const Eigen::VectorXd yc = y.array() - y.mean();
    Eigen::MatrixXd a = xc.transpose() * xc;
    a.diagonal().array() += kLambda;
    beta_ = a.ldlt().solve(xc.transpose() * yc + kLambda * prior);
    offset_ = y.mean() - mx.dot(beta_);
  }
  Eigen::VectorXd predictLog(const searchspace::ArchitectureSet&, const Eigen::MatrixXd& rows, Eigen::VectorXd*) const override {
    return (rows * beta_).array() + offset_;
  }
  void saveModel(ModelState& s) const override {
    s.meta["adapted"] = {{"offset", offset_}};
    if (!targetDevice().empty()) putMatrix(s, "ridge.beta", beta_);
  }
  void loadModel(const ModelState& s) override {
    if (targetDevice().empty()) return;
    offset_ = getScalar(s, "offset");
    beta_ = getMatrix(s, "ridge.beta");
    if (beta_.size() != pool().logLat.cols()) badInput("predictor state's ridge weights do not match its devices");
  }

private:
  Eigen::VectorXd beta_;
  double offset_ = 0;
};

} // namespace

std::unique_ptr<PoolPredictor> newFlopsPredictor() { return std::make_unique<FlopsPredictor>(); }
std::unique_ptr<PoolPredictor> newNearestPredictor() { return std::make_unique<NearestPredictor>(); }
std::unique_ptr<PoolPredictor> newRidgePredictor() { return std::make_unique<RidgePredictor>(); }

} // namespace maple::predict
