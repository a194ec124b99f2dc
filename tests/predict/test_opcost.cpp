// The per-operation cost model (opcost): its features by hand, recovery of known costs on synthetic
// pools (eager and graph-compiled devices, folded degenerate cells, every architecture as a shot),
// the two equal forms of the shot posterior and of the design, and a guard on the public data
// set's unseen devices.
#include "../core/test_support.hpp"
#include "synthetic_pool.hpp"
#include "dataset/help_nb201.hpp"
#include "descriptor/from_data.hpp"
#include "predict/metrics.hpp"
#include "predict/op_counts.hpp"
#include "predict/opcost_fit.hpp"
#include "predict/predictor.hpp"

#include <QtTest>

#include <cmath>
#include <random>

using namespace maple;
using namespace maple::predict;
using namespace maple::testing;

// A prior of three eager devices (a GPU, a CPU, a phone), uniform, with a small wide component.
opcost::Prior threeEagerDevices() {
  opcost::Prior prior;
  prior.shapes.resize(3, kNb201OpColumns);
  for (int j = 0; const auto& c : {kGpu, kCpu, kPhone}) prior.shapes.row(j++) = Eigen::Map<const Eigen::RowVectorXd>(c.data(), kNb201OpColumns) / 20.0;
  prior.weights = Eigen::VectorXd::Constant(3, 1.0 / 3);
  prior.cov = opcost::shapeCovariance(prior.shapes);
  prior.wide = {0.05, 0.5};
  return prior;
}


class TestOpCost : public QObject {
  Q_OBJECT

private slots:
  void featuresByHand() {
    const auto cells = searchspace::nb201Set(std::vector<nb201::Cell>{
        // conv1x1 on 2<-0 and conv3x3 on 1<-0 run eagerly but reach nothing: a graph runtime runs the skip only.
        nb201::parseCell("|nor_conv_3x3~0|+|nor_conv_1x1~0|none~1|+|skip_connect~0|none~1|none~2|"),
        // No path from input to output: degenerate; its conv leads nowhere.
        nb201::parseCell("|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|"),
        // Every edge on a path: both counts agree.
        nb201::parseCell("|avg_pool_3x3~0|+|nor_conv_3x3~0|skip_connect~1|+|nor_conv_1x1~0|nor_conv_3x3~1|avg_pool_3x3~2|")});
    const auto oc = nb201OpCounts(cells);
    const Eigen::RowVectorXd a{{1, 1, 1, 1, 0, 1, 0, 0, 0}};
    const Eigen::RowVectorXd b{{1, 0, 0, 1, 0, 0, 0, 0, 0}};
    const Eigen::RowVectorXd c{{1, 1, 1, 2, 2, 1, 1, 2, 2}};
    QCOMPARE(oc.features.row(0), a);
    QCOMPARE(oc.features.row(1), b);
    QCOMPARE(oc.features.row(2), c);
    QCOMPARE(oc.degenerate, (std::vector<bool>{false, true, false}));
  }

