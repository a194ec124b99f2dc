// Every method trains, adapts, predicts and round-trips on FBNet architectures: small synthetic
// pools (always run) whose latencies are additive in known per-stage block costs, and the public
// FBNet data set when it is at ../shared/data/help-fbnet.
#include "../core/test_support.hpp"
#include "common/error.hpp"
#include "descriptor/from_data.hpp"
#include "predict/harness.hpp"
#include "predict/metrics.hpp"
#include "predict/op_counts.hpp"
#include "predict/predictor.hpp"
#include "searchspace/architecture.hpp"
#include "synthetic_pool.hpp"

#include <QFile>
#include <QTest>

#include <random>
#include <set>

using namespace maple;
using namespace maple::predict;

namespace {

const searchspace::SearchSpace& fbnet() { return searchspace::fbnetSpace(); }

// Per-stage block costs (ms): a device's latency is their sum over the network's layers. Devices
// share one cost pattern (seed 1) at their own scale, each cost perturbed by up to +-20 % (seeded),
// as devices of one kind do.
Eigen::VectorXd stageCosts(std::uint64_t seed, double scale) {
  std::mt19937_64 pattern(1), rng(seed);
  std::uniform_real_distribution<double> u(0.2, 1.0), wiggle(0.8, 1.2);
  const auto cols = opCountColumns(fbnet(), "stage_block");
  Eigen::VectorXd w(cols);
  for (Eigen::Index i = 0; i < cols; ++i) w(i) = scale * u(pattern) * wiggle(rng);
  return w;
}

// Latencies additive in costs w over op counts oc (one row per architecture), with 1 % seeded noise.
std::vector<double> latencies(const OpCounts& oc, const Eigen::VectorXd& w, std::uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::normal_distribution<double> noise(0, 0.01);
  std::vector<double> ms;
  for (Eigen::Index i = 0; i < oc.features.rows(); ++i) ms.push_back(oc.features.row(i).dot(w) * std::exp(noise(rng)));
  return ms;
}
std::vector<double> latencies(const searchspace::ArchitectureSet& archs, const Eigen::VectorXd& w, std::uint64_t seed) {
  return latencies(opCounts(archs, "stage_block"), w, seed);
}

struct Synthetic {
  searchspace::ArchitectureSet pool, test;
  TrainingPool training;
  Target target;
  std::vector<double> testMs;
};

// Three devices of 300 architectures (fewer than opcost cross-validates over, so the Debug suite
// stays quick); the target is a fourth device, adapted from 10 of its
// latencies and scored on 200 architectures outside the pool.
const Synthetic& synthetic() {
  static const Synthetic s = [] {
    Synthetic x;
    const auto all = fbnet().sample(500, 11);
    x.pool = {&fbnet(), {all.begin(), all.begin() + 300}};
    x.test = {&fbnet(), {all.begin() + 300, all.end()}};
    x.training.descriptorKind = descriptor::kSpecs;
    x.training.architectures = x.pool;
    for (std::uint64_t d = 0; d < 3; ++d) {
      x.training.devices.push_back("dev" + std::to_string(d));
      x.training.descriptors.push_back(testing::specs(1000.0 * static_cast<double>(d + 1)));
      x.training.latencyMs.push_back(latencies(x.pool, stageCosts(d + 1, 1.0 + static_cast<double>(d)), d + 1));
    }
    const auto w = stageCosts(99, 2.5);
    x.testMs = latencies(x.test, w, 99);
    const auto shotMs = latencies(x.pool, w, 100);
    x.target.device = "unseen";
    x.target.descriptor = testing::specs(2500);
    for (size_t i = 0; i < 10; ++i) x.target.shots.push_back({x.pool.genotypes[i * 29], shotMs[i * 29]});
    return x;
  }();
  return s;
}

using testing::errorOf;

} // namespace

