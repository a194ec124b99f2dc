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
// Adaptation (opcost_fit.hpp): the target is one of the pool's shapes at an unknown scale,
// perturbed by N(0, tau s^2 C), a broad Gaussian around the mean shape, or a wide isotropic one that
// can leave the pool's span; the shots have relative noise sigma and Huber weights. The prediction
// is the evidence-weighted mixture, the prior over components being the descriptor similarity
// blended with uniform. Each pool shape may also stand for its runtime twin (its costs on the other
// count kind: a device of the pool run eagerly or graph-compiled the other way), with a share the
// cross-validation chooses (0 or 0.1); the design always plans with the twins (kDesignTwinShare), so
// its shots tell the two kinds apart on a pool of one kind. The wide component's share and radius,
// the largest shot noise the fit may explain a misfit by, the spread of the scale around the one
// the shots give, the shot noise the design plans for
// (per shot count) and the factor that calibrates the spread are chosen at training time by
// cross-validation among the pool's devices only (each left out with its nearest pool device,
// adapted from designed and random shots); before them, on a space with several op-count sharings
// (FBNet), the same cross-validation chooses the sharing. From five shots on, the target's own shots,
// each left out with its fold and predicted from the others, check the spread (with a weight beside
// the pool's factor) and, where the cross-validation says so, choose the fit's noise ceiling.
// Degenerate shots decide the degenerate regime. Without one, the runtime's kind does: folding is
// constant folding, a graph compiler's work, so a target whose fitted costs sit on the graph counts
// folds when the pool's folding devices are the graph-compiled ones (a wrong guess costs a
// 1000-fold error on a folded cell, which dominates MAPE).
#include "common/cpus.hpp"
#include "common/error.hpp"
#include "common/parallel_for.hpp"
#include "predict/design.hpp"
#include "predict/methods.hpp"
#include "predict/opcost_fit.hpp"
#include "predict/shared_progress.hpp"

#include <algorithm>
#include <array>
#include <atomic>
#include <cmath>
#include <functional>
#include <optional>
#include <random>

