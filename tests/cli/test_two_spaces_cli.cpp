// A project holding NAS-Bench-201 and FBNet: every NAS-Bench-201 command (--space nb201) gives what
// it gives on a project with NAS-Bench-201 alone, FBNet's devices (one of them FBNet's only) are
// never taken into its pools, a command without --space names both spaces, and info / devices
// count each space. Synthetic tables: no data set needed.
#include "../core/fbnet_table.hpp"
#include "../core/test_support.hpp"
#include "additive_table.hpp"
#include "cli_runner.hpp"
#include "searchspace/nb201.hpp"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using maple::testing::CliResult;
using maple::testing::json;
using maple::testing::runCli;
namespace nb201 = maple::nb201;

class TestTwoSpacesCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path(const QString& name) { return dir_.filePath(name); }
  QString one() { return path("one.maple"); }  // NAS-Bench-201 alone
  QString both() { return path("both.maple"); } // NAS-Bench-201, then FBNet

  CliResult ok(const QStringList& args) {
    auto r = runCli(args);
    if (r.exitCode != 0) qWarning() << args << "->" << r.exitCode << r.err;
    return r;
  }

  // The same command on both projects (--space nb201: the one-space project needs none, the
  // two-space one must say): the same output, the project's name aside.
  void sameOnBoth(QStringList args) {
    args << "--space" << "nb201";
    const auto at = args.indexOf("PROJECT");
    args[at] = one();
    const auto a = ok(args);
    args[at] = both();
    const auto b = ok(args);
    QCOMPARE(a.exitCode, 0);
    QCOMPARE(b.exitCode, 0);
    QCOMPARE(QString(b.out).replace(both(), one()), a.out);
  }

private slots:
  void initTestCase() {
    maple::testing::writeFile(path("nb201_latency_ms.csv"), maple::testing::additiveTable(200, 71, 3));
    QDir().mkpath(path("fbnet"));
    // devA is in both tables; fbonly (like 1080ti_64 in the published ones) has FBNet latencies only.
    maple::testing::writeFile(path("fbnet/fbnet_latency_ms.csv"),
                              maple::testing::syntheticFbnetTable({"devA", "devB", "fbonly"}, 50));
    for (const auto& p : {one(), both()}) {
      QCOMPARE(ok({"new", p}).exitCode, 0);
      QCOMPARE(ok({"import", "--project", p, path("nb201_latency_ms.csv")}).exitCode, 0);
    }
    const auto fb = ok({"import", "--project", both(), path("fbnet"), "--format", "help-fbnet", "--json"});
    QCOMPARE(fb.exitCode, 0);
    QCOMPARE(json(fb)["samples_added"].toInt(), 150);
    QCOMPARE(json(fb)["devices"].toInt(), 3);
  }

  void reimportAddsNothing() {
    const auto again = ok({"import", "--project", both(), path("fbnet/fbnet_latency_ms.csv"), "--format", "help-fbnet", "--json"});
    QCOMPARE(again.exitCode, 0);
    QCOMPARE(json(again)["samples_added"].toInt(), 0);
    QCOMPARE(json(again)["samples_existing"].toInt(), 150);
    const auto bad = runCli({"import", "--project", both(), path("fbnet"), "--format", "help-ofa"});
    QCOMPARE(bad.exitCode, 1); // a usage error
    QVERIFY2(bad.err.contains("help-fbnet"), qPrintable(bad.err));
  }

  void infoAndDevicesCountEachSpace() {
    const auto info = json(ok({"info", "--project", both(), "--json"}));
    QCOMPARE(info["architectures"].toInt(), 260);
    const auto spaces = info["spaces"].toObject();
    QCOMPARE(spaces["nb201"].toObject()["architectures"].toInt(), 210);
    QCOMPARE(spaces["nb201"].toObject()["latency_samples"].toInt(), 840);
    QCOMPARE(spaces["fbnet"].toObject()["architectures"].toInt(), 50);
    QCOMPARE(spaces["fbnet"].toObject()["latency_samples"].toInt(), 150);
    const auto text = ok({"info", "--project", both()}).out;
    QVERIFY2(text.contains("fbnet") && text.contains("50 architectures, 150 latency samples"), qPrintable(text));

    QMap<QString, QJsonObject> byName;
    for (const auto& d : json(ok({"devices", "--project", both(), "--json"}))["devices"].toArray())
      byName[d.toObject()["name"].toString()] = d.toObject()["spaces"].toObject();
    QCOMPARE(byName.size(), 5);
    QCOMPARE(byName["devA"]["nb201"].toObject()["architectures"].toInt(), 210);
    QCOMPARE(byName["devA"]["fbnet"].toObject()["architectures"].toInt(), 50);
    QVERIFY(!byName["fbonly"].contains("nb201"));
    QCOMPARE(byName["fbonly"]["fbnet"].toObject()["latency_samples"].toInt(), 50);
    QVERIFY(!byName["devC"].contains("fbnet"));
  }

  void nb201CommandsAreUnchanged() {
    sameOnBoth({"eval", "--project", "PROJECT", "--train-devices", "devA,devB,devC", "--test-devices", "devD", "--json"});
    // Without --train-devices adapt trains on every device with NAS-Bench-201 latencies: not fbonly.
    sameOnBoth({"adapt", "--project", "PROJECT", "--device", "devD", "--shots", "10", "--json"});
    sameOnBoth({"train", "--project", "PROJECT", "--train-devices", "devA,devB,devC", "--json", "--force", "--out",
                path("pool.maplepred")});
  }

  void withoutSpaceTheCommandNamesBoth() {
    for (const QStringList& args : {QStringList{"adapt", "--project", both(), "--device", "devD"},
                                    QStringList{"eval", "--project", both(), "--train-devices", "devA,devB", "--test-devices", "devD"},
                                    QStringList{"select", "--project", both(), "--shot-policy", "random"},
                                    QStringList{"train", "--project", both(), "--train-devices", "devA,devB", "--out", path("x.maplepred")}}) {
      const auto r = runCli(args);
      QCOMPARE(r.exitCode, 1);
      QVERIFY2(r.err.contains("(fbnet, nb201)") && r.err.contains("--space fbnet"), qPrintable(r.err));
    }
    const auto unknown = runCli({"adapt", "--project", both(), "--device", "devD", "--space", "ofa"});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("unknown search space 'ofa'"), qPrintable(unknown.err));
  }

  void predictOnTheTwoSpaceProject() {
    QCOMPARE(ok({"adapt", "--project", both(), "--space", "nb201", "--device", "devD", "--shots", "10", "--out",
                 path("d.maplepred")}).exitCode, 0);
    const auto all = ok({"predict", "--predictor", path("d.maplepred"), "--project", both(), "--device", "devD", "--all",
                         "--csv"});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.out.count('\n'), nb201::kSpaceSize + 1); // a header and every NAS-Bench-201 architecture
    const auto fbonly = runCli({"adapt", "--project", both(), "--space", "nb201", "--device", "fbonly", "--shots", "10"});
    QVERIFY2(fbonly.exitCode != 0, qPrintable(fbonly.out));
    QVERIFY2(!fbonly.err.isEmpty(), "refused without a reason");
  }
};

QTEST_GUILESS_MAIN(TestTwoSpacesCli)
#include "test_two_spaces_cli.moc"
