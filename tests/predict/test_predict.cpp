// Predictors, metrics, the harness and evaluation storage, on a small real split of the data set
// (every 8th architecture, a few devices) so the suite stays fast on two cores.
#include "../core/test_support.hpp"
#include "common/error.hpp"
#include "common/parallel_for.hpp"
#include "dataset/help_nb201.hpp"
#include "descriptor/from_data.hpp"
#include "predict/harness.hpp"
#include "predict/metrics.hpp"
#include "predict/shared_progress.hpp"
#include "eval_data_from_table.hpp"
#include "store/evaluations.hpp"

#include <QtTest>

#include <cmath>
#include <set>

using namespace maple;
using namespace maple::predict;

namespace {
const std::vector<std::string> kTrain{"1080ti_1", "1080ti_256", "silver_4114", "pixel3", "samsung_a50", "titanx_32"};
const std::string kTarget = "gold_6226";

struct Fixture {
  dataset::LatencyTable table;
  std::vector<hardware::Device> specs;
  TrainingPool pool;
  searchspace::ArchitectureSet cells; // the scored cells (every 8th)
  std::vector<double> targetMs;
  Target target;
};

size_t column(const dataset::LatencyTable& t, const std::string& name) {
  return static_cast<size_t>(std::find(t.devices.begin(), t.devices.end(), name) - t.devices.begin());
}

const Fixture& fixture() {
  static const Fixture f = [] {
    Fixture x;
    x.table = dataset::readLatencyTable(testing::dataDir() + "/nb201_latency_ms.csv");
    x.specs = dataset::readDeviceSpecs(testing::dataDir() + "/devices.csv");
    auto spec = [&](const std::string& name) {
      return *std::find_if(x.specs.begin(), x.specs.end(), [&](const hardware::Device& d) { return d.name == name; });
    };
    x.pool.descriptorKind = descriptor::kSpecs;
    x.pool.devices = kTrain;
    x.pool.latencyMs.assign(kTrain.size(), {});
    for (const auto& d : kTrain) x.pool.descriptors.push_back(descriptor::specsDescriptor(spec(d)));
    const size_t nd = x.table.devices.size(), target = column(x.table, kTarget);
    x.pool.architectures.space = x.cells.space = &searchspace::nb201Space();
    for (size_t r = 0; r < x.table.cells.size(); r += 8) {
      x.pool.architectures.push_back(searchspace::nb201Architecture(x.table.cells[r]));
      for (size_t d = 0; d < kTrain.size(); ++d) x.pool.latencyMs[d].push_back(x.table.ms[r * nd + column(x.table, kTrain[d])]);
      x.cells.push_back(searchspace::nb201Architecture(x.table.cells[r]));
      x.targetMs.push_back(x.table.ms[r * nd + target]);
    }
    x.target.device = kTarget;
    x.target.descriptor = descriptor::specsDescriptor(spec(kTarget));
    for (size_t i : {3u, 150u, 700u, 1200u, 1900u}) x.target.shots.push_back({x.cells.genotypes[i], x.targetMs[i]});
    return x;
  }();
  return f;
}

// The harness tests' evaluation: ridge from kTrain to kTarget and pixel2.
EvalOptions ridgeOnTwoTargets(const std::string& descriptorKind) {
  EvalOptions o;
  o.method = "ridge";
  o.descriptorKind = descriptorKind;
  o.trainDevices = kTrain;
  o.testDevices = {kTarget, "pixel2"};
  return o;
}

using testing::errorOf;
} // namespace

