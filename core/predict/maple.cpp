// MAPLE and MAPLE-X.
// maple: an MLP on [architecture features || descriptor] -> ln latency standardised per device (the
// device's mean and sd over the pool architectures), trained on the pool with Adam on mini-batches
// and early stopping on a held-out slice of (architecture, device) pairs. Per device, because
// devices differ in scale far more than architectures differ within one (FBNet: a few per cent
// against 1x-3x): standardised over the whole pool the network learns the device term and little
// of the architectures'. A target's centre and scale start from its descriptor-similar pool
// devices'; its shots set the centre. Adaptation as MAPLE does it: the k target shots join the pool with a weight (their
// total weight equals the pool rows' in every batch) and the network is fine-tuned; last, the output
// layer is calibrated affinely to the shots.
// maple-x adds MAPLE-X's two ideas to the fine-tuning: virtual examples (pool architectures whose
// ln latency differs from a shot's by a near-constant amount on every training device inherit that
// shot's label shifted by the mean difference) and hardware-similarity weighting (pool rows are
// drawn in proportion to their device's descriptor similarity to the target, blended with uniform).
#include "common/cpus.hpp"
#include "common/error.hpp"
#include "predict/features.hpp"
#include "predict/methods.hpp"
#include "predict/mlp.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <optional>
#include <random>

namespace maple::predict {
namespace {

constexpr int kHidden = 64;
constexpr int kSamplesPerEpoch = 50000;
constexpr int kMaxEpochs = 12;
constexpr int kPatience = 2;
constexpr int kBatch = 512;
constexpr float kLearningRate = 2e-3f;
constexpr double kValidationShare = 0.05;
constexpr int kTuneSteps = 120;
constexpr int kTuneBatch = 256;
constexpr float kTuneLearningRate = 1e-3f;
constexpr float kShotShare = 0.1f;     // the shots' total weight relative to the pool rows' in a batch
constexpr int kVirtualPerShot = 16;
constexpr float kVirtualWeight = 0.25f; // of a shot's weight
constexpr double kSimilarityBlend = 0.5; // share of similarity-weighted (vs uniform) pool draws
constexpr float kSlopeShrink = 1.0f;     // in standardised ln-latency units


class MaplePredictor final : public PoolPredictor {
public:
  explicit MaplePredictor(bool extended) : PoolPredictor(extended ? "maple-x" : "maple"), extended_(extended) {}

protected:
  std::unique_ptr<PoolPredictor> clone() const override { return std::make_unique<MaplePredictor>(*this); }

