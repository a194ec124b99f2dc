// Shot policies (random, reference, design), the optimal design itself, every latency counted in
// the target, the adapted-on record, the opcost prior that can leave the pool's span, its robust
// fit, and the spread's calibration metrics.
#include "../core/test_support.hpp"
#include "synthetic_pool.hpp"
#include "common/error.hpp"
#include "predict/design.hpp"
#include "predict/metrics.hpp"
#include "predict/shot_policy.hpp"

#include <QtTest>

#include <cmath>
#include <set>

using namespace maple;
using namespace maple::predict;
using namespace maple::testing;

namespace {

double acc10(const Predictor& adapted, const searchspace::ArchitectureSet& cells, const std::vector<double>& truth) {
  return computeMetrics(adapted.predictMs(cells), truth).acc10;
}

bool usage(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.kind() == ErrorKind::Usage;
  }
  return false;
}

} // namespace

class TestShotPolicy : public QObject {
  Q_OBJECT

private slots:
  void names() {
    for (auto p : shotPolicies()) QCOMPARE(parseShotPolicy(shotPolicyName(p)), p);
    QVERIFY(usage([] { parseShotPolicy("best"); }));
    QVERIFY(!isDeterministic(ShotPolicy::Random));
    QVERIFY(isDeterministic(ShotPolicy::Reference));
    QVERIFY(isDeterministic(ShotPolicy::Design));
    QCOMPARE(kNewDeviceShotPolicy, ShotPolicy::Design);
  }

  // Two parameters, prior I, noise 0.1. Average M = J'J / 3 = [[1.25, .25], [.25, 4.25]] / 3; the
  // first pick maximises x'Mx / (0.01 + x'x): (1,0) 0.413, (0,2) 1.413, (.5,.5) 0.980.
  void optimalDesignByHand() {
    DesignProblem p;
    p.jacobian = Eigen::MatrixXd{{1, 0}, {0, 2}, {0.5, 0.5}};
    p.priorCov = Eigen::MatrixXd::Identity(2, 2);
    p.noise = 0.1;
    const auto picks = optimalDesign(p, 3);
    QCOMPARE(picks.size(), size_t(3));
    QCOMPARE(picks[0], size_t(1));
    QCOMPARE(std::set<size_t>(picks.begin(), picks.end()).size(), size_t(3));
    QCOMPARE(optimalDesign(p, 3), picks); // deterministic
    // Ineligible candidates are picked only once the eligible ones run out.
    p.eligible = {true, false, true};
    const auto some = optimalDesign(p, 3);
    QVERIFY(some[0] != 1 && some[1] != 1);
    QCOMPARE(some[2], size_t(1));
    QVERIFY(usage([&] { optimalDesign(p, 0); }));
    QVERIFY(usage([&] { optimalDesign(p, 4); }));
  }

  // Candidates with equal rows score once but stay distinct picks: the lowest position of the best
  // row goes first, its twin is picked again only when its shot still pays, and an ineligible twin
  // of an eligible row waits for the eligible ones to run out.
  void optimalDesignWithEqualRows() {
    DesignProblem p;
    p.jacobian = Eigen::MatrixXd{{1, 0}, {0, 2}, {1, 0}, {0, 2}};
    p.priorCov = Eigen::MatrixXd::Identity(2, 2);
    p.noise = 0.1;
    const auto two = optimalDesign(p, 2);
    QCOMPARE(two[0], size_t(1));
    QCOMPARE(two[1], size_t(0)); // a second (0, 2) shot is worth less than a first (1, 0) one
    const auto all = optimalDesign(p, 4);
    QCOMPARE(std::set<size_t>(all.begin(), all.end()).size(), size_t(4));
    p.eligible = {true, false, true, true};
    const auto some = optimalDesign(p, 4);
    QCOMPARE(some[0], size_t(3));
    QCOMPARE(some[3], size_t(1));
  }