  // A device whose costs no pool device has, eager or graph-compiled, is recovered from 10 shots.
  void recoversUnseenCosts_data() {
    QTest::addColumn<int>("which");
    QTest::newRow("eager") << 0;
    QTest::newRow("graph") << 1;
  }
  void recoversUnseenCosts() {
    QFETCH(int, which);
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    const auto p = pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}, {"graph", kGraph}, {"graph2", kGraph2}});
    const Costs eagerMix{6.5, -0.3, 2.5, 4.0, 0.5, 0, 0, 0, 0};
    const Costs graphMix{0.9, 0, 0, 0, 0, 0.3, 1.8, 7.5, 1.8};
    const auto truth = synthetic(oc, which == 0 ? eagerMix : graphMix, 0.0, 99);
    auto trained = train("opcost", p, {1, 1});
    const auto adapted = trained->adapt(target(cells, truth, draw(10, 5)));
    const auto m = computeMetrics(adapted->predictMs(cells), truth);
    qInfo("10 shots: acc5 %.3f acc10 %.3f spearman %.4f", m.acc5, m.acc10, m.spearman);
    QVERIFY(m.acc10 > 0.97);
    QVERIFY(m.spearman > 0.99);
    // Three shots cannot pin nine costs: the prior carries it, less exactly.
    const auto few = computeMetrics(trained->adapt(target(cells, truth, draw(3, 5)))->predictMs(cells), truth);
    qInfo("3 shots: acc10 %.3f spearman %.4f", few.acc10, few.spearman);
    QVERIFY(few.spearman > 0.9);
  }

  // A runtime twin moves a shape's operation costs onto the other count kind, base kept.
  void runtimeTwinsByHand() {
    const auto oc = nb201OpCounts(everyCell());
    const Eigen::VectorXd meanRow = oc.features.colwise().mean().transpose();
    Eigen::MatrixXd shapes(2, kNb201OpColumns);
    shapes.row(0) << 0.5, -0.1, 0.2, 0.3, 0.1, 0.01, 0, 0, 0;
    shapes.row(1) << 0.1, 0, 0.01, 0, 0, 0.1, 0.2, 0.6, 0.1;
    const Eigen::MatrixXd twins = opcost::runtimeTwins(shapes, meanRow, oc.graphColumns);
    const Eigen::RowVectorXd toGraph{{0.5, 0, 0, 0, 0, -0.09, 0.2, 0.3, 0.1}};
    const Eigen::RowVectorXd toEager{{0.1, 0.1, 0.21, 0.6, 0.1, 0, 0, 0, 0}};
    QVERIFY((twins.row(0) - toGraph).norm() < 1e-12);
    QVERIFY((twins.row(1) - toEager).norm() < 1e-12);
    QCOMPARE(opcost::runtimeTwins(shapes, meanRow, 0).rows(), Eigen::Index{0});
  }

  // A pool of eager devices only: its designed shots must still tell eager from graph-compiled
  // costs (some cell with a dead edge), so a graph-compiled target is predicted from them.
  void designTellsRuntimeKinds() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    const auto p = pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}});
    auto trained = train("opcost", p, {1, 1});
    const auto shots = trained->designShots(cells, 10);
    const auto dead = std::count_if(shots.begin(), shots.end(), [&](size_t i) {
      const auto row = oc.features.row(static_cast<Eigen::Index>(i));
      return (row.segment(1, 4) - row.segment(5, 4)).norm() > 0;
    });
    const auto truth = synthetic(oc, Costs{0.9, 0, 0, 0, 0, 0.3, 1.8, 7.5, 1.8}, 0.0, 21);
    const auto m = computeMetrics(trained->adapt(target(cells, truth, shots))->predictMs(cells), truth);
    qInfo("10 designed shots, %d with dead edges: graph target acc10 %.3f", static_cast<int>(dead), m.acc10);
    QVERIFY(dead >= 2);
    // Without the design's twins (kDesignTwinShare 0) this design scores 0.843.
    QVERIFY2(m.acc10 > 0.855, qPrintable(QString::number(m.acc10)));
  }

  // The design's prior over an eager-only pool: without twins the graph counts' costs barely vary
  // (the regularisation only), with them as much as the eager ones do.
  void twinsSpreadTheDesignPrior() {
    const auto oc = nb201OpCounts(everyCell());
    opcost::Prior prior;
    prior.shapes.resize(3, kNb201OpColumns);
    for (int j = 0; const auto& c : {kGpu, kCpu, kPhone}) prior.shapes.row(j++) = Eigen::Map<const Eigen::RowVectorXd>(c.data(), kNb201OpColumns) / 20.0;
    prior.weights = Eigen::VectorXd::Constant(3, 1.0 / 3);
    prior.cov = opcost::shapeCovariance(prior.shapes);
    const auto graphVariance = [&](const opcost::Prior& p) {
      return opcost::designProblem(p, oc, 0.05).priorCov.bottomRightCorner(4, 4).trace();
    };
    const double without = graphVariance(prior);
    const Eigen::VectorXd meanRow = oc.features.colwise().mean().transpose();
    prior.twins = opcost::runtimeTwins(prior.shapes, meanRow, oc.graphColumns);
    prior.kinds = opcost::kindCovariances(prior.shapes, prior.twins, meanRow, oc.graphColumns);
    prior.twinShare = 0.1;
    const double with = graphVariance(prior);
    qInfo("design prior variance on the graph counts: %.4g without twins, %.4g with", without, with);
    QVERIFY(with > 10 * without);
  }

  // The noise ceiling: ten shots of a graph-compiled device under an eager-only prior misfit it
  // badly; allowed a shot noise of 0.2 the mixture explains much of that misfit as noise, capped at
  // 0.1 it must move the costs towards the shots.
  void noiseCeilingMovesTheCosts() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    opcost::Prior prior = threeEagerDevices();
    const auto truth = synthetic(oc, kGraph, 0.0, 3);
    std::vector<Eigen::Index> shots;
    for (size_t i : draw(40, 7))
      if (!oc.degenerate[i] && shots.size() < 10) shots.push_back(static_cast<Eigen::Index>(i));
    const Eigen::MatrixXd x = oc.features(shots, Eigen::all);
    const Eigen::VectorXd t = Eigen::Map<const Eigen::VectorXd>(truth.data(), static_cast<Eigen::Index>(truth.size()))(shots);
    const auto fit = [&](double maxNoise) {
      prior.maxNoise = maxNoise;
      return opcost::fitShots(prior, x, t);
    };
    const auto misfit = [&](const opcost::Posterior& post) { return std::sqrt(((x * post.w - t).array() / t.array()).square().mean()); };
    const auto loose = fit(0.2), capped = fit(0.1);
    qInfo("rms relative misfit of the shots: %.3f with noise up to 0.2 (fitted %.3f), %.3f up to 0.1 (fitted %.3f)", misfit(loose),
          loose.noise, misfit(capped), capped.noise);
    QVERIFY(capped.noise <= 0.1 + 1e-12);
    QVERIFY(misfit(capped) < 0.8 * misfit(loose));
    prior.maxNoise = 0.1;
    QVERIFY(opcost::priorOnly(prior, 1.0).noise <= 0.1);
  }

  // The components' reach (Prior::tauScale): three designed shots of eager devices unlike the
  // pool's three are followed further with the wider reach, so their unmeasured cells come out
  // nearer; a target that is one of the pool's shapes stays about as well predicted. The design
  // plans with the taus alone, so both reaches measure the same cells.
  void reachFollowsAnUnlikeTarget() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    opcost::Prior prior = threeEagerDevices();
    prior.scaleSd = 0.1;
    const auto design = [&] { return optimalDesign(opcost::designProblem(prior, oc, 0.05), 3); };
    const auto shots = design();
    prior.tauScale = 3;
    QCOMPARE(design(), shots);
    std::vector<Eigen::Index> at(shots.begin(), shots.end());
    // Mean |relative error| over every cell of targets with these costs (2 % noise).
    const auto error = [&](const std::vector<Costs>& targets, double tauScale) {
      prior.tauScale = tauScale;
      double sum = 0;
      for (std::uint64_t seed = 0; const auto& costs : targets) {
        const auto truth = synthetic(oc, costs, 0.02, ++seed);
        const Eigen::VectorXd all = Eigen::Map<const Eigen::VectorXd>(truth.data(), static_cast<Eigen::Index>(truth.size()));
        const auto post = opcost::fitShots(prior, oc.features(at, Eigen::all), all(at));
        sum += ((oc.features * post.w).array() / all.array() - 1).abs().mean();
      }
      return sum / static_cast<double>(targets.size());
    };
    const std::vector<Costs> unlike{{5.0, -0.2, 3.6, 3.8, 1.2, 0, 0, 0, 0}, {5.0, -0.2, 1.8, 5.7, 0.1, 0, 0, 0, 0}, {2.0, 0.1, 1.0, 3.0, 3.0, 0, 0, 0, 0}};
    const double near = error(unlike, 1), far = error(unlike, 3), likeNear = error({kCpu}, 1), likeFar = error({kCpu}, 3);
    qInfo("mean |relative error|, 3 designed shots: unlike targets %.4f at reach 1, %.4f at 3; a pool shape %.4f, %.4f", near, far, likeNear,
          likeFar);
    QVERIFY(far < 0.9 * near);
    QVERIFY(likeFar < 1.5 * likeNear + 0.005);
  }

  // A pool of eager devices and one graph-compiled one: ten shots of a graph-compiled target whose costs differ
  // from that one's in proportion (conv1x1 dearer, pooling cheaper, as raspi4 to pixel3) is followed
  // by its shots under the kind covariances, where the pool's covariance holds the graph counts'
  // variance of a single device.
  void kindCovariancesFollowAGraphTarget() {
    constexpr std::uint64_t kDraws = 10;
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    // Eight eager devices, as HELP's pool has twelve to its one graph-compiled phone.
    const std::vector<Costs> devices{kGpu, kCpu, kPhone, kWideGpu, {3.0, -0.1, 1.5, 2.2, 0.2, 0, 0, 0, 0}, {7.0, -0.4, 2.6, 4.1, 0.7, 0, 0, 0, 0},
                                     {5.5, -0.2, 3.5, 3.0, 0.4, 0, 0, 0, 0}, {4.5, -0.3, 1.1, 5.5, 0.2, 0, 0, 0, 0}, kGraph};
    const auto m = static_cast<Eigen::Index>(devices.size());
    opcost::Prior prior;
    prior.shapes.resize(m, kNb201OpColumns);
    for (Eigen::Index j = 0; j < m; ++j)
      prior.shapes.row(j) = Eigen::Map<const Eigen::RowVectorXd>(devices[static_cast<size_t>(j)].data(), kNb201OpColumns) / 20.0;
    prior.weights = Eigen::VectorXd::Constant(m, 1.0 / static_cast<double>(m));
    prior.cov = opcost::shapeCovariance(prior.shapes);
    prior.wide = {0.05, 0.5};
    const Eigen::VectorXd meanRow = oc.features.colwise().mean().transpose();
    prior.twins = opcost::runtimeTwins(prior.shapes, meanRow, oc.graphColumns);
    prior.twinShare = 0.1;
    prior.kinds = opcost::kindCovariances(prior.shapes, prior.twins, meanRow, oc.graphColumns);
    QCOMPARE(prior.kinds.graphShape, (std::vector<bool>{false, false, false, false, false, false, false, false, true}));
    const auto truth = synthetic(oc, Costs{2.0, 0, 0, 0, 0, 0.2, 7.0, 10.0, 0.8}, 0.0, 5);
    const Eigen::VectorXd all = Eigen::Map<const Eigen::VectorXd>(truth.data(), static_cast<Eigen::Index>(truth.size()));
    // Held-out acc10 of ten random shots, meaned over draws (one draw can go either way).
    const auto heldOutAcc10 = [&] {
      double sum = 0;
      for (std::uint64_t seed = 1; seed <= kDraws; ++seed) {
        std::vector<Eigen::Index> shots, rest;
        for (size_t i : draw(cells.size(), seed))
          if (!oc.degenerate[i]) (shots.size() < 10 ? shots : rest).push_back(static_cast<Eigen::Index>(i));
        const auto post = opcost::fitShots(prior, oc.features(shots, Eigen::all), all(shots));
        const Eigen::ArrayXd rel = (oc.features(rest, Eigen::all) * post.w).array() / all(rest).array() - 1;
        sum += (rel.abs() <= 0.1).cast<double>().mean();
      }
      return sum / kDraws;
    };
    const double byKind = heldOutAcc10();
    prior.kinds.eager = prior.kinds.graph = prior.cov;
    const double pooled = heldOutAcc10();
    qInfo("10 shots of an unlike graph-compiled target, mean of %d draws: held-out acc10 %.3f under the kind covariances, %.3f under the pool's",
          static_cast<int>(kDraws), byKind, pooled);
    QVERIFY(byKind > pooled + 0.02);
  }

  // More shots, less uncertainty; the spread is finite and positive everywhere.
  void spreadShrinksWithShots() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    const auto p = pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}});
    const auto truth = synthetic(oc, Costs{7.0, -0.2, 2.2, 3.5, 0.4, 0, 0, 0, 0}, 0.02, 7);
    auto trained = train("opcost", p, {1, 1});
    auto meanSpread = [&](size_t k) {
      std::vector<double> spread;
      trained->adapt(target(cells, truth, draw(k, 3)))->predictMs(cells, &spread);
      double sum = 0;
      for (double s : spread) {
        if (!(s > 0) || !std::isfinite(s)) return -1.0;
        sum += s;
      }
      return sum / static_cast<double>(spread.size());
    };
    const double zero = meanSpread(0), three = meanSpread(3), fifty = meanSpread(50);
    qInfo("mean spread: 0 shots %.4f, 3 shots %.4f, 50 shots %.4f", zero, three, fifty);
    QVERIFY(zero > 0 && three > 0 && fifty > 0);
    QVERIFY(fifty < three);
    QVERIFY(three < zero);
  }

  // Training polls for a cancel inside its cross-validation, not only between stages: refusing the
  // first report from there ends training as cancelled, having started no further pool device.
  void cancelStopsTheCrossValidation() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    const auto p = pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}, {"wide", kWideGpu}});
    int crossValidated = 0;
    const auto kind = testing::errorOf([&] {
      train("opcost", p, {1, 1}, [&](double, const std::string& stage) {
        if (stage.find("cross-validating") == std::string::npos) return true;
        ++crossValidated;
        return false;
      });
    });
    QCOMPARE(kind, ErrorKind::Cancelled);
    QCOMPARE(crossValidated, 1); // one thread: the refusal came after the first of the 4 devices
  }

  // Degenerate cells: a measured one decides whether the device folds them; without one the pool
  // devices vote by posterior weight.
  void degenerateCellsFold() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    const auto p = pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"graph", kGraph}, {"graph2", kGraph2}}, 0.01);
    size_t degenerate = 0;
    while (!oc.degenerate[degenerate]) ++degenerate;
    auto trained = train("opcost", p, {1, 1});

    const auto folding = synthetic(oc, Costs{0.7, 0, 0, 0, 0, 0.4, 2.0, 8.0, 1.9}, 0.0, 11, 0.02);
    auto shots = draw(10, 8);
    shots.push_back(degenerate);
    auto predicted = trained->adapt(target(cells, folding, shots))->predictMs(cells);
    size_t other = degenerate + 1;
    while (!oc.degenerate[other]) ++other;
    QVERIFY2(std::abs(predicted[other] - 0.02) < 1e-9, qPrintable(QString::number(predicted[other])));
    // Same device, no degenerate shot: the graph devices that explain the shots fold, so it folds too.
    predicted = trained->adapt(target(cells, folding, draw(10, 8)))->predictMs(cells);
    QVERIFY(predicted[other] < 0.05);

    const auto eager = synthetic(oc, kCpu, 0.0, 12);
    predicted = trained->adapt(target(cells, eager, shots))->predictMs(cells);
    QVERIFY(std::abs(predicted[other] - eager[other]) < 0.02 * eager[other]);
  }

  // Every architecture as a shot (the model's ceiling): the evidence stays finite and the fit exact.
  void everyArchitectureAsAShot() {
    const auto cells = everyCell();
    const auto oc = nb201OpCounts(cells);
    const auto p = pool(cells, oc, {{"gpu", kGpu}, {"cpu", kCpu}, {"phone", kPhone}});
    const auto truth = synthetic(oc, Costs{3.0, -0.1, 1.0, 4.0, 1.0, 0, 0, 0, 0}, 0.0, 13);
    std::vector<size_t> all(cells.size());
    for (size_t i = 0; i < all.size(); ++i) all[i] = i;
    const auto m = computeMetrics(train("opcost", p, {1, 1})->adapt(target(cells, truth, all))->predictMs(cells), truth);
    QVERIFY2(m.acc1 > 0.999, qPrintable(QString::number(m.acc1)));
  }

  // The Woodbury form of the shot posterior (few shots, many costs) equals the information form.
  void posteriorFormsAgree() {
    std::mt19937_64 rng(5);
    std::normal_distribution<double> n(0, 1);
    const Eigen::Index p = 24, k = 4;
    auto random = [&](Eigen::Index r, Eigen::Index c) { return Eigen::MatrixXd(Eigen::MatrixXd::NullaryExpr(r, c, [&] { return n(rng); })); };
    const Eigen::MatrixXd root = random(p, p);
    const Eigen::MatrixXd s0 = root * root.transpose() / static_cast<double>(p) + 0.01 * Eigen::MatrixXd::Identity(p, p);
    const Eigen::VectorXd m0 = random(p, 1), b = random(k, 1);
    const Eigen::MatrixXd a = random(k, p);
    const auto info = opcost::gaussianPosterior(m0, s0, a, b, opcost::PosteriorForm::Information);
    const auto low = opcost::gaussianPosterior(m0, s0, a, b, opcost::PosteriorForm::LowRank);
    QVERIFY((info.w - low.w).norm() <= 1e-8 * info.w.norm());
    QVERIFY((info.covariance - low.covariance).norm() <= 1e-8 * info.covariance.norm());
    QVERIFY(std::abs(info.logEvidence - low.logEvidence) <= 1e-8 * std::abs(info.logEvidence));
  }

  // The design's Woodbury scores pick what the full P x P posterior picks.
  void designFormsAgree() {
    std::mt19937_64 rng(7);
    std::normal_distribution<double> n(0, 1);
    DesignProblem d;
    d.jacobian = Eigen::MatrixXd::NullaryExpr(300, 40, [&] { return n(rng); });
    const Eigen::MatrixXd root = Eigen::MatrixXd::NullaryExpr(40, 40, [&] { return n(rng); });
    d.priorCov = root * root.transpose() / 40.0 + 0.01 * Eigen::MatrixXd::Identity(40, 40);
    for (size_t k : {1, 3, 10}) {
      const auto full = optimalDesign(d, k, DesignForm::Full);
      QCOMPARE(optimalDesign(d, k, DesignForm::LowRank), full);
      QCOMPARE(optimalDesign(d, k), full);
    }
  }

  // The public data set's unseen devices that are additive in their operations (a GPU at batch
  // 256, the two simulated accelerators) from HELP's ten reference architectures.
  void publicDataUnseenDevices() {
    if (!testing::haveDataSet()) QSKIP("the data set is not at ../shared/data/help-nb201");
    const PublicPool pub;
    const auto& p = pub.pool;
    auto trained = train("opcost", p, {1, 1});
    for (const std::string name : {"titan_rtx_256", "fpga", "eyeriss"}) {
      const auto truth = pub.column(name);
      Target t;
      t.device = name;
      t.descriptor = pub.refDescriptor(truth, name);
      for (const auto& ref : p.architectures.space->referenceArchitectures())
        for (size_t r = 0; r < pub.table.cells.size(); ++r)
          if (nb201::toString(pub.table.cells[r]) == ref) t.shots.push_back({searchspace::genotypeOf(pub.table.cells[r]), truth[r]});
      const auto m = computeMetrics(trained->adapt(t)->predictMs(p.architectures), truth);
      qInfo("%s: acc10 %.3f spearman %.4f", name.c_str(), m.acc10, m.spearman);
      QVERIFY2(m.acc10 > 0.95, name.c_str());
      QVERIFY2(m.spearman > 0.98, name.c_str());
    }
  }

  // The scale's spread (Prior::scaleSd): raspi4 from HELP's pool with 3 to 10 designed shots. Some
  // designs hold mostly cheap cells, and a scale fixed at the shots' median ratio then follows
  // those (0.29 acc10 at 5 shots, against 0.6 to 0.7 at the others, when this was written); with
  // the spread the cross-validation chose, no shot count falls that low. The same predictor with
  // scale_sd 0 in its state (as a file from before it) is the reference.
  void publicDataScaleSpread() {
    if (!testing::haveDataSet()) QSKIP("the data set is not at ../shared/data/help-nb201");
    const PublicPool pub;
    const auto& cells = pub.pool.architectures;
    auto trained = train("opcost", pub.pool, {1, 1});
    const auto state = trained->state();
    const double sd = state.meta.at("cross_validated").at("scale_sd").get<double>();
    QVERIFY2(sd == 0.1 || sd == 0.25, state.meta.at("cross_validated").dump().c_str());
    auto fixedScale = state;
    fixedScale.meta["cross_validated"]["scale_sd"] = 0.0;
    const auto without = restore(fixedScale);
    const auto truth = pub.column("raspi4");
    double worst = 1, worstWithout = 1;
    for (size_t k : {3, 4, 5, 6, 10}) {
      const auto picks = trained->designShots(cells, k);
      QCOMPARE(without->designShots(cells, k), picks);
      Target t;
      t.device = "raspi4";
      std::map<std::string, double> measured;
      for (size_t i : picks) {
        t.shots.push_back({cells.genotypes[i], truth[i]});
        measured[cells.space->format(cells.genotypes[i])] = truth[i];
      }
      t.descriptor = descriptor::referenceLatencyFromShots(*cells.space, measured);
      const double with = computeMetrics(trained->adapt(t)->predictMs(cells), truth).acc10;
      const double fixed = computeMetrics(without->adapt(t)->predictMs(cells), truth).acc10;
      qInfo("raspi4, %zu designed shots: acc10 %.3f with scale sd %.2f, %.3f with none", k, with, sd, fixed);
      worst = std::min(worst, with);
      worstWithout = std::min(worstWithout, fixed);
    }
    QVERIFY(worst > 0.5);
    QVERIFY(worst > worstWithout + 0.1);
  }