namespace maple::predict {
namespace {

constexpr double kSimilarityBlend = 0.5;              // share of descriptor similarity in the prior
constexpr double kCollapseRatio = 0.1;                // below this share of the model, a cell folded
constexpr double kFloor = 1e-3;                       // smallest prediction, relative to the scale
constexpr double kFoldKind = 0.9;     // P(fold) when the runtime's kind matches the pool's folding devices
constexpr double kFoldUnseen = 0.01;  // P(fold) when no pool device folds
constexpr double kFalseFold = 1e-3;   // a non-folding device measuring a degenerate cell that low
// Wide-component settings the cross-validation chooses among, narrowest first. Never none: a pool
// of similar devices would vote the wide component out and leave every unlike target unreachable.
constexpr opcost::WidePrior kWideGrid[] = {{0.05, 0.5}, {0.05, 1}, {0.1, 1}, {0.2, 1}, {0.2, 2}};
constexpr int kCvShots[] = {3, 10};  // designed shots per left-out device; plus kCvShots' last at random
constexpr int kCvCells = 1500;      // architectures scored per left-out device
constexpr int kCvMinDevices = 4;    // below, the defaults stay
constexpr opcost::WidePrior kDefaultWide{0.1, 1};
// Runtime twins' share (opcost_fit.hpp) the cross-validation chooses among, with each wide setting:
// none, or a little of each pool device's mass on the same device run by the other runtime kind.
constexpr double kTwinGrid[] = {0, 0.1};
// The largest shot noise the fit may explain a misfit by, chosen by the cross-validation under the
// chosen wide and twin setting (the first is the default). The Gaussian evidence cannot tell a
// device unlike the pool from a noisy one: allowed 0.2, ten shots 40 % above an eager prior on
// their expensive cells (a graph-compiled phone from a GPU and CPU pool) pass for noise.
constexpr double kMaxNoiseGrid[] = {opcost::kMaxNoise, 0.1};
// The sd of ln scale around each component's shot-derived scale (opcost_fit.hpp), chosen by the
// cross-validation after the noise ceiling (the first is the default). Never none, for the wide
// grid's reason: HELP's pool votes it out, and a design of many cheap cells then sets raspi4's
// scale from those (HELP's split at 5 designed shots: 0.29 acc10, 0.64 at 4 and at 6).
constexpr double kScaleSdGrid[] = {0.1, 0.25};
constexpr double kScaleSdBefore = 0; // what a file from before it fits with
// How far the components around each pool shape reach (Prior::tauScale): wider components let a
// few shots move a target's costs further from every pool shape. 3 scored higher than 1 (a file
// from before it) in the cross-validation of 10 of the 13 pools of docs/accuracy.md's splits (both
// spaces) and in their sum (docs/predictors.md, "Components' reach: measured").
constexpr double kTauScale = 3;
constexpr double kTauScaleBefore = 1;
// The twins' least share in the design's prior (the grid's smallest nonzero one): a pool of one
// runtime kind has no variance between the eager and the graph counts, so a design under its
// prior alone measures only cells where the two counts agree, and a target of the other kind is
// then unidentifiable (raspi4 from a GPU and CPU pool: 0.13 acc10 at 10 designed shots).
constexpr double kDesignTwinShare = 0.1;
// Shot noise the design plans for, chosen by the cross-validation per designed shot count among
// these (the first is the default). A design that plans for little noise trusts its prior and
// spends shots on corner cells; planning for more spreads them over typical cells, which pays when
// the target is unlike the pool.
constexpr double kDesignNoiseGrid[] = {0.05, 0.02, 0.1, 0.2};
// From this many shots on, the target's own shots check the spread: each left out with its fold
// (kLooFolds folds: ten shots go two at a time, which halves the refits against one at a time and
// scored the same in a sweep) and predicted from the others. With fewer, too few remain to fit.
constexpr size_t kLooMinShots = 5;
constexpr Eigen::Index kLooFolds = 5;
constexpr double kBand68 = 0.6827; // the share of errors a calibrated 1-sigma band holds
constexpr double kMinSpreadScale = 0.1, kMaxSpreadScale = 100; // the calibration factor's range
// The weight of the target's own held-out factor L against the pool's factor c, chosen by the
// cross-validation (0: the pool's alone): where L > c the spread's factor is
// sqrt((c^2 + weight L^2) / (1 + weight)).
constexpr double kLooWeightGrid[] = {0, 0.25, 0.5, 1, 2};

// The spread factor of a target whose shots ask for `loo` (0: no check) under the pool's factor.
// The shots only ever widen the pool's band: a quantile of ten errors that happens to come out low
// would otherwise narrow it, and narrowed bands under-covered FBNet's unseen devices (0.67 -> 0.60).
double spreadFactor(double pool, double loo, double weight) {
  if (!(loo > pool)) return pool;
  return std::sqrt((pool * pool + weight * loo * loo) / (1 + weight));
}

double median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

// The value below which kBand68 of the (non-empty) z fall: the factor a 1-sigma band needs to hold them.
double band68(std::vector<double> z) {
  const auto at = z.begin() + static_cast<std::ptrdiff_t>(kBand68 * static_cast<double>(z.size()));
  std::nth_element(z.begin(), at, z.end());
  return *at;
}

// Relative 1-sigma spread of x.w under the posterior, the shot noise included.
Eigen::ArrayXd relativeSpread(const Eigen::MatrixXd& x, const opcost::Posterior& p, const Eigen::VectorXd& ms) {
  const Eigen::ArrayXd rel = (x * p.covariance).cwiseProduct(x).rowwise().sum().array().max(0).sqrt() / ms.array();
  return (rel.square() + p.noise * p.noise).sqrt();
}

// Each shot predicted from the others, the shots left out in kLooFolds folds: per shot its
// |ln error| and its relative spread. For at least kLooMinShots shots.
struct HeldOut {
  std::vector<double> err, spread;
};
HeldOut heldOutShots(const opcost::Prior& prior, const Eigen::MatrixXd& x, const Eigen::VectorXd& t) {
  const auto n = x.rows();
  const auto folds = std::min(n, kLooFolds);
  HeldOut h;
  for (Eigen::Index f = 0; f < folds; ++f) {
    std::vector<Eigen::Index> out, rest;
    for (Eigen::Index r = 0; r < n; ++r) (r % folds == f ? out : rest).push_back(r);
    const auto post = opcost::fitShots(prior, x(rest, Eigen::all), t(rest));
    const Eigen::MatrixXd xo = x(out, Eigen::all);
    const Eigen::VectorXd ms = (xo * post.w).cwiseMax(kFloor * post.scale);
    const Eigen::ArrayXd err = (ms.array() / t(out).array()).log().abs(), spread = relativeSpread(xo, post, ms);
    h.err.insert(h.err.end(), err.begin(), err.end());
    h.spread.insert(h.spread.end(), spread.begin(), spread.end());
  }
  return h;
}

// The spread factor held-out shots ask for: the 68 % quantile of |ln error| / spread over them; 0
// for none. The pool's calibration comes from other devices; a target the prior does not describe
// shows here.
double askedFactor(const HeldOut& h) {
  if (h.err.empty()) return 0;
  std::vector<double> z(h.err.size());
  for (size_t i = 0; i < z.size(); ++i) z[i] = h.err[i] / h.spread[i];
  return std::min(band68(std::move(z)), kMaxSpreadScale);
}

double meanError(const HeldOut& h) {
  double sum = 0;
  for (double e : h.err) sum += e;
  return sum / static_cast<double>(h.err.size());
}

// What a target's shots say of themselves: each left out with its fold and predicted from the
// others (none below kLooMinShots shots), under the prior or, with `ownCeiling`, under the noise
// ceiling of the grid that predicts them best (mean |ln error|; the prior's own among ties). A
// target the pool's ceiling does not suit (corner cells it does not run additively, which a ceiling
// of 0.1 follows) can say so from ten shots.
struct ShotsCheck {
  opcost::Prior prior; // the prior to fit the shots under
  HeldOut heldOut;     // under that prior
  HeldOut given;       // under the prior as given (the same unless the shots chose another ceiling)
};
ShotsCheck checkShots(const opcost::Prior& prior, const Eigen::MatrixXd& x, const Eigen::VectorXd& t, bool ownCeiling) {
  ShotsCheck c{prior, {}, {}};
  if (static_cast<size_t>(x.rows()) < kLooMinShots) return c;
  c.given = c.heldOut = heldOutShots(prior, x, t);
  if (!ownCeiling) return c;
  for (double ceiling : kMaxNoiseGrid) {
    if (ceiling == prior.maxNoise) continue;
    opcost::Prior p = prior;
    p.maxNoise = ceiling;
    HeldOut h = heldOutShots(p, x, t);
    if (meanError(h) < meanError(c.heldOut) - 1e-12) c.prior = std::move(p), c.heldOut = std::move(h);
  }
  return c;
}

class OpCostPredictor final : public PoolPredictor {
public:
  OpCostPredictor() : PoolPredictor("opcost") {}

protected:
  std::unique_ptr<PoolPredictor> clone() const override { return std::make_unique<OpCostPredictor>(*this); }

