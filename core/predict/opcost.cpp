// Per-operation cost model with a pool-learned prior and a Bayesian mixture fit of the shots.
//
// On NAS-Bench-201 a network's latency is close to additive in its operations, in milliseconds
// rather than in log space: t(a) = x(a) . w, x = the op counts of op_counts.hpp (a base cost, the
// eager counts and the graph counts). Fitted to all of a device's latencies this puts 95-100 % of
// the GPUs, server CPUs and simulated accelerators within +-10 %, so the hard part of few-shot
// adaptation is only to find w from k shots.
//
// Training: each pool device's w_j by relative-error least squares (Huber-weighted, degenerate
// cells aside), scaled by the device's median latency into a shape v_j; the shapes' covariance C
// says how devices differ. Whether a device folds degenerate cells to a near-zero constant is
// noted too.
// Adaptation: the target is one of the pool's shapes at an unknown scale, perturbed by
// N(0, tau s^2 C), or a broad Gaussian around the mean shape; the shots have relative noise sigma.
// Every (component, tau, sigma) gives a closed-form posterior for w and its evidence; the
// prediction is the evidence-weighted mixture (so the shots choose which devices to borrow from
// and how noisy they are), the prior over components being the descriptor similarity blended
// with uniform. Degenerate shots decide the degenerate regime. Without one, the runtime's kind
// does: folding is constant folding, a graph compiler's work, so a target whose fitted costs sit
// on the graph counts folds when the pool's folding devices are the graph-compiled ones (a wrong
// guess costs a 1000-fold error on a folded cell, which dominates MAPE).
#include "common/error.hpp"
#include "predict/methods.hpp"
#include "predict/op_counts.hpp"

#include <algorithm>
#include <cmath>

namespace maple::predict {
namespace {

constexpr int kP = kOpCountFeatures;
constexpr double kTaus[] = {0.1, 0.3, 1.0};           // component spread, in units of the pool's C
constexpr double kNoises[] = {0.02, 0.05, 0.1, 0.2}; // relative noise of a shot
constexpr double kBroadShare = 0.25;                  // prior mass of the broad Gaussian component
constexpr double kSimilarityBlend = 0.5;              // share of descriptor similarity in the prior
constexpr double kHuber = 0.1;                        // relative residual where pool fitting turns robust
constexpr double kCollapseRatio = 0.1;                // below this share of the model, a cell folded
constexpr double kFloor = 1e-3;                       // smallest prediction, relative to the scale
constexpr double kFoldKind = 0.9;     // P(fold) when the runtime's kind matches the pool's folding devices
constexpr double kFoldUnseen = 0.01;  // P(fold) when no pool device folds
constexpr double kFalseFold = 1e-3;   // a non-folding device measuring a degenerate cell that low

double median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// Relative-error least squares with Huber weights: minimises sum rho((x.w - t) / t).
Eigen::VectorXd robustFit(const Eigen::MatrixXd& x, const Eigen::VectorXd& t) {
  Eigen::VectorXd weight = t.cwiseInverse();
  Eigen::VectorXd w = Eigen::VectorXd::Zero(x.cols());
  for (int iter = 0; iter < 10; ++iter) {
    const Eigen::MatrixXd a = weight.asDiagonal() * x;
    Eigen::MatrixXd h = a.transpose() * a;
    h.diagonal().array() += 1e-9 * (h.trace() + 1);
    w = h.ldlt().solve(a.transpose() * weight.cwiseProduct(t));
    const Eigen::ArrayXd r = ((x * w - t).array() / t.array()).abs();
    weight = (t.array().inverse() * (kHuber / r.max(kHuber)).sqrt()).matrix();
  }
  return w;
}

struct Component {
  Eigen::VectorXd shape;
  double logPrior;
  double tau;
};

struct Fit {
  Eigen::VectorXd w;
  Eigen::MatrixXd covariance;
  double logEvidence;
  double scale, noise;
};

// Posterior of w for one component and noise level, given non-degenerate shots (x, t in ms).
Fit fitComponent(const Component& c, const Eigen::MatrixXd& cov, const Eigen::MatrixXd& x, const Eigen::VectorXd& t,
                 double noise) {
  std::vector<double> ratios;
  const Eigen::VectorXd base = x * c.shape;
  for (Eigen::Index i = 0; i < t.size(); ++i)
    if (base(i) > 0) ratios.push_back(t(i) / base(i));
  double s = median(ratios);
  if (!(s > 0) || !std::isfinite(s)) s = median(std::vector<double>(t.data(), t.data() + t.size()));
  const Eigen::VectorXd m0 = s * c.shape;
  const Eigen::MatrixXd s0 = c.tau * s * s * cov;
  const Eigen::MatrixXd a = (t.cwiseInverse() / noise).asDiagonal() * x;
  const Eigen::VectorXd b = Eigen::VectorXd::Constant(t.size(), 1.0 / noise);
  const Eigen::LLT<Eigen::MatrixXd> s0llt(s0);
  const Eigen::MatrixXd p0 = s0llt.solve(Eigen::MatrixXd::Identity(kP, kP));
  const Eigen::LLT<Eigen::MatrixXd> hllt(a.transpose() * a + p0);
  Fit f;
  f.covariance = hllt.solve(Eigen::MatrixXd::Identity(kP, kP));
  f.w = f.covariance * (a.transpose() * b + p0 * m0);
  // Evidence of the scaled shots, b ~ N(A m0, K = I + A S0 A^T), through Woodbury and the
  // determinant lemma so that it costs O(k) in the number of shots.
  const Eigen::VectorXd d = b - a * m0;
  const Eigen::VectorXd ad = a.transpose() * d;
  auto logDet = [](const Eigen::LLT<Eigen::MatrixXd>& llt) {
    return 2 * llt.matrixL().toDenseMatrix().diagonal().array().log().sum();
  };
  f.logEvidence = -0.5 * (d.squaredNorm() - ad.dot(hllt.solve(ad)) + logDet(hllt) + logDet(s0llt)) -
                  static_cast<double>(t.size()) * std::log(noise) + c.logPrior;
  f.scale = s;
  f.noise = noise;
  return f;
}

class OpCostPredictor final : public PoolPredictor {
public:
  OpCostPredictor() : PoolPredictor("opcost") {}

protected:
  std::unique_ptr<PoolPredictor> clone() const override { return std::make_unique<OpCostPredictor>(*this); }

