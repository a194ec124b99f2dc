// The `maple` command as users run it: exit codes, messages, JSON, and an import killed mid-way.
#include "../core/fbnet_table.hpp"
#include "../core/test_support.hpp"
#include "cli_runner.hpp"
#include "small_table.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using maple::testing::CliResult;
using maple::testing::kSmallTable;
using maple::testing::runCli;

class TestCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  QString path(const QString& name) { return dir_.filePath(name); }

  static QJsonObject json(const CliResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

  // Runs the import_and_hang helper with `args` until it says `paused` (mid-transaction), then
  // SIGKILLs it: no chance to clean up. False (with the helper's output) when it never paused.
  static bool importKilledAt(const QStringList& args, const QString& paused) {
    QProcess child;
    child.start(QStringLiteral(MAPLE_IMPORT_AND_HANG), args);
    if (!child.waitForStarted()) return false;
    QString err;
    QElapsedTimer t;
    t.start();
    while (!err.contains(paused) && t.elapsed() < 60000) {
      child.waitForReadyRead(200);
      err += QString::fromUtf8(child.readAllStandardError());
    }
    const bool running = child.state() == QProcess::Running;
    child.kill();
    child.waitForFinished();
    if (!err.contains(paused) || !running) qWarning() << "import_and_hang:" << err;
    return err.contains(paused) && running;
  }

private slots:
  void helpAndUsage() {
    auto help = runCli({"--help"});
    QCOMPARE(help.exitCode, 0);
    for (const char* cmd : {"new", "import", "devices", "info"}) QVERIFY2(help.out.contains(cmd), cmd);
    for (const char* cmd : {"new", "import", "devices", "info"}) QCOMPARE(runCli({cmd, "--help"}).exitCode, 0);
    QCOMPARE(runCli({}).exitCode, 1);
    QCOMPARE(runCli({"frobnicate"}).exitCode, 1);
    QCOMPARE(runCli({"info"}).exitCode, 1); // --project is required
    QCOMPARE(runCli({"import", "--project", "x.maple", "data", "--format", "nope"}).exitCode, 1);
  }

  void newRefusesToOverwrite() {
    const auto p = path("n.maple");
    QCOMPARE(runCli({"new", p}).exitCode, 0);
    auto again = runCli({"new", p});
    QCOMPARE(again.exitCode, 1);
    QVERIFY2(again.err.contains("already exists"), qPrintable(again.err));
  }

  void badFilesExitTwo() {
    auto missing = runCli({"info", "--project", path("missing.maple")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY(missing.err.contains("no such project file"));
    maple::testing::writeFile(path("foreign.maple"), "hello, world\n");
    const auto before = maple::testing::digest(path("foreign.maple"));
    auto foreign = runCli({"devices", "--project", path("foreign.maple")});
    QCOMPARE(foreign.exitCode, 2);
    QVERIFY2(foreign.err.contains("not a MAPLE project"), qPrintable(foreign.err));
    QCOMPARE(maple::testing::digest(path("foreign.maple")), before);
  }

  void importSmallAndInspect() {
    const auto p = path("small.maple");
    QVERIFY(runCli({"new", p}).exitCode == 0);
    maple::testing::writeFile(path("small.csv"), kSmallTable);
    auto imp = runCli({"import", "--project", p, path("small.csv"), "--json"});
    QCOMPARE(imp.exitCode, 0);
    QCOMPARE(json(imp)["samples_added"].toInt(), 4);
    auto devices = runCli({"devices", "--project", p, "--json"});
    QCOMPARE(devices.exitCode, 0);
    auto arr = json(devices)["devices"].toArray();
    QCOMPARE(arr.size(), 2);
    QCOMPARE(arr[0].toObject()["name"].toString(), QString("devA"));
    QCOMPARE(arr[0].toObject()["latency_samples"].toInt(), 2);
    auto info = runCli({"info", "--project", p, "--json"});
    QCOMPARE(info.exitCode, 0);
    QCOMPARE(json(info)["latency_samples"].toInt(), 4);
    QCOMPARE(json(info)["architectures"].toInt(), 2);
    auto text = runCli({"devices", "--project", p});
    QVERIFY(text.out.contains("devA") && text.out.contains("SAMPLES"));
  }

  void badCsvNamesFileAndLine() {
    const auto p = path("bad.maple");
    QVERIFY(runCli({"new", p}).exitCode == 0);
    maple::testing::writeFile(path("bad.csv"), QByteArray(kSmallTable).replace("3.0", "fast"));
    auto r = runCli({"import", "--project", p, path("bad.csv")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains(path("bad.csv") + ":3: latency 'fast'"), qPrintable(r.err));
    QCOMPARE(json(runCli({"info", "--project", p, "--json"}))["devices"].toInt(), 0);
  }

  // A process killed in the middle of an import leaves the project exactly as it was.
  void killedImportLeavesProjectUnchanged() {
    MAPLE_REQUIRE_DATA_SET();
    const auto p = path("killed.maple");
    QVERIFY(runCli({"new", p}).exitCode == 0);
    maple::testing::writeFile(path("first.csv"), kSmallTable);
    QVERIFY(runCli({"import", "--project", p, path("first.csv")}).exitCode == 0);
    const auto before = runCli({"info", "--project", p, "--json"});

    // The core importer the CLI runs, stopped by a test helper mid-transaction after 12 devices.
    QVERIFY(importKilledAt({p, QString::fromStdString(maple::testing::dataDir()), "187500"},
                           "paused after 187500 of 421875 rows"));

    const auto after = runCli({"info", "--project", p, "--json"});
    QCOMPARE(after.exitCode, 0);
    auto b = json(before), a = json(after);
    for (const char* key : {"devices", "architectures", "latency_samples"}) QCOMPARE(a[key].toInt(), b[key].toInt());
    QCOMPARE(a["latency_samples"].toInt(), 4);

    // And the next import goes through in full.
    auto full = runCli({"import", "--project", p, QString::fromStdString(maple::testing::dataDir()), "--json"});
    QCOMPARE(full.exitCode, 0);
    QCOMPARE(json(full)["samples_added"].toInt(), 421875);
  }

  // The FBNet import killed mid-transaction into a project holding NAS-Bench-201: nothing of it stays.
  void killedFbnetImportLeavesProjectUnchanged() {
    const auto p = path("killed-fbnet.maple");
    QVERIFY(runCli({"new", p}).exitCode == 0);
    maple::testing::writeFile(path("nb.csv"), kSmallTable);
    QVERIFY(runCli({"import", "--project", p, path("nb.csv")}).exitCode == 0);
    QDir().mkpath(path("fbnet"));
    maple::testing::writeFile(path("fbnet/fbnet_latency_ms.csv"), maple::testing::syntheticFbnetTable({"devA", "x", "y"}, 40));
    const auto before = runCli({"info", "--project", p, "--json"}).out;

    QVERIFY(importKilledAt({p, path("fbnet"), "80", "help-fbnet"}, "paused after 80 of 120 rows"));

    const auto after = runCli({"info", "--project", p, "--json"});
    QCOMPARE(after.exitCode, 0);
    QCOMPARE(after.out, before);
    QVERIFY(!json(after)["spaces"].toObject().contains("fbnet"));
    auto full = runCli({"import", "--project", p, path("fbnet"), "--format", "help-fbnet", "--json"});
    QCOMPARE(full.exitCode, 0);
    QCOMPARE(json(full)["samples_added"].toInt(), 120);
  }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
