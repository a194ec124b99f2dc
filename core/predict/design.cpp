#include "predict/design.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <string>

namespace maple::predict {

std::vector<size_t> greedyDesign(const DesignProblem& p, size_t k) {
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
  Eigen::MatrixXd s = p.priorCov;
  std::vector<bool> taken(static_cast<size_t>(n), false);
  std::vector<size_t> out;
  for (int pass = 0; pass < 2 && out.size() < k; ++pass) {
    // Pass 0 picks among the eligible candidates; pass 1 (only when they run out) among the rest.
    while (out.size() < k) {
      const Eigen::MatrixXd js = p.jacobian * s;                       // n x params
      const Eigen::VectorXd gain = ((js * m).cwiseProduct(js)).rowwise().sum();
      const Eigen::VectorXd var = js.cwiseProduct(p.jacobian).rowwise().sum();
      Eigen::Index best = -1;
      double bestScore = -1;
      for (Eigen::Index i = 0; i < n; ++i) {
        const auto u = static_cast<size_t>(i);
        if (taken[u] || (pass == 0 && !p.eligible.empty() && !p.eligible[u])) continue;
        const double score = gain(i) / (noiseVar + std::max(var(i), 0.0));
        if (score > bestScore) bestScore = score, best = i;
      }
      if (best < 0) break;
      taken[static_cast<size_t>(best)] = true;
      out.push_back(static_cast<size_t>(best));
      const Eigen::VectorXd sx = s * p.jacobian.row(best).transpose();
      s -= sx * sx.transpose() / (noiseVar + std::max(p.jacobian.row(best).dot(sx), 0.0));
    }
  }
  return out;
}

} // namespace maple::predict