class TestPredict : public QObject {
  Q_OBJECT

private slots:
  // Hand-computed: errors 8 %, 0 %, 200 %, 2 %; ranks of pred (1,2,4,3) vs meas (1,2,3,4).
  void metricsByHand() {
    const std::vector<double> meas{1, 2, 4, 10}, pred{1.08, 2, 12, 9.8};
    const auto m = computeMetrics(pred, meas);
    QCOMPARE(m.acc1, 0.25);
    QCOMPARE(m.acc5, 0.5);
    QCOMPARE(m.acc10, 0.75);
    QVERIFY(std::abs(m.rmseMs - std::sqrt((0.0064 + 0 + 64 + 0.04) / 4)) < 1e-12);
    QVERIFY(std::abs(m.mape - 100 * (0.08 + 0 + 2 + 0.02) / 4) < 1e-12);
    QVERIFY(std::abs(m.spearman - 0.8) < 1e-12);              // 1 - 6*2/(4*15)
    QVERIFY(std::abs(m.kendall - 4.0 / 6.0) < 1e-12);         // 5 concordant, 1 discordant
    // Ties: tau-b and average ranks.
    const std::vector<double> a{1, 1, 2, 3}, b{1, 2, 2, 3};
    QVERIFY(std::abs(kendallTauB(a, b) - 4.0 / 5.0) < 1e-12); // (n0-n1-n2+n3-2*0)/sqrt(5*5), n3 = 0
    QVERIFY(std::abs(spearman(a, b) - 5.0 / 6.0) < 1e-12); // Pearson of ranks (1.5,1.5,3,4), (1,2.5,2.5,4)
    QCOMPARE(errorOf([] { computeMetrics(std::vector<double>{1}, std::vector<double>{1, 2}); }), ErrorKind::BadInput);
    QCOMPARE(errorOf([] { computeMetrics(std::vector<double>{1}, std::vector<double>{0}); }), ErrorKind::BadInput);
  }

  void everyMethodBeatsAConstantGuess() {
    MAPLE_REQUIRE_DATA_SET();
    const auto& f = fixture();
    // The trivial bound: every architecture predicted at the shots' geometric mean.
    double logMean = 0;
    for (const auto& s : f.target.shots) logMean += std::log(s.latencyMs) / static_cast<double>(f.target.shots.size());
    const auto constant = computeMetrics(std::vector<double>(f.cells.size(), std::exp(logMean)), f.targetMs);
    for (const auto& method : methodNames()) {
      auto p = train(method, f.pool, {7, 2});
      QCOMPARE(p->method(), method);
      QCOMPARE(p->targetDevice(), std::string());
      QCOMPARE(errorOf([&] { p->predictMs(f.cells); }), ErrorKind::Usage);
      auto adapted = p->adapt(f.target);
      QCOMPARE(adapted->targetDevice(), kTarget);
      const auto m = computeMetrics(adapted->predictMs(f.cells), f.targetMs);
      qInfo("%s: acc10 %.3f spearman %.3f mape %.1f (constant: acc10 %.3f mape %.1f)", method.c_str(), m.acc10,
            m.spearman, m.mape, constant.acc10, constant.mape);
      QVERIFY2(m.spearman > 0.6, method.c_str()); // the constant ranks nothing
      // Known weakness, kept visible (XFAIL; XPASS when fixed): FLOPs-proportional (a slope-1 line
      // in log space) ranks well but misses this CPU's scale by more than a constant guess does.
      const bool weak = method == "flops";
      if (weak) QEXPECT_FAIL("", "known weakness: this method misses the target CPU's scale", Continue);
      QVERIFY2(m.mape < constant.mape, method.c_str());
      if (weak) QEXPECT_FAIL("", "known weakness: this method misses the target CPU's scale", Continue);
      QVERIFY2(m.acc10 > constant.acc10, method.c_str());
    }
  }