  void trainModel(const TrainOptions& options, const ProgressFn& progress) override {
    const auto& p = pool();
    const int threads = options.threads > 0 ? options.threads : availableCpus();
    SharedProgress shared(progress);
    sharing_ = chooseSharing(threads, shared);
    const auto oc = opCounts(p.architectures, sharing_);
    graphColumns_ = oc.graphColumns;
    const auto live = liveRows(oc);
    if (!fits(live, oc))
      badInput("the training pool has " + std::to_string(live.size()) + " non-degenerate architectures; opcost needs " +
               std::to_string(2 * oc.features.cols()));
    std::vector<Eigen::Index> folded;
    for (size_t i = 0; i < p.architectures.size(); ++i)
      if (oc.degenerate[i]) folded.push_back(static_cast<Eigen::Index>(i));
    const auto m = p.logLat.cols();
    shapes_ = poolShapes(oc, live, threads);
    meanRow_ = oc.features(live, Eigen::all).colwise().mean().transpose();
    stats_.resize(m, 4);
    for (Eigen::Index j = 0; j < m; ++j) {
      const Eigen::VectorXd all = p.logLat.col(j).array().exp();
      const double med = median(std::vector<double>(all.data(), all.data() + all.size()));
      const Eigen::VectorXd w = shapes_.row(j).transpose() * med;
      // Folding: most degenerate cells far below what the model gives them.
      int low = 0;
      std::vector<double> foldedMs;
      for (auto i : folded) {
        foldedMs.push_back(all(i));
        if (all(i) < kCollapseRatio * std::max(oc.features.row(i).dot(w), 1e-12)) ++low;
      }
      const double share = folded.empty() ? 0.0 : static_cast<double>(low) / static_cast<double>(folded.size());
      stats_.row(j) << std::log(med), share, share > 0.5 ? median(foldedMs) / med : 0.0, graphShare(w);
      if (!shared.report(static_cast<double>(j + 1) / static_cast<double>(m), "fitting operation costs"))
        fail(ErrorKind::Cancelled, "training cancelled");
    }
    priorCov_ = opcost::shapeCovariance(shapes_);
    crossValidate(oc, live, threads, shared);
  }

  // The pool rows that are not degenerate.
  static std::vector<Eigen::Index> liveRows(const OpCounts& oc) {
    std::vector<Eigen::Index> live;
    for (size_t i = 0; i < oc.degenerate.size(); ++i)
      if (!oc.degenerate[i]) live.push_back(static_cast<Eigen::Index>(i));
    return live;
  }
  // Whether the live rows can fit the sharing's costs: twice as many rows as columns.
  static bool fits(const std::vector<Eigen::Index>& live, const OpCounts& oc) {
    return live.size() >= static_cast<size_t>(2 * oc.features.cols());
  }

  // Each pool device's robust cost fit on the live rows, over its median latency: its shape.
  Eigen::MatrixXd poolShapes(const OpCounts& oc, const std::vector<Eigen::Index>& live, int threads) const {
    const auto& p = pool();
    const Eigen::MatrixXd x = oc.features(live, Eigen::all);
    Eigen::MatrixXd shapes(p.logLat.cols(), oc.features.cols());
    parallelFor(static_cast<size_t>(shapes.rows()), threads, [&](size_t u) {
      const auto j = static_cast<Eigen::Index>(u);
      const Eigen::VectorXd all = p.logLat.col(j).array().exp();
      const double med = median(std::vector<double>(all.data(), all.data() + all.size()));
      shapes.row(j) = opcost::robustFit(x, all(live)).transpose() / med;
    });
    return shapes;
  }

  // fn(u) for every pool device u in parallel, each finished one reported under `stage`: a refused
  // report stops the devices not yet started and ends training as cancelled.
  void forEachPoolDevice(int threads, SharedProgress& shared, const std::string& stage, const std::function<void(size_t)>& fn) const {
    const auto m = static_cast<size_t>(pool().logLat.cols());
    std::atomic<size_t> done{0};
    parallelFor(
        m, threads,
        [&](size_t u) {
          fn(u);
          shared.report(static_cast<double>(++done) / static_cast<double>(m), stage);
        },
        shared.stopFlag());
    if (shared.cancelled()) fail(ErrorKind::Cancelled, "training cancelled");
  }

  // The op-count sharing, by cross-validation among the pool's devices when the space offers
  // several: per sharing, each device left out with its nearest pool device (as in crossValidate)
  // is adapted from 3 and 10 designed shots and 10 random ones under the default wide component
  // and design noise; the highest mean acc10 wins, the first listed on a tie. Every score is
  // recorded (sharingCv_); a sharing with more costs than half the pool's architectures is not a
  // candidate.
  std::string chooseSharing(int threads, SharedProgress& shared) {
    const auto& known = opCountSharings(*pool().space);
    const auto m = pool().logLat.cols();
    sharingCv_ = nlohmann::json::object();
    if (known.size() == 1 || m < kCvMinDevices) return known.front();
    std::string best = known.front();
    double bestScore = -1;
    for (size_t n = 0; n < known.size(); ++n) {
      const auto oc = opCounts(pool().architectures, known[n]);
      const auto live = liveRows(oc);
      if (!fits(live, oc)) continue; // too few architectures for this sharing's costs
      const Eigen::MatrixXd shapes = poolShapes(oc, live, threads);
      const CvSample cv = cvSample(oc, live);
      std::vector<double> score(static_cast<size_t>(m), 0.0);
      const std::string stage = "choosing the op-count sharing (" + std::to_string(n + 1) + "/" + std::to_string(known.size()) + ")";
      forEachPoolDevice(threads, shared, stage, [&](size_t u) {
        const auto j = static_cast<Eigen::Index>(u);
        score[u] = runSetting(cv, priorWithout(shapes, j, kDefaultWide, 0, kMaxNoiseGrid[0], kScaleSdGrid[0]), j).score();
      });
      double mean = 0;
      for (double v : score) mean += v / static_cast<double>(score.size() * (std::size(kCvShots) + 1));
      sharingCv_[known[n]] = mean;
      if (mean > bestScore + 1e-9) bestScore = mean, best = known[n];
    }
    return best;
  }

