// `maple measure` as users run it: the real binary on a small project, with the fake runners of
// tests/core/runners/ (fast and deterministic) and, where built, the in-process engines.
#include "../core/fbnet_table.hpp"
#include "../core/process_support.hpp"
#include "../core/test_support.hpp"
#include "cli_runner.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "measure/conditions.hpp"
#include "searchspace/space.hpp"
#include "store/devices.hpp"
#include "store/project.hpp"

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
const QString kRunners = MAPLE_TEST_RUNNERS_DIR;
const QByteArray kTable =
    "idx,arch_str,devA\n"
    "0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,1.5\n"
    "1,|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,3.0\n"
    "2,|avg_pool_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|,2.0\n"
    "3,|avg_pool_3x3~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|,2.5\n";

// `n` FBNet architectures in canonical form (seeded).
QStringList fbnetArchs(int n) {
  QStringList out;
  const auto& fbnet = maple::searchspace::fbnetSpace();
  for (const auto& g : fbnet.sample(n, 11)) out << QString::fromStdString(fbnet.format(g));
  return out;
}

QString goodRunner(double delay = 0) {
  return "command:/usr/bin/python3 " + kRunners + "/good_runner.py" + (delay > 0 ? " " + QString::number(delay) : "");
}
} // namespace

class TestMeasureCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path(const QString& name) { return dir_.filePath(name); }

  // A project with the 4-row table imported (indices 0..3).
  QString project(const QString& name) {
    const auto p = path(name);
    if (runCli({"new", p}).exitCode != 0) return {};
    maple::testing::writeFile(path("table.csv"), kTable);
    if (runCli({"import", "--project", p, path("table.csv")}).exitCode != 0) return {};
    return p;
  }