  void deterministicAndRoundTrips() {
    MAPLE_REQUIRE_DATA_SET();
    const auto& f = fixture();
    // The same pool listed in reverse: a predictor depends on the pool's devices, not their order.
    TrainingPool reversed = f.pool;
    std::reverse(reversed.devices.begin(), reversed.devices.end());
    std::reverse(reversed.descriptors.begin(), reversed.descriptors.end());
    std::reverse(reversed.latencyMs.begin(), reversed.latencyMs.end());
    auto byName = kTrain;
    std::sort(byName.begin(), byName.end());
    for (const auto& method : methodNames()) {
      auto a = train(method, f.pool, {11, 2})->adapt(f.target);
      auto b = train(method, reversed, {11, 2})->adapt(f.target);
      const auto pa = a->predictMs(f.cells);
      QVERIFY2(pa == b->predictMs(f.cells), method.c_str());
      QCOMPARE(b->trainingDevices(), byName);
      // restore(state()) predicts identically, adapted and pool-trained alike.
      auto restored = restore(a->state());
      QCOMPARE(restored->method(), method);
      QCOMPARE(restored->targetDevice(), kTarget);
      QCOMPARE(restored->trainingDevices(), byName);
      const auto pr = restored->predictMs(f.cells);
      for (size_t i = 0; i < pa.size(); ++i) QVERIFY2(std::abs(pr[i] - pa[i]) <= 1e-5 * pa[i], method.c_str());
      auto pool = restore(train(method, f.pool, {11, 2})->state());
      const auto again = pool->adapt(f.target)->predictMs(f.cells);
      for (size_t i = 0; i < pa.size(); ++i) QVERIFY2(std::abs(again[i] - pa[i]) <= 1e-5 * pa[i], method.c_str());
    }
  }

  void zeroShotsAndUncertainty() {
    MAPLE_REQUIRE_DATA_SET();
    const auto& f = fixture();
    Target t = f.target;
    t.shots.clear();
    auto p = train("lowrank", f.pool, {1, 2});
    const auto m = computeMetrics(p->adapt(t)->predictMs(f.cells), f.targetMs);
    QVERIFY(m.spearman > 0.5);
    std::vector<double> spread;
    p->adapt(f.target)->predictMs(f.cells, &spread);
    QCOMPARE(spread.size(), f.cells.size());
    for (double s : spread) QVERIFY(s > 0 && std::isfinite(s));
  }

  void cellsOutsideThePool() {
    MAPLE_REQUIRE_DATA_SET();
    const auto& f = fixture();
    auto p = train(defaultMethod(), f.pool, {1, 2})->adapt(f.target);
    // Row 1 of the table is not in the every-8th pool: predicted through the feature map.
    const auto ms = p->predictMs(searchspace::nb201Set(std::vector<nb201::Cell>{f.table.cells[1]}));
    QVERIFY(ms[0] > 0 && std::isfinite(ms[0]));
  }

  void badInputs() {
    QCOMPARE(errorOf([] { restore(ModelState{}); }), ErrorKind::BadInput);
    MAPLE_REQUIRE_DATA_SET(); // the rest trains on the data set's pool
    const auto& f = fixture();
    QCOMPARE(errorOf([&] { train("nope", f.pool, {}); }), ErrorKind::Usage);
    TrainingPool broken = f.pool;
    broken.latencyMs.pop_back();
    QCOMPARE(errorOf([&] { train("ridge", broken, {}); }), ErrorKind::BadInput);
    Target wrongKind = f.target;
    wrongKind.descriptor.kind = "counters";
    QCOMPARE(errorOf([&] { train("ridge", f.pool, {})->adapt(wrongKind); }), ErrorKind::Usage);
    Target badShot = f.target;
    badShot.shots[0].latencyMs = -1;
    QCOMPARE(errorOf([&] { train("ridge", f.pool, {})->adapt(badShot); }), ErrorKind::BadInput);
    auto s = train("lowrank", f.pool, {})->state();
    s.arrays.erase("lowrank.thetas");
    QCOMPARE(errorOf([&] { restore(s); }), ErrorKind::BadInput);
  }