  // What the cross-validation scores on: a sample of the pool's architectures and their latencies.
  struct CvSample {
    std::vector<Eigen::Index> rows; // pool rows
    OpCounts counts;
    Eigen::MatrixXd truth; // ms, rows x devices
  };
  struct CvRun {
    double acc10 = 0;
    std::vector<double> z;
    std::vector<size_t> shots; // positions into the sample
    std::optional<double> loo;      // the factor its shots ask for (askedFactor), where computed
    std::optional<double> looGiven; // the same under the pool's ceiling, where the shots chose theirs
  };

  // The wide component, the design's planned noise and the spread's calibration, by
  // cross-validation among the pool's devices: each is left out with its nearest pool device (an
  // unseen device rarely has a twin in the pool), the others form the prior, and the left-out one is
  // adapted from designed and random shots and scored (acc10) on a sample of the pool's
  // architectures. In turn: the wide component (3 and 10 designed shots at the default noise, 10
  // random ones), the noise ceiling and then the scale's spread under it, each designed shot
  // count's noise under those, then the spread's factor, then the weight of a target's own
  // held-out factor beside it.
  // The left-out devices run in parallel; the result does not depend on the thread count.
  void crossValidate(const OpCounts& oc, const std::vector<Eigen::Index>& live, int threads, SharedProgress& shared) {
    const auto m = shapes_.rows();
    defaultChoices(kDefaultWide);
    if (m < kCvMinDevices) return;
    const CvSample cv = cvSample(oc, live);
    constexpr size_t nk = std::size(kCvShots), nn = std::size(kDesignNoiseGrid), nw = std::size(kWideGrid) * std::size(kTwinGrid);
    // Setting w: the wide setting w % |kWideGrid| with the twin share w / |kWideGrid|.
    auto wideOf = [](size_t w) { return kWideGrid[w % std::size(kWideGrid)]; };
    auto twinOf = [](size_t w) { return kTwinGrid[w / std::size(kWideGrid)]; };
    const auto um = static_cast<size_t>(m);
    // Per left-out device: each wide setting's runs.
    std::vector<std::array<SettingRuns, nw>> byWide(um);
    forEachPoolDevice(threads, shared, "cross-validating the prior", [&](size_t u) {
      const auto j = static_cast<Eigen::Index>(u);
      for (size_t w = 0; w < nw; ++w) byWide[u][w] = runSetting(cv, priorWithout(shapes_, j, wideOf(w), twinOf(w), kMaxNoiseGrid[0], kScaleSdGrid[0]), j);
    });
    const size_t bestWide = bestSetting(byWide);
    wide_ = wideOf(bestWide);
    twinShare_ = twinOf(bestWide);
    // Per left-out device, each noise ceiling's runs under the chosen wide setting (the default's
    // ran above).
    std::vector<std::array<SettingRuns, std::size(kMaxNoiseGrid)>> byCeiling(um);
    forEachPoolDevice(threads, shared, "cross-validating the noise ceiling", [&](size_t u) {
      const auto j = static_cast<Eigen::Index>(u);
      byCeiling[u][0] = byWide[u][bestWide];
      for (size_t c = 1; c < std::size(kMaxNoiseGrid); ++c)
        byCeiling[u][c] = runSetting(cv, priorWithout(shapes_, j, wide_, twinShare_, kMaxNoiseGrid[c], kScaleSdGrid[0]), j, &byWide[u][bestWide]);
    });
    const size_t bestCeiling = bestSetting(byCeiling);
    maxNoise_ = kMaxNoiseGrid[bestCeiling];
    // Per left-out device, each scale sd's runs under the chosen ceiling (the default's ran above).
    std::vector<std::array<SettingRuns, std::size(kScaleSdGrid)>> byScale(um);
    forEachPoolDevice(threads, shared, "cross-validating the scale's spread", [&](size_t u) {
      const auto j = static_cast<Eigen::Index>(u);
      byScale[u][0] = byCeiling[u][bestCeiling];
      for (size_t c = 1; c < std::size(kScaleSdGrid); ++c)
        byScale[u][c] = runSetting(cv, priorWithout(shapes_, j, wide_, twinShare_, maxNoise_, kScaleSdGrid[c]), j, &byWide[u][bestWide]);
    });
    const size_t bestScale = bestSetting(byScale);
    scaleSd_ = kScaleSdGrid[bestScale];
    // Per left-out device, each design noise's runs (per k) under the chosen wide setting.
    std::vector<std::array<std::array<CvRun, nk>, nn>> byNoise(um);
    forEachPoolDevice(threads, shared, "cross-validating the design noise", [&](size_t u) {
      const auto j = static_cast<Eigen::Index>(u);
      const opcost::Prior prior = priorWithout(shapes_, j, wide_, twinShare_, maxNoise_, scaleSd_);
      byNoise[u][0] = byScale[u][bestScale].designed; // the default noise's, run above
      for (size_t n = 1; n < nn; ++n) {
        const auto design = opcost::designProblem(prior, cv.counts, kDesignNoiseGrid[n]);
        for (size_t s = 0; s < nk; ++s) byNoise[u][n][s] = cvRun(cv, prior, j, optimalDesign(design, static_cast<size_t>(kCvShots[s])));
      }
    });
    std::vector<std::vector<CvRun*>> chosen(um); // per left-out device: its random shots, then each count's designs
    for (size_t u = 0; u < um; ++u) chosen[u].push_back(&byScale[u][bestScale].random);
    for (size_t s = 0; s < nk; ++s) {
      size_t bestNoise = 0;
      double best = -1;
      for (size_t n = 0; n < nn; ++n) {
        double score = 0;
        for (const auto& runs : byNoise) score += runs[n][s].acc10;
        if (score > best + 1e-9) best = score, bestNoise = n;
      }
      designNoise_[s] = kDesignNoiseGrid[bestNoise];
      for (size_t u = 0; u < um; ++u) chosen[u].push_back(&byNoise[u][bestNoise][s]);
    }
    ownCeiling_ = chooseOwnCeiling(cv, chosen, threads, shared);
    std::vector<double> z; // |ln error| / spread of the chosen runs, pooled
    for (const auto& runs : chosen)
      for (const CvRun* run : runs) z.insert(z.end(), run->z.begin(), run->z.end());
    // The factor that puts 68 % of the left-out devices' errors inside the 1-sigma band, then the
    // weight of a target's own held-out factor beside it, on the runs with enough shots for one.
    spreadScale_ = std::clamp(band68(std::move(z)), kMinSpreadScale, kMaxSpreadScale);
    forEachPoolDevice(threads, shared, "calibrating the spread", [&](size_t u) {
      const auto j = static_cast<Eigen::Index>(u);
      const opcost::Prior prior = priorWithout(shapes_, j, wide_, twinShare_, maxNoise_, scaleSd_);
      const Eigen::VectorXd t = cv.truth.col(j);
      for (CvRun* run : chosen[u])
        if (!run->loo) run->loo = askedFactor(checkShots(prior, cv.counts.features(run->shots, Eigen::all), t(run->shots), false).heldOut);
    });
    looWeight_ = bestLooWeight(chosen, spreadScale_);
  }

