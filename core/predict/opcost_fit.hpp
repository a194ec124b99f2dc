#pragma once
// The closed-form pieces of method opcost (opcost.cpp): the pool devices' robust cost fits and the
// Bayesian mixture fit of a target's shots.
//
// Prior over a target's costs w (ms per operation): one of the pool's shapes v_j (costs / median
// latency) at an unknown scale s, perturbed by N(0, tau s^2 C) with C the shapes' covariance (plus
// the scale's own spread, s^2 scaleSd^2 v_j v_j'); or a
// broad N(s v_mean, s^2 C); or a wide N(s v_mean, s^2 r^2 I), at two radii r, that does not follow
// the pool's covariance, so a device unlike every pool device is reachable once the shots say so; or, with
// share twinShare, a pool shape's runtime twin (runtimeTwins: the same device run by the other kind of
// runtime) perturbed by multiples of the twins' covariance. Shots carry
// a relative noise sigma, up to the prior's maxNoise. Each (component, tau, sigma) has a closed-form posterior and evidence;
// the fit is their evidence-weighted mixture, iterated with Huber weights on the shots so that a
// few outlying measurements do not bend the costs (IRLS).
#include "predict/design.hpp"
#include "predict/op_counts.hpp"

#include <Eigen/Dense>

#include <vector>

namespace maple::predict::opcost {

// The Gaussian posterior of w ~ N(m0, s0) given b ~ N(a w, I), and the evidence term
// -0.5 (d' (I + a s0 a')^-1 d + ln det(I + a s0 a')), d = b - a m0. Two equal forms: the
// information form, O(P^3) in the P costs, and the Woodbury (low-rank update) one, O(k P^2) in the
// k shots; fitShots takes the Woodbury form where lowRankPays.
struct Gaussian {
  Eigen::VectorXd w;
  Eigen::MatrixXd covariance;
  double logEvidence;
};
enum class PosteriorForm { Information, LowRank };
Gaussian gaussianPosterior(const Eigen::VectorXd& m0, const Eigen::MatrixXd& s0, const Eigen::MatrixXd& a, const Eigen::VectorXd& b,
                           PosteriorForm form);

// Relative-error least squares with Huber weights: minimises sum rho((x.w - t) / t).
Eigen::VectorXd robustFit(const Eigen::MatrixXd& x, const Eigen::VectorXd& t);

// The smallest and the largest of the shot noise levels a fit mixes over (opcost_fit.cpp).
inline constexpr double kMinNoise = 0.02;
inline constexpr double kMaxNoise = 0.2;

struct WidePrior {
  double share = 0;  // prior mass of the wide component (0: none)
  double radius = 1; // the inner radius: sd per cost in units of the mean shape's rms cost (the outer is 3x)
};

// The pool's covariance on each runtime kind: every shape moved onto that kind (itself where it is
// of that kind, else its runtime twin). A pool of eager devices with one graph-compiled device holds
// the graph counts' variance of that one device only; its covariance on the graph kind holds every
// device's, as if graph-compiled.
struct KindCovariances {
  Eigen::MatrixXd eager, graph; // P x P
  std::vector<bool> graphShape; // per shape: of the graph kind (its twin is the eager one)
  const Eigen::MatrixXd& of(bool graphKind) const { return graphKind ? graph : eager; }
};

struct Prior {
  Eigen::MatrixXd shapes;  // devices x op-count columns (P)
  Eigen::VectorXd weights; // per device, summing to 1
  Eigen::MatrixXd cov;     // P x P, the shapes' covariance
  WidePrior wide;
  // Each shape's runtime twin (runtimeTwins), which takes twinShare of its device's pooled mass; no
  // rows: none. With twins, a shape and its twin are each perturbed by multiples of their own kind's
  // covariance (kinds) instead of the shapes' covariance.
  Eigen::MatrixXd twins;
  KindCovariances kinds;
  double twinShare = 0;
  // The largest relative shot noise the fit considers: a misfit beyond it must move the costs
  // instead of passing for noise.
  double maxNoise = kMaxNoise;
  // The sd of ln scale around each component's scale from the shots (their median ratio to its
  // shape): the shapes are costs over each device's median latency, so their covariance holds
  // almost no spread along a shape itself, and without this a few cheap shots fix the scale.
  double scaleSd = 0;
  // How far the components around each pool shape reach: their covariances are the taus (0.1, 0.3,
  // 1) times this times the pool's (or the kind's) covariance. The design plans with the taus alone.
  double tauScale = 1;
  Eigen::VectorXd meanShape() const { return shapes.transpose() * weights; }
  // The twins' share where the prior has twins, else 0.
  double activeTwinShare() const { return twins.rows() > 0 ? twinShare : 0; }
};

// The same devices run by the other kind of runtime: a shape's operation costs moved onto the
// other count kind (an eager runtime's onto the graph counts, as a graph compiler that drops dead
// edges would run the same operations, and a graph-compiled one's onto the eager counts). The last
// `graphColumns` columns are the graph counts and the `graphColumns` before them the eager ones; a
// shape's kind is the larger share of its costs at `meanRow` (the mean features). None (no rows)
// for a space without graph counts.
Eigen::MatrixXd runtimeTwins(const Eigen::MatrixXd& shapes, const Eigen::VectorXd& meanRow, int graphColumns);

// The pool's covariance of some shapes (rows), regularised.
Eigen::MatrixXd shapeCovariance(const Eigen::MatrixXd& shapes);

// The kind covariances of shapes and their runtimeTwins, each shape's kind decided as runtimeTwins
// decides it (at `meanRow`).
KindCovariances kindCovariances(const Eigen::MatrixXd& shapes, const Eigen::MatrixXd& twins, const Eigen::VectorXd& meanRow,
                                int graphColumns);

struct Posterior {
  Eigen::VectorXd w;          // posterior mean costs (ms)
  Eigen::MatrixXd covariance; // of w
  double scale = 1;           // ms, the mixture's scale
  double noise = 0.1;         // relative noise of one shot
};

// x: op-count features of non-degenerate shots (at least one), t: their latencies in ms.
Posterior fitShots(const Prior& prior, const Eigen::MatrixXd& x, const Eigen::VectorXd& t);

// The prior alone (no usable shot): the weighted shape at scale `scaleMs`.
Posterior priorOnly(const Prior& prior, double scaleMs);

// The design problem of this prior (design.hpp) over op-count features, planning for shots of
// relative noise `noise`; degenerate rows neither picked nor counted.
DesignProblem designProblem(const Prior& prior, const OpCounts& candidates, double noise);

} // namespace maple::predict::opcost
