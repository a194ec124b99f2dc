// `maple capture` as users run it: the real binary counting the real CPU engine. On a machine
// without a hardware PMU (CI) the hardware path must fail with the exact reason and the labelled
// software fallback must work; where a PMU exists, the hardware capture must make counter descriptors.
#include "../core/test_support.hpp"
#include "cli_runner.hpp"
#include "counters/probe.hpp"
#include "engine/cuda/cuda_engine.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <csignal>

using maple::testing::CliResult;
using maple::testing::count;
using maple::testing::json;
using maple::testing::runCli;

namespace {



bool hardwarePmu() { return maple::counters::probe({}).hardwarePmu; }

QJsonObject findEvent(const QJsonObject& capture, const QString& name) {
  for (const auto& e : capture["events"].toArray())
    if (e.toObject()["event"].toString() == name) return e.toObject();
  return {};
}

QStringList descriptorKinds(const QJsonObject& capture) {
  QStringList kinds;
  for (const auto& d : capture["descriptors"].toArray()) kinds << d.toObject()["kind"].toString();
  return kinds;
}

// Verbatim `perf stat -x,` output of perf 6.1 (plain layout), as recorded on an edge board.
const QByteArray kPerfStat = "# started on Sat Nov 21 14:30:00 2026\n"
                             "\n"
                             "1.08,msec,task-clock,1082500,100.00,0.010,CPUs utilized\n"
                             "75,,page-faults,1082500,100.00,69.284,K/sec\n"
                             "2000000,,cycles:u,500000,50.00,,\n"
                             "3000000,,instructions:u,1000000,100.00,1.50,insn per cycle\n"
                             "<not supported>,,stalled-cycles-frontend,0,100.00,,\n";

} // namespace

class TestCaptureCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path(const QString& name) { return dir_.filePath(name); }

  QString project(const QString& name) {
    const auto p = path(name);
    return runCli({"new", p}).exitCode == 0 ? p : QString();
  }