  void harnessProtocolsAndShots() {
    MAPLE_REQUIRE_DATA_SET();
    const auto& f = fixture();
    const auto data = evalDataFromTable(f.table, f.specs, descriptor::kReferenceLatency);
    EvalOptions o = ridgeOnTwoTargets(descriptor::kReferenceLatency);
    o.shots = {3, 12};
    o.seeds = 2;
    o.protocol = EvalProtocol::Help;
    o.shotPolicy = ShotPolicy::Reference;
    const auto r = evaluate(data, o);
    QCOMPARE(r.results.size(), size_t(2));
    for (const auto& s : r.results) {
      QCOMPARE(s.runs.size(), size_t(2));
      for (const auto& run : s.runs) {
        const auto& preds = run.predictions.at(kTarget);
        QCOMPARE(preds.size(), size_t(800)); // 1000 query archs less 10 % at each end
        long shotsScored = std::count_if(preds.begin(), preds.end(), [](const ScoredPrediction& p) { return p.isShot; });
        QVERIFY(shotsScored <= s.shots);
      }
      QVERIFY(s.mean.spearman > 0.5);
    }
    // Seeds change the draw beyond the 10 references (12 shots), and the same seed repeats it.
    const auto again = evaluate(data, o);
    QCOMPARE(again.results[1].runs[0].devices.at(kTarget).rmseMs, r.results[1].runs[0].devices.at(kTarget).rmseMs);
    QVERIFY(r.results[1].runs[0].devices.at(kTarget).rmseMs != r.results[1].runs[1].devices.at(kTarget).rmseMs);
    QVERIFY(r.results[1].sd.rmseMs > 0);
    // A device draws the same shots whichever devices it is tested with (pixel2 was second above).
    auto alone = o;
    alone.testDevices = {"pixel2"};
    alone.shots = {12};
    const auto single = evaluate(data, alone);
    for (size_t s = 0; s < 2; ++s)
      QCOMPARE(single.results[0].runs[s].devices.at("pixel2").rmseMs, r.results[1].runs[s].devices.at("pixel2").rmseMs);
    // Design is deterministic: both seeds measure the same shots, so the spread over seeds is 0.
    auto d = o;
    d.shotPolicy = ShotPolicy::Design;
    const auto rd = evaluate(data, d);
    QCOMPARE(rd.results[0].runs[0].devices.at(kTarget).rmseMs, rd.results[0].runs[1].devices.at(kTarget).rmseMs);
    QCOMPARE(rd.results[0].sd.rmseMs, 0.0);
    const auto j = toJson(rd);
    QCOMPARE(j["shot_policy"].get<std::string>(), std::string("design"));
    QVERIFY(j["deterministic"].get<bool>());
    QVERIFY(j["results"][0].contains("sd"));
    // Scores leave the shots out: a device's acc10 is the share of its held-out predictions within 10 %.
    const auto& twelve = r.results[1].runs[0];
    long within = 0, heldOut = 0;
    for (const auto& p : twelve.predictions.at(kTarget))
      if (!p.isShot) ++heldOut, within += std::abs(p.predictedMs - p.measuredMs) <= 0.1 * p.measuredMs;
    QVERIFY(std::abs(twelve.devices.at(kTarget).acc10 - static_cast<double>(within) / heldOut) < 1e-12);
    QVERIFY(!twelve.devices.at(kTarget).inSample);
    // Every latency a shot: scored in sample, and marked so (a fit's ceiling, not a prediction).
    auto everything = o;
    everything.protocol = EvalProtocol::Full;
    everything.shots = {nb201::kSpaceSize};
    everything.seeds = 1;
    everything.testDevices = {kTarget};
    const auto ceiling = evaluate(data, everything);
    QVERIFY(ceiling.results[0].runs[0].devices.at(kTarget).inSample);
    QVERIFY(toJson(ceiling)["results"][0]["mean"].value("in_sample", false));
    // Bad options.
    auto bad = o;
    bad.testDevices = {"1080ti_1"};
    QCOMPARE(errorOf([&] { evaluate(data, bad); }), ErrorKind::Usage); // train and test overlap
    bad = o;
    bad.shots = {20000};
    QCOMPARE(errorOf([&] { evaluate(data, bad); }), ErrorKind::Usage); // more shots than architectures
    bad = o;
    bad.shots = {0};
    QCOMPARE(errorOf([&] { evaluate(data, bad); }), ErrorKind::Usage); // reference-latency needs shots
    bad = o;
    bad.testDevices = {"nope"};
    QCOMPARE(errorOf([&] { evaluate(data, bad); }), ErrorKind::Usage);
    QCOMPARE(errorOf([&] { evalDataFromTable(f.table, f.specs, "counters"); }), ErrorKind::Usage);
  }