  void trainModel(const TrainOptions& options, const ProgressFn& progress) override {
    seed_ = options.seed;
    threads_ = options.threads > 0 ? options.threads : availableCpus();
    const auto& p = pool();
    const Eigen::MatrixXd f = archFeatures(p.architectures);
    archCentre_ = f.colwise().mean().transpose();
    archScale_ = ((f.rowwise() - archCentre_.transpose()).array().square().colwise().mean().sqrt()).transpose();
    archScale_ = archScale_.unaryExpr([](double v) { return v > 1e-9 ? v : 1.0; });
    scaleTable();
    deviceCentre_ = p.logLat.colwise().mean().transpose();
    deviceScale_ = ((p.logLat.rowwise() - deviceCentre_.transpose()).array().square().colwise().mean().sqrt()).transpose();
    deviceScale_ = deviceScale_.unaryExpr([](double v) { return v > 1e-9 ? v : 1.0; });
    const Eigen::MatrixXf xa = scaledArch(p.architectures);
    const Eigen::MatrixXf desc = p.desc.unaryExpr([](double v) { return std::isfinite(v) ? v : 0.0; }).cast<float>();
    const Eigen::MatrixXf y = standardisedPool();
    const auto n = xa.rows(), m = desc.rows();
    net_ = Mlp(static_cast<int>(xa.cols() + desc.cols()), kHidden, seed_);

    std::mt19937_64 rng(seed_);
    const std::uint64_t pairs = static_cast<std::uint64_t>(n * m);
    auto drawPair = [&] { return static_cast<Eigen::Index>(rng() % pairs); };
    std::vector<Eigen::Index> validation(static_cast<size_t>(std::max<double>(64, kValidationShare * static_cast<double>(pairs))));
    for (auto& v : validation) v = drawPair();
    std::vector<char> isValidation(pairs, 0);
    for (auto v : validation) isValidation[static_cast<size_t>(v)] = 1;
    auto fill = [&](const std::vector<Eigen::Index>& ids, Eigen::MatrixXf& x, Eigen::VectorXf& t) {
      x.resize(static_cast<Eigen::Index>(ids.size()), net_.inputs());
      t.resize(static_cast<Eigen::Index>(ids.size()));
      for (size_t i = 0; i < ids.size(); ++i) {
        const Eigen::Index a = ids[i] % n, j = ids[i] / n;
        x.row(static_cast<Eigen::Index>(i)) << xa.row(a), desc.row(j);
        t(static_cast<Eigen::Index>(i)) = y(a, j);
      }
    };
    Eigen::MatrixXf xv, xb;
    Eigen::VectorXf yv, yb, grad;
    fill(validation, xv, yv);
    Eigen::VectorXf validationScale(static_cast<Eigen::Index>(validation.size())); // ln ms per standardised unit
    for (size_t i = 0; i < validation.size(); ++i)
      validationScale(static_cast<Eigen::Index>(i)) = static_cast<float>(deviceScale_(validation[i] / n));
    Adam adam(net_.parameters().size(), kLearningRate);
    Eigen::VectorXf best = net_.parameters();
    float bestLoss = std::numeric_limits<float>::infinity();
    int stale = 0;
    std::vector<Eigen::Index> batch(kBatch);
    const Eigen::VectorXf ones = Eigen::VectorXf::Ones(kBatch);
    for (int epoch = 0; epoch < kMaxEpochs && stale < kPatience; ++epoch) {
      for (int step = 0; step < kSamplesPerEpoch / kBatch; ++step) {
        for (auto& b : batch) {
          do b = drawPair();
          while (isValidation[static_cast<size_t>(b)]);
        }
        fill(batch, xb, yb);
        parallelLossAndGradient(net_, xb, yb, ones, grad, threads_);
        adam.step(net_.parameters(), grad);
      }
      const Eigen::VectorXf error = net_.forward(xv) - yv;
      const float loss = error.squaredNorm() / static_cast<float>(yv.size());
      const double rmse = std::sqrt((error.array() * validationScale.array()).square().mean());
      if (loss < bestLoss) bestLoss = loss, best = net_.parameters(), validationRmse_ = rmse, stale = 0;
      else ++stale;
      if (progress && !progress(static_cast<double>(epoch + 1) / kMaxEpochs,
                                "MLP epoch " + std::to_string(epoch + 1) + ", validation rmse " + std::to_string(rmse) +
                                    " (ln ms)"))
        fail(ErrorKind::Cancelled, "training cancelled");
    }
    net_.parameters() = best;
  }

