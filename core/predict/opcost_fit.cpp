#include "predict/opcost_fit.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

namespace maple::predict::opcost {
namespace {

constexpr double kTaus[] = {0.1, 0.3, 1.0};          // component spread, in units of the pool's C
constexpr double kNoises[] = {kMinNoise, 0.05, 0.1, kMaxNoise}; // relative noise of a shot
constexpr double kBroadShare = 0.25;                 // prior mass of the broad component
constexpr double kHuberFit = 0.1;                    // relative residual where pool fitting turns robust
constexpr double kHuberShots = 2.0;                  // shot residual, in noise units, where adaptation turns robust
constexpr int kRobustPasses = 3;
constexpr double kDesignScaleVar = 1.0;              // prior variance of ln scale in the design
constexpr double kWideOuter = 3.0;                   // the outer wide component's radius, in units of the inner's

double median(std::vector<double> v) {
  if (v.empty()) return std::nan("");
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  return *mid;
}

struct Component {
  Eigen::VectorXd shape;
  double logPrior;
  Eigen::MatrixXd cov;       // per unit scale squared
  Eigen::MatrixXd precision; // cov's inverse, and its log determinant: a fit scales them, once per component
  double logDetCov = 0;
};

struct Fit {
  Eigen::VectorXd w;
  Eigen::MatrixXd covariance;
  double logEvidence, scale, noise;
};

double logDet(const Eigen::LLT<Eigen::MatrixXd>& llt) { return 2 * llt.matrixLLT().diagonal().array().log().sum(); }

// Information form, O(P^3) (the determinant lemma and Woodbury keep the evidence O(k) in the
// shots k), from the prior's precision p0 = s0^-1 and ln det s0, and ata = a' a (which a fit's
// components share).
Gaussian informationForm(const Eigen::VectorXd& m0, const Eigen::MatrixXd& p0, double logDetS0, const Eigen::MatrixXd& a,
                         const Eigen::MatrixXd& ata, const Eigen::VectorXd& b) {
  const auto cols = a.cols();
  const Eigen::LLT<Eigen::MatrixXd> hllt(ata + p0);
  Gaussian g;
  g.covariance = hllt.solve(Eigen::MatrixXd::Identity(cols, cols));
  g.w = g.covariance * (a.transpose() * b + p0 * m0);
  const Eigen::VectorXd d = b - a * m0;
  const Eigen::VectorXd ad = a.transpose() * d;
  g.logEvidence = -0.5 * (d.squaredNorm() - ad.dot(hllt.solve(ad)) + logDet(hllt) + logDetS0);
  return g;
}

// A covariance's inverse and log determinant.
std::pair<Eigen::MatrixXd, double> precisionOf(const Eigen::MatrixXd& cov) {
  const Eigen::LLT<Eigen::MatrixXd> llt(cov);
  return {llt.solve(Eigen::MatrixXd::Identity(cov.rows(), cov.cols())), logDet(llt)};
}

// Woodbury (low-rank update) form, O(k P^2): the k x k system of the shots replaces the P x P one,
// which pays for k well below P (FBNet's layer_block has 199 costs).
Gaussian lowRankForm(const Eigen::VectorXd& m0, const Eigen::MatrixXd& s0, const Eigen::MatrixXd& a, const Eigen::VectorXd& b) {
  const Eigen::MatrixXd g0 = s0 * a.transpose(); // P x k
  const auto k = a.rows();
  const Eigen::LLT<Eigen::MatrixXd> kllt(Eigen::MatrixXd::Identity(k, k) + a * g0);
  const Eigen::VectorXd d = b - a * m0;
  const Eigen::VectorXd kd = kllt.solve(d);
  Gaussian g;
  g.w = m0 + g0 * kd;
  g.covariance = s0 - g0 * kllt.solve(g0.transpose());
  g.logEvidence = -0.5 * (d.dot(kd) + logDet(kllt));
  return g;
}

// A component's scale: the median ratio of the shots to its shape (their median where none is
// positive). It depends on the shots alone, not on the noise or the robustness weights.
double componentScale(const Component& c, const Eigen::MatrixXd& x, const Eigen::VectorXd& t) {
  std::vector<double> ratios;
  const Eigen::VectorXd base = x * c.shape;
  for (Eigen::Index i = 0; i < t.size(); ++i)
    if (base(i) > 0) ratios.push_back(t(i) / base(i));
  const double s = median(ratios);
  return s > 0 && std::isfinite(s) ? s : median(std::vector<double>(t.data(), t.data() + t.size()));
}

// The shots scaled for one noise level and robustness weights h, which every component shares:
// a = diag(sqrt(h) / (t noise)) x, b = sqrt(h) / noise and, for the information form, a' a.
struct ScaledShots {
  Eigen::MatrixXd a, ata;
  Eigen::VectorXd b;
  double noise;
};
ScaledShots scaledShots(const Eigen::MatrixXd& x, const Eigen::VectorXd& t, const Eigen::VectorXd& h, double noise, bool information) {
  const Eigen::VectorXd rowScale = h.cwiseSqrt().cwiseQuotient(t) / noise;
  ScaledShots sh{rowScale.asDiagonal() * x, {}, h.cwiseSqrt() / noise, noise};
  if (information) sh.ata = sh.a.transpose() * sh.a;
  return sh;
}

// Posterior of w for one component at scale s, for the scaled shots of one noise level.
Fit fitComponent(const Component& c, double s, const ScaledShots& sh) {
  const Eigen::VectorXd m0 = s * c.shape;
  const auto& a = sh.a;
  // The prior covariance is s^2 cov: the low-rank form takes it, the information form its inverse.
  const double s2 = s * s;
  Gaussian g = sh.ata.size() == 0
                   ? lowRankForm(m0, s2 * c.cov, a, sh.b)
                   : informationForm(m0, c.precision / s2, c.logDetCov + static_cast<double>(a.cols()) * std::log(s2), a, sh.ata, sh.b);
  Fit f;
  f.w = std::move(g.w);
  f.covariance = std::move(g.covariance);
  f.logEvidence = g.logEvidence - static_cast<double>(a.rows()) * std::log(sh.noise) + c.logPrior;
  f.scale = s;
  f.noise = sh.noise;
  return f;
}

Eigen::MatrixXd wideCovariance(const Prior& prior) {
  const Eigen::VectorXd mean = prior.meanShape();
  const double rms2 = mean.squaredNorm() / static_cast<double>(mean.size());
  return Eigen::MatrixXd::Identity(mean.size(), mean.size()) * (prior.wide.radius * prior.wide.radius * rms2);
}

// The wide components' mean second moment (both radii).
Eigen::MatrixXd wideMoment(const Prior& prior) { return 0.5 * (1 + kWideOuter * kWideOuter) * wideCovariance(prior); }

// A component whose covariance is `factor` times one with the precision `base` (the inverse and
// its log determinant), plus scaleSd^2 shape shape' (the scale's spread); with `base` empty, no
// precision is kept (the low-rank form needs none).
Component component(const Eigen::VectorXd& shape, double logPrior, const Eigen::MatrixXd& cov, double factor,
                    const std::pair<Eigen::MatrixXd, double>& base, double scaleSd) {
  const Eigen::VectorXd u = scaleSd * shape;
  Component c{shape, logPrior, factor * cov + u * u.transpose(), {}, 0};
  if (base.first.size() == 0) return c;
  c.precision = base.first / factor;
  c.logDetCov = base.second + static_cast<double>(cov.rows()) * std::log(factor);
  if (scaleSd == 0) return c;
  // The rank-1 term by Sherman-Morrison and the determinant lemma: O(P^2), no inversion.
  const Eigen::VectorXd pu = c.precision * u;
  const double den = 1 + u.dot(pu);
  c.precision -= pu * pu.transpose() / den;
  c.logDetCov += std::log(den);
  return c;
}

// The prior's components; with `precisions`, each with its covariance's inverse (one inversion
// per distinct covariance: the pool's, the twins', the wide one's).
std::vector<Component> components(const Prior& prior, bool precisions) {
  const auto precision = [&](const Eigen::MatrixXd& cov) { return precisions ? precisionOf(cov) : std::pair<Eigen::MatrixXd, double>{}; };
  std::vector<Component> comps;
  const double wide = prior.wide.share;
  const double pooled = 1 - kBroadShare - wide;
  const double twin = prior.activeTwinShare();
  const auto poolBase = precision(prior.cov);
  std::array<std::pair<Eigen::MatrixXd, double>, 2> kindBase; // eager, graph
  const bool byKind = !prior.kinds.graphShape.empty(); // twins come with their kinds (withTwins)
  if (byKind) kindBase = {precision(prior.kinds.eager), precision(prior.kinds.graph)};
  for (Eigen::Index j = 0; j < prior.shapes.rows(); ++j)
    for (double tau : kTaus)
      if (prior.weights(j) > 0) {
        const double mass = pooled * prior.weights(j) / std::size(kTaus);
        const bool graph = byKind && prior.kinds.graphShape[static_cast<size_t>(j)];
        const double reach = tau * prior.tauScale;
        comps.push_back(component(prior.shapes.row(j).transpose(), std::log((1 - twin) * mass), byKind ? prior.kinds.of(graph) : prior.cov, reach,
                                  byKind ? kindBase[graph] : poolBase, prior.scaleSd));
        if (twin > 0) comps.push_back(component(prior.twins.row(j).transpose(), std::log(twin * mass), prior.kinds.of(!graph), reach, kindBase[!graph], prior.scaleSd));
      }
  comps.push_back(component(prior.meanShape(), std::log(kBroadShare), prior.cov, 1, poolBase, prior.scaleSd));
  // Two radii share the wide mass, so the shots can say how far the target departs.
  if (wide > 0) {
    const Eigen::MatrixXd wideCov = wideCovariance(prior);
    const auto wideBase = precision(wideCov);
    for (double r : {1.0, kWideOuter}) comps.push_back(component(prior.meanShape(), std::log(wide / 2), wideCov, r * r, wideBase, prior.scaleSd));
  }
  return comps;
}

Posterior mixture(const std::vector<Fit>& fits) {
  double top = -INFINITY;
  for (const auto& f : fits) top = std::max(top, f.logEvidence);
  Eigen::VectorXd pw(static_cast<Eigen::Index>(fits.size()));
  for (size_t i = 0; i < fits.size(); ++i) pw(static_cast<Eigen::Index>(i)) = std::exp(fits[i].logEvidence - top);
  pw /= pw.sum();
  const auto cols = fits.front().w.size();
  Posterior out;
  out.w = Eigen::VectorXd::Zero(cols);
  out.scale = out.noise = 0;
  for (size_t i = 0; i < fits.size(); ++i) {
    const double q = pw(static_cast<Eigen::Index>(i));
    out.w += q * fits[i].w;
    out.scale += q * fits[i].scale;
    out.noise += q * fits[i].noise;
  }
  out.covariance = Eigen::MatrixXd::Zero(cols, cols);
  for (size_t i = 0; i < fits.size(); ++i) {
    const Eigen::VectorXd d = fits[i].w - out.w;
    out.covariance += pw(static_cast<Eigen::Index>(i)) * (fits[i].covariance + d * d.transpose());
  }
  return out;
}

} // namespace

Gaussian gaussianPosterior(const Eigen::VectorXd& m0, const Eigen::MatrixXd& s0, const Eigen::MatrixXd& a, const Eigen::VectorXd& b,
                           PosteriorForm form) {
  if (form == PosteriorForm::LowRank) return lowRankForm(m0, s0, a, b);
  const auto [p0, logDetS0] = precisionOf(s0);
  return informationForm(m0, p0, logDetS0, a, a.transpose() * a, b);
}

Eigen::VectorXd robustFit(const Eigen::MatrixXd& x, const Eigen::VectorXd& t) {
  Eigen::VectorXd weight = t.cwiseInverse();
  Eigen::VectorXd w = Eigen::VectorXd::Zero(x.cols());
  for (int iter = 0; iter < 10; ++iter) {
    const Eigen::MatrixXd a = weight.asDiagonal() * x;
    Eigen::MatrixXd h = a.transpose() * a;
    h.diagonal().array() += 1e-9 * (h.trace() + 1);
    w = h.ldlt().solve(a.transpose() * weight.cwiseProduct(t));
    const Eigen::ArrayXd r = ((x * w - t).array() / t.array()).abs();
    weight = (t.array().inverse() * (kHuberFit / r.max(kHuberFit)).sqrt()).matrix();
  }
  return w;
}

Eigen::MatrixXd shapeCovariance(const Eigen::MatrixXd& shapes) {
  const Eigen::RowVectorXd mean = shapes.colwise().mean();
  const Eigen::MatrixXd d = shapes.rowwise() - mean;
  Eigen::MatrixXd cov = d.transpose() * d / static_cast<double>(std::max<Eigen::Index>(shapes.rows(), 1));
  cov.diagonal().array() += 1e-4;
  return cov;
}

namespace {
// Whether a shape is of the graph kind: the larger share of its costs at `meanRow` on the graph
// counts (the last g columns; the g before them are the eager ones).
bool ofGraphKind(const Eigen::RowVectorXd& shape, const Eigen::VectorXd& meanRow, Eigen::Index g) {
  const Eigen::Index eager = shape.size() - 2 * g, graph = shape.size() - g;
  const double onEager = meanRow.segment(eager, g).dot(shape.segment(eager, g).transpose());
  const double onGraph = meanRow.segment(graph, g).dot(shape.segment(graph, g).transpose());
  return std::abs(onEager) < std::abs(onGraph);
}
} // namespace

Eigen::MatrixXd runtimeTwins(const Eigen::MatrixXd& shapes, const Eigen::VectorXd& meanRow, int graphColumns) {
  const auto g = static_cast<Eigen::Index>(graphColumns);
  const auto cols = shapes.cols();
  if (g == 0 || cols < 2 * g + 1) return Eigen::MatrixXd(0, cols);
  const Eigen::Index eager = cols - 2 * g, graph = cols - g;
  Eigen::MatrixXd twins = shapes;
  for (Eigen::Index j = 0; j < shapes.rows(); ++j) {
    const Eigen::RowVectorXd ops = shapes.row(j).segment(eager, g) + shapes.row(j).segment(graph, g);
    const bool toGraph = !ofGraphKind(shapes.row(j), meanRow, g);
    twins.row(j).segment(eager, g) = toGraph ? Eigen::RowVectorXd::Zero(g) : ops;
    twins.row(j).segment(graph, g) = toGraph ? ops : Eigen::RowVectorXd::Zero(g);
  }
  return twins;
}

KindCovariances kindCovariances(const Eigen::MatrixXd& shapes, const Eigen::MatrixXd& twins, const Eigen::VectorXd& meanRow,
                                int graphColumns) {
  KindCovariances k;
  Eigen::MatrixXd onEager = shapes, onGraph = shapes;
  for (Eigen::Index j = 0; j < shapes.rows(); ++j) {
    const bool graph = ofGraphKind(shapes.row(j), meanRow, graphColumns);
    k.graphShape.push_back(graph);
    (graph ? onEager : onGraph).row(j) = twins.row(j);
  }
  k.eager = shapeCovariance(onEager);
  k.graph = shapeCovariance(onGraph);
  return k;
}

Posterior fitShots(const Prior& prior, const Eigen::MatrixXd& x, const Eigen::VectorXd& t) {
  const bool information = !lowRankPays(x.rows(), x.cols()); // the posterior's form (design.hpp)
  const auto comps = components(prior, information);
  std::vector<double> scales;
  for (const auto& c : comps) scales.push_back(componentScale(c, x, t));
  Eigen::VectorXd h = Eigen::VectorXd::Ones(t.size());
  Posterior post;
  for (int pass = 0; pass < kRobustPasses; ++pass) {
    std::vector<ScaledShots> levels;
    for (double noise : kNoises)
      if (noise <= prior.maxNoise) levels.push_back(scaledShots(x, t, h, noise, information));
    std::vector<Fit> fits;
    fits.reserve(comps.size() * levels.size());
    for (size_t i = 0; i < comps.size(); ++i)
      for (const auto& level : levels) fits.push_back(fitComponent(comps[i], scales[i], level));
    post = mixture(fits);
    // Huber weights from the relative residuals; with fewer shots than costs the fit interpolates
    // them and the weights stay 1.
    const Eigen::ArrayXd r = ((x * post.w - t).array() / t.array()).abs() / post.noise;
    const Eigen::VectorXd next = (kHuberShots / r.max(kHuberShots)).matrix();
    if ((next - h).cwiseAbs().maxCoeff() < 1e-3) break;
    h = next;
  }
  return post;
}

Posterior priorOnly(const Prior& prior, double scaleMs) {
  Posterior p;
  p.scale = scaleMs;
  p.w = scaleMs * prior.meanShape();
  p.covariance = scaleMs * scaleMs * (prior.cov + prior.wide.share * wideMoment(prior));
  p.noise = kNoises[0];
  for (double noise : kNoises)
    if (noise <= prior.maxNoise) p.noise = noise;
  return p;
}

DesignProblem designProblem(const Prior& prior, const OpCounts& oc, double noise) {
  // Relative error of a cell's prediction: d ln s + x . dv / (x . v_mean), v = w / s.
  const Eigen::VectorXd mean = prior.meanShape();
  const auto n = oc.features.rows();
  const auto cols = prior.shapes.cols();
  DesignProblem d;
  d.noise = noise;
  d.jacobian = Eigen::MatrixXd::Zero(n, cols + 1);
  d.eligible.assign(static_cast<size_t>(n), false);
  for (Eigen::Index i = 0; i < n; ++i) {
    const double base = oc.features.row(i).dot(mean);
    if (oc.degenerate[static_cast<size_t>(i)] || !(base > 0)) continue;
    d.jacobian(i, 0) = 1;
    d.jacobian.row(i).tail(cols) = oc.features.row(i) / base;
    d.eligible[static_cast<size_t>(i)] = true;
  }
  // The taus without the prior's tauScale: a design planned with the wider reach lost at three
  // shots on the few and batch splits (docs/predictors.md, "Components' reach: measured").
  double tauMean = 0;
  for (double tau : kTaus) tauMean += tau / std::size(kTaus);
  d.priorCov = Eigen::MatrixXd::Zero(cols + 1, cols + 1);
  d.priorCov(0, 0) = kDesignScaleVar;
  // The mixture's covariance: between the pool's shapes plus within its components.
  // The twins (their share of the pooled mass) add their spread around the mean shape.
  const double twin = prior.activeTwinShare();
  Eigen::MatrixXd between = Eigen::MatrixXd::Zero(cols, cols);
  for (Eigen::Index j = 0; j < prior.shapes.rows(); ++j) {
    const Eigen::VectorXd dv = prior.shapes.row(j).transpose() - mean;
    between += (1 - twin) * prior.weights(j) * dv * dv.transpose();
    if (twin == 0) continue;
    const Eigen::VectorXd dt = prior.twins.row(j).transpose() - mean;
    between += twin * prior.weights(j) * dt * dt.transpose();
  }
  // Each shape's components vary by their kinds' covariances (components()).
  Eigen::MatrixXd within = prior.cov;
  if (!prior.kinds.graphShape.empty()) {
    within.setZero();
    for (Eigen::Index j = 0; j < prior.shapes.rows(); ++j) {
      const bool graph = prior.kinds.graphShape[static_cast<size_t>(j)];
      within += prior.weights(j) * ((1 - twin) * prior.kinds.of(graph) + twin * prior.kinds.of(!graph));
    }
  }
  d.priorCov.bottomRightCorner(cols, cols) = between + tauMean * within + prior.wide.share * wideMoment(prior);
  return d;
}

} // namespace maple::predict::opcost