  // Whether a target's own shots choose its noise ceiling (checkShots): each left-out device's
  // chosen runs with enough shots for it run again so, and the choice stands where their acc10
  // summed over the devices is higher; those runs then replace the chosen ones. Either way the
  // runs keep the factor their shots ask for under the ceiling used.
  bool chooseOwnCeiling(const CvSample& cv, const std::vector<std::vector<CvRun*>>& chosen, int threads, SharedProgress& shared) const {
    std::vector<std::vector<CvRun>> own(chosen.size());
    forEachPoolDevice(threads, shared, "cross-validating the shots' own noise ceiling", [&](size_t u) {
      const auto j = static_cast<Eigen::Index>(u);
      const opcost::Prior prior = priorWithout(shapes_, j, wide_, twinShare_, maxNoise_, scaleSd_);
      for (const CvRun* run : chosen[u]) own[u].push_back(run->shots.size() < kLooMinShots ? *run : cvRun(cv, prior, j, run->shots, true));
    });
    double with = 0, without = 0;
    for (size_t u = 0; u < chosen.size(); ++u)
      for (size_t i = 0; i < chosen[u].size(); ++i) with += own[u][i].acc10, without += chosen[u][i]->acc10;
    const bool better = with > without + 1e-9;
    for (size_t u = 0; u < chosen.size(); ++u)
      for (size_t i = 0; i < chosen[u].size(); ++i) {
        if (better) *chosen[u][i] = own[u][i];
        else chosen[u][i]->loo = own[u][i].looGiven;
      }
    return better;
  }

  // The weight (kLooWeightGrid) whose spread factors put the share of the checked runs' errors
  // inside the 1-sigma band nearest 68 % (the first among ties; 0 when no run has a check).
  static double bestLooWeight(const std::vector<std::vector<CvRun*>>& chosen, double pool) {
    double best = 0, bestGap = INFINITY;
    for (double weight : kLooWeightGrid) {
      size_t n = 0, inside = 0;
      for (const auto& runs : chosen)
        for (const CvRun* run : runs) {
          if (!(run->loo.value_or(0) > 0)) continue;
          const double factor = spreadFactor(pool, *run->loo, weight);
          for (double z : run->z) n += 1, inside += z <= factor;
        }
      if (n == 0) return 0;
      const double gap = std::abs(static_cast<double>(inside) / static_cast<double>(n) - kBand68);
      if (gap < bestGap - 1e-9) bestGap = gap, best = weight;
    }
    return best;
  }

  // The cross-validated choices before any is made (or read from a file): the given wide setting,
  // no twins, the full noise range, the spread as fitted, the default design noise.
  void defaultChoices(const opcost::WidePrior& wide) {
    wide_ = wide;
    twinShare_ = 0;
    maxNoise_ = kMaxNoiseGrid[0];
    scaleSd_ = kScaleSdGrid[0];
    tauScale_ = kTauScale;
    spreadScale_ = 1;
    looWeight_ = 0;
    ownCeiling_ = false;
    designNoise_.fill(kDesignNoiseGrid[0]);
  }

  // One prior setting's runs for a left-out device: designed shots at each kCvShots count (at the
  // default design noise), random ones at the last.
  struct SettingRuns {
    std::array<CvRun, std::size(kCvShots)> designed;
    CvRun random;
    double score() const {
      double s = 0;
      for (const auto& r : designed) s += r.acc10;
      return s + random.acc10;
    }
  };

  // With `sameDesign`, that setting's designed shots are taken instead of designing again: the
  // noise ceiling and the scale's spread do not enter the design (designProblem); designing is
  // still about a fifth of `maple train`'s CPU on 27 devices (perf, scoring distinct rows once).
  static SettingRuns runSetting(const CvSample& cv, const opcost::Prior& prior, Eigen::Index j, const SettingRuns* sameDesign = nullptr) {
    SettingRuns r;
    std::optional<DesignProblem> design;
    if (!sameDesign) design = opcost::designProblem(prior, cv.counts, kDesignNoiseGrid[0]);
    for (size_t s = 0; s < std::size(kCvShots); ++s)
      r.designed[s] = cvRun(cv, prior, j, sameDesign ? sameDesign->designed[s].shots : optimalDesign(*design, static_cast<size_t>(kCvShots[s])));
    r.random = cvRun(cv, prior, j, cvRandomShots(cv, j, kCvShots[std::size(kCvShots) - 1]));
    return r;
  }