  void fitTarget(const Target& target, const Eigen::MatrixXd& shotRows, const Eigen::VectorXd& y, const ProgressFn& progress) override {
    const auto& p = pool();
    targetDesc_ = p.standardise(target.descriptor).unaryExpr([](double v) { return std::isfinite(v) ? v : 0.0; }).cast<float>();
    const Eigen::VectorXd similar = p.similarity(target.descriptor);
    targetCentre_ = similar.dot(deviceCentre_);
    targetScale_ = std::exp(similar.dot(deviceScale_.array().log().matrix()));
    const Eigen::Index k = y.size();
    if (k == 0) return; // descriptor only: the pool-trained network at the similar devices' centre and scale
    const Eigen::MatrixXf xa = scaledArch(p.architectures);
    const Eigen::MatrixXf desc = p.desc.unaryExpr([](double v) { return std::isfinite(v) ? v : 0.0; }).cast<float>();
    const auto n = xa.rows(), m = desc.rows();

    // Target rows: the shots, then (maple-x) virtual examples, each with its weight.
    std::vector<Eigen::Index> targetArch; // pool row, or -1 for a shot outside the pool
    Eigen::MatrixXf xt(k, net_.inputs());
    std::vector<float> yt, wt;
    const float shotWeight = kShotShare * kTuneBatch / static_cast<float>(k);
    const Eigen::MatrixXf shotArch = scaledArch(shotSet(target));
    for (Eigen::Index i = 0; i < k; ++i) xt.row(i) << shotArch.row(i), targetDesc_.transpose();
    // The shots set the centre: the pool-trained network places each within the device's spread.
    targetCentre_ = (y - targetScale_ * net_.forward(xt).cast<double>()).mean();
    for (Eigen::Index i = 0; i < k; ++i) {
      yt.push_back(static_cast<float>((y(i) - targetCentre_) / targetScale_));
      wt.push_back(shotWeight);
    }
    if (extended_) {
      std::vector<Eigen::Index> virt;
      std::vector<float> virtY;
      for (Eigen::Index i = 0; i < k; ++i) {
        // Spread over training devices of ln(a) - ln(shot): small means "behaves alike".
        const Eigen::MatrixXd diff = p.logLat.rowwise() - shotRows.row(i);
        const Eigen::VectorXd mean = diff.rowwise().mean();
        const Eigen::VectorXd spread = (diff.colwise() - mean).array().square().rowwise().mean();
        std::vector<Eigen::Index> order(static_cast<size_t>(n));
        std::iota(order.begin(), order.end(), 0);
        const auto take = std::min<Eigen::Index>(kVirtualPerShot, n);
        std::partial_sort(order.begin(), order.begin() + take, order.end(),
                          [&](Eigen::Index a, Eigen::Index b) { return spread(a) < spread(b); });
        for (Eigen::Index t = 0; t < take; ++t) {
          virt.push_back(order[static_cast<size_t>(t)]);
          virtY.push_back(static_cast<float>((y(i) + mean(order[static_cast<size_t>(t)]) - targetCentre_) / targetScale_));
        }
      }
      const auto base = xt.rows();
      xt.conservativeResize(base + static_cast<Eigen::Index>(virt.size()), Eigen::NoChange);
      for (size_t v = 0; v < virt.size(); ++v) {
        xt.row(base + static_cast<Eigen::Index>(v)) << xa.row(virt[v]), targetDesc_.transpose();
        yt.push_back(virtY[v]);
        wt.push_back(kVirtualWeight * shotWeight * static_cast<float>(k) / static_cast<float>(virt.size()));
      }
    }
    // Pool devices drawn uniformly (maple) or by similarity to the target (maple-x).
    Eigen::VectorXd deviceP = Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m));
    if (extended_) deviceP = kSimilarityBlend * similar + (1 - kSimilarityBlend) * deviceP;
    std::vector<double> cumulative(static_cast<size_t>(m));
    std::partial_sum(deviceP.data(), deviceP.data() + m, cumulative.begin());

    std::uint64_t h = seed_ ^ 0x9E3779B97F4A7C15ull;
    for (char c : target.device) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001B3ull;
    std::mt19937_64 rng(h + static_cast<std::uint64_t>(k));
    std::uniform_real_distribution<double> unit(0, 1);
    const Eigen::Index rows = kTuneBatch + xt.rows();
    Eigen::MatrixXf xb(rows, net_.inputs());
    Eigen::VectorXf yb(rows), wb(rows), grad;
    xb.bottomRows(xt.rows()) = xt;
    yb.tail(xt.rows()) = Eigen::Map<const Eigen::VectorXf>(yt.data(), static_cast<Eigen::Index>(yt.size()));
    wb.tail(xt.rows()) = Eigen::Map<const Eigen::VectorXf>(wt.data(), static_cast<Eigen::Index>(wt.size()));
    wb.head(kTuneBatch).setOnes();
    const Eigen::MatrixXf yPool = standardisedPool();
    Adam adam(net_.parameters().size(), kTuneLearningRate);
    for (int step = 0; step < kTuneSteps; ++step) {
      for (Eigen::Index r = 0; r < kTuneBatch; ++r) {
        const auto j = static_cast<Eigen::Index>(std::lower_bound(cumulative.begin(), cumulative.end(), unit(rng) * cumulative.back()) -
                                                 cumulative.begin());
        const auto jj = std::min(j, m - 1);
        const auto a = static_cast<Eigen::Index>(rng() % static_cast<std::uint64_t>(n));
        xb.row(r) << xa.row(a), desc.row(jj);
        yb(r) = yPool(a, jj);
      }
      net_.lossAndGradient(xb, yb, wb, grad);
      grad /= wb.sum();
      adam.step(net_.parameters(), grad);
      if (progress && step % 20 == 0 && !progress(static_cast<double>(step) / kTuneSteps, "fine-tuning"))
        fail(ErrorKind::Cancelled, "adaptation cancelled");
    }
    // Last, an affine calibration of the output on the shots alone (slope shrunk towards 1, as
    // the nearest-device baseline does): a few hundred mixed steps cannot move the whole scale of
    // an unseen device.
    const Eigen::VectorXf f = net_.forward(xt.topRows(k));
    const Eigen::VectorXf t = yb.tail(xt.rows()).head(k);
    const float mf = f.mean(), mt = t.mean();
    const float sxx = (f.array() - mf).square().sum(), sxy = ((f.array() - mf) * (t.array() - mt)).sum();
    const float slope = (sxy + kSlopeShrink) / (sxx + kSlopeShrink);
    auto& theta = net_.parameters();
    const Eigen::Index last = theta.size() - 1;
    theta.segment(last - net_.hidden(), net_.hidden()) *= slope;
    theta(last) = slope * theta(last) + (mt - slope * mf);
  }