  void chooseShotsPolicies() {
    const auto& space = searchspace::nb201Space();
    const auto refs = space.referenceArchitectures(); // HELP's order: 11982, 431, 55, 9, ...
    // References 431, 55, 9 at positions 4, 1, 2, in HELP's order.
    const searchspace::ArchitectureSet c{&space, {space.fromIndex(5), space.parse(refs[2]), space.parse(refs[3]),
                                                 space.fromIndex(123), space.parse(refs[1])}};
    const auto ref = chooseShots(ShotPolicy::Reference, nullptr, c, 4, 1);
    QCOMPARE((std::vector<size_t>(ref.begin(), ref.begin() + 3)), (std::vector<size_t>{4, 1, 2}));
    QVERIFY(ref[3] == 0 || ref[3] == 3);
    QCOMPARE(chooseShots(ShotPolicy::Reference, nullptr, c, 2, 1), (std::vector<size_t>{4, 1}));
    const auto r1 = chooseShots(ShotPolicy::Random, nullptr, c, 5, 7);
    QCOMPARE(std::set<size_t>(r1.begin(), r1.end()).size(), size_t(5));
    QCOMPARE(chooseShots(ShotPolicy::Random, nullptr, c, 5, 7), r1);
    QVERIFY(usage([&] { chooseShots(ShotPolicy::Design, nullptr, c, 2, 1); }));
    QVERIFY(usage([&] { chooseShots(ShotPolicy::Random, nullptr, c, 6, 1); }));
    QVERIFY(usage([&] { chooseShots(ShotPolicy::Random, nullptr, c, 0, 1); }));
  }

  // Every latency counts: the reference-latency descriptor holds the references among the shots
  // and nothing else; with none among them it is empty and adaptation still works.
  void targetCountsOnlyItsShots() {
    const auto& space = searchspace::nb201Space();
    const auto refs = space.referenceArchitectures(); // HELP's indices 11982, 431, 55, 9, ..., 1462
    std::vector<Shot> shots{{space.parse(refs[3]), 2.0}, {space.fromIndex(2), 3.0}, {space.parse(refs[9]), 4.0}};
    auto t = targetFromShots("dev", descriptor::kReferenceLatency, space, shots, nullptr, ShotPolicy::Design);
    QCOMPARE(t.shots.size(), size_t(3));
    QCOMPARE(t.descriptor.names, (std::vector<std::string>{"ref9_ln_ms", "ref1462_ln_ms"}));
    QCOMPARE(t.descriptor.values[1], std::log(4.0));
    QCOMPARE(t.shotPolicy, std::string("design"));
    const std::vector<Shot> none{{space.fromIndex(1), 2.0}, {space.fromIndex(2), 3.0}, {space.fromIndex(3), 4.0}};
    t = targetFromShots("dev", descriptor::kReferenceLatency, space, none, nullptr, ShotPolicy::Random);
    QVERIFY(t.descriptor.values.empty());
    QCOMPARE(t.descriptor.shotsUsed, 0);
    const auto stored = specs(100);
    t = targetFromShots("dev", descriptor::kSpecs, space, shots, &stored, ShotPolicy::Random);
    QCOMPARE(t.descriptor.values, stored.values);
    QVERIFY(usage([&] { targetFromShots("dev", descriptor::kSpecs, space, shots, nullptr, ShotPolicy::Random); }));
  }

