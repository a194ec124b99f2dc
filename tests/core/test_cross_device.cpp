// Cross-device evaluation stores each run as an evaluation: the row, every point and the folds in
// one transaction, reloading as the same points; a failed or cancelled run stores nothing.
#include "../widgets/small_project.hpp"
#include "common/error.hpp"
#include "services/evaluations.hpp"
#include "points_support.hpp"
#include "store/evaluations.hpp"
#include "test_support.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

using namespace maple;

class TestCrossDevice : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString project_;

  static services::CrossDeviceRequest options() {
    services::CrossDeviceRequest o;
    o.shots = 5;
    o.folds = 2;
    return o;
  }

private slots:
  void initTestCase() { project_ = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("cross"), 4, 60); }

  void runIsStoredAndReloadsAsTheSamePoints() {
    auto p = store::Project::open(project_.toStdString());
    const auto run = services::crossDeviceEvaluation(p, options());
    // 4 devices x 60 architectures, each device a test device once.
    QCOMPARE(run.points.size(), size_t{240});
    const auto shots = std::count(run.points.isShot.begin(), run.points.isShot.end(), std::uint8_t{1});
    QCOMPARE(shots, 4L * 5); // 5 shots on each test device
    QVERIFY2(run.points.label.ends_with("(evaluation " + std::to_string(run.evaluationId) + ")"), run.points.label.c_str());

    const auto rows = store::listEvaluationRows(p);
    QCOMPARE(rows.size(), size_t{1});
    QCOMPARE(rows[0].id, run.evaluationId);
    QCOMPARE(rows[0].method, predict::defaultMethod());
    QCOMPARE(rows[0].descriptorKind, std::string("reference-latency"));
    QCOMPARE(rows[0].shots, 5);
    const auto metrics = nlohmann::json::parse(rows[0].metricsJson);
    QCOMPARE(metrics.at("devices").size(), size_t{4}); // every device was a test device once
    QCOMPARE(metrics.at("folds").size(), size_t{2});
    for (const auto& fold : metrics.at("folds"))
      for (const auto& test : fold.at("test"))
        for (const auto& train : fold.at("train")) QVERIFY(test != train);
    // The stored mean acc10 agrees with the share of test points within 10 %, counted here from
    // the points themselves (every device has the same number of test points).
    long within = 0, tests = 0;
    for (size_t i = 0; i < run.points.size(); ++i) {
      if (run.points.isShot[i]) continue;
      ++tests;
      if (std::abs(run.points.relativeError(i)) <= 0.10) ++within;
    }
    QCOMPARE(tests, 240L - 20);
    QVERIFY(std::abs(metrics.at("mean").at("acc10").get<double>() - static_cast<double>(within) / tests) < 1e-3);

    const auto back = evaluation::loadEvaluation(p, run.evaluationId);
    QCOMPARE(back.size(), run.points.size());
    QVERIFY(testing::pointSet(back) == testing::pointSet(run.points));
  }

  void failedOrCancelledRunsStoreNothing() {
    auto p = store::Project::open(project_.toStdString());
    const auto before = store::listEvaluationRows(p).size();
    auto o = options();
    o.folds = 9;
    // 4 devices into 9 folds: 4 chips, dev0..dev3 share none.
    MAPLE_VERIFY_ERROR(services::crossDeviceEvaluation(p, o), ErrorKind::Usage, "use at most 4");
    // Cancelled in the second fold, after the first fold's predictions were made.
    MAPLE_VERIFY_ERROR(services::crossDeviceEvaluation(p, options(), [](double f, const std::string&) { return f < 0.75; }),
                       ErrorKind::Cancelled, "");
    // Cancelled at 100 %, right before the write: still nothing stored.
    MAPLE_VERIFY_ERROR(services::crossDeviceEvaluation(p, options(), [](double f, const std::string&) { return f < 1.0; }),
                       ErrorKind::Cancelled, "");
    QCOMPARE(store::listEvaluationRows(p).size(), before);
  }

  // 1080ti_1 / _32 / _256 are one chip: no fold trains on a sibling of a device it tests.
  void sameChipDevicesShareAFold() {
    const QStringList names{"gpu_1", "gpu_32", "gpu_256", "cpuA", "cpuB", "phone"};
    const auto path = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("chips"), 6, 40, names);
    auto p = store::Project::open(path.toStdString());
    const auto folds = services::chipFolds(p, {"cpuA", "cpuB", "gpu_1", "gpu_256", "gpu_32", "phone"}, 2);
    QCOMPARE(folds.size(), size_t{2});
    QCOMPARE(folds[0], (std::vector<std::string>{"gpu_1", "gpu_256", "gpu_32"})); // the largest chip first
    QCOMPARE(folds[1], (std::vector<std::string>{"cpuA", "cpuB", "phone"}));
    MAPLE_VERIFY_ERROR(services::chipFolds(p, {"gpu_1", "gpu_32", "gpu_256"}, 2), ErrorKind::Usage, "1 chips");
    auto o = options();
    o.folds = 3;
    o.name = "chips kept whole";
    const auto run = services::crossDeviceEvaluation(p, o);
    for (const auto& fold : run.folds) {
      const bool gpu = fold.front().rfind("gpu_", 0) == 0;
      for (const auto& d : fold) QCOMPARE(d.rfind("gpu_", 0) == 0, gpu);
    }
    const auto list = services::listEvaluations(p);
    QCOMPARE(list.front().name, std::string("chips kept whole"));
    QCOMPARE(list.front().points, static_cast<long>(run.points.size()));
  }

  void evaluationsAreRenamedAndDeleted() {
    auto p = store::Project::open(project_.toStdString());
    const auto id = services::crossDeviceEvaluation(p, options()).evaluationId;
    services::renameEvaluation(p, id, "  baseline  ");
    QCOMPARE(store::findEvaluation(p, id)->name, std::string("baseline"));
    QVERIFY(services::loadEvaluation(p, id).label.starts_with("baseline: "));
    MAPLE_VERIFY_ERROR(services::renameEvaluation(p, id, " "), ErrorKind::Usage, ""); // an empty name
    services::deleteEvaluation(p, id);
    QVERIFY(!store::findEvaluation(p, id));
    QCOMPARE(store::countEvaluationPredictions(p, id), 0L);
    for (auto call : {+[](store::Project& q, std::int64_t i) { services::deleteEvaluation(q, i); },
                      +[](store::Project& q, std::int64_t i) { services::renameEvaluation(q, i, "x"); }})
      MAPLE_VERIFY_ERROR(call(p, id), ErrorKind::BadInput, ""); // an unknown evaluation
  }
};

QTEST_GUILESS_MAIN(TestCrossDevice)
#include "test_cross_device.moc"