  bool readsPoolRows() const override { return false; }

  Eigen::VectorXd predictLog(const searchspace::ArchitectureSet& architectures, const Eigen::MatrixXd&,
                             Eigen::VectorXd*) const override {
    const Eigen::RowVectorXf tail = targetDesc_.transpose();
    const auto rows = tableRows(architectures);
    const Eigen::VectorXf out = rows ? net_.forward(*featureTable_, *rows, tail)
                                     : net_.forward(standardised(archFeatures(architectures)), tail);
    return (out.cast<double>().array() * targetScale_ + targetCentre_).matrix();
  }

  void saveModel(ModelState& s) const override {
    s.meta["hyperparameters"] = {{"hidden", kHidden}, {"samples_per_epoch", kSamplesPerEpoch}, {"max_epochs", kMaxEpochs},
                                 {"batch", kBatch}, {"learning_rate", kLearningRate}, {"tune_steps", kTuneSteps},
                                 {"shot_share", kShotShare}, {"virtual_per_shot", extended_ ? kVirtualPerShot : 0},
                                 {"seed", seed_}, {"threads", threads_}, {"validation_rmse_ln_ms", validationRmse_}};
    putMatrix(s, "mlp.arch_centre", archCentre_);
    putMatrix(s, "mlp.arch_scale", archScale_);
    putMatrix(s, "mlp.parameters", net_.parameters().cast<double>());
    putMatrix(s, "mlp.device_centre", deviceCentre_);
    putMatrix(s, "mlp.device_scale", deviceScale_);
    if (targetDevice().empty()) return;
    putMatrix(s, "mlp.target_descriptor", targetDesc_.cast<double>());
    putMatrix(s, "mlp.target_level", Eigen::Vector2d(targetCentre_, targetScale_));
  }

  void loadModel(const ModelState& s) override {
    int hidden = 0;
    try {
      const auto& h = s.meta.at("hyperparameters");
      hidden = h.at("hidden").get<int>();
      seed_ = h.at("seed").get<std::uint64_t>();
      threads_ = h.at("threads").get<int>();
      validationRmse_ = h.value("validation_rmse_ln_ms", 0.0);
    } catch (const nlohmann::json::exception&) {
      badInput("predictor state lacks the MLP hyperparameters");
    }
    archCentre_ = getMatrix(s, "mlp.arch_centre");
    archScale_ = getMatrix(s, "mlp.arch_scale");
    loadDeviceLevels(s);
    const auto features = featureCount(*pool().space);
    if (archCentre_.size() != features || archScale_.size() != features)
      badInput("predictor state's feature scaling does not match this version's architecture features");
    scaleTable();
    const Eigen::VectorXf theta = getMatrix(s, "mlp.parameters").cast<float>();
    net_.setParameters(static_cast<int>(features + static_cast<int>(pool().descNames.size())), hidden, theta);
    if (targetDevice().empty()) return;
    targetDesc_ = getMatrix(s, "mlp.target_descriptor").cast<float>();
    if (targetDesc_.size() != static_cast<Eigen::Index>(pool().descNames.size()))
      badInput("predictor state's target descriptor does not match its descriptor names");
    const Eigen::VectorXd level =
        poolWideLevel_ ? Eigen::VectorXd(*poolWideLevel_) : Eigen::VectorXd(getMatrix(s, "mlp.target_level").reshaped());
    if (level.size() != 2 || !level.allFinite() || level(1) <= 0)
      badInput("predictor state's target level is not a finite centre and a positive scale");
    targetCentre_ = level(0), targetScale_ = level(1);
  }

private:
  // The pool's ln latencies in the network's units: per device, centred and scaled.
  Eigen::MatrixXf standardisedPool() const {
    return ((pool().logLat.rowwise() - deviceCentre_.transpose()).array().rowwise() / deviceScale_.transpose().array())
        .cast<float>()
        .matrix();
  }