  void trainModel(const TrainOptions&, const ProgressFn& progress) override {
    const auto& p = pool();
    std::vector<nb201::Cell> cells;
    for (int code : p.codes) cells.push_back(nb201::cellFromCode(code));
    const auto oc = opCounts(cells);
    std::vector<Eigen::Index> live, folded;
    for (size_t i = 0; i < cells.size(); ++i) (oc.degenerate[i] ? folded : live).push_back(static_cast<Eigen::Index>(i));
    if (live.size() < static_cast<size_t>(2 * kP))
      badInput("the training pool has " + std::to_string(live.size()) + " non-degenerate architectures; opcost needs " +
               std::to_string(2 * kP));
    const Eigen::MatrixXd x = oc.features(live, Eigen::all);
    const auto m = p.logLat.cols();
    shapes_.resize(m, kP);
    meanRow_ = x.colwise().mean().transpose();
    stats_.resize(m, 4);
    for (Eigen::Index j = 0; j < m; ++j) {
      const Eigen::VectorXd all = p.logLat.col(j).array().exp();
      const double med = median(std::vector<double>(all.data(), all.data() + all.size()));
      const Eigen::VectorXd w = robustFit(x, all(live));
      shapes_.row(j) = w.transpose() / med;
      // Folding: most degenerate cells far below what the model gives them.
      int low = 0;
      std::vector<double> foldedMs;
      for (auto i : folded) {
        foldedMs.push_back(all(i));
        if (all(i) < kCollapseRatio * std::max(oc.features.row(i).dot(w), 1e-12)) ++low;
      }
      const double share = folded.empty() ? 0.0 : static_cast<double>(low) / static_cast<double>(folded.size());
      stats_.row(j) << std::log(med), share, share > 0.5 ? median(foldedMs) / med : 0.0, graphShare(w);
      if (progress && !progress(static_cast<double>(j + 1) / static_cast<double>(m), "fitting operation costs"))
        fail(ErrorKind::Cancelled, "training cancelled");
    }
    const Eigen::RowVectorXd mean = shapes_.colwise().mean();
    const Eigen::MatrixXd d = shapes_.rowwise() - mean;
    priorCov_ = d.transpose() * d / static_cast<double>(m);
    priorCov_.diagonal().array() += 1e-4;
  }