  // The setting whose runs score best summed over the left-out devices (the first among ties).
  template <size_t N>
  static size_t bestSetting(const std::vector<std::array<SettingRuns, N>>& runs) {
    size_t best = 0;
    double bestScore = -1;
    for (size_t w = 0; w < N; ++w) {
      double score = 0;
      for (const auto& device : runs) score += device[w].score();
      if (score > bestScore + 1e-9) bestScore = score, best = w;
    }
    return best;
  }

  // About kCvCells of the live rows, evenly spaced, with their counts and latencies.
  CvSample cvSample(const OpCounts& oc, const std::vector<Eigen::Index>& live) const {
    CvSample cv;
    const size_t step = std::max<size_t>(1, live.size() / kCvCells);
    for (size_t i = 0; i < live.size(); i += step) cv.rows.push_back(live[i]);
    cv.counts.features = oc.features(cv.rows, Eigen::all);
    cv.counts.degenerate.assign(cv.rows.size(), false);
    cv.truth = pool().logLat(cv.rows, Eigen::all).array().exp();
    return cv;
  }

  // Pool device j adapted from `shots` (positions into the sample) under `prior`: its acc10 on the
  // sample and |ln error| / spread of the unmeasured cells.
  // With `ownCeiling`, the shots choose the noise ceiling (checkShots) and the run keeps the factor
  // they ask for.
  static CvRun cvRun(const CvSample& cv, const opcost::Prior& prior, Eigen::Index j, const std::vector<size_t>& shots,
                     bool ownCeiling = false) {
    const Eigen::VectorXd t = cv.truth.col(j);
    const auto& x = cv.counts.features;
    CvRun r;
    std::optional<ShotsCheck> check;
    if (ownCeiling) {
      check = checkShots(prior, x(shots, Eigen::all), t(shots), true);
      r.loo = askedFactor(check->heldOut);
      r.looGiven = askedFactor(check->given);
    }
    const auto post = opcost::fitShots(check ? check->prior : prior, x(shots, Eigen::all), t(shots));
    const Eigen::VectorXd ms = (x * post.w).cwiseMax(kFloor * post.scale);
    r.shots = shots;
    const Eigen::ArrayXd err = (ms.array().log() - t.array().log()).abs();
    const Eigen::ArrayXd spread = relativeSpread(x, post, ms);
    for (Eigen::Index i = 0; i < err.size(); ++i)
      if (std::find(shots.begin(), shots.end(), static_cast<size_t>(i)) == shots.end()) r.z.push_back(err(i) / spread(i));
    r.acc10 = ((ms - t).array().abs() <= 0.1 * t.array()).cast<double>().mean();
    return r;
  }

  // k seeded random positions into the sample for pool device j.
  static std::vector<size_t> cvRandomShots(const CvSample& cv, Eigen::Index j, int k) {
    std::mt19937_64 rng(static_cast<std::uint64_t>(j) * 100 + static_cast<std::uint64_t>(k));
    std::vector<size_t> order(cv.rows.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::shuffle(order.begin(), order.end(), rng);
    order.resize(static_cast<size_t>(k));
    return order;
  }

  // The cross-validated shot count nearest to k (its constants serve k shots).
  static size_t cvSlot(size_t k) {
    size_t at = 0;
    for (size_t s = 1; s < std::size(kCvShots); ++s)
      if (std::abs(static_cast<double>(kCvShots[s]) - static_cast<double>(k)) <
          std::abs(static_cast<double>(kCvShots[at]) - static_cast<double>(k)))
        at = s;
    return at;
  }

  // The prior of the pool's shapes without device j and its nearest shape, uniform over the others.
  opcost::Prior priorWithout(const Eigen::MatrixXd& shapes, Eigen::Index j, const opcost::WidePrior& wide, double twinShare,
                             double maxNoise, double scaleSd) const {
    const auto m = shapes.rows();
    Eigen::Index twin = -1;
    double nearest = INFINITY;
    for (Eigen::Index i = 0; i < m; ++i)
      if (i != j && (shapes.row(i) - shapes.row(j)).squaredNorm() < nearest)
        nearest = (shapes.row(i) - shapes.row(j)).squaredNorm(), twin = i;
    std::vector<Eigen::Index> keep;
    for (Eigen::Index i = 0; i < m; ++i)
      if (i != j && i != twin) keep.push_back(i);
    opcost::Prior p;
    p.shapes = shapes(keep, Eigen::all);
    p.weights = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(keep.size()), 1.0 / static_cast<double>(keep.size()));
    p.cov = opcost::shapeCovariance(p.shapes);
    p.wide = wide;
    p.maxNoise = maxNoise;
    p.scaleSd = scaleSd;
    p.tauScale = tauScale_;
    withTwins(p, twinShare);
    return p;
  }

  // The prior's runtime twins and kind covariances (opcost_fit.hpp), the twins at `share` of the
  // mass: at 0 they only shape the kind covariances.
  void withTwins(opcost::Prior& p, double share) const {
    p.twins = opcost::runtimeTwins(p.shapes, meanRow_, graphColumns_);
    p.twinShare = share;
    if (p.twins.rows() > 0) p.kinds = opcost::kindCovariances(p.shapes, p.twins, meanRow_, graphColumns_);
  }

  // The adaptation prior: the pool's shapes weighted by descriptor similarity blended with uniform.
  opcost::Prior targetPrior(const descriptor::Descriptor& d) const {
    const auto m = shapes_.rows();
    opcost::Prior p;
    p.shapes = shapes_;
    p.weights = (1 - kSimilarityBlend) / static_cast<double>(m) + kSimilarityBlend * pool().similarity(d).array();
    p.cov = priorCov_;
    p.wide = wide_;
    p.maxNoise = maxNoise_;
    p.scaleSd = scaleSd_;
    p.tauScale = tauScale_;
    withTwins(p, twinShare_);
    return p;
  }

