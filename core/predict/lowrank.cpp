// Low-rank completion with a device prior. The pool's ln-latency matrix L (archs x devices) is
// close to low rank, so every device j is well described by
//   L[a, j] = theta_j . f_a,   f_a = [row mean mu_a, U_a1 S_1 .. U_ar S_r, 1]
// (mu: the architecture's mean over devices; U S V^T: the SVD of L with row and column means
// removed). A training device's theta_j is exact up to rank r. For a target, theta gets a Gaussian
// prior whose mean and covariance are the descriptor-similarity-weighted mean and spread of the
// training devices' thetas, and the k shots update it (Bayesian linear regression). The posterior
// gives a per-prediction uncertainty. Zero shots: the prior mean, i.e. a descriptor-weighted pool.
#include "common/error.hpp"
#include "predict/methods.hpp"

#include <algorithm>

namespace maple::predict {
namespace {

constexpr int kMaxRank = 10;
constexpr double kPriorInflation = 2.0; // an unseen device lies further out than the pool's spread
constexpr double kUniformBlend = 0.3;   // share of the unweighted pool covariance in the prior
constexpr double kNoiseFloor = 0.02;    // ln-space noise std the shots are assumed to have at least

class LowRankPredictor final : public PoolPredictor {
public:
  LowRankPredictor() : PoolPredictor("lowrank") {}

protected:
  std::unique_ptr<PoolPredictor> clone() const override { return std::make_unique<LowRankPredictor>(*this); }

  void trainModel(const TrainOptions&, const ProgressFn& progress) override {
    const Eigen::MatrixXd& l = pool().logLat;
    const Eigen::Index m = l.cols();
    const Eigen::VectorXd mu = l.rowwise().mean();
    Eigen::MatrixXd r = l.colwise() - mu;
    const Eigen::RowVectorXd c = r.colwise().mean();
    r.rowwise() -= c;
    const Eigen::Index rank = std::min<Eigen::Index>(kMaxRank, std::max<Eigen::Index>(m - 1, 0));
    Eigen::BDCSVD<Eigen::MatrixXd> svd(r, Eigen::ComputeThinU | Eigen::ComputeThinV);
    // Architecture side: [mu, U S] (the 1 is appended at use). Device side: theta_j.
    embedRank_ = rank;
    archMap_.resize(l.rows(), rank + 1);
    archMap_.col(0) = mu;
    if (rank > 0)
      archMap_.rightCols(rank) = svd.matrixU().leftCols(rank) * svd.singularValues().head(rank).asDiagonal();
    thetas_.resize(m, rank + 2);
    thetas_.col(0).setOnes();
    if (rank > 0) thetas_.middleCols(1, rank) = svd.matrixV().leftCols(rank);
    thetas_.col(rank + 1) = c.transpose();
    const Eigen::MatrixXd fit = (archMap_ * thetas_.leftCols(rank + 1).transpose()).rowwise() + c;
    noise_ = std::max(kNoiseFloor, std::sqrt((fit - l).array().square().mean()));
    if (progress && !progress(1.0, "low-rank decomposition")) fail(ErrorKind::Cancelled, "training cancelled");
  }

  void fitTarget(const Target& target, const Eigen::MatrixXd&, const Eigen::VectorXd& y, const ProgressFn&) override {
    const Eigen::VectorXd w = pool().similarity(target.descriptor);
    const Eigen::Index p = thetas_.cols(), m = thetas_.rows();
    const Eigen::VectorXd mean = thetas_.transpose() * w;
    const Eigen::RowVectorXd uniformMean = thetas_.colwise().mean();
    const Eigen::MatrixXd dw = thetas_.rowwise() - mean.transpose();
    const Eigen::MatrixXd du = thetas_.rowwise() - uniformMean;
    Eigen::MatrixXd cov = (1 - kUniformBlend) * (dw.transpose() * w.asDiagonal() * dw) +
                          kUniformBlend * (du.transpose() * du) / static_cast<double>(m);
    cov *= kPriorInflation;
    cov.diagonal().array() += 1e-4;
    const Eigen::MatrixXd prec0 = cov.inverse();
    Eigen::MatrixXd prec = prec0;
    Eigen::VectorXd rhs = prec0 * mean;
    if (y.size() > 0) {
      const Eigen::MatrixXd x = features(shotRows(target));
      const double s2 = noise_ * noise_;
      prec += x.transpose() * x / s2;
      rhs += x.transpose() * y / s2;
    }
    covariance_ = prec.inverse();
    theta_ = prec.ldlt().solve(rhs);
    (void)p;
  }