  // A file of an older build standardised over the whole pool (hyperparameters y_centre, y_scale):
  // every device, and the target, at that one centre and scale predicts exactly as it did.
  void loadDeviceLevels(const ModelState& s) {
    const auto m = static_cast<Eigen::Index>(pool().devices.size());
    if (!s.arrays.count("mlp.device_centre")) {
      double centre = 0, scale = 0;
      try {
        centre = s.meta.at("hyperparameters").at("y_centre").get<double>();
        scale = s.meta.at("hyperparameters").at("y_scale").get<double>();
      } catch (const nlohmann::json::exception&) {
        badInput("predictor state's MLP has neither device levels nor a pool-wide y_centre and y_scale");
      }
      deviceCentre_ = Eigen::VectorXd::Constant(m, centre);
      deviceScale_ = Eigen::VectorXd::Constant(m, scale);
      poolWideLevel_ = Eigen::Vector2d(centre, scale);
    } else {
      deviceCentre_ = getMatrix(s, "mlp.device_centre").reshaped();
      deviceScale_ = getMatrix(s, "mlp.device_scale").reshaped();
    }
    if (deviceCentre_.size() != m || deviceScale_.size() != m || !deviceCentre_.allFinite() ||
        !(deviceScale_.array() > 0).all())
      badInput("predictor state's device levels are not a finite centre and a positive scale per training device");
  }

  Eigen::MatrixXf standardised(const Eigen::MatrixXd& features) const {
    return ((features.rowwise() - archCentre_.transpose()).array().rowwise() / archScale_.transpose().array())
        .cast<float>()
        .matrix();
  }

  // Standardised features, once per predictor, of every architecture of an enumerable space (by
  // index) or else of the pool's (by pool row): predicting those only gathers their rows.
  void scaleTable() {
    const auto& space = *pool().space;
    featureTable_ = std::make_shared<const RowMajorMatrixXf>(
        standardised(archFeatures(space.size() ? searchspace::ArchitectureSet{&space, space.enumerate()} : pool().architectures)));
  }

  // The rows of featureTable_ that hold `architectures`; none when one of them is not there.
  std::optional<std::vector<Eigen::Index>> tableRows(const searchspace::ArchitectureSet& architectures) const {
    const bool bySpaceIndex = pool().space->size().has_value();
    std::vector<Eigen::Index> rows(architectures.size());
    for (size_t i = 0; i < architectures.size(); ++i) {
      const auto& g = architectures.genotypes[i];
      rows[i] = bySpaceIndex ? static_cast<Eigen::Index>(*pool().space->index(g)) : pool().poolRow(g, static_cast<Eigen::Index>(i));
      if (rows[i] < 0) return std::nullopt;
    }
    return rows;
  }

  Eigen::MatrixXf scaledArch(const searchspace::ArchitectureSet& architectures) const {
    if (const auto rows = tableRows(architectures)) return (*featureTable_)(*rows, Eigen::all);
    return standardised(archFeatures(architectures));
  }

  bool extended_;
  std::uint64_t seed_ = 1;
  int threads_ = 1;
  Eigen::VectorXd archCentre_, archScale_;
  Eigen::VectorXd deviceCentre_, deviceScale_; // per pool device: mean and sd of ln ms over the pool's architectures
  std::shared_ptr<const RowMajorMatrixXf> featureTable_; // scaleTable's: shared by the pool-trained predictor and its adaptations
  double targetCentre_ = 0, targetScale_ = 1, validationRmse_ = 0;
  std::optional<Eigen::Vector2d> poolWideLevel_; // read from an older build's file: its one centre and scale
  Mlp net_;
  Eigen::VectorXf targetDesc_;
};

} // namespace

std::unique_ptr<PoolPredictor> newMaplePredictor() { return std::make_unique<MaplePredictor>(false); }
std::unique_ptr<PoolPredictor> newMapleXPredictor() { return std::make_unique<MaplePredictor>(true); }

} // namespace maple::predict