private:
  // HELP's 13 training devices from the public data set, with reference-latency descriptors.
  struct PublicPool {
    dataset::LatencyTable table = dataset::readLatencyTable(testing::dataDir() + "/nb201_latency_ms.csv");
    TrainingPool pool;
    PublicPool() {
      pool.descriptorKind = descriptor::kReferenceLatency;
      pool.architectures = searchspace::nb201Set(table.cells);
      for (const std::string name : {"1080ti_1", "1080ti_32", "1080ti_256", "silver_4114", "silver_4210r", "samsung_a50", "pixel3",
                                     "essential_ph_1", "samsung_s7", "titanx_1", "titanx_32", "titanx_256", "gold_6240"}) {
        pool.devices.push_back(name);
        pool.latencyMs.push_back(column(name));
        pool.descriptors.push_back(refDescriptor(pool.latencyMs.back(), name));
      }
    }
    std::vector<double> column(const std::string& name) const {
      const size_t nd = table.devices.size();
      const size_t d = static_cast<size_t>(std::find(table.devices.begin(), table.devices.end(), name) - table.devices.begin());
      std::vector<double> ms(table.cells.size());
      for (size_t r = 0; r < ms.size(); ++r) ms[r] = table.ms[r * nd + d];
      return ms;
    }
    descriptor::Descriptor refDescriptor(const std::vector<double>& ms, const std::string& name) const {
      const auto refs = pool.architectures.space->referenceArchitectures();
      std::map<std::string, double> byRef;
      for (size_t r = 0; r < table.cells.size(); ++r)
        if (const auto s = nb201::toString(table.cells[r]); std::find(refs.begin(), refs.end(), s) != refs.end()) byRef[s] = ms[r];
      return descriptor::referenceLatencyDescriptor(*pool.architectures.space, byRef, name);
    }
  };
};

QTEST_GUILESS_MAIN(TestOpCost)
#include "test_opcost.moc"
