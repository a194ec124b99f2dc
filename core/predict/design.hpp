#pragma once
// Optimal shot design: which k architectures to measure on a new device, chosen before any of its
// latencies is known. Under a method's own Gaussian prior the relative error of a prediction is
// linear in the device's unknown parameters, r(a) = j(a) . theta, theta ~ N(0, priorCov), and a
// measured shot adds relative noise. The design minimises the average posterior variance of r over
// all candidates (Bayesian I-optimality): greedy additions, then exchange passes that swap each
// pick for the best replacement given the others. It spends shots where the pool's devices
// disagree most: corner cells such as all-conv3x3 or pool-heavy ones.
// Deterministic: the same problem gives the same picks, ties going to the lower position.
#include <Eigen/Dense>

#include <vector>

namespace maple::predict {

struct DesignProblem {
  Eigen::MatrixXd jacobian;   // candidates x parameters: d(relative error) / d(theta); zero rows count for nothing
  Eigen::MatrixXd priorCov;   // parameters x parameters
  double noise = 0.05;        // relative standard deviation of one shot
  std::vector<bool> eligible; // per candidate: may be picked (empty: all); picks fill from the others only when short
};

// The low-rank (Woodbury) form of a posterior after k observations of P parameters pays, and is
// taken, when k is well below P (4 k <= P); the two forms are equal up to rounding.
inline bool lowRankPays(Eigen::Index k, Eigen::Index parameters) { return 4 * k <= parameters; }

enum class DesignForm { Cheaper, Full, LowRank }; // the posterior's form (tests pin one)

// Exactly k distinct positions into the candidates (greedy order, exchanged in place); Usage when k
// is 0 or exceeds them.
std::vector<size_t> optimalDesign(const DesignProblem& problem, size_t k, DesignForm form = DesignForm::Cheaper);

} // namespace maple::predict