  void fitTarget(const Target& target, const Eigen::MatrixXd&, const Eigen::VectorXd& y, const ProgressFn&) override {
    const auto m = shapes_.rows();
    const Eigen::VectorXd prior =
        (1 - kSimilarityBlend) / static_cast<double>(m) + kSimilarityBlend * pool().similarity(target.descriptor).array();
    const Eigen::VectorXd meanShape = shapes_.transpose() * prior;
    std::vector<nb201::Cell> cells;
    for (const auto& s : target.shots) cells.push_back(s.cell);
    const auto oc = opCounts(cells);
    std::vector<Eigen::Index> live, folded;
    for (size_t i = 0; i < cells.size(); ++i) (oc.degenerate[i] ? folded : live).push_back(static_cast<Eigen::Index>(i));

    if (live.empty()) {
      // No usable shot: the descriptor-weighted shape at the descriptor-weighted scale.
      scale_ = std::exp(stats_.col(0).dot(prior));
      w_ = scale_ * meanShape;
      cov_ = scale_ * scale_ * priorCov_;
      noise_ = kNoises[std::size(kNoises) - 1];
    } else {
      const Eigen::MatrixXd x = oc.features(live, Eigen::all);
      const Eigen::VectorXd t = y(live).array().exp();
      std::vector<Component> comps;
      for (Eigen::Index j = 0; j < m; ++j)
        for (double tau : kTaus)
          comps.push_back({shapes_.row(j).transpose(), std::log((1 - kBroadShare) * prior(j) / std::size(kTaus)), tau});
      comps.push_back({meanShape, std::log(kBroadShare), 1.0});
      std::vector<Fit> fits;
      for (const auto& c : comps)
        for (double noise : kNoises) fits.push_back(fitComponent(c, priorCov_, x, t, noise));
      double top = -INFINITY;
      for (const auto& f : fits) top = std::max(top, f.logEvidence);
      Eigen::VectorXd pw(static_cast<Eigen::Index>(fits.size()));
      for (size_t i = 0; i < fits.size(); ++i) pw(static_cast<Eigen::Index>(i)) = std::exp(fits[i].logEvidence - top);
      pw /= pw.sum();
      w_ = Eigen::VectorXd::Zero(kP);
      scale_ = noise_ = 0;
      for (size_t i = 0; i < fits.size(); ++i) {
        const double q = pw(static_cast<Eigen::Index>(i));
        w_ += q * fits[i].w;
        scale_ += q * fits[i].scale;
        noise_ += q * fits[i].noise;
      }
      cov_ = Eigen::MatrixXd::Zero(kP, kP);
      for (size_t i = 0; i < fits.size(); ++i) {
        const Eigen::VectorXd d = fits[i].w - w_;
        cov_ += pw(static_cast<Eigen::Index>(i)) * (fits[i].covariance + d * d.transpose());
      }
    }
    decideFolding(oc, folded, y);
  }

  // Whether degenerate cells fold, as a two-hypothesis posterior: the prior from the runtime's kind
  // (graph share near the pool's folding devices' or not), each degenerate shot then counting as
  // folded or not under the folding devices' observed rate.
  void decideFolding(const OpCounts& shots, const std::vector<Eigen::Index>& folded, const Eigen::VectorXd& y) {
    const auto m = stats_.rows();
    double foldShare = 0, keepShare = 0, rate = 0, ratio = 0;
    int folding = 0;
    for (Eigen::Index j = 0; j < m; ++j) folding += stats_(j, 1) > 0.5;
    for (Eigen::Index j = 0; j < m; ++j)
      if (stats_(j, 1) > 0.5) {
        foldShare += stats_(j, 3) / folding;
        rate += stats_(j, 1) / folding;
        ratio += stats_(j, 2) / folding;
      } else {
        keepShare += stats_(j, 3) / static_cast<double>(m - folding);
      }
    double prior = kFoldUnseen;
    if (folding == m) prior = 1 - kFoldUnseen;
    else if (folding > 0) {
      const double share = graphShare(w_);
      prior = std::abs(share - foldShare) < std::abs(share - keepShare) ? kFoldKind : 1 - kFoldKind;
    }
    if (folding == 0) rate = 0.5;
    double logFold = std::log(prior), logKeep = std::log(1 - prior);
    std::vector<double> foldedMs;
    for (auto i : folded) {
      const double t = std::exp(y(i));
      const bool low = t < kCollapseRatio * std::max(shots.features.row(i).dot(w_), kFloor * scale_);
      logFold += std::log(low ? rate : 1 - rate);
      logKeep += low ? std::log(kFalseFold) : 0.0;
      if (low) foldedMs.push_back(t);
    }
    folds_ = logFold > logKeep;
    foldedMs_ = foldedMs.empty() ? scale_ * ratio : median(foldedMs);
  }

