// Low-rank completion with a device prior. The pool's ln-latency matrix L (archs x devices) is
// close to low rank, so every device j is well described by
//   L[a, j] = theta_j . f_a,   f_a = [row mean mu_a, U_a1 S_1 .. U_ar S_r, 1]
// (mu: the architecture's mean over devices; U S V^T: the SVD of L with row and column means
// removed). A training device's theta_j is exact up to rank r. For a target, theta gets a Gaussian
// prior whose mean and covariance are the descriptor-similarity-weighted mean and spread of the
// training devices' thetas, and the k shots update it (Bayesian linear regression). The posterior
// gives a per-prediction uncertainty. Zero shots: the prior mean, i.e. a descriptor-weighted pool.
//
// The rank and the shots' noise are chosen at training time by leave-one-device-out on the pool
// (each training device in turn plays an unseen one with 3 and 10 random shots; the setting with
// the best mean +-10 % accuracy wins), so they follow the pool, not one evaluation split.
#include "common/error.hpp"
#include "predict/methods.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace maple::predict {
namespace {

constexpr int kMaxRank = 10;
constexpr double kPriorInflation = 2.0; // an unseen device lies further out than the pool's spread
constexpr double kUniformBlend = 0.3;   // share of the unweighted pool covariance in the prior
constexpr double kNoiseGrid[] = {0.03, 0.05, 0.1, 0.2}; // ln-space noise std of the shots
constexpr int kTuneShots[] = {3, 10};
constexpr double kTwinCorrelation = 0.98;

struct Decomposition {
  Eigen::MatrixXd archMap; // archs x (rank + 1): [mu, U S]
  Eigen::MatrixXd thetas;  // devices x (rank + 2): [1, V, c]
};

// Rank-`rank` decomposition from an SVD of the doubly centred matrix.
Decomposition truncate(const Eigen::VectorXd& mu, const Eigen::RowVectorXd& c, const Eigen::BDCSVD<Eigen::MatrixXd>& svd,
                       Eigen::Index rank) {
  Decomposition d;
  d.archMap.resize(mu.size(), rank + 1);
  d.archMap.col(0) = mu;
  if (rank > 0) d.archMap.rightCols(rank) = svd.matrixU().leftCols(rank) * svd.singularValues().head(rank).asDiagonal();
  d.thetas.resize(c.size(), rank + 2);
  d.thetas.col(0).setOnes();
  if (rank > 0) d.thetas.middleCols(1, rank) = svd.matrixV().leftCols(rank);
  d.thetas.col(rank + 1) = c.transpose();
  return d;
}

struct Centred {
  Eigen::VectorXd mu;
  Eigen::RowVectorXd c;
  Eigen::BDCSVD<Eigen::MatrixXd> svd;
};

Centred centre(const Eigen::MatrixXd& l) {
  Centred out;
  out.mu = l.rowwise().mean();
  Eigen::MatrixXd r = l.colwise() - out.mu;
  out.c = r.colwise().mean();
  r.rowwise() -= out.c;
  out.svd.compute(r, Eigen::ComputeThinU | Eigen::ComputeThinV);
  return out;
}

Eigen::MatrixXd withOne(const Eigen::MatrixXd& embed) {
  Eigen::MatrixXd x(embed.rows(), embed.cols() + 1);
  x << embed, Eigen::VectorXd::Ones(embed.rows());
  return x;
}

struct Posterior {
  Eigen::VectorXd theta;
  Eigen::MatrixXd covariance;
};

// Prior from the training devices' thetas weighted by w, updated by shots x (with the 1) and y.
Posterior posterior(const Eigen::MatrixXd& thetas, const Eigen::VectorXd& w, const Eigen::MatrixXd& x,
                    const Eigen::VectorXd& y, double noise) {
  const auto m = static_cast<double>(thetas.rows());
  const Eigen::VectorXd mean = thetas.transpose() * w;
  const Eigen::MatrixXd dw = thetas.rowwise() - mean.transpose();
  const Eigen::MatrixXd du = thetas.rowwise() - thetas.colwise().mean();
  Eigen::MatrixXd cov = (1 - kUniformBlend) * (dw.transpose() * w.asDiagonal() * dw) + kUniformBlend * (du.transpose() * du) / m;
  cov *= kPriorInflation;
  cov.diagonal().array() += 1e-4;
  Eigen::MatrixXd prec = cov.inverse();
  Eigen::VectorXd rhs = prec * mean;
  if (y.size() > 0) {
    prec += x.transpose() * x / (noise * noise);
    rhs += x.transpose() * y / (noise * noise);
  }
  Posterior p;
  p.covariance = prec.inverse();
  p.theta = p.covariance * rhs;
  return p;
}

double correlation(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  const Eigen::ArrayXd da = a.array() - a.mean(), db = b.array() - b.mean();
  return (da * db).sum() / std::sqrt(da.square().sum() * db.square().sum() + 1e-300);
}

double acc10(const Eigen::VectorXd& predLog, const Eigen::VectorXd& trueLog) {
  return ((predLog - trueLog).array().exp() - 1).abs().cwiseMin(1e9).unaryExpr([](double v) { return v <= 0.1 ? 1.0 : 0.0; }).mean();
}

class LowRankPredictor final : public PoolPredictor {
public:
  LowRankPredictor() : PoolPredictor("lowrank") {}

protected:
  std::unique_ptr<PoolPredictor> clone() const override { return std::make_unique<LowRankPredictor>(*this); }

