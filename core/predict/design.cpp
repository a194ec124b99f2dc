#include "predict/design.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <functional>
#include <string>

namespace maple::predict {
namespace {
constexpr int kExchangePasses = 4;

// Per candidate x, under the posterior S after some shots: x' S M S x (gain) and x' S x (var).
struct Scores {
  Eigen::VectorXd gain, var;
  double of(Eigen::Index i, double noiseVar) const { return gain(i) / (noiseVar + std::max(var(i), 0.0)); }
};
using ScoresFn = std::function<Scores(const std::vector<size_t>& picks, size_t skip)>;

Eigen::MatrixXd rows(const Eigen::MatrixXd& a, const std::vector<size_t>& picks, size_t skip) {
  std::vector<Eigen::Index> at;
  for (size_t i = 0; i < picks.size(); ++i)
    if (i != skip) at.push_back(static_cast<Eigen::Index>(picks[i]));
  return a(at, Eigen::all);
}

// The scores of the picks but `skip` through the P x P information matrix, O(n P^2) a call.
ScoresFn fullForm(const DesignProblem& p, const Eigen::MatrixXd& m) {
  const Eigen::MatrixXd priorInfo = p.priorCov.inverse();
  const double noiseVar = p.noise * p.noise;
  return [&p, m, priorInfo, noiseVar](const std::vector<size_t>& picks, size_t skip) {
    Eigen::MatrixXd info = priorInfo;
    for (size_t i = 0; i < picks.size(); ++i)
      if (i != skip) info += p.jacobian.row(static_cast<Eigen::Index>(picks[i])).transpose() *
                             p.jacobian.row(static_cast<Eigen::Index>(picks[i])) / noiseVar;
    const Eigen::MatrixXd s = info.inverse();
    const Eigen::MatrixXd js = p.jacobian * s;
    return Scores{(js * m).cwiseProduct(js).rowwise().sum(), js.cwiseProduct(p.jacobian).rowwise().sum()};
  };
}

// The same through Woodbury, S = S0 - Q' K^-1 Q with Q = X S0 and K = noise^2 I + X S0 X', from
// J S0 and J S0 M computed once: O(n P k) a call, for k well below P.
ScoresFn lowRankForm(const DesignProblem& p, const Eigen::MatrixXd& m) {
  const Eigen::MatrixXd js0 = p.jacobian * p.priorCov;
  const Eigen::MatrixXd js0m = js0 * m;
  const Eigen::VectorXd var0 = js0.cwiseProduct(p.jacobian).rowwise().sum();
  const double noiseVar = p.noise * p.noise;
  return [&p, js0, js0m, var0, noiseVar](const std::vector<size_t>& picks, size_t skip) {
    const Eigen::MatrixXd x = rows(p.jacobian, picks, skip);
    if (x.rows() == 0) return Scores{js0m.cwiseProduct(js0).rowwise().sum(), var0};
    const Eigen::MatrixXd q = rows(js0, picks, skip);
    const Eigen::MatrixXd qm = rows(js0m, picks, skip);
    const Eigen::MatrixXd b = js0 * x.transpose(); // J S0 X', n x k
    const Eigen::LDLT<Eigen::MatrixXd> kldlt(Eigen::MatrixXd::Identity(x.rows(), x.rows()) * noiseVar + q * x.transpose());
    const Eigen::MatrixXd bk = kldlt.solve(b.transpose()).transpose(); // B K^-1
    const Eigen::MatrixXd js = js0 - bk * q;
    const Eigen::MatrixXd jsm = js0m - bk * qm;
    return Scores{jsm.cwiseProduct(js).rowwise().sum(), var0 - bk.cwiseProduct(b).rowwise().sum()};
  };
}

ScoresFn posteriorScores(const DesignProblem& p, const Eigen::MatrixXd& m, size_t k, DesignForm form) {
  if (form == DesignForm::Cheaper)
    form = lowRankPays(static_cast<Eigen::Index>(k), p.priorCov.rows()) ? DesignForm::LowRank : DesignForm::Full;
  return form == DesignForm::LowRank ? lowRankForm(p, m) : fullForm(p, m);
}

} // namespace

std::vector<size_t> optimalDesign(const DesignProblem& p, size_t k, DesignForm form) {
  const auto n = p.jacobian.rows();
  if (k == 0) fail(ErrorKind::Usage, "a design needs at least one shot");
  if (k > static_cast<size_t>(n))
    fail(ErrorKind::Usage, "cannot design " + std::to_string(k) + " shots from " + std::to_string(n) +
                               " candidates: ask for fewer or offer more architectures");
  if (p.priorCov.rows() != p.jacobian.cols() || p.priorCov.cols() != p.jacobian.cols() || !(p.noise > 0) ||
      (!p.eligible.empty() && p.eligible.size() != static_cast<size_t>(n)))
    fail(ErrorKind::Usage, "inconsistent design problem (jacobian, prior and eligibility sizes differ)");
  const double noiseVar = p.noise * p.noise;
  // Average over the candidates of j j^T: the reduction of the mean posterior variance by a shot at
  // x is (x' S M S x) / (noise^2 + x' S x) for the current posterior covariance S.
  const Eigen::MatrixXd m = p.jacobian.transpose() * p.jacobian / static_cast<double>(n);
  const auto scores = posteriorScores(p, m, k, form);
  // The candidate whose shot most reduces the mean variance under a posterior's scores, among those
  // not taken (eligible ones first); -1 when none is left.
  std::vector<bool> taken(static_cast<size_t>(n), false);
  auto best = [&](const Scores& s, double* score) {
    Eigen::Index pick = -1;
    double top = -1;
    for (int pass = 0; pass < 2 && pick < 0; ++pass)
      for (Eigen::Index i = 0; i < n; ++i) {
        const auto u = static_cast<size_t>(i);
        if (taken[u] || (pass == 0 && !p.eligible.empty() && !p.eligible[u])) continue;
        const double v = s.of(i, noiseVar);
        if (v > top) top = v, pick = i;
      }
    if (score) *score = top;
    return pick;
  };
  std::vector<size_t> out;
  while (out.size() < k) {
    const auto pick = best(scores(out, out.size()), nullptr);
    taken[static_cast<size_t>(pick)] = true; // k <= n, so a candidate is always left
    out.push_back(static_cast<size_t>(pick));
  }
  // Exchange passes (Fedorov): greedy picks the centre first; swapping each pick for the best
  // replacement given the others moves small designs out to the corners. Each swap lowers the
  // criterion, so the passes end.
  for (int pass = 0; pass < kExchangePasses; ++pass) {
    bool changed = false;
    for (size_t t = 0; t < out.size(); ++t) {
      const Scores s = scores(out, t);
      taken[out[t]] = false;
      double replacement = 0;
      const auto pick = best(s, &replacement);
      const double current = s.of(static_cast<Eigen::Index>(out[t]), noiseVar);
      const bool eligibleNow = p.eligible.empty() || p.eligible[out[t]];
      const bool eligiblePick = p.eligible.empty() || p.eligible[static_cast<size_t>(pick)];
      if (static_cast<size_t>(pick) != out[t] && replacement > current * (1 + 1e-9) && (eligiblePick || !eligibleNow)) {
        out[t] = static_cast<size_t>(pick);
        changed = true;
      }
      taken[out[t]] = true;
    }
    if (!changed) break;
  }
  return out;
}

} // namespace maple::predict