private slots:
  void help() {
    auto r = runCli({"measure", "--help"});
    QCOMPARE(r.exitCode, 0);
    for (const char* opt : {"--archs-file", "--repeats", "--warmup", "--threads", "--batch", "--pin", "--json"})
      QVERIFY2(r.out.contains(opt), opt);
  }

  void measuresStoresAndReportsJson() {
    const auto p = project("good.maple");
    auto r = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs", "0,2-3",
                     "--repeats", "30", "--warmup", "2", "--batch", "4", "--threads", "2", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto samples = json(r)["samples"].toArray();
    QCOMPARE(samples.size(), 3);
    const auto s0 = samples[0].toObject();
    QCOMPARE(s0["arch_index"].toInt(), 0);
    QCOMPARE(s0["latency_ms"].toDouble(), 1.01);
    QVERIFY(qAbs(s0["iqr_ms"].toDouble() - 0.02) < 1e-9);
    QCOMPARE(s0["repetitions"].toInt(), 20); // stable after two blocks of 10
    QCOMPARE(s0["batch"].toInt(), 4);
    QCOMPARE(s0["engine"].toString(), QString("command:fake"));
    QCOMPARE(samples[2].toObject()["arch_index"].toInt(), 3);
    QVERIFY2(r.err.contains("[3/3]"), qPrintable(r.err)); // progress on stderr

    // The device was created from this machine; every sample carries its conditions.
    auto proj = maple::store::Project::open(p.toStdString());
    const auto dev = maple::store::findDevice(proj, "box");
    QVERIFY(dev);
    QCOMPARE(dev->family, std::string("cpu"));
    QCOMPARE(dev->batchSize, std::optional<int>(4));
    QVERIFY(!dev->hardware.empty() && dev->cores && dev->memoryGb);
    auto st = proj.db().prepare(
        "SELECT s.conditions_json, s.threads, s.batch_size, s.repetitions, s.iqr_ms FROM latency_samples s "
        "JOIN devices d ON d.id = s.device_id WHERE d.name = 'box'");
    int rows = 0;
    while (st.step()) {
      ++rows;
      const auto c = maple::measure::conditionsFromJson(st.text(0));
      QCOMPARE(c.threads, 2);
      QCOMPARE(c.batch, 4);
      QCOMPARE(c.engine, std::string("command:fake"));
      QCOMPARE(c.warmup, 2);
      QVERIFY(!c.cpuModel.empty() && !c.host.empty() && !c.time.empty() && !c.cpus.empty());
      QVERIFY(!c.cpus[0].governor.empty()); // a governor or 'unavailable'
      QCOMPARE(st.int64(1), 2LL);
      QCOMPARE(st.int64(2), 4LL);
      QCOMPARE(st.int64(3), 20LL);
    }
    QCOMPARE(rows, 3);
    // A second run is a new source: the same architectures get new samples beside the old.
    auto again = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs", "0",
                         "--batch", "4"});
    QCOMPARE(again.exitCode, 0);
    QVERIFY(again.out.contains("MEDIAN_MS") && again.out.contains("stored 1 latency sample"));
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'box'"), 4LL);
  }

  // devA came from the imported table: measuring into it is refused before anything runs.
  void importedDeviceIsRefusedAndNothingWritten() {
    const auto p = project("imported.maple");
    const auto samples = count(p, "SELECT count(*) FROM latency_samples");
    const auto sources = count(p, "SELECT count(*) FROM sources");
    auto r = runCli({"measure", "--project", p, "--device", "devA", "--engine", goodRunner(), "--archs", "0,1"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("imported reference data") && r.err.contains("name a new device"), qPrintable(r.err));
    QVERIFY2(!r.err.contains("[1/2]"), qPrintable(r.err)); // refused before measuring
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples"), samples);
    QCOMPARE(count(p, "SELECT count(*) FROM sources"), sources);
    QCOMPARE(count(p, "SELECT count(*) FROM devices"), 1LL);
  }

  void archsFileTakesIndicesAndStrings() {
    const auto p = project("file.maple");
    maple::testing::writeFile(path("archs.txt"),
                              "# indices or architecture strings\n1\n\n"
                              "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|\n");
    auto r = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs-file",
                     path("archs.txt"), "--repeats", "5", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto samples = json(r)["samples"].toArray();
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples[0].toObject()["arch_index"].toInt(), 1);
    QVERIFY(samples[1].toObject()["arch_index"].isNull());
    QCOMPARE(samples[1].toObject()["repetitions"].toInt(), 5);

    maple::testing::writeFile(path("bad.txt"), "1\n|conv~0|\n");
    auto bad = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs-file",
                       path("bad.txt")});
    QCOMPARE(bad.exitCode, 2);
    QVERIFY2(bad.err.contains("bad.txt:2:"), qPrintable(bad.err));
  }

  void usageAndInputErrors() {
    const auto p = project("usage.maple");
    QCOMPARE(runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner()}).exitCode, 1); // no archs
    // A malformed or out-of-range value is bad input (2), as with --arch; nothing is expanded first.
    auto range = runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs", "20000"});
    QCOMPARE(range.exitCode, 2);
    QVERIFY2(range.err.contains("'20000' is outside 0..15624"), qPrintable(range.err));
    auto huge = runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs", "0-3000000000"});
    QCOMPARE(huge.exitCode, 2);
    QVERIFY2(huge.err.contains("'0-3000000000' is outside 0..15624"), qPrintable(huge.err));
    auto pin = runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs", "0", "--pin", "4294967296"});
    QCOMPARE(pin.exitCode, 2);
    QVERIFY2(pin.err.contains("'4294967296' is outside 0..1023"), qPrintable(pin.err));
    auto pinRange = runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs", "0", "--pin", "0-3000000000"});
    QCOMPARE(pinRange.exitCode, 2);
    auto zero = runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs-file", "/dev/zero"});
    QCOMPARE(zero.exitCode, 2);
    QVERIFY2(zero.err.contains("is not a regular file"), qPrintable(zero.err));
    for (const char* t : {"1e18", "inf", "0"}) {
      auto timeout = runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs", "0", "--timeout", t});
      QCOMPARE(timeout.exitCode, 1);
      QVERIFY2(timeout.err.contains("--timeout"), qPrintable(timeout.err));
    }
    auto threads = runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs", "0", "--threads", "100000"});
    QCOMPARE(threads.exitCode, 1);
    QVERIFY2(threads.err.contains("--threads"), qPrintable(threads.err));
    auto engine = runCli({"measure", "--project", p, "--device", "d", "--engine", "tpu", "--archs", "0"});
    QCOMPARE(engine.exitCode, 1);
    QVERIFY2(engine.err.contains("unknown engine 'tpu'"), qPrintable(engine.err));
    QCOMPARE(runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs", "0", "--repeats", "0"}).exitCode, 1);
    auto missing = runCli({"measure", "--project", p, "--device", "d", "--engine", goodRunner(), "--archs", "9"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("index 9 is not in project"), qPrintable(missing.err));

    // A project without the imported table: say how to get indices.
    const auto empty = path("empty.maple");
    QCOMPARE(runCli({"new", empty}).exitCode, 0);
    auto none = runCli({"measure", "--project", empty, "--device", "d", "--engine", goodRunner(), "--archs", "5"});
    QCOMPARE(none.exitCode, 2);
    QVERIFY2(none.err.contains("maple import"), qPrintable(none.err));
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'd'"), 0LL);
  }

  void failingRunnersStoreNothing() {
    const auto p = project("fail.maple");
    for (const char* runner : {"garbage_runner.sh", "crash_runner.sh", "exit_runner.sh"}) {
      auto r = runCli({"measure", "--project", p, "--device", "d", "--engine", "command:/bin/sh " + kRunners + "/" + runner,
                       "--archs", "0,1"});
      QCOMPARE(r.exitCode, 2);
      QVERIFY2(r.err.contains(runner) && r.err.contains("0 sample(s) measured before were kept"), qPrintable(r.err));
    }
    auto hang = runCli({"measure", "--project", p, "--device", "d", "--engine", "command:/bin/sh " + kRunners + "/hang_runner.sh",
                        "--archs", "0", "--timeout", "0.5"});
    QCOMPARE(hang.exitCode, 2);
    QVERIFY2(hang.err.contains("did not answer within 0.5 s"), qPrintable(hang.err));
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'd'"), 0LL); // not even the device

    // A runner that fails on the second architecture: the first sample stays.
    auto second = runCli({"measure", "--project", p, "--device", "d", "--engine",
                          "command:/bin/sh " + kRunners + "/second_fails_runner.sh", "--archs", "0,1", "--repeats", "5"});
    QCOMPARE(second.exitCode, 2);
    QVERIFY2(second.err.contains("exited with status 1") && second.err.contains("giving up") &&
                 second.err.contains("1 sample(s) measured before were kept"),
             qPrintable(second.err));
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'd'"), 1LL);
  }

  void ctrlCKeepsCompletedSamples() {
    const auto p = project("sigint.maple");
    QProcess proc;
    proc.start(QStringLiteral(MAPLE_CLI), {"measure", "--project", p, "--device", "d", "--engine", goodRunner(0.3),
                                           "--archs", "0-3", "--repeats", "5", "--json"});
    QVERIFY(proc.waitForStarted());
    proc.setReadChannel(QProcess::StandardError);
    // Interrupt once the first sample is reported (its result line holds "ms (IQR").
    QByteArray err;
    while (!err.contains("ms (IQR") && proc.waitForReadyRead(20000)) err += proc.readAllStandardError();
    QVERIFY2(err.contains("ms (IQR"), err.constData());
    ::kill(static_cast<pid_t>(proc.processId()), SIGINT);
    QVERIFY(proc.waitForFinished(30000));
    QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
    QCOMPARE(proc.exitCode(), 130);
    const auto out = QJsonDocument::fromJson(proc.readAllStandardOutput()).object();
    QVERIFY(out["interrupted"].toBool());
    const auto kept = out["samples"].toArray().size();
    QVERIFY2(kept >= 1 && kept < 4, qPrintable(QString::number(kept)));
    err += proc.readAllStandardError();
    QVERIFY2(err.contains("interrupted"), err.constData());
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'd'"),
             static_cast<long long>(kept));
  }

  // #15 item 5: a signal against a hung runner ends maple and the runner's whole tree (a setsid()
  // child included) at once, keeping the samples measured before.
  void signalsEndAHungRunnerAtOnce_data() {
    QTest::addColumn<int>("sig");
    QTest::newRow("SIGINT") << int(SIGINT);
    QTest::newRow("SIGTERM") << int(SIGTERM);
    QTest::newRow("SIGHUP") << int(SIGHUP);
  }
  void signalsEndAHungRunnerAtOnce() {
    QFETCH(int, sig);
    const auto p = project(QString("hung%1.maple").arg(sig));
    const auto pidFile = path(QString("pids%1").arg(sig));
    QProcess proc;
    proc.start(QStringLiteral(MAPLE_CLI), {"measure", "--project", p, "--device", "d", "--engine",
                                           "command:/bin/sh " + kRunners + "/setsid_runner.sh " + pidFile + " hang",
                                           "--archs", "0", "--repeats", "3"});
    QVERIFY(proc.waitForStarted());
    const auto pids = maple::testing::waitForPids(pidFile);
    QCOMPARE(pids.size(), size_t(2));
    QElapsedTimer t;
    t.start();
    ::kill(static_cast<pid_t>(proc.processId()), sig);
    QVERIFY(proc.waitForFinished(5000));
    QVERIFY2(t.elapsed() < 2500, qPrintable(QString::number(t.elapsed())));
    QCOMPARE(proc.exitStatus(), QProcess::NormalExit);
    QCOMPARE(proc.exitCode(), 130);
    const auto err = proc.readAllStandardError();
    QVERIFY2(err.contains("interrupted") && err.contains("0 of 1 samples"), err.constData());
    QVERIFY(maple::testing::allGoneWithin(pids, 1000));
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'd'"), 0LL);
  }

  void cpuEngineInProcess() {
    const auto p = project("cpu.maple");
    maple::testing::writeFile(path("cpu_archs.txt"), "|nor_conv_3x3~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|\n2\n");
    auto r = runCli({"measure", "--project", p, "--device", "here", "--engine", "cpu", "--archs-file",
                     path("cpu_archs.txt"), "--repeats", "3", "--warmup", "1", "--threads", "2", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto out = json(r);
    QCOMPARE(out["engine"].toString(), QString("cpu"));
    QVERIFY2(out["engine_version"].toString().startsWith("maple-cpu"), qPrintable(out["engine_version"].toString()));
    const auto samples = out["samples"].toArray();
    QCOMPARE(samples.size(), 2);
    QVERIFY(samples[0].toObject()["arch_index"].isNull());
    QCOMPARE(samples[1].toObject()["arch_index"].toInt(), 2);
    for (const auto& s : samples) {
      QVERIFY(s.toObject()["latency_ms"].toDouble() > 0);
      QCOMPARE(s.toObject()["threads"].toInt(), 2);
      QCOMPARE(s.toObject()["repetitions"].toInt(), 3);
    }
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'here' AND family = 'cpu' AND runtime LIKE 'cpu maple-cpu%'"), 1LL);
  }

  // FBNet architectures through the CPU engine into a fresh project (no architectures: --space
  // fbnet chooses), stored under fbnet and counted per space; later runs need no --space.
  void fbnetWithTheCpuEngine() {
    const auto p = path("fbnet.maple");
    QCOMPARE(runCli({"new", p}).exitCode, 0);
    const auto archs = fbnetArchs(3);
    maple::testing::writeFile(path("fbnet.txt"), "# three FBNet architectures\n" + archs.join("\n").toUtf8() + "\n");
    auto r = runCli({"measure", "--project", p, "--device", "here", "--engine", "cpu", "--space", "fbnet",
                     "--archs-file", path("fbnet.txt"), "--repeats", "2", "--warmup", "1", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto samples = json(r)["samples"].toArray();
    QCOMPARE(samples.size(), 3);
    for (int i = 0; i < 3; ++i) {
      const auto s = samples[i].toObject();
      QCOMPARE(s["space"].toString(), QString("fbnet"));
      QCOMPARE(s["arch"].toString(), archs[i]);
      QVERIFY(s["arch_index"].isNull());
      QVERIFY(s["latency_ms"].toDouble() > 0);
      QCOMPARE(s["repetitions"].toInt(), 2);
    }
    QCOMPARE(count(p, "SELECT count(*) FROM architectures WHERE search_space = 'fbnet' AND cell_code IS NULL"), 3LL);
    QCOMPARE(count(p, "SELECT count(*) FROM architectures WHERE search_space = 'nb201'"), 0LL);
    const auto info = json(runCli({"info", "--project", p, "--json"}))["spaces"].toObject();
    QCOMPARE(info["fbnet"].toObject()["architectures"].toInt(), 3);
    QCOMPARE(info["fbnet"].toObject()["latency_samples"].toInt(), 3);
    const auto devices = json(runCli({"devices", "--project", p, "--json"}))["devices"].toArray();
    QCOMPARE(devices.size(), 1);
    QCOMPARE(devices[0].toObject()["spaces"].toObject()["fbnet"].toObject()["architectures"].toInt(), 3);
    // The project's only space now: --arch needs no --space, and the sample is the same architecture's.
    auto again = runCli({"measure", "--project", p, "--device", "here", "--engine", "cpu", "--arch", archs[0],
                         "--repeats", "2", "--warmup", "1"});
    QVERIFY2(again.exitCode == 0, qPrintable(again.err));
    QCOMPARE(count(p, "SELECT count(*) FROM architectures"), 3LL);
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples"), 4LL);
  }

  // A bad FBNet string is refused naming the file, line, layer, column and token; nothing is
  // measured or written. Space mix-ups get the fix.
  void fbnetInputErrors() {
    const auto p = path("fbnet_bad.maple");
    QCOMPARE(runCli({"new", p}).exitCode, 0);
    const auto archs = fbnetArchs(2);
    QString bad = archs[1];
    bad.replace(bad.indexOf('-') + 1, bad.indexOf('-', bad.indexOf('-') + 1) - bad.indexOf('-') - 1, "k7_e3");
    maple::testing::writeFile(path("fbnet_bad.txt"), (archs[0] + "\n" + bad + "\n").toUtf8());
    auto r = runCli({"measure", "--project", p, "--device", "here", "--engine", "cpu", "--space", "fbnet",
                     "--archs-file", path("fbnet_bad.txt")});
    QCOMPARE(r.exitCode, 2);
    const auto where = QString("layer 2 (column %1): unknown block 'k7_e3'").arg(bad.indexOf('-') + 2);
    QVERIFY2(r.err.contains("fbnet_bad.txt:2:") && r.err.contains(where) &&
                 r.err.contains("each line holds a data-set index or an fbnet architecture string"),
             qPrintable(r.err));
    QVERIFY2(!r.err.contains("[1/"), qPrintable(r.err)); // refused before measuring
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples"), 0LL);
    QCOMPARE(count(p, "SELECT count(*) FROM devices"), 0LL);
    QCOMPARE(count(p, "SELECT count(*) FROM architectures"), 0LL);
    // No architectures yet and no --space: nb201, and the message says which space the string is of.
    auto noSpace = runCli({"measure", "--project", p, "--device", "here", "--engine", "cpu", "--arch", archs[0]});
    QCOMPARE(noSpace.exitCode, 2);
    QVERIFY2(noSpace.err.contains("--arch: invalid NAS-Bench-201 cell") &&
                 noSpace.err.contains("it is an fbnet architecture: add --space fbnet"),
             qPrintable(noSpace.err));
    auto indices = runCli({"measure", "--project", p, "--device", "here", "--engine", "cpu", "--space", "fbnet",
                           "--archs", "0-3"});
    QCOMPARE(indices.exitCode, 2);
    QVERIFY2(indices.err.contains("has no fbnet data-set indices yet: import the data set first"), qPrintable(indices.err));
    auto unknown = runCli({"measure", "--project", p, "--device", "here", "--engine", "cpu", "--space", "ofa",
                           "--arch", archs[0]});
    QCOMPARE(unknown.exitCode, 1);
    QVERIFY2(unknown.err.contains("unknown search space 'ofa'"), qPrintable(unknown.err));
    QCOMPARE(count(p, "SELECT count(*) FROM devices"), 0LL);
  }

  // In a project holding HELP's FBNet table (here without its row idx 2), --archs takes the
  // table's idx and needs no --space; a missing idx is refused by name before anything is written.
  void fbnetArchsTakeHelpIndices() {
    const auto p = path("fbnet_idx.maple");
    QCOMPARE(runCli({"new", p}).exitCode, 0);
    auto rows = maple::testing::syntheticFbnetTable({"devA"}, 6).split('\n');
    rows.removeAt(3); // idx 2
    QDir(dir_.path()).mkpath("fbnet_idx");
    maple::testing::writeFile(path("fbnet_idx/fbnet_latency_ms.csv"), rows.join('\n'));
    QCOMPARE(runCli({"import", "--project", p, path("fbnet_idx"), "--format", "help-fbnet"}).exitCode, 0);
    auto missing = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs", "1-3"});
    QCOMPARE(missing.exitCode, 2);
    QVERIFY2(missing.err.contains("--archs: architecture index 2 is not in project") &&
                 missing.err.contains("imported fbnet table lacks it"),
             qPrintable(missing.err));
    auto outside = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs", "9"});
    QCOMPARE(outside.exitCode, 2);
    QVERIFY2(outside.err.contains("'9' is outside 0..5"), qPrintable(outside.err));
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'box'"), 0LL);
    auto r = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs", "1,3",
                     "--repeats", "2", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto samples = json(r)["samples"].toArray();
    QCOMPARE(samples.size(), 2);
    QCOMPARE(samples[0].toObject()["space"].toString(), QString("fbnet"));
    QCOMPARE(samples[0].toObject()["arch_index"].toInt(), 1);
    QCOMPARE(samples[1].toObject()["arch"].toString(), QString::fromUtf8(rows[3].split(',')[1])); // idx 3
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'box'"), 2LL);
    // --archs-file lines may be HELP's idx too, beside strings; a missing idx is named by file and line.
    maple::testing::writeFile(path("fbnet_idx.txt"), "4\n" + rows[2].split(',')[1] + "\n2\n"); // idx 4, idx 1's string, idx 2
    auto lacking = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs-file", path("fbnet_idx.txt")});
    QCOMPARE(lacking.exitCode, 2);
    QVERIFY2(lacking.err.contains("fbnet_idx.txt:3: architecture index 2 is not in project"), qPrintable(lacking.err));
    maple::testing::writeFile(path("fbnet_idx.txt"), "4\n" + rows[2].split(',')[1] + "\n");
    auto mixed = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs-file",
                         path("fbnet_idx.txt"), "--repeats", "2", "--json"});
    QVERIFY2(mixed.exitCode == 0, qPrintable(mixed.err));
    const auto both = json(mixed)["samples"].toArray();
    QCOMPARE(both.size(), 2);
    QCOMPARE(both[0].toObject()["arch_index"].toInt(), 4);
    QCOMPARE(both[0].toObject()["arch"].toString(), QString::fromUtf8(rows[4].split(',')[1]));
    QCOMPARE(both[1].toObject()["arch"].toString(), QString::fromUtf8(rows[2].split(',')[1]));
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'box'"), 4LL);
  }

  // A project holding nb201 and fbnet: without --space the command lists them.
  void severalSpacesNeedTheFlag() {
    const auto p = project("two.maple");
    const auto archs = fbnetArchs(1);
    auto fb = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--space", "fbnet",
                      "--arch", archs[0], "--repeats", "2", "--json"});
    QVERIFY2(fb.exitCode == 0, qPrintable(fb.err));
    // The runner was asked for fbnet (good_runner.py reports the request's space in its version).
    QVERIFY2(json(fb)["engine_version"].toString().contains(" fbnet via "), qPrintable(fb.out));
    auto r = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--archs", "0"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("several search spaces (fbnet, nb201)") && r.err.contains("--space"), qPrintable(r.err));
    auto nb = runCli({"measure", "--project", p, "--device", "box", "--engine", goodRunner(), "--space", "nb201",
                      "--archs", "0", "--repeats", "2", "--json"});
    QVERIFY2(nb.exitCode == 0, qPrintable(nb.err));
    QVERIFY2(json(nb)["engine_version"].toString().contains(" nb201 via "), qPrintable(nb.out));
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'box'"), 2LL);
  }

  void cudaWithoutADevice() {
    if (!maple::engine::cudaDevices().empty()) QSKIP("this machine has a CUDA device: the no-device message cannot be seen");
    const auto p = project("cuda.maple");
    auto r = runCli({"measure", "--project", p, "--device", "gpu", "--engine", "cuda", "--archs", "0"});
    QCOMPARE(r.exitCode, 2); // the machine lacks it, as with a missing PMU
    QVERIFY2(r.err.contains("no CUDA device"), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestMeasureCli)
#include "test_measure_cli.moc"
