#include "predict/design.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <functional>
#include <map>
#include <string>

namespace maple::predict {
namespace {
constexpr int kExchangePasses = 4;

// Per distinct candidate row x, under the posterior S after some shots: x' S M S x (gain) and x' S x (var).
struct Scores {
  Eigen::VectorXd gain, var;
  double of(Eigen::Index i, double noiseVar) const { return gain(i) / (noiseVar + std::max(var(i), 0.0)); }
};
// The scores given the picks but `skip`, each pick named by its distinct row.
using ScoresFn = std::function<Scores(const std::vector<size_t>& picks, size_t skip)>;

Eigen::MatrixXd rows(const Eigen::MatrixXd& a, const std::vector<size_t>& picks, size_t skip) {
  std::vector<Eigen::Index> at;
  for (size_t i = 0; i < picks.size(); ++i)
    if (i != skip) at.push_back(static_cast<Eigen::Index>(picks[i]));
  return a(at, Eigen::all);
}

// Candidates with equal jacobian rows and eligibility score alike, so the scores run once per
// distinct row: NAS-Bench-201's op counts give about 450 distinct rows among 1,500 cells.
struct DistinctRows {
  Eigen::MatrixXd jacobian;                 // one row per group, in the order of their first candidates
  std::vector<std::vector<size_t>> members; // per group: its candidates (of one eligibility), ascending
  std::vector<size_t> groupOf;              // per candidate
};
DistinctRows distinctRows(const DesignProblem& p) {
  const auto n = p.jacobian.rows(), cols = p.jacobian.cols();
  // Keyed by the values' bits: equal bits score alike, and a NaN cannot break the map's order.
  std::map<std::pair<bool, std::vector<std::uint64_t>>, size_t> seen;
  DistinctRows d;
  std::vector<Eigen::Index> firsts;
  for (Eigen::Index i = 0; i < n; ++i) {
    const bool eligible = p.eligible.empty() || p.eligible[static_cast<size_t>(i)];
    std::vector<std::uint64_t> row;
    for (Eigen::Index c = 0; c < cols; ++c) row.push_back(std::bit_cast<std::uint64_t>(p.jacobian(i, c)));
    const auto [at, fresh] = seen.try_emplace({eligible, std::move(row)}, d.members.size());
    if (fresh) {
      d.members.emplace_back();
      firsts.push_back(i);
    }
    d.members[at->second].push_back(static_cast<size_t>(i));
    d.groupOf.push_back(at->second);
  }
  d.jacobian = p.jacobian(firsts, Eigen::all);
  return d;
}

// The scores through the P x P information matrix, O(n P^2) a call in the n distinct rows j.
ScoresFn fullForm(const DesignProblem& p, const Eigen::MatrixXd& j, const Eigen::MatrixXd& m) {
  const Eigen::MatrixXd priorInfo = p.priorCov.inverse();
  const double noiseVar = p.noise * p.noise;
  return [&j, m, priorInfo, noiseVar](const std::vector<size_t>& picks, size_t skip) {
    Eigen::MatrixXd info = priorInfo;
    for (size_t i = 0; i < picks.size(); ++i)
      if (i != skip) info += j.row(static_cast<Eigen::Index>(picks[i])).transpose() * j.row(static_cast<Eigen::Index>(picks[i])) / noiseVar;
    const Eigen::MatrixXd s = info.inverse();
    const Eigen::MatrixXd js = j * s;
    return Scores{(js * m).cwiseProduct(js).rowwise().sum(), js.cwiseProduct(j).rowwise().sum()};
  };
}

// The same through Woodbury, S = S0 - Q' K^-1 Q with Q = X S0 and K = noise^2 I + X S0 X', from
// J S0 and J S0 M computed once: O(n P k) a call, for k well below P.
ScoresFn lowRankForm(const DesignProblem& p, const Eigen::MatrixXd& j, const Eigen::MatrixXd& m) {
  const Eigen::MatrixXd js0 = j * p.priorCov;
  const Eigen::MatrixXd js0m = js0 * m;
  const Eigen::VectorXd var0 = js0.cwiseProduct(j).rowwise().sum();
  const double noiseVar = p.noise * p.noise;
  return [&j, js0, js0m, var0, noiseVar](const std::vector<size_t>& picks, size_t skip) {
    const Eigen::MatrixXd x = rows(j, picks, skip);
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

ScoresFn posteriorScores(const DesignProblem& p, const Eigen::MatrixXd& j, const Eigen::MatrixXd& m, size_t k, DesignForm form) {
  if (form == DesignForm::Cheaper)
    form = lowRankPays(static_cast<Eigen::Index>(k), p.priorCov.rows()) ? DesignForm::LowRank : DesignForm::Full;
  return form == DesignForm::LowRank ? lowRankForm(p, j, m) : fullForm(p, j, m);
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
  const DistinctRows distinct = distinctRows(p);
  const auto scores = posteriorScores(p, distinct.jacobian, m, k, form);
  // The candidate whose shot most reduces the mean variance under a posterior's scores, among those
  // not taken (eligible ones first), the lowest position among equal scores; -1 when none is left.
  std::vector<bool> taken(static_cast<size_t>(n), false);
  auto best = [&](const Scores& s, double* score) {
    Eigen::Index pick = -1;
    double top = -1;
    for (int pass = 0; pass < 2 && pick < 0; ++pass)
      for (size_t g = 0; g < distinct.members.size(); ++g) {
        const auto& members = distinct.members[g];
        if (pass == 0 && !p.eligible.empty() && !p.eligible[members.front()]) continue;
        const auto free = std::find_if(members.begin(), members.end(), [&](size_t i) { return !taken[i]; });
        if (free == members.end()) continue;
        const double v = s.of(static_cast<Eigen::Index>(g), noiseVar);
        const auto at = static_cast<Eigen::Index>(*free);
        if (v > top || (v == top && at < pick)) top = v, pick = at;
      }
    if (score) *score = top;
    return pick;
  };
  std::vector<size_t> out, groups; // the picks and their distinct rows
  while (out.size() < k) {
    const auto pick = static_cast<size_t>(best(scores(groups, groups.size()), nullptr));
    taken[pick] = true; // k <= n, so a candidate is always left
    out.push_back(pick);
    groups.push_back(distinct.groupOf[pick]);
  }
  // Exchange passes (Fedorov): greedy picks the centre first; swapping each pick for the best
  // replacement given the others moves small designs out to the corners. Each swap lowers the
  // criterion, so the passes end.
  for (int pass = 0; pass < kExchangePasses; ++pass) {
    bool changed = false;
    for (size_t t = 0; t < out.size(); ++t) {
      const Scores s = scores(groups, t);
      taken[out[t]] = false;
      double replacement = 0;
      const auto pick = static_cast<size_t>(best(s, &replacement));
      const double current = s.of(static_cast<Eigen::Index>(groups[t]), noiseVar);
      const bool eligibleNow = p.eligible.empty() || p.eligible[out[t]];
      const bool eligiblePick = p.eligible.empty() || p.eligible[pick];
      if (pick != out[t] && replacement > current * (1 + 1e-9) && (eligiblePick || !eligibleNow)) {
        out[t] = pick;
        groups[t] = distinct.groupOf[pick];
        changed = true;
      }
      taken[out[t]] = true;
    }
    if (!changed) break;
  }
  return out;
}

} // namespace maple::predict