  // A refused report ends the evaluation as Cancelled, and nothing reports after the refusal.
  void cancelEndsTheEvaluation() {
    MAPLE_REQUIRE_DATA_SET();
    const auto& f = fixture();
    const auto data = evalDataFromTable(f.table, f.specs, descriptor::kSpecs);
    EvalOptions o = ridgeOnTwoTargets(descriptor::kSpecs);
    o.shots = {3, 10};
    o.seeds = 5;
    o.shotPolicy = ShotPolicy::Random;
    int reportsAfterRefusal = 0;
    bool refused = false;
    const auto kind = errorOf([&] {
      evaluate(data, o, [&](double, const std::string& stage) {
        if (refused) ++reportsAfterRefusal;
        refused = refused || stage.rfind("adapting and scoring", 0) == 0;
        return !refused;
      });
    });
    QCOMPARE(kind, ErrorKind::Cancelled);
    QVERIFY(refused);
    QCOMPARE(reportsAfterRefusal, 0);
  }

  // Workers reporting through one SharedProgress: the refusal's stop flag ends the loop there.
  void sharedProgressStopsTheLoopAtTheRefusal() {
    int calls = 0;
    const ProgressFn progress = [&](double, const std::string&) { return ++calls < 10; };
    SharedProgress shared(progress);
    std::atomic<int> ran{0};
    parallelFor(1000, 1, [&](size_t i) { ++ran, shared.report(static_cast<double>(i) / 1000, "step"); }, shared.stopFlag());
    QVERIFY(shared.cancelled());
    QCOMPARE(ran.load(), 10);
    QCOMPARE(calls, 10);
    QVERIFY(!shared.report(1, "after")); // stays refused, without asking again
    QCOMPARE(calls, 10);
  }

  // Ten designed shots from pools unlike their targets (docs/accuracy.md's `few` and `kind` splits):
  // a pool of four devices reaches 0.80 acc10 over 20 others now that the design's planned noise is
  // cross-validated (it was 0.73 at a fixed 0.05); GPUs and server CPUs to the edge devices do not
  // yet (the graph-compiled raspi4 and pixel3 lie outside an eager pool's span).
  void designedShotsFromUnlikePools() {
    MAPLE_REQUIRE_DATA_SET();
    const auto& f = fixture();
    const auto data = evalDataFromTable(f.table, f.specs, descriptor::kSpecs);
    EvalOptions o;
    o.method = "opcost";
    o.descriptorKind = descriptor::kSpecs;
    o.shots = {10};
    o.shotPolicy = ShotPolicy::Design;
    const std::vector<std::string> gpus{"1080ti_1", "1080ti_32", "1080ti_256", "2080ti_1", "2080ti_32", "2080ti_256",
                                        "titan_rtx_1", "titan_rtx_32", "titan_rtx_256", "titanx_1", "titanx_32",
                                        "titanx_256", "titanxp_1", "titanxp_32", "titanxp_256"};
    const std::vector<std::string> cpus{"gold_6226", "gold_6240", "silver_4114", "silver_4210r"};
    const std::vector<std::string> edge{"pixel2", "pixel3", "essential_ph_1", "samsung_a50", "samsung_s7", "raspi4",
                                        "eyeriss", "fpga"};
    o.trainDevices = {"1080ti_32", "silver_4210r", "pixel3", "samsung_s7"};
    for (const auto& d : f.table.devices)
      if (std::find(o.trainDevices.begin(), o.trainDevices.end(), d) == o.trainDevices.end() && d.rfind("1080ti", 0) != 0)
        o.testDevices.push_back(d);
    const double few = evaluate(data, o).results[0].mean.acc10;
    qInfo("four-device pool, 10 designed shots: acc10 %.3f over %zu devices", few, o.testDevices.size());
    QVERIFY(few >= 0.80);
    o.trainDevices = gpus;
    o.trainDevices.insert(o.trainDevices.end(), cpus.begin(), cpus.end());
    o.testDevices = edge;
    const double kind = evaluate(data, o).results[0].mean.acc10;
    qInfo("GPUs and server CPUs to the edge devices, 10 designed shots: acc10 %.3f", kind);
    QEXPECT_FAIL("", "known weakness: an eager pool does not reach the graph-compiled edge devices from 10 shots", Continue);
    QVERIFY(kind >= 0.80);
  }