  // The design reads only the pool: it is the same whatever the target, picks k distinct
  // non-degenerate cells, and an adapted predictor records the shots it was fitted to.
  void designIsPoolOnlyAndRecorded() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    auto trained = train("opcost", pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}}), {1, 1});
    const auto picks = trained->designShots(cells, 10);
    QCOMPARE(std::set<size_t>(picks.begin(), picks.end()).size(), size_t(10));
    for (size_t i : picks) QVERIFY(!oc.degenerate[i]);
    QCOMPARE(trained->designShots(cells, 10), picks);
    const auto truth = synthetic(oc, kPhone, 0.01, 3);
    auto t = target(cells, truth, picks);
    t.shotPolicy = "design";
    const auto adapted = trained->adapt(t);
    QVERIFY(usage([&] { adapted->designShots(cells, 3); }));
    const auto back = restore(adapted->state());
    QCOMPARE(back->adaptedShotPolicy(), std::string("design"));
    QCOMPARE(back->adaptedOn().size(), size_t(10));
    for (size_t i = 0; i < 10; ++i) {
      QVERIFY(back->adaptedOn()[i].genotype == cells.genotypes[picks[i]]);
      QCOMPARE(back->adaptedOn()[i].latencyMs, truth[picks[i]]);
    }
    QVERIFY(restore(trained->state())->adaptedOn().empty());
  }

  // The shot noise the design plans for is chosen per shot count by the cross-validation, among
  // its grid, and travels in the predictor's state: a restored predictor designs the same shots; a
  // file from before it plans for the default noise; an impossible noise is refused.
  void designNoiseIsCrossValidatedAndTravels() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    auto trained = train("opcost", pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}, {"graph", kGraph}}), {1, 1});
    const auto state = trained->state();
    const auto& noise = state.meta.at("cross_validated").at("design_noise");
    for (const char* k : {"3", "10"}) {
      const double n = noise.at(k).get<double>();
      QVERIFY2(n == 0.02 || n == 0.05 || n == 0.1 || n == 0.2, noise.dump().c_str());
    }
    const auto back = restore(state);
    for (size_t k : {3, 5, 10, 20}) QCOMPARE(back->designShots(cells, k), trained->designShots(cells, k));
    auto older = state;
    older.meta["cross_validated"].erase("design_noise");
    auto fixed = state;
    fixed.meta["cross_validated"]["design_noise"] = {{"3", 0.05}, {"10", 0.05}};
    QCOMPARE(restore(older)->designShots(cells, 10), restore(fixed)->designShots(cells, 10));
    auto bad = state;
    bad.meta["cross_validated"]["design_noise"]["10"] = -1.0;
    bool refused = false;
    try {
      restore(bad);
    } catch (const Error& e) {
      refused = e.kind() == ErrorKind::BadInput;
    }
    QVERIFY(refused);
  }

  // The fit's noise ceiling and the scale's spread are chosen by the cross-validation among their
  // grids, the components' reach is one value (opcost.cpp's kTauScale); all travel in the
  // predictor's state: a restored predictor adapts the same; a file from before any fits with its
  // old value (the full noise range, 0.2; no spread, 0; reach 1), which adapts otherwise than
  // another value; values out of range and values of the wrong type are refused.
  void fitConstantTravels_data() {
    QTest::addColumn<QString>("section"); // of the state's meta
    QTest::addColumn<QString>("key");
    QTest::addColumn<QList<double>>("grid");
    QTest::addColumn<double>("before");   // what a file without the key fits with
    QTest::addColumn<double>("contrast"); // a value of the grid that adapts otherwise
    QTest::addColumn<QList<double>>("bad");
    QTest::newRow("noise ceiling") << "cross_validated" << "max_noise" << QList<double>{0.2, 0.1} << 0.2 << 0.1 << QList<double>{0.5, 0.001, -1.0};
    QTest::newRow("scale spread") << "cross_validated" << "scale_sd" << QList<double>{0.1, 0.25} << 0.0 << 0.1 << QList<double>{-0.1, 1.5};
    QTest::newRow("reach") << "hyperparameters" << "tau_scale" << QList<double>{3} << 1.0 << 3.0 << QList<double>{0, -1.0, 1000};
  }
  void fitConstantTravels() {
    QFETCH(QString, section);
    QFETCH(QString, key);
    QFETCH(QList<double>, grid);
    QFETCH(double, before);
    QFETCH(double, contrast);
    QFETCH(QList<double>, bad);
    const std::string part = section.toStdString(), k = key.toStdString();
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    auto trained = train("opcost", pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}, {"graph", kGraph}}), {1, 1});
    const auto state = trained->state();
    QVERIFY2(grid.contains(state.meta.at(part).at(k).get<double>()), state.meta.at(part).dump().c_str());
    const auto truth = synthetic(oc, Costs{2.0, 0.1, 1.0, 3.0, 3.0, 0, 0, 0, 0}, 0.02, 8);
    const auto shots = target(cells, truth, draw(10, 4));
    const auto predicted = [&](const ModelState& s) { return restore(s)->adapt(shots)->predictMs(cells); };
    QCOMPARE(predicted(state), trained->adapt(shots)->predictMs(cells));
    const auto with = [&](double value) {
      auto s = state;
      s.meta[part][k] = value;
      return s;
    };
    auto older = state;
    older.meta[part].erase(k);
    QCOMPARE(predicted(older), predicted(with(before)));
    QVERIFY(predicted(with(contrast)) != predicted(with(before)));
    for (double value : bad) MAPLE_VERIFY_ERROR(restore(with(value)), ErrorKind::BadInput, "out of range");
    auto malformed = state;
    malformed.meta[part][k] = "wide";
    MAPLE_VERIFY_ERROR(restore(malformed), ErrorKind::BadInput, "malformed");
  }

  // A target's own shots check its spread: ten shots of a device scattering 25 % about additive
  // costs, each left out and predicted from the others, ask for a larger factor than ten of the
  // same device measured within 1 %; weighted beside the pool's factor (the pool's devices scatter
  // 1 %), that factor puts nearer 68 % of the scattered device's latencies inside the 1-sigma band
  // than the pool's factor alone (weight 0, as in a file from before the check). The weight is the
  // cross-validation's, from its grid; both travel in the file, and values out of range are refused.
  void ownShotsCheckTheSpread() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    auto trained = train("opcost", pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}, {"graph", kGraph}}), {1, 1});
    const auto pooled = trained->state();
    const auto& cv = pooled.meta.at("cross_validated");
    const double poolFactor = cv.at("spread_scale").get<double>(), weight = cv.at("loo_weight").get<double>();
    QVERIFY2(weight == 0 || weight == 0.25 || weight == 0.5 || weight == 1 || weight == 2, cv.dump().c_str());
    const Costs mid{5.0, -0.25, 2.4, 4.0, 0.5, 0, 0, 0, 0};
    const auto scattered = synthetic(oc, mid, 0.25, 9), clean = synthetic(oc, mid, 0.01, 9);
    const auto looOf = [](const Predictor& p) { return p.state().meta.at("adapted").at("loo_factor").get<double>(); };
    const auto adapted = trained->adapt(target(cells, scattered, draw(10, 5)));
    const double loo = looOf(*adapted), cleanLoo = looOf(*trained->adapt(target(cells, clean, draw(10, 5))));
    QCOMPARE(looOf(*trained->adapt(target(cells, scattered, draw(4, 5)))), 0.0); // too few shots to leave one out
    const auto coverageAt = [&](double w) {
      auto s = adapted->state();
      s.meta["cross_validated"]["loo_weight"] = w;
      std::vector<double> spread;
      const auto ms = restore(s)->predictMs(cells, &spread);
      Metrics m;
      addCoverage(m, ms, scattered, spread);
      return *m.coverage68;
    };
    const double poolOnly = coverageAt(0), weighted = coverageAt(1);
    qInfo("pool factor %.3f, chosen weight %.2f; loo factor %.3f scattered, %.3f clean; coverage68 of the scattered device %.3f at weight 1, "
          "%.3f with the pool's factor alone",
          poolFactor, weight, loo, cleanLoo, weighted, poolOnly);
    QVERIFY(cleanLoo < loo);
    QVERIFY(std::abs(weighted - 0.68) < std::abs(poolOnly - 0.68));
    auto older = adapted->state();
    older.meta["cross_validated"].erase("loo_weight");
    older.meta["adapted"].erase("loo_factor");
    std::vector<double> olderSpread, poolSpread;
    restore(older)->predictMs(cells, &olderSpread);
    auto poolState = adapted->state();
    poolState.meta["cross_validated"]["loo_weight"] = 0;
    restore(poolState)->predictMs(cells, &poolSpread);
    QCOMPARE(olderSpread, poolSpread);
    for (const char* key : {"loo_factor", "loo_weight"})
      for (double bad : {-1.0, 1e6}) {
        auto s = adapted->state();
        (std::string(key) == "loo_factor" ? s.meta["adapted"] : s.meta["cross_validated"])[key] = bad;
        MAPLE_VERIFY_ERROR(restore(s), ErrorKind::BadInput, "out of range");
      }
  }

  // Whether a target's shots choose its noise ceiling (each left out with its fold, the ceiling that
  // predicts them best) is the cross-validation's choice and travels in the file; a file from
  // before it has none and fits under the pool's ceiling. Ten shots of a device scattering 15 %
  // about additive costs (the pool's devices scatter 1 %) choose a ceiling that predicts it better
  // than the pool's, over three draws.
  void shotsOwnCeilingIsCrossValidatedAndTravels() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    auto trained = train("opcost", pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}}), {1, 1});
    const auto state = trained->state();
    QVERIFY2(state.meta.at("cross_validated").at("own_ceiling").is_boolean(), state.meta.at("cross_validated").dump().c_str());
    auto older = state, pools = state, own = state;
    older.meta["cross_validated"].erase("own_ceiling");
    pools.meta["cross_validated"]["own_ceiling"] = false;
    own.meta["cross_validated"]["own_ceiling"] = true;
    const Costs mid{5.0, -0.25, 2.4, 4.0, 0.5, 0, 0, 0, 0};
    double poolAcc = 0, ownAcc = 0;
    for (std::uint64_t seed = 1; seed <= 3; ++seed) {
      const auto scattered = synthetic(oc, mid, 0.15, seed);
      const auto shots = target(cells, scattered, draw(10, seed + 10));
      QCOMPARE(restore(state)->adapt(shots)->predictMs(cells), trained->adapt(shots)->predictMs(cells));
      QCOMPARE(restore(older)->adapt(shots)->predictMs(cells), restore(pools)->adapt(shots)->predictMs(cells));
      poolAcc += acc10(*restore(pools)->adapt(shots), cells, scattered) / 3;
      ownAcc += acc10(*restore(own)->adapt(shots), cells, scattered) / 3;
    }
    qInfo("pool's ceiling %.2f, own ceiling chosen: %s; 15 %% scatter, mean acc10 %.3f under the pool's ceiling, %.3f under the shots' own",
          state.meta.at("cross_validated").at("max_noise").get<double>(), state.meta.at("cross_validated").at("own_ceiling").dump().c_str(),
          poolAcc, ownAcc);
    QVERIFY(ownAcc > poolAcc);
  }

  // Three designed shots against three random ones on a device between the pool's: the design
  // should do at least as well as the random draws' mean.
  void designBeatsRandomAtThreeShots() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    auto trained = train("opcost", pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}, {"graph", kGraph}}), {1, 1});
    const Costs mix{6.0, -0.3, 2.4, 4.5, 0.6, 0, 0, 0, 0};
    const auto truth = synthetic(oc, mix, 0.02, 21);
    const double designed = acc10(*trained->adapt(target(cells, truth, trained->designShots(cells, 3))), cells, truth);
    double random = 0;
    for (std::uint64_t seed = 1; seed <= 10; ++seed) random += acc10(*trained->adapt(target(cells, truth, draw(3, seed))), cells, truth) / 10;
    qInfo("3 shots: design acc10 %.3f, random mean %.3f", designed, random);
    QVERIFY(designed >= random);
  }

  // A device outside the pool's span (pooling as dear as 3x3 convolutions, unlike all four
  // GPU-like pool devices) is reached from 10 shots through the wide prior component.
  void leavesThePoolSpan() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    const Costs gpuA{5.0, -0.2, 1.8, 1.9, 0.1, 0, 0, 0, 0}, gpuB{5.5, -0.2, 2.0, 2.2, 0.1, 0, 0, 0, 0};
    const Costs gpuC{4.0, -0.1, 1.5, 1.7, 0.15, 0, 0, 0, 0}, gpuD{6.0, -0.3, 2.1, 2.6, 0.12, 0, 0, 0, 0};
    auto trained = train("opcost", pool(cells, oc, {{"a", gpuA}, {"b", gpuB}, {"c", gpuC}, {"d", gpuD}}), {1, 1});
    const Costs odd{2.0, 0.1, 1.0, 3.0, 3.0, 0, 0, 0, 0};
    const auto truth = synthetic(oc, odd, 0.01, 5);
    const double a = acc10(*trained->adapt(target(cells, truth, trained->designShots(cells, 10))), cells, truth);
    qInfo("10 designed shots, device outside the pool: acc10 %.3f (cross-validated %s)", a,
          trained->state().meta["cross_validated"].dump().c_str());
    QVERIFY(a > 0.95);
  }

  // Huber weights: one shot measured three times too slow does not bend the other costs.
  void robustToAnOutlyingShot() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    auto trained = train("opcost", pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}}), {1, 1});
    const Costs mix{6.5, -0.3, 2.5, 4.0, 0.5, 0, 0, 0, 0};
    const auto truth = synthetic(oc, mix, 0.0, 9);
    auto t = target(cells, truth, draw(20, 4));
    t.shots[0].latencyMs *= 3;
    const double a = acc10(*trained->adapt(t), cells, truth);
    qInfo("20 shots, one 3x off: acc10 %.3f", a);
    QVERIFY(a > 0.95);
  }

  void coverageAndSdByHand() {
    Metrics m;
    // ln errors 0.1, 0.5, 0.05, 0.3 against spreads 0.2, 0.2, 0.01, 0.2: z = 0.5, 2.5, 5, 1.5.
    const std::vector<double> pred{std::exp(0.1), std::exp(-0.5), std::exp(0.05), std::exp(0.3)};
    const std::vector<double> meas{1, 1, 1, 1};
    addCoverage(m, pred, meas, std::vector<double>{0.2, 0.2, 0.01, 0.2});
    QCOMPARE(*m.coverage68, 0.25);
    QCOMPARE(*m.coverage95, 0.5);
    Metrics a, b;
    a.acc10 = 0.5, b.acc10 = 0.7;
    a.coverage68 = 0.6;
    const std::vector<Metrics> both{a, b};
    QVERIFY(std::abs(sdMetrics(both).acc10 - std::sqrt(0.02)) < 1e-12);
    QVERIFY(std::abs(meanMetrics(both).acc10 - 0.6) < 1e-12);
    QCOMPARE(*meanMetrics(both).coverage68, 0.6); // only the entries that have one
    QVERIFY(!meanMetrics(both).coverage95);
  }
};

QTEST_GUILESS_MAIN(TestShotPolicy)
#include "test_shot_policy.moc"