  void trainModel(const TrainOptions& options, const ProgressFn& progress) override {
    const Eigen::MatrixXd& l = pool().logLat;
    const Eigen::Index m = l.cols();
    const Eigen::Index maxRank = std::min<Eigen::Index>(kMaxRank, std::max<Eigen::Index>(m - 3, 0));
    // Leave-one-device-out choice of rank and noise.
    Eigen::MatrixXd score = Eigen::MatrixXd::Zero(maxRank + 1, std::size(kNoiseGrid));
    if (m >= 3) {
      for (Eigen::Index h = 0; h < m; ++h) {
        // Near-twins of the held-out device (same chip at another batch size, a sibling card)
        // leave with it: an unseen device rarely has a twin in the pool, and keeping them would
        // favour a rank that only twins can use.
        std::vector<Eigen::Index> rest;
        for (Eigen::Index j = 0; j < m; ++j)
          if (j != h && correlation(l.col(j), l.col(h)) < kTwinCorrelation) rest.push_back(j);
        if (rest.size() < 2) continue;
        Eigen::MatrixXd lr(l.rows(), static_cast<Eigen::Index>(rest.size()));
        for (size_t j = 0; j < rest.size(); ++j) lr.col(static_cast<Eigen::Index>(j)) = l.col(rest[j]);
        const auto cen = centre(lr);
        const Eigen::VectorXd w = pool().similarity(pool().desc.row(h).transpose(), rest);
        std::mt19937_64 rng(options.seed + static_cast<std::uint64_t>(h));
        for (int k : kTuneShots) {
          std::vector<Eigen::Index> shots;
          for (int i = 0; i < k && i < l.rows(); ++i) shots.push_back(static_cast<Eigen::Index>(rng() % static_cast<std::uint64_t>(l.rows())));
          Eigen::VectorXd y(static_cast<Eigen::Index>(shots.size()));
          for (size_t i = 0; i < shots.size(); ++i) y(static_cast<Eigen::Index>(i)) = l(shots[i], h);
          for (Eigen::Index r = 0; r <= maxRank; ++r) {
            // A fold with fewer devices than r scores its own highest rank there.
            const auto dec = truncate(cen.mu, cen.c, cen.svd, std::min<Eigen::Index>(r, lr.cols() - 1));
            const Eigen::MatrixXd all = withOne(dec.archMap);
            Eigen::MatrixXd x(static_cast<Eigen::Index>(shots.size()), all.cols());
            for (size_t i = 0; i < shots.size(); ++i) x.row(static_cast<Eigen::Index>(i)) = all.row(shots[i]);
            for (size_t n = 0; n < std::size(kNoiseGrid); ++n) {
              const auto post = posterior(dec.thetas, w, x, y, kNoiseGrid[n]);
              score(r, static_cast<Eigen::Index>(n)) += acc10(all * post.theta, l.col(h));
            }
          }
        }
        if (progress && !progress(static_cast<double>(h + 1) / static_cast<double>(m + 1), "choosing rank (leave one device out)"))
          fail(ErrorKind::Cancelled, "training cancelled");
      }
    }
    Eigen::Index bestRank = std::min<Eigen::Index>(3, maxRank), bestNoise = 1;
    if (m >= 3) score.maxCoeff(&bestRank, &bestNoise);
    rank_ = bestRank;
    noise_ = kNoiseGrid[bestNoise];
    const auto cen = centre(l);
    const auto dec = truncate(cen.mu, cen.c, cen.svd, rank_);
    archMap_ = dec.archMap;
    thetas_ = dec.thetas;
    if (progress && !progress(1.0, "low-rank decomposition")) fail(ErrorKind::Cancelled, "training cancelled");
  }

