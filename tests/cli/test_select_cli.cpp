// `maple select` as users run it: the real binary on a small imported project.
#include "../widgets/small_project.hpp"
#include "cli_runner.hpp"
#include "searchspace/nb201.hpp"
#include "searchspace/space.hpp"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using maple::testing::runCli;

class TestSelectCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString project_;

private slots:
  void initTestCase() {
    QDir(dir_.path()).mkpath("data");
    QFile f(dir_.filePath("data/nb201_latency_ms.csv"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray text = "idx,arch_str,devA\n";
    // Row 9 is HELP's reference of index 9 (the fourth reference); the others are codes i * 389.
    const auto reference9 = maple::searchspace::nb201Space().referenceArchitectures()[3];
    for (int i = 0; i < 40; ++i)
      text += QByteArray::number(i) + "," +
              QByteArray::fromStdString(i == 9 ? reference9 : maple::nb201::toString(maple::nb201::cellFromCode(i * 389))) + "," +
              QByteArray::number(1.0 + i) + "\n";
    f.write(text);
    f.close();
    project_ = dir_.filePath("p.maple");
    QCOMPARE(runCli({"new", project_}).exitCode, 0);
    QCOMPARE(runCli({"import", "--project", project_, dir_.filePath("data")}).exitCode, 0);
  }

  void selectsAndPrintsTheMeasureCommand() {
    const auto r = runCli({"select", "--project", project_, "--strategy", "max-min", "--count", "5"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(r.out.contains("selected 5 of 40 candidates with max-min"));
    QVERIFY(r.out.contains("maple measure --project"));
  }

  void jsonAndFlopsFilter() {
    const auto r = runCli({"select", "--project", project_, "--shot-policy", "random", "--count", "3", "--max-mflops", "100", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    const auto picks = doc["selected"].toArray();
    QCOMPARE(picks.size(), 3);
    for (const auto& p : picks) QVERIFY(p.toObject()["mflops"].toDouble() <= 100);
  }

  void badRequestsExitWithUsage() {
    auto r = runCli({"select", "--project", project_, "--strategy", "best"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("unknown strategy 'best'"), qPrintable(r.err));
    r = runCli({"select", "--project", project_, "--strategy", "most-uncertain"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("--device"), qPrintable(r.err));
    r = runCli({"select", "--project", project_, "--count", "41"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("cannot choose 41"), qPrintable(r.err));
    r = runCli({"select", "--project", project_, "--shot-policy", "best"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("unknown shot policy 'best'"), qPrintable(r.err));
    r = runCli({"select", "--project", project_, "--shot-policy", "random", "--strategy", "max-min"});
    QCOMPARE(r.exitCode, 1);
  }

  // The default policy designs from a pool of other devices; one device is no pool.
  void designNeedsAPool() {
    const auto r = runCli({"select", "--project", project_, "--count", "3"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("needs a pool of at least 2 devices"), qPrintable(r.err));
  }

  // reference picks HELP's reference architectures that are candidates, in HELP's order: of the 40
  // imported (codes i * 389), index 9 is the only one of the ten, then seeded random picks.
  void referencePolicyTakesTheReferencesFirst() {
    const auto r = runCli({"select", "--project", project_, "--shot-policy", "reference", "--count", "4", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto doc = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(doc["shot_policy"].toString(), QString("reference"));
    QVERIFY(doc["deterministic"].toBool());
    const auto picks = doc["selected"].toArray();
    QCOMPARE(picks.size(), 4);
    QCOMPARE(picks[0].toObject()["arch_index"].toInt(), 9);
  }

  // A device measured only on non-reference architectures has no reference-latency descriptor:
  // it is left out of the uncertainty model's pool instead of failing it for every target.
  void mostUncertainIgnoresDevicesWithoutReferences() {
    QDir dir(dir_.path());
    const auto p = maple::testing::makeSmallProject(dir, "uncertain", 4, 60);
    dir.mkpath("partial");
    QFile f(dir_.filePath("partial/nb201_latency_ms.csv"));
    QVERIFY(f.open(QIODevice::WriteOnly));
    QByteArray text = "idx,arch_str,partial\n";
    for (int a = 20; a < 30; ++a)
      text += QByteArray::number(100 + a) + "," +
              QByteArray::fromStdString(maple::nb201::toString(maple::nb201::cellFromCode((a * 7919) % maple::nb201::kSpaceSize))) +
              ",2.5\n";
    f.write(text);
    f.close();
    QCOMPARE(runCli({"import", "--project", p, dir_.filePath("partial")}).exitCode, 0);
    for (const char* device : {"dev0", "dev3"}) {
      const auto r = runCli({"select", "--project", p, "--strategy", "most-uncertain", "--device", device, "--count", "3", "--json"});
      QVERIFY2(r.exitCode == 0, qPrintable(r.err));
      QCOMPARE(QJsonDocument::fromJson(r.out.toUtf8()).object()["selected"].toArray().size(), 3);
    }
  }
};

QTEST_GUILESS_MAIN(TestSelectCli)
#include "test_select_cli.moc"