private slots:
  void help() {
    auto r = runCli({"capture", "--help"});
    QCOMPARE(r.exitCode, 0);
    for (const char* opt : {"--project", "--device", "--events", "--workload", "--repeats", "--engine",
                            "--allow-software", "--from-perf-stat", "--json"})
      QVERIFY2(r.out.contains(opt), opt);
  }

  void hardwareWithoutPmuFailsWithTheReason() {
    if (hardwarePmu()) QSKIP("this machine has a hardware PMU: the no-PMU message cannot be seen");
    const auto p = project("nopmu.maple");
    auto r = runCli({"capture", "--project", p, "--device", "vm", "--workload", "nb201-ops", "--repeats", "1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("hardware counters cannot be counted here") &&
                 r.err.contains(maple::counters::kNoHardwarePmu),
             qPrintable(r.err));
    QVERIFY2(r.err.contains("--allow-software"), qPrintable(r.err));
    QCOMPARE(count(p, "SELECT count(*) FROM captures"), 0LL);
    QCOMPARE(count(p, "SELECT count(*) FROM devices"), 0LL); // not even the device

    // Named hardware events must all count: the same reason, per event.
    auto named = runCli({"capture", "--project", p, "--device", "vm", "--events", "task-clock,instructions"});
    QCOMPARE(named.exitCode, 2);
    QVERIFY2(named.err.contains("instructions: " + QString(maple::counters::kNoHardwarePmu)), qPrintable(named.err));
  }

  void softwareFallbackIsStoredAndLabelled() {
    if (hardwarePmu()) QSKIP("this machine has a hardware PMU: no fallback happens");
    const auto p = project("fallback.maple");
    auto r = runCli({"capture", "--project", p, "--device", "vm", "--workload", "nb201-ops", "--repeats", "1",
                     "--allow-software", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("capture: 100% done"), qPrintable(r.err)); // progress on stderr
    const auto c = json(r);
    QVERIFY(c["software_only"].toBool());
    QVERIFY(c["device_created"].toBool());
    QCOMPARE(descriptorKinds(c), QStringList{"software-timing"});
    QVERIFY(c["not_made"].toArray().first().toString().contains("no hardware event was counted"));
    const auto cycles = findEvent(c, "cycles");
    QVERIFY(!cycles["counted"].toBool());
    QCOMPARE(cycles["reason"].toString(), QString(maple::counters::kNoHardwarePmu));
    QVERIFY(cycles["per_run"].isNull()); // never a silent zero
    QVERIFY(findEvent(c, "task-clock")["per_run"].toDouble() > 0);
    QCOMPARE(c["steps"].toArray().size(), 5);
    QCOMPARE(c["steps"].toArray()[3].toObject()["name"].toString(), QString("op/nor_conv_3x3"));

    QCOMPARE(count(p, "SELECT count(*) FROM captures"), 1LL);
    QVERIFY(count(p, "SELECT count(*) FROM capture_samples") > 0);
    QCOMPARE(count(p, "SELECT count(*) FROM descriptors WHERE kind = 'software-timing' AND capture_id IS NOT NULL"), 1LL);
    QCOMPARE(count(p, "SELECT count(*) FROM descriptors WHERE kind LIKE 'counters%'"), 0LL);
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'vm' AND family = 'cpu' AND hardware <> ''"), 1LL);

    // The text report names what was made and what was not.
    auto text = runCli({"capture", "--project", p, "--device", "vm", "--workload", "nb201-ops", "--repeats", "1",
                        "--allow-software"});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("descriptor software-timing v1") && text.out.contains("not hardware counters") &&
                 text.out.contains("not made: counters, counters-edge") && text.out.contains("EVENT"),
             qPrintable(text.out));
  }

  void softwareEventsByChoice() {
    const auto p = project("sw.maple");
    auto r = runCli({"capture", "--project", p, "--device", "here", "--events", "task-clock,page-faults",
                     "--workload", "nb201-ops", "--repeats", "2", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto c = json(r);
    QCOMPARE(c["events"].toArray().size(), 2);
    QCOMPARE(c["repeats"].toInt(), 2);
    QCOMPARE(c["scope"].toString().isEmpty(), false);
    QCOMPARE(descriptorKinds(c), QStringList{"software-timing"});
    QVERIFY(c["capture_id"].toInt() > 0);
    QVERIFY(c["duration_ms"].toDouble() > 0);
  }

  void hardwareCaptureMakesCounterDescriptors() {
    if (!hardwarePmu()) QSKIP("this machine exposes no hardware PMU: hardware counters cannot be read here");
    const auto p = project("hw.maple");
    auto r = runCli({"capture", "--project", p, "--device", "here", "--workload", "nb201-ops", "--repeats", "1", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto c = json(r);
    QVERIFY(!c["software_only"].toBool());
    QVERIFY(descriptorKinds(c).contains("counters") && descriptorKinds(c).contains("counters-edge"));
    QVERIFY(findEvent(c, "instructions")["per_run"].toDouble() > 0);
  }

  void perfStatImport() {
    const auto p = project("import.maple");
    maple::testing::writeFile(path("board.csv"), kPerfStat);
    auto r = runCli({"capture", "--project", p, "--device", "edge-board", "--from-perf-stat", path("board.csv"),
                     "--workload", "nb201-reference on the board", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto c = json(r);
    QVERIFY(c["source"].toString().startsWith("perf-stat-csv:"));
    QCOMPARE(c["workload"].toString(), QString("nb201-reference on the board"));
    QVERIFY(c["device_created"].toBool());
    QCOMPARE(descriptorKinds(c), QStringList{"counters"});
    const auto counters = c["descriptors"].toArray()[0].toObject();
    QCOMPARE(counters["names"].toArray()[0].toString(), QString("ipc"));
    QCOMPARE(counters["values"].toArray()[0].toDouble(), 1.5);
    QVERIFY(c["not_made"].toArray().first().toString().contains("counters-edge"));
    QCOMPARE(findEvent(c, "cycles")["max_scale"].toDouble(), 1.0); // no steps: perf already scaled
    QVERIFY(findEvent(c, "stalled-cycles-frontend")["reason"].toString().contains("<not supported>"));
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'edge-board' AND family = 'unknown'"), 1LL);
    QCOMPARE(count(p, "SELECT count(*) FROM descriptors WHERE kind = 'counters'"), 1LL);

    // A malformed line: file:line: reason, and nothing stored (no capture, no device).
    maple::testing::writeFile(path("bad.csv"), "1.08,msec,task-clock,1082500,100.00,,\n12x4,,cycles,500000,50.00,,\n");
    auto bad = runCli({"capture", "--project", p, "--device", "other", "--from-perf-stat", path("bad.csv")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains(path("bad.csv") + ":2: value '12x4' is not a number"), qPrintable(bad.err));
    QCOMPARE(count(p, "SELECT count(*) FROM captures"), 1LL);
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'other'"), 0LL);
    auto text = runCli({"capture", "--project", p, "--device", "edge-board", "--from-perf-stat", path("board.csv")});
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("imported from " + path("board.csv")) && text.out.contains("descriptor counters v1") &&
                 text.out.contains("not made: counters-edge"),
             qPrintable(text.out));
    auto missing = runCli({"capture", "--project", p, "--device", "other", "--from-perf-stat", path("nope.csv")});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("cannot open perf stat file '" + path("nope.csv") + "'"), qPrintable(missing.err));
  }

  // A device from an imported table is reference data: a capture never goes into it.
  void importedDeviceIsRefused() {
    const auto p = project("imported.maple");
    maple::testing::writeFile(path("table.csv"), "idx,arch_str,gold\n"
                                                 "0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|"
                                                 "skip_connect~1|skip_connect~2|,1.5\n");
    QCOMPARE(runCli({"import", "--project", p, path("table.csv")}).exitCode, 0);
    maple::testing::writeFile(path("gold.csv"), kPerfStat);
    for (const QStringList& how : {QStringList{"--from-perf-stat", path("gold.csv")}, QStringList{"--allow-software"}}) {
      auto r = runCli(QStringList{"capture", "--project", p, "--device", "gold"} + how);
      QCOMPARE(r.exitCode, 2);
      QVERIFY2(r.err.contains("imported reference data") && r.err.contains("name a new device"), qPrintable(r.err));
    }
    QCOMPARE(count(p, "SELECT count(*) FROM captures"), 0LL);
    QCOMPARE(count(p, "SELECT count(*) FROM descriptors"), 0LL);
  }

  void usageErrors() {
    const auto p = project("usage.maple");
    auto workload = runCli({"capture", "--project", p, "--device", "d", "--workload", "nope"});
    QCOMPARE(workload.exitCode, 2);
    QVERIFY2(workload.err.contains("unknown workload 'nope' (known: nb201-reference, nb201-ops)"), qPrintable(workload.err));
    auto engine = runCli({"capture", "--project", p, "--device", "d", "--engine", "tpu"});
    QCOMPARE(engine.exitCode, 1);
    QVERIFY2(engine.err.contains("unknown engine 'tpu'"), qPrintable(engine.err));
    QCOMPARE(runCli({"capture", "--project", p, "--device", "d", "--repeats", "0"}).exitCode, 1);
    QCOMPARE(runCli({"capture", "--project", p, "--device", "d", "--from-perf-stat", "x.csv", "--events", "cycles"}).exitCode, 1);
    auto misspelt = runCli({"capture", "--project", p, "--device", "d", "--events", "cylces"});
    QCOMPARE(misspelt.exitCode, 2);
    QVERIFY2(misspelt.err.contains("cylces"), qPrintable(misspelt.err));
    QCOMPARE(count(p, "SELECT count(*) FROM devices"), 0LL);
  }

  void cudaWithoutADevice() {
    if (!maple::engine::cudaDevices().empty()) QSKIP("this machine has a CUDA device: the no-device message cannot be seen");
    const auto p = project("cuda.maple");
    auto r = runCli({"capture", "--project", p, "--device", "gpu", "--engine", "cuda", "--events", "task-clock"});
    QCOMPARE(r.exitCode, 2); // the machine lacks it, as with a missing PMU
    QVERIFY2(r.err.contains("no CUDA device"), qPrintable(r.err));
  }

  void ctrlCStoresNothing() {
    const auto p = project("sigint.maple");
    QProcess proc;
    proc.start(QStringLiteral(MAPLE_CLI), {"capture", "--project", p, "--device", "d", "--events", "task-clock",
                                           "--workload", "nb201-ops", "--repeats", "1000"});
    QVERIFY(proc.waitForStarted());
    proc.setReadChannel(QProcess::StandardError);
    QByteArray err;
    while (!err.contains("op/none") && proc.waitForReadyRead(20000)) err += proc.readAllStandardError();
    QVERIFY2(err.contains("op/none"), err.constData());
    ::kill(static_cast<pid_t>(proc.processId()), SIGINT);
    QVERIFY(proc.waitForFinished(30000));
    QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
    QCOMPARE(proc.exitCode(), 130);
    err += proc.readAllStandardError();
    QVERIFY2(err.contains("capture cancelled") && err.contains("nothing was stored"), err.constData());
    QCOMPARE(count(p, "SELECT count(*) FROM captures"), 0LL);
    QCOMPARE(count(p, "SELECT count(*) FROM devices"), 0LL);
  }
};

QTEST_GUILESS_MAIN(TestCaptureCli)
#include "test_capture_cli.moc"
