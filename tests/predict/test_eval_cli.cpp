// `maple eval` as users run it: JSON shape, stored evaluations, exit codes for bad input.
#include "../cli/cli_runner.hpp"
#include "../core/test_support.hpp"
#include "common/error.hpp"
#include "evaluation/project_pool.hpp"
#include "store/evaluations.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using maple::testing::runCli;

class TestEvalCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString project_;

  // The imported data set, made on first use in this process: each test function sets up what it
  // needs, whatever ran before it, and the ones that need no data never import it.
  const QString& imported() {
    if (project_.isEmpty()) {
      project_ = dir_.filePath("p.maple");
      if (runCli({"new", project_}).exitCode != 0 ||
          runCli({"import", "--project", project_, QString::fromStdString(maple::testing::dataDir())}).exitCode != 0)
        qFatal("cannot import the data set into %s", qPrintable(project_));
    }
    return project_;
  }

  QStringList evalArgs(const QString& project, const QStringList& extra) const {
    return QStringList{"eval", "--project", project, "--train-devices", "1080ti_1,silver_4114,pixel3,titanx_256",
                       "--test-devices", "gold_6226,raspi4", "--seeds", "2", "--threads", "2"} +
           extra;
  }

private slots:
  void help() {
    const auto r = runCli({"eval", "--help"});
    QCOMPARE(r.exitCode, 0);
    for (const char* opt : {"--train-devices", "--test-devices", "--shots", "--seeds", "--method", "--descriptor",
                            "--protocol", "--json", "lowrank", "maple-x", "--shot-policy", "design"})
      QVERIFY2(r.out.contains(opt), opt);
  }

  void jsonShapeAndStorage() {
    MAPLE_REQUIRE_DATA_SET();
    const auto r = runCli(evalArgs(imported(), {"--shots", "3,10", "--method", "ridge", "--protocol", "help", "--json"}));
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto j = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(j["method"].toString(), QString("ridge"));
    QCOMPARE(j["descriptor"].toString(), QString("reference-latency"));
    QCOMPARE(j["protocol"].toString(), QString("help"));
    QCOMPARE(j["shot_policy"].toString(), QString("design")); // the default, deterministic
    QVERIFY(j["deterministic"].toBool());
    const auto results = j["results"].toArray();
    QCOMPARE(results.size(), 2);
    QCOMPARE(results[0].toObject()["shots"].toInt(), 3);
    QCOMPARE(results[1].toObject()["shots"].toInt(), 10);
    for (const auto& res : results) {
      const auto devices = res.toObject()["devices"].toObject();
      QCOMPARE(devices.keys(), (QStringList{"gold_6226", "raspi4"}));
      for (const auto& m : {devices["gold_6226"].toObject(), res.toObject()["mean"].toObject()})
        for (const char* key : {"acc1", "acc5", "acc10", "rmse_ms", "mape", "spearman", "kendall"})
          QVERIFY2(m.contains(key) && m[key].isDouble(), key);
    }
    // One evaluation per shot count and seed; the first seed's predictions kept, shots marked.
    auto project = maple::store::Project::open(imported().toStdString());
    const auto evals = maple::store::listEvaluationRows(project);
    QCOMPARE(evals.size(), size_t(4));
    size_t withPredictions = 0;
    for (const auto& e : evals) {
      const auto preds = maple::store::loadEvaluationPredictions(project, e.id);
      if (preds.empty()) continue;
      ++withPredictions;
      QCOMPARE(preds.size(), size_t(2 * 800));
      const auto shots = std::count_if(preds.begin(), preds.end(), [](const auto& p) { return p.isShot; });
      QVERIFY(shots <= 2 * e.shots);
    }
    QCOMPARE(withPredictions, size_t(2));
  }

  // The pool the workbench and the predictor file train on, read from the project.
  void trainingPoolFromProject() {
    MAPLE_REQUIRE_DATA_SET();
    auto project = maple::store::Project::open(imported().toStdString());
    const auto pool = maple::evaluation::loadTrainingPool(project, maple::searchspace::nb201Space(), {"1080ti_1", "pixel3"}, "reference-latency");
    QCOMPARE(pool.architectures.size(), size_t(15625));
    QCOMPARE(pool.latencyMs.size(), size_t(2));
    QCOMPARE(pool.descriptors[0].values.size(), size_t(10));
    QCOMPARE(pool.descriptors[0].shotsUsed, 10);
    const auto specs = maple::evaluation::loadTrainingPool(project, maple::searchspace::nb201Space(), {"raspi4"}, "specs");
    QVERIFY(!specs.descriptors[0].values.empty());
    std::string message;
    auto kindOf = [&](const std::string& kind) {
      try {
        maple::evaluation::loadTrainingPool(project, maple::searchspace::nb201Space(), {"1080ti_1"}, kind);
      } catch (const maple::Error& e) {
        message = e.what();
        return e.kind();
      }
      return static_cast<maple::ErrorKind>(-1);
    };
    QCOMPARE(kindOf("counters"), maple::ErrorKind::BadInput); // the data set's devices were never captured
    QVERIFY2(message.find("1080ti_1") != std::string::npos && message.find("counters") != std::string::npos, message.c_str());
    QCOMPARE(kindOf("nope"), maple::ErrorKind::Usage);
    QVERIFY2(message.find("nope") != std::string::npos, message.c_str());
  }

  // Refused before any data is read: these need no data set.
  void badInputs() {
    const auto empty = dir_.filePath("empty.maple");
    QCOMPARE(runCli({"new", empty}).exitCode, 0);
    auto unknownMethod = runCli(evalArgs(empty, {"--method", "nope"}));
    QCOMPARE(unknownMethod.exitCode, 1);
    QVERIFY(unknownMethod.err.contains("lowrank"));
    QCOMPARE(runCli(evalArgs(empty, {"--protocol", "nope"})).exitCode, 1);
    QCOMPARE(runCli(evalArgs(empty, {"--shots", "x"})).exitCode, 1);
    QCOMPARE(runCli(evalArgs(empty, {"--threads", "100000"})).exitCode, 1);
    auto twice = runCli({"eval", "--project", empty, "--train-devices", "a,a", "--test-devices", "b"});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains("'a' twice"), qPrintable(twice.err));
    auto unknownDevice = runCli({"eval", "--project", empty, "--train-devices", "nope", "--test-devices", "raspi4"});
    QCOMPARE(unknownDevice.exitCode, 2);
    QVERIFY(unknownDevice.err.contains("nope"));
    const auto policy = runCli(evalArgs(empty, {"--shot-policy", "nope"}));
    QCOMPARE(policy.exitCode, 1);
    QVERIFY(policy.err.contains("random, reference or design"));
    QCOMPARE(runCli({"eval", "--project", dir_.filePath("missing.maple"), "--train-devices", "a", "--test-devices", "b"}).exitCode, 2);
  }

  // Refusals that depend on what the data set holds.
  void badInputsOnTheDataSet() {
    MAPLE_REQUIRE_DATA_SET();
    auto unknownKind = runCli(evalArgs(imported(), {"--descriptor", "nope"}));
    QCOMPARE(unknownKind.exitCode, 1);
    auto noCounters = runCli(evalArgs(imported(), {"--descriptor", "counters"}));
    QCOMPARE(noCounters.exitCode, 2);
    QVERIFY(noCounters.err.contains("counters"));
    auto tooMany = runCli(evalArgs(imported(), {"--shots", "99999"}));
    QCOMPARE(tooMany.exitCode, 1);
  }
};

QTEST_GUILESS_MAIN(TestEvalCli)
#include "test_eval_cli.moc"