  // Every family the spec sheet uses sets exactly its own flag (version 1 set none for CPUs,
  // phones and boards: it tested names the sheet never uses).
  void specsFamilyFlags() {
    MAPLE_REQUIRE_DATA_SET();
    const auto& f = fixture();
    std::set<std::string> families;
    for (const auto& dev : f.specs) {
      families.insert(dev.family);
      const auto d = descriptor::specsDescriptor(dev);
      QCOMPARE(d.version, 2);
      std::vector<std::string> set;
      for (size_t i = 0; i < d.names.size(); ++i)
        if (d.names[i].rfind("family_", 0) == 0 && d.values[i] == 1.0) set.push_back(d.names[i]);
      QCOMPARE(set, std::vector<std::string>{"family_" + dev.family});
    }
    QCOMPARE(families, (std::set<std::string>{"gpu", "server_cpu", "mobile_soc", "sbc", "asic", "fpga"}));
    QCOMPARE(families, std::set<std::string>(descriptor::specFamilies().begin(), descriptor::specFamilies().end()));
    // Other spellings: a detected host ("cpu") and the importer's fallbacks.
    QCOMPARE(descriptor::specFamilyFlag("cpu"), std::string("server_cpu"));
    QCOMPARE(descriptor::specFamilyFlag("mobile"), std::string("mobile_soc"));
    QCOMPARE(descriptor::specFamilyFlag("embedded"), std::string("sbc"));
    QCOMPARE(descriptor::specFamilyFlag("unknown"), std::string());
  }

  void evaluationsStore() {
    QTemporaryDir dir;
    auto project = store::Project::create(dir.filePath("e.maple").toStdString());
    auto st = project.db().prepare("INSERT INTO devices (name, provenance, created_at) VALUES ('d', 'test', 'now')");
    st.run();
    const auto dev = project.db().lastInsertId();
    auto arch = project.db().prepare(
        "INSERT INTO architectures (search_space, cell_code, arch_str) VALUES ('nb201', 0, 'x')");
    arch.run();
    const auto a = project.db().lastInsertId();
    store::EvaluationToSave e;
    e.row.method = "lowrank";
    e.row.descriptorKind = "specs";
    e.row.protocol = "full";
    e.row.shots = 3;
    e.row.seed = 4;
    e.row.metricsJson = R"({"mean":{}})";
    e.predictions = {{dev, a, 1.5, 1.4, true}};
    const auto ids = store::saveEvaluations(project, {e, e});
    QCOMPARE(ids.size(), size_t(2));
    QCOMPARE(store::listEvaluationRows(project).size(), size_t(2));
    const auto row = store::findEvaluation(project, ids[0]);
    QVERIFY(row);
    QCOMPARE(row->method, std::string("lowrank"));
    QCOMPARE(row->seed, std::int64_t(4));
    const auto preds = store::loadEvaluationPredictions(project, ids[1], dev);
    QCOMPARE(preds.size(), size_t(1));
    QCOMPARE(preds[0].predictedMs, 1.5);
    QVERIFY(preds[0].isShot);
    // All or nothing: a prediction for an unknown device fails the whole write.
    e.predictions[0].deviceId = 999;
    QVERIFY(errorOf([&] { store::saveEvaluations(project, {e}); }) == ErrorKind::BadInput);
    QCOMPARE(store::listEvaluationRows(project).size(), size_t(2));
  }
};

QTEST_GUILESS_MAIN(TestPredict)
#include "test_predict.moc"