  DesignProblem designProblem(const searchspace::ArchitectureSet& candidates, size_t k) const override {
    opcost::Prior p = targetPrior({});
    p.weights.setConstant(1.0 / static_cast<double>(shapes_.rows()));
    // The design always hedges on the runtime kind, so that its shots tell eager from graph-compiled
    // costs even when the pool holds one kind only (whose twins the fit's prior may leave out).
    p.twins = {};
    withTwins(p, std::max(twinShare_, kDesignTwinShare));
    return opcost::designProblem(p, opCounts(candidates, sharing_), designNoise_[cvSlot(k)]);
  }

  void fitTarget(const Target& target, const Eigen::MatrixXd&, const Eigen::VectorXd& y, const ProgressFn&) override {
    const auto oc = opCounts(shotSet(target), sharing_);
    std::vector<Eigen::Index> live, folded;
    for (size_t i = 0; i < target.shots.size(); ++i)
      (oc.degenerate[i] ? folded : live).push_back(static_cast<Eigen::Index>(i));
    const Eigen::MatrixXd x = oc.features(live, Eigen::all);
    const Eigen::VectorXd t = y(live).array().exp();
    const ShotsCheck check = checkShots(targetPrior(target.descriptor), x, t, ownCeiling_);
    const auto& prior = check.prior;
    // No usable shot: the descriptor-weighted shape at the descriptor-weighted scale.
    const auto post = live.empty() ? opcost::priorOnly(prior, std::exp(stats_.col(0).dot(prior.weights)))
                                   : opcost::fitShots(prior, x, t);
    w_ = post.w;
    cov_ = post.covariance;
    scale_ = post.scale;
    noise_ = post.noise;
    looFactor_ = askedFactor(check.heldOut);
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
  // architecture): about 0 for an eager runtime, 1 for a graph-compiled one; 0 for a sharing
  // without graph counts.
  double graphShare(const Eigen::VectorXd& w) const {
    const auto ops = meanRow_.size() - 1;
    const double all = meanRow_.tail(ops).dot(w.tail(ops));
    return all != 0 ? meanRow_.tail(graphColumns_).dot(w.tail(graphColumns_)) / all : 0;
  }

  bool readsPoolRows() const override { return false; }

  Eigen::VectorXd predictLog(const searchspace::ArchitectureSet& architectures, const Eigen::MatrixXd&,
                             Eigen::VectorXd* spread) const override {
    const auto oc = opCounts(architectures, sharing_);
    const Eigen::VectorXd ms = (oc.features * w_).cwiseMax(kFloor * scale_);
    Eigen::VectorXd out = ms.array().log();
    if (spread) *spread = spreadFactor(spreadScale_, looFactor_, looWeight_) * relativeSpread(oc.features, {w_, cov_, scale_, noise_}, ms);
    for (size_t i = 0; i < architectures.size(); ++i)
      if (oc.degenerate[i] && folds_) {
        out(static_cast<Eigen::Index>(i)) = std::log(std::max(foldedMs_, kFloor * scale_));
        if (spread) (*spread)(static_cast<Eigen::Index>(i)) = 1.0; // folding is a guess from other devices
      }
    return out;
  }

  void saveModel(ModelState& s) const override {
    s.meta["hyperparameters"] = {{"similarity_blend", kSimilarityBlend}, {"collapse_ratio", kCollapseRatio}, {"tau_scale", tauScale_}};
    // The design noise per cross-validated shot count: {"3": .., "10": ..}.
    nlohmann::json noise = nlohmann::json::object();
    for (size_t i = 0; i < std::size(kCvShots); ++i) noise[std::to_string(kCvShots[i])] = designNoise_[i];
    s.meta["cross_validated"] = {
        {"wide_share", wide_.share}, {"wide_radius", wide_.radius}, {"twin_share", twinShare_}, {"max_noise", maxNoise_}, {"scale_sd", scaleSd_}, {"spread_scale", spreadScale_}, {"loo_weight", looWeight_}, {"own_ceiling", ownCeiling_}, {"design_noise", noise}};
    s.meta["op_count_sharing"] = sharing_;
    if (!sharingCv_.empty()) s.meta["cross_validated"]["sharing_acc10"] = sharingCv_;
    putMatrix(s, "opcost.shapes", shapes_);
    putMatrix(s, "opcost.device_stats", stats_);
    putMatrix(s, "opcost.prior_cov", priorCov_);
    putMatrix(s, "opcost.mean_features", meanRow_);
    if (targetDevice().empty()) return;
    putMatrix(s, "opcost.weights", w_);
    putMatrix(s, "opcost.covariance", cov_);
    s.meta["adapted"] = {{"scale_ms", scale_}, {"noise", noise_}, {"folds", folds_}, {"folded_ms", foldedMs_}, {"loo_factor", looFactor_}};
  }

  void loadModel(const ModelState& s) override {
    shapes_ = getMatrix(s, "opcost.shapes");
    stats_ = getMatrix(s, "opcost.device_stats");
    priorCov_ = getMatrix(s, "opcost.prior_cov");
    meanRow_ = getMatrix(s, "opcost.mean_features");
    // Files from before the cross-validation carry none: no wide component, spread as fitted.
    // Files from before the design noise was cross-validated plan for the default noise; those
    // from before the scale's spread fit without one.
    defaultChoices({0, 1});
    scaleSd_ = kScaleSdBefore;
    // Files from before the components' reach fit with the reach of their time, 1.
    try {
      tauScale_ = s.meta.value("hyperparameters", nlohmann::json::object()).value("tau_scale", kTauScaleBefore);
    } catch (const nlohmann::json::exception&) {
      badInput("predictor state's opcost hyperparameters are malformed");
    }
    if (!(tauScale_ > 0 && tauScale_ <= 100)) badInput("predictor state's opcost tau_scale is out of range");
    if (s.meta.contains("cross_validated")) {
      try {
        const auto& cv = s.meta.at("cross_validated");
        wide_ = {cv.at("wide_share").get<double>(), cv.at("wide_radius").get<double>()};
        twinShare_ = cv.value("twin_share", 0.0); // files from before the twins have none
        maxNoise_ = cv.value("max_noise", opcost::kMaxNoise); // nor those from before the noise ceiling
        scaleSd_ = cv.value("scale_sd", kScaleSdBefore);
        spreadScale_ = cv.at("spread_scale").get<double>();
        looWeight_ = cv.value("loo_weight", 0.0); // files from before the check: the pool's factor alone
        ownCeiling_ = cv.value("own_ceiling", false); // and from before the shots' own ceiling: the pool's
        sharingCv_ = cv.value("sharing_acc10", nlohmann::json::object());
        if (cv.contains("design_noise"))
          for (size_t i = 0; i < std::size(kCvShots); ++i)
            designNoise_[i] = cv.at("design_noise").at(std::to_string(kCvShots[i])).get<double>();
      } catch (const nlohmann::json::exception&) {
        badInput("predictor state's opcost cross_validated entry is malformed");
      }
      const bool noiseOk = std::all_of(designNoise_.begin(), designNoise_.end(), [](double n) { return n > 0 && n < 1; });
      if (!(wide_.share >= 0 && wide_.share <= 0.5) || !(twinShare_ >= 0 && twinShare_ < 1) ||
          !(maxNoise_ >= opcost::kMinNoise && maxNoise_ <= opcost::kMaxNoise) || !(scaleSd_ >= 0 && scaleSd_ <= 1) || !(wide_.radius > 0) || !(spreadScale_ > 0) || !(looWeight_ >= 0 && looWeight_ <= 100) || !noiseOk)
        badInput("predictor state's opcost cross-validated constants are out of range");
    }
    // States from before the sharing was recorded are NAS-Bench-201's only one.
    Eigen::Index cols = 0;
    try {
      sharing_ = s.meta.value("op_count_sharing", opCountSharings(*pool().space).front());
      const searchspace::ArchitectureSet none{pool().space, {}};
      graphColumns_ = opCounts(none, sharing_).graphColumns;
      cols = opCountColumns(*pool().space, sharing_);
    } catch (const Error& e) {
      badInput(std::string("predictor state's opcost sharing: ") + e.what());
    }
    const auto m = pool().logLat.cols();
    if (shapes_.rows() != m || shapes_.cols() != cols || stats_.rows() != m || stats_.cols() != 4 ||
        priorCov_.rows() != cols || priorCov_.cols() != cols || meanRow_.size() != cols)
      badInput("predictor state's operation-cost arrays do not match its " + std::to_string(m) + " training devices");
    if (targetDevice().empty()) return;
    w_ = getMatrix(s, "opcost.weights");
    cov_ = getMatrix(s, "opcost.covariance");
    if (w_.size() != cols || cov_.rows() != cols || cov_.cols() != cols)
      badInput("predictor state's operation-cost fit has the wrong size");
    try {
      const auto& a = s.meta.at("adapted");
      scale_ = a.at("scale_ms").get<double>();
      noise_ = a.at("noise").get<double>();
      folds_ = a.at("folds").get<bool>();
      foldedMs_ = a.at("folded_ms").get<double>();
      looFactor_ = a.value("loo_factor", 0.0); // files from before the check have none: the pool's factor alone
    } catch (const nlohmann::json::exception&) {
      badInput("predictor state lacks the operation-cost adaptation (scale_ms, noise, folds, folded_ms)");
    }
    if (!(scale_ > 0) || !(noise_ > 0)) badInput("predictor state's operation-cost scale or noise is not positive");
    if (!(looFactor_ >= 0 && looFactor_ <= kMaxSpreadScale)) badInput("predictor state's operation-cost loo_factor is out of range");
  }

private:
  std::string sharing_;      // of the space's op-count groups (op_counts.hpp)
  nlohmann::json sharingCv_; // the cross-validated acc10 of each sharing, when chosen among several
  int graphColumns_ = 0;
  Eigen::MatrixXd shapes_;   // devices x columns: w_j / median latency
  Eigen::MatrixXd stats_;    // devices x 4: ln median ms, folds degenerate cells (0/1), folded / median, graph share
  Eigen::VectorXd meanRow_;  // mean features of the pool's non-degenerate architectures
  Eigen::MatrixXd priorCov_; // columns x columns
  Eigen::VectorXd w_;
  Eigen::MatrixXd cov_;
  double scale_ = 1, noise_ = 0.1, foldedMs_ = 0;
  double looFactor_ = 0; // the spread factor the shots asked for (askedFactor; 0: fewer than kLooMinShots)
  bool folds_ = false;
  opcost::WidePrior wide_ = kDefaultWide;
  double twinShare_ = 0; // the runtime twins' share of each pool device's mass
  double maxNoise_ = opcost::kMaxNoise; // the fit's largest shot noise
  double scaleSd_ = kScaleSdGrid[0];    // the prior's sd of ln scale around the shots' (opcost_fit.hpp)
  double tauScale_ = kTauScale;         // the components' reach around each pool shape (opcost_fit.hpp)
  double spreadScale_ = 1;
  double looWeight_ = 0; // of the target's own held-out factor beside spreadScale_
  bool ownCeiling_ = false; // a target's shots choose its noise ceiling (checkShots)
  std::array<double, std::size(kCvShots)> designNoise_{}; // the design's planned noise per kCvShots entry
};

} // namespace

std::unique_ptr<PoolPredictor> newOpCostPredictor() { return std::make_unique<OpCostPredictor>(); }

} // namespace maple::predict
