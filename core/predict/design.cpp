#include "predict/design.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <string>

namespace maple::predict {
namespace {
constexpr int kExchangePasses = 4;
}

std::vector<size_t> optimalDesign(const DesignProblem& p, size_t k) {
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
  const Eigen::MatrixXd priorInfo = p.priorCov.inverse();
  auto posterior = [&](const std::vector<size_t>& picks, size_t skip) {
    Eigen::MatrixXd info = priorInfo;
    for (size_t i = 0; i < picks.size(); ++i)
      if (i != skip) info += p.jacobian.row(static_cast<Eigen::Index>(picks[i])).transpose() *
                             p.jacobian.row(static_cast<Eigen::Index>(picks[i])) / noiseVar;
    return Eigen::MatrixXd(info.inverse());
  };
  // The candidate whose shot most reduces the mean variance under posterior s, among those not
  // taken (eligible ones first); -1 when none is left.
  std::vector<bool> taken(static_cast<size_t>(n), false);
  auto best = [&](const Eigen::MatrixXd& s, double* score) {
    const Eigen::MatrixXd js = p.jacobian * s;
    const Eigen::VectorXd gain = ((js * m).cwiseProduct(js)).rowwise().sum();
    const Eigen::VectorXd var = js.cwiseProduct(p.jacobian).rowwise().sum();
    Eigen::Index pick = -1;
    double top = -1;
    for (int pass = 0; pass < 2 && pick < 0; ++pass)
      for (Eigen::Index i = 0; i < n; ++i) {
        const auto u = static_cast<size_t>(i);
        if (taken[u] || (pass == 0 && !p.eligible.empty() && !p.eligible[u])) continue;
        const double v = gain(i) / (noiseVar + std::max(var(i), 0.0));
        if (v > top) top = v, pick = i;
      }
    if (score) *score = top;
    return pick;
  };
  std::vector<size_t> out;
  while (out.size() < k) {
    const auto pick = best(posterior(out, out.size()), nullptr);
    taken[static_cast<size_t>(pick)] = true; // k <= n, so a candidate is always left
    out.push_back(static_cast<size_t>(pick));
  }
  // Exchange passes (Fedorov): greedy picks the centre first; swapping each pick for the best
  // replacement given the others moves small designs out to the corners. Each swap lowers the
  // criterion, so the passes end.
  for (int pass = 0; pass < kExchangePasses; ++pass) {
    bool changed = false;
    for (size_t t = 0; t < out.size(); ++t) {
      const Eigen::MatrixXd s = posterior(out, t);
      taken[out[t]] = false;
      double replacement = 0;
      const auto pick = best(s, &replacement);
      const Eigen::VectorXd x = p.jacobian.row(static_cast<Eigen::Index>(out[t])).transpose();
      const Eigen::VectorXd sx = s * x;
      const double current = sx.dot(m * sx) / (noiseVar + std::max(x.dot(sx), 0.0));
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