  Eigen::VectorXd predictLog(std::span<const nb201::Cell> cells, const Eigen::MatrixXd&, Eigen::VectorXd* spread) const override {
    const Eigen::MatrixXd x = features(rowsOf(cells));
    if (spread)
      *spread = ((x * covariance_).cwiseProduct(x).rowwise().sum().array() + noise_ * noise_).sqrt();
    return x * theta_;
  }

  void saveModel(ModelState& s) const override {
    s.meta["hyperparameters"] = {{"max_rank", kMaxRank}, {"rank", embedRank_}, {"prior_inflation", kPriorInflation},
                                 {"uniform_blend", kUniformBlend}, {"noise", noise_}};
    putMatrix(s, "lowrank.arch_map", archMap_);
    putMatrix(s, "lowrank.thetas", thetas_);
    if (!targetDevice().empty()) {
      putMatrix(s, "lowrank.theta", theta_);
      putMatrix(s, "lowrank.covariance", covariance_);
    }
  }
  void loadModel(const ModelState& s) override {
    try {
      embedRank_ = s.meta.at("hyperparameters").at("rank").get<Eigen::Index>();
      noise_ = s.meta.at("hyperparameters").at("noise").get<double>();
    } catch (const nlohmann::json::exception&) {
      badInput("predictor state lacks the low-rank hyperparameters");
    }
    archMap_ = getMatrix(s, "lowrank.arch_map");
    thetas_ = getMatrix(s, "lowrank.thetas");
    if (archMap_.rows() != pool().logLat.rows() || archMap_.cols() != embedRank_ + 1 ||
        thetas_.rows() != pool().logLat.cols() || thetas_.cols() != embedRank_ + 2)
      badInput("predictor state's low-rank arrays do not match its pool");
    if (targetDevice().empty()) return;
    theta_ = getMatrix(s, "lowrank.theta");
    covariance_ = getMatrix(s, "lowrank.covariance");
    if (theta_.size() != embedRank_ + 2 || covariance_.rows() != embedRank_ + 2 || covariance_.cols() != embedRank_ + 2)
      badInput("predictor state's low-rank target fit does not match its rank");
  }

private:
  // Embedding rows for cells: pool rows directly; cells outside the pool through their imputed
  // ln-latency row projected onto the device loadings (least squares).
  Eigen::MatrixXd rowsOf(std::span<const nb201::Cell> cells) const {
    Eigen::MatrixXd out(static_cast<Eigen::Index>(cells.size()), archMap_.cols());
    std::vector<nb201::Cell> unseen;
    std::vector<Eigen::Index> at;
    for (size_t i = 0; i < cells.size(); ++i) {
      auto it = pool().rowOf.find(nb201::cellCode(cells[i]));
      if (it != pool().rowOf.end()) out.row(static_cast<Eigen::Index>(i)) = archMap_.row(it->second);
      else unseen.push_back(cells[i]), at.push_back(static_cast<Eigen::Index>(i));
    }
    if (!unseen.empty()) {
      // L_row - c = [mu, e] * thetas_(:, 0..r)^T  =>  solve for [mu, e].
      const Eigen::MatrixXd rows = pool().rowsFor(unseen).rowwise() - thetas_.col(embedRank_ + 1).transpose();
      const Eigen::MatrixXd t = thetas_.leftCols(embedRank_ + 1);
      const Eigen::MatrixXd e = (t.transpose() * t).ldlt().solve(t.transpose() * rows.transpose()).transpose();
      for (size_t i = 0; i < unseen.size(); ++i) out.row(at[i]) = e.row(static_cast<Eigen::Index>(i));
    }
    return out;
  }
  Eigen::MatrixXd shotRows(const Target& target) const {
    std::vector<nb201::Cell> cells;
    for (const auto& s : target.shots) cells.push_back(s.cell);
    return rowsOf(cells);
  }
  static Eigen::MatrixXd features(const Eigen::MatrixXd& embed) {
    Eigen::MatrixXd x(embed.rows(), embed.cols() + 1);
    x << embed, Eigen::VectorXd::Ones(embed.rows());
    return x;
  }

  Eigen::Index embedRank_ = 0;
  Eigen::MatrixXd archMap_; // pool rows x (rank + 1)
  Eigen::MatrixXd thetas_;  // devices x (rank + 2)
  double noise_ = kNoiseFloor;
  Eigen::VectorXd theta_;
  Eigen::MatrixXd covariance_;
};

} // namespace

std::unique_ptr<PoolPredictor> newLowRankPredictor() { return std::make_unique<LowRankPredictor>(); }

} // namespace maple::predict