class TestFbnetPredict : public QObject {
  Q_OBJECT

private slots:
  void everyMethodTrainsAdaptsAndRoundTrips() {
    const auto& s = synthetic();
    for (const auto& method : methodNames()) {
      const auto trained = train(method, s.training, {1, 1});
      QCOMPARE(trained->searchSpace(), std::string_view("fbnet"));
      const auto adapted = trained->adapt(s.target);
      const auto ms = adapted->predictMs(s.test);
      const auto m = computeMetrics(ms, s.testMs);
      qInfo("%s on fbnet (synthetic): spearman %.3f acc10 %.3f", method.c_str(), m.spearman, m.acc10);
      // flops ranks by MACs, which these per-block costs are not proportional to: it only predicts.
      if (method == "flops") {
        QVERIFY(std::all_of(ms.begin(), ms.end(), [](double v) { return v > 0 && std::isfinite(v); }));
      } else {
        // The MLPs pass since they standardise ln latency per device: over the whole pool, these
        // devices' 1x-3x scales dwarfed the few per cent by which architectures differ within one.
        QVERIFY2(m.spearman > 0.5, method.c_str());
      }
      // The state names its space and holds its pool as genotypes (a file: canonical strings); restore
      // predicts the same.
      const auto state = adapted->state();
      QCOMPARE(state.meta.at("search_space").get<std::string>(), std::string("fbnet"));
      QVERIFY(state.architectures.at("pool.architectures") == s.pool.genotypes);
      const auto again = restore(state)->predictMs(s.test);
      for (size_t i = 0; i < ms.size(); ++i) QVERIFY2(std::abs(again[i] - ms[i]) <= 1e-5 * ms[i], method.c_str());
      if (method == "maple" || method == "maple-x") {
        // An older build's MLP kept one pool-wide centre and scale (hyperparameters y_centre,
        // y_scale) and no device levels: it still loads and predicts at that level.
        const auto level = state.arrays.at("mlp.target_level");
        auto old = state;
        for (const char* a : {"mlp.device_centre", "mlp.device_scale", "mlp.target_level"}) old.arrays.erase(a);
        old.meta["hyperparameters"]["y_centre"] = level.at(0);
        old.meta["hyperparameters"]["y_scale"] = level.at(1);
        const auto fromOld = restore(old)->predictMs(s.test);
        for (size_t i = 0; i < ms.size(); ++i) QVERIFY2(std::abs(fromOld[i] - ms[i]) <= 1e-5 * ms[i], method.c_str());
        old.meta["hyperparameters"].erase("y_scale"); // neither form: refused by name
        QCOMPARE(errorOf([&] { restore(old); }), ErrorKind::BadInput);
      }
      // Architectures of another space are refused, not mispredicted.
      const auto nb201 = testing::everyCell();
      QCOMPARE(errorOf([&] { adapted->predictMs(nb201); }), ErrorKind::Usage);
      QCOMPARE(errorOf([&] { trained->designShots(nb201, 3); }), ErrorKind::Usage);
    }
  }

  // The reference-latency descriptor of FBNet names its values by position (FBNet has no index).
  void referenceDescriptorByPosition() {
    const auto refs = fbnet().referenceArchitectures();
    const auto d = descriptor::referenceLatencyDescriptor(fbnet(), {{refs[0], 2.0}, {refs[3], 4.0}}, "dev");
    QCOMPARE(d.names, (std::vector<std::string>{"ref0_ln_ms", "ref3_ln_ms"}));
    QCOMPARE(d.values[1], std::log(4.0));
    QCOMPARE(descriptor::referenceValueName(searchspace::nb201Space(), 0), std::string("ref11982_ln_ms"));
  }

  // A pool whose costs differ per layer within a stage (so only layer_block can fit them): the
  // pool's cross-validation picks layer_block and records every sharing's score.
  void crossValidationPicksTheGeneratingSharing() {
    const searchspace::ArchitectureSet archs{&fbnet(), fbnet().sample(450, 21)};
    const auto oc = opCounts(archs, "layer_block");
    std::mt19937_64 pattern(3);
    std::uniform_real_distribution<double> u(0.05, 1.0), wiggle(0.8, 1.2);
    Eigen::VectorXd base(oc.features.cols());
    for (Eigen::Index i = 0; i < base.size(); ++i) base(i) = u(pattern);
    TrainingPool training;
    training.descriptorKind = descriptor::kSpecs;
    training.architectures = archs;
    for (int d = 0; d < 5; ++d) {
      std::mt19937_64 rng(static_cast<std::uint64_t>(d + 1));
      Eigen::VectorXd w = base * (1.0 + d);
      for (Eigen::Index i = 0; i < w.size(); ++i) w(i) *= wiggle(rng);
      training.devices.push_back("dev" + std::to_string(d));
      training.descriptors.push_back(testing::specs(1000.0 * (d + 1)));
      training.latencyMs.push_back(latencies(oc, w, static_cast<std::uint64_t>(d + 1)));
    }
    const auto model = train("opcost", training, {1, 2})->state().meta;
    QCOMPARE(model.at("op_count_sharing").get<std::string>(), std::string("layer_block"));
    const auto& scores = model.at("cross_validated").at("sharing_acc10");
    QCOMPARE(scores.size(), opCountSharings(fbnet()).size());
    for (const auto& [name, score] : scores.items())
      if (name != "layer_block") QVERIFY2(score.get<double>() < scores.at("layer_block").get<double>(), name.c_str());
  }

  void designPicksDistinctFbnetShots() {
    const auto& s = synthetic();
    const auto trained = train("opcost", s.training, {1, 1});
    const auto picks = trained->designShots(s.pool, 10);
    QCOMPARE(std::set<size_t>(picks.begin(), picks.end()).size(), size_t(10));
    QCOMPARE(trained->designShots(s.pool, 10), picks);
  }
};

QTEST_GUILESS_MAIN(TestFbnetPredict)
#include "test_fbnet_predict.moc"