  void fitTarget(const Target& target, const Eigen::MatrixXd&, const Eigen::VectorXd& y, const ProgressFn&) override {
    const auto post = posterior(thetas_, pool().similarity(target.descriptor), withOne(embedding(shotSet(target))), y, noise_);
    theta_ = post.theta;
    covariance_ = post.covariance;
  }

  bool readsPoolRows() const override { return false; }
  Eigen::VectorXd predictLog(const searchspace::ArchitectureSet& architectures, const Eigen::MatrixXd&,
                             Eigen::VectorXd* spread) const override {
    const Eigen::MatrixXd x = withOne(embedding(architectures));
    if (spread) *spread = ((x * covariance_).cwiseProduct(x).rowwise().sum().array() + noise_ * noise_).sqrt();
    return x * theta_;
  }

  void saveModel(ModelState& s) const override {
    s.meta["hyperparameters"] = {{"rank", rank_}, {"noise", noise_}, {"max_rank", kMaxRank},
                                 {"prior_inflation", kPriorInflation}, {"uniform_blend", kUniformBlend}};
    putMatrix(s, "lowrank.arch_map", archMap_);
    putMatrix(s, "lowrank.thetas", thetas_);
    if (!targetDevice().empty()) {
      putMatrix(s, "lowrank.theta", theta_);
      putMatrix(s, "lowrank.covariance", covariance_);
    }
  }
  void loadModel(const ModelState& s) override {
    try {
      rank_ = s.meta.at("hyperparameters").at("rank").get<Eigen::Index>();
      noise_ = s.meta.at("hyperparameters").at("noise").get<double>();
    } catch (const nlohmann::json::exception&) {
      badInput("predictor state lacks the low-rank hyperparameters");
    }
    if (rank_ < 0 || rank_ > kMaxRank) badInput("predictor state's low-rank rank is out of range");
    archMap_ = getMatrix(s, "lowrank.arch_map");
    thetas_ = getMatrix(s, "lowrank.thetas");
    if (archMap_.rows() != pool().logLat.rows() || archMap_.cols() != rank_ + 1 || thetas_.rows() != pool().logLat.cols() ||
        thetas_.cols() != rank_ + 2)
      badInput("predictor state's low-rank arrays do not match its pool");
    if (targetDevice().empty()) return;
    theta_ = getMatrix(s, "lowrank.theta");
    covariance_ = getMatrix(s, "lowrank.covariance");
    if (theta_.size() != rank_ + 2 || covariance_.rows() != rank_ + 2 || covariance_.cols() != rank_ + 2)
      badInput("predictor state's low-rank target fit does not match its rank");
  }

private:
  // [mu, U S] per architecture: pool rows directly; one outside the pool through its imputed
  // ln-latency row, solved for the embedding by least squares against the device loadings.
  Eigen::MatrixXd embedding(const searchspace::ArchitectureSet& architectures) const {
    Eigen::MatrixXd out(static_cast<Eigen::Index>(architectures.size()), archMap_.cols());
    searchspace::ArchitectureSet unseen{architectures.space, {}};
    std::vector<Eigen::Index> at;
    for (size_t i = 0; i < architectures.size(); ++i) {
      const auto& g = architectures.genotypes[i];
      if (const auto row = pool().poolRow(g); row >= 0) out.row(static_cast<Eigen::Index>(i)) = archMap_.row(row);
      else unseen.genotypes.push_back(g), at.push_back(static_cast<Eigen::Index>(i));
    }
    if (!unseen.empty()) {
      const Eigen::MatrixXd rows = pool().rowsFor(unseen).rowwise() - thetas_.col(rank_ + 1).transpose();
      const Eigen::MatrixXd t = thetas_.leftCols(rank_ + 1);
      const Eigen::MatrixXd e = (t.transpose() * t).ldlt().solve(t.transpose() * rows.transpose()).transpose();
      for (size_t i = 0; i < unseen.size(); ++i) out.row(at[i]) = e.row(static_cast<Eigen::Index>(i));
    }
    return out;
  }

  Eigen::Index rank_ = 0;
  Eigen::MatrixXd archMap_;
  Eigen::MatrixXd thetas_;
  double noise_ = 0.05;
  Eigen::VectorXd theta_;
  Eigen::MatrixXd covariance_;
};

} // namespace

std::unique_ptr<PoolPredictor> newLowRankPredictor() { return std::make_unique<LowRankPredictor>(); }

} // namespace maple::predict