  // Share of an architecture's operation cost that sits on the graph counts (at the pool's mean
  // architecture): about 0 for an eager runtime, 1 for a graph-compiled one.
  double graphShare(const Eigen::VectorXd& w) const {
    const double ops = meanRow_.tail(kP - 1).dot(w.tail(kP - 1));
    return ops != 0 ? meanRow_.tail(4).dot(w.tail(4)) / ops : 0;
  }

  Eigen::VectorXd predictLog(std::span<const nb201::Cell> cells, const Eigen::MatrixXd&, Eigen::VectorXd* spread) const override {
    const auto oc = opCounts(cells);
    const Eigen::VectorXd ms = (oc.features * w_).cwiseMax(kFloor * scale_);
    Eigen::VectorXd out = ms.array().log();
    if (spread) {
      const Eigen::ArrayXd rel = (oc.features * cov_).cwiseProduct(oc.features).rowwise().sum().array().max(0).sqrt() / ms.array();
      *spread = (rel.square() + noise_ * noise_).sqrt();
    }
    for (size_t i = 0; i < cells.size(); ++i)
      if (oc.degenerate[i] && folds_) {
        out(static_cast<Eigen::Index>(i)) = std::log(std::max(foldedMs_, kFloor * scale_));
        if (spread) (*spread)(static_cast<Eigen::Index>(i)) = 1.0; // folding is a guess from other devices
      }
    return out;
  }

  void saveModel(ModelState& s) const override {
    s.meta["hyperparameters"] = {{"taus", kTaus},           {"noises", kNoises},     {"broad_share", kBroadShare},
                                 {"similarity_blend", kSimilarityBlend}, {"huber", kHuber}, {"collapse_ratio", kCollapseRatio}};
    putMatrix(s, "opcost.shapes", shapes_);
    putMatrix(s, "opcost.device_stats", stats_);
    putMatrix(s, "opcost.prior_cov", priorCov_);
    putMatrix(s, "opcost.mean_features", meanRow_);
    if (targetDevice().empty()) return;
    putMatrix(s, "opcost.weights", w_);
    putMatrix(s, "opcost.covariance", cov_);
    s.meta["adapted"] = {{"scale_ms", scale_}, {"noise", noise_}, {"folds", folds_}, {"folded_ms", foldedMs_}};
  }

  void loadModel(const ModelState& s) override {
    shapes_ = getMatrix(s, "opcost.shapes");
    stats_ = getMatrix(s, "opcost.device_stats");
    priorCov_ = getMatrix(s, "opcost.prior_cov");
    meanRow_ = getMatrix(s, "opcost.mean_features");
    const auto m = pool().logLat.cols();
    if (shapes_.rows() != m || shapes_.cols() != kP || stats_.rows() != m || stats_.cols() != 4 || priorCov_.rows() != kP ||
        priorCov_.cols() != kP || meanRow_.size() != kP)
      badInput("predictor state's operation-cost arrays do not match its " + std::to_string(m) + " training devices");
    if (targetDevice().empty()) return;
    w_ = getMatrix(s, "opcost.weights");
    cov_ = getMatrix(s, "opcost.covariance");
    if (w_.size() != kP || cov_.rows() != kP || cov_.cols() != kP)
      badInput("predictor state's operation-cost fit has the wrong size");
    try {
      const auto& a = s.meta.at("adapted");
      scale_ = a.at("scale_ms").get<double>();
      noise_ = a.at("noise").get<double>();
      folds_ = a.at("folds").get<bool>();
      foldedMs_ = a.at("folded_ms").get<double>();
    } catch (const nlohmann::json::exception&) {
      badInput("predictor state lacks the operation-cost adaptation (scale_ms, noise, folds, folded_ms)");
    }
    if (!(scale_ > 0) || !(noise_ > 0)) badInput("predictor state's operation-cost scale or noise is not positive");
  }

private:
  Eigen::MatrixXd shapes_;   // devices x kP: w_j / median latency
  Eigen::MatrixXd stats_;    // devices x 4: ln median ms, folds degenerate cells (0/1), folded / median, graph share
  Eigen::VectorXd meanRow_;  // mean features of the pool's non-degenerate architectures
  Eigen::MatrixXd priorCov_; // kP x kP
  Eigen::VectorXd w_;
  Eigen::MatrixXd cov_;
  double scale_ = 1, noise_ = 0.1, foldedMs_ = 0;
  bool folds_ = false;
};

} // namespace

std::unique_ptr<PoolPredictor> newOpCostPredictor() { return std::make_unique<OpCostPredictor>(); }

} // namespace maple::predict
