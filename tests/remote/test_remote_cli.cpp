// Remote devices through a real OpenSSH server on 127.0.0.1 (sshd_fixture.hpp): `maple measure`,
// `maple capture` (its readings streamed, a stop keeping a partial capture), and `maple pmu` with
// --remote 'ssh ... maple agent', the launcher kept with the device, the server killed
// mid-measurement (completed samples kept, plain message, exit 2), a protocol-version mismatch
// and a corrupt reply through ssh. Skips visibly when sshd cannot start here.
#include "../cli/cli_runner.hpp"
#include "../core/process_support.hpp"
#include "../core/test_support.hpp"
#include "searchspace/space.hpp"
#include "sshd_fixture.hpp"

#include "services/remote.hpp"

#include <QJsonArray>
#include <QRegularExpression>
#include <QtTest>

#include <csignal>

using maple::testing::count;
using maple::testing::json;
using maple::testing::runCli;

namespace {
const QString kRunners = MAPLE_TEST_RUNNERS_DIR;
const QString kAgents = MAPLE_TEST_AGENTS_DIR;
const QString kCli = QStringLiteral(MAPLE_CLI);
const QByteArray kTable =
    "idx,arch_str,devA\n"
    "0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,1.5\n"
    "1,|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,3.0\n"
    "2,|avg_pool_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|,2.0\n"
    "3,|avg_pool_3x3~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|,2.5\n";
const char* kSamplesOf = "SELECT count(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'board'";
} // namespace

class TestRemoteCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::unique_ptr<maple::testing::SshServer> sshd_;

  QString project(const QString& name) {
    const auto p = dir_.filePath(name);
    if (runCli({"new", p}).exitCode != 0) return {};
    maple::testing::writeFile(dir_.filePath("table.csv"), kTable);
    if (runCli({"import", "--project", p, dir_.filePath("table.csv")}).exitCode != 0) return {};
    return p;
  }
  QString agent() const { return sshd_->launcher(kCli + " agent"); }

private slots:
  void init() { // a test that killed the server leaves a fresh one for the next
    if (sshd_ && !sshd_->ok()) sshd_ = std::make_unique<maple::testing::SshServer>();
  }

  void initTestCase() {
    sshd_ = std::make_unique<maple::testing::SshServer>();
    if (!sshd_->ok()) QSKIP(qPrintable("sshd cannot start here: " + sshd_->whyNot()));
  }

  void measuresThroughSshAndKeepsTheLauncher() {
    const auto p = project("measure.maple");
    auto r = runCli({"measure", "--project", p, "--device", "board", "--remote", agent(), "--engine", "cpu",
                     "--archs", "0,3", "--repeats", "3", "--warmup", "1", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto samples = json(r)["samples"].toArray();
    QCOMPARE(samples.size(), 2);
    for (const auto& s : samples) QVERIFY(s.toObject()["latency_ms"].toDouble() > 0);
    QCOMPARE(count(p, kSamplesOf), 2LL);
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'board' AND launcher LIKE 'ssh -F none -p %maple agent'"), 1LL);
    // Provenance: the source names the remote host and the launcher; the conditions are the device's.
    QCOMPARE(count(p, "SELECT count(*) FROM sources WHERE description LIKE '%via launcher ''ssh -F none%'"), 1LL);
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples WHERE json_extract(conditions_json, '$.engine') = 'cpu'"), 2LL);
    // Later commands name the device alone: its launcher is used again.
    r = runCli({"measure", "--project", p, "--device", "board", "--engine", "cpu", "--archs", "1", "--repeats", "3",
                "--warmup", "1"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.err.contains("via") || r.out.contains("via"), qPrintable(r.err + r.out));
    QCOMPARE(count(p, kSamplesOf), 3LL);
    QCOMPARE(count(p, "SELECT count(*) FROM sources WHERE description LIKE '%via launcher ''ssh -F none%'"), 2LL);
  }

  // An FBNet architecture measured on the device: the agent parses it with the requested space and
  // the sample is stored under fbnet.
  void measuresFbnetThroughSsh() {
    const auto p = dir_.filePath("fbnet.maple");
    QCOMPARE(runCli({"new", p}).exitCode, 0);
    const auto& fbnet = maple::searchspace::fbnetSpace();
    const auto arch = QString::fromStdString(fbnet.format(fbnet.sample(1, 17).front()));
    auto r = runCli({"measure", "--project", p, "--device", "board", "--remote", agent(), "--engine", "cpu", "--space",
                     "fbnet", "--arch", arch, "--repeats", "2", "--warmup", "1", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto samples = json(r)["samples"].toArray();
    QCOMPARE(samples.size(), 1);
    QCOMPARE(samples[0].toObject()["space"].toString(), QString("fbnet"));
    QVERIFY(samples[0].toObject()["latency_ms"].toDouble() > 0);
    const auto stored = "SELECT count(*) FROM architectures WHERE search_space = 'fbnet' AND arch_str = '" + arch + "'";
    QCOMPARE(count(p, qPrintable(stored)), 1LL);
    QCOMPARE(count(p, kSamplesOf), 1LL);
  }

  // `maple devices --add-remote`: the agent's detection becomes the device, its launcher is kept,
  // and a measurement names the device alone; refusals write nothing.
  void addsARemoteDeviceThenMeasuresOnIt() {
    const auto p = project("add.maple");
    auto r = runCli({"devices", "--project", p, "--add-remote", "board", "--remote", agent(), "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(json(r)["added"].toArray().at(0).toString(), QStringLiteral("board"));
    QVERIFY(json(r)["logical_cpus"].toInt() > 0);
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'board' AND launcher LIKE 'ssh -F none -p %maple agent' "
                      "AND provenance LIKE '%reached through launcher ''ssh -F none%'"),
             1LL);
    r = runCli({"measure", "--project", p, "--device", "board", "--engine", "cpu", "--archs", "2", "--repeats", "3",
                "--warmup", "1"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QCOMPARE(count(p, kSamplesOf), 1LL);
    QCOMPARE(count(p, "SELECT count(*) FROM sources WHERE description LIKE '%via launcher ''ssh -F none%'"), 1LL);
    // A name in use (here or imported) is refused before anything is written.
    r = runCli({"devices", "--project", p, "--add-remote", "board", "--remote", agent()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("already exists"), qPrintable(r.err));
    r = runCli({"devices", "--project", p, "--add-remote", "devA", "--remote", agent()});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("imported reference data"), qPrintable(r.err));
    // A launcher that cannot start, or an agent that dies: the message, exit 2, no device.
    r = runCli({"devices", "--project", p, "--add-remote", "ghost", "--remote", "/nonexistent/launcher maple agent"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("/nonexistent/launcher") && r.err.contains("No such file"), qPrintable(r.err));
    r = runCli({"devices", "--project", p, "--add-remote", "ghost", "--remote", sshd_->launcher("/bin/sh " + kAgents + "/fake_agent.sh exit")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("the connection was lost"), qPrintable(r.err));
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'ghost'"), 0LL);
  }

  void capturesThroughSsh() {
    const auto p = project("capture.maple");
    auto r = runCli({"capture", "--project", p, "--device", "board", "--remote", agent(), "--workload", "nb201-ops",
                     "--repeats", "1", "--allow-software", "--json"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    const auto out = json(r);
    QVERIFY(out["steps"].toArray().size() > 0);
    QVERIFY2(out["source"].toString().contains("via launcher 'ssh -F none"), qPrintable(out["source"].toString()));
    QCOMPARE(count(p, "SELECT count(*) FROM captures c JOIN devices d ON d.id = c.device_id WHERE d.name = 'board'"), 1LL);
    QVERIFY(count(p, "SELECT count(*) FROM descriptors ds JOIN devices d ON d.id = ds.device_id WHERE d.name = 'board'") >= 1);
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'board' AND launcher IS NOT NULL"), 1LL);
    // The readings streamed in as they were read: the progress line before the answer counts them all.
    const QRegularExpression done("capture: 100% done \\((\\d+) readings\\)");
    const auto m = done.match(r.err);
    QVERIFY2(m.hasMatch(), qPrintable(r.err));
    QVERIFY(m.captured(1).toLongLong() > 0);
    QCOMPARE(m.captured(1).toLongLong(), static_cast<long long>(out["samples"].toInt()));
    QCOMPARE(count(p, "SELECT count(*) FROM capture_samples"), m.captured(1).toLongLong());
  }

  // A stop through ssh (the workbench's Stop, through the service both faces use) ends the
  // device's capture early; the steps counted so far are stored as a partial capture.
  void stopThroughSshKeepsAPartialCapture() {
    const auto p = project("stop.maple");
    maple::services::CaptureRequest request;
    request.workload = "nb201-ops";
    request.options.events = {"task-clock"};
    request.options.repeats = 40; // >= 0.4 s a step: still running when stopped
    int stepsBegun = 0;
    std::size_t readings = 0;
    maple::counters::CaptureCallbacks callbacks;
    callbacks.onProgress = [&](double, const std::string& step) {
      if (step.rfind("op/", 0) == 0) ++stepsBegun;
      return true;
    };
    callbacks.onSamples = [&](const std::vector<maple::counters::Sample>& batch) {
      readings += batch.size();
      return true;
    };
    callbacks.stopRequested = [&] { return stepsBegun >= 2; }; // the first step was counted
    auto live = maple::services::captureOnDevice(request, agent().toStdString(), callbacks, 60);
    QVERIFY(live.capture.partial);
    QCOMPARE(live.capture.samples.size(), readings);
    auto project = maple::store::Project::open(p.toStdString());
    const auto stored = maple::services::storeCapture(project, "board", live.capture, live.origin);
    const auto kept = maple::services::loadCapture(project, stored.captureId);
    QVERIFY(kept.partial);
    QVERIFY2(!kept.steps.empty() && static_cast<int>(kept.steps.size()) < kept.plannedSteps,
             qPrintable(QString("%1 of %2 steps").arg(kept.steps.size()).arg(kept.plannedSteps)));
    QCOMPARE(kept.samples.size(), readings);
    QVERIFY(!stored.reduction.descriptors.empty());
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'board' AND launcher IS NOT NULL"), 1LL);
  }

  // The agent runs on this machine: what it can count is what this machine can.
  void pmuThroughSshMatchesLocal() {
    const auto local = runCli({"pmu", "--events", "task-clock,cycles", "--json"});
    const auto remote = runCli({"pmu", "--events", "task-clock,cycles", "--remote", agent(), "--json"});
    QVERIFY2(remote.exitCode == 0, qPrintable(remote.err));
    QCOMPARE(json(remote)["events"].toArray(), json(local)["events"].toArray());
    QCOMPARE(json(remote)["hardware_pmu"].toBool(), json(local)["hardware_pmu"].toBool());
  }

  void killedServerKeepsCompletedSamples() {
    const auto p = project("killed.maple");
    QProcess proc;
    // A runner on the device that takes 0.4 s per request: the server dies between samples.
    const auto engine = "command:/usr/bin/python3 " + kRunners + "/good_runner.py 0.4";
    proc.start(kCli, {"measure", "--project", p, "--device", "board", "--remote", agent(), "--engine", engine,
                      "--archs", "0-3", "--repeats", "5"});
    QVERIFY(proc.waitForStarted());
    proc.setReadChannel(QProcess::StandardError);
    QByteArray err;
    while (!err.contains("ms (IQR") && proc.waitForReadyRead(60000)) err += proc.readAllStandardError();
    QVERIFY2(err.contains("ms (IQR"), err.constData());
    sshd_->stop();
    QVERIFY(proc.waitForFinished(30000));
    err += proc.readAllStandardError();
    QCOMPARE(proc.exitCode(), 2);
    QVERIFY2(err.contains("the connection was lost") && err.contains("measured before were kept"), err.constData());
    const auto kept = count(p, kSamplesOf);
    QVERIFY2(kept >= 1 && kept < 4, qPrintable(QString::number(kept)));
  }

  // docs/remote.md's shared connection: a ControlMaster opened outside maple carries the runs and
  // outlives them, and a cancel still ends the device's work (here a hung runner with a setsid child).
  void sharedConnectionOutlivesRunsAndCancel() {
    const auto p = project("shared.maple");
    const auto shared = "-o ControlPath=" + dir_.filePath("master");
    auto ssh = [&](const QString& options) {
      QProcess s;
      s.setStandardInputFile(QProcess::nullDevice());
      s.setStandardOutputFile(QProcess::nullDevice()); // the backgrounded master keeps its output open
      s.setStandardErrorFile(dir_.filePath("master.log"), QIODevice::Append);
      auto words = QProcess::splitCommand(sshd_->launcher({}, options));
      s.start(words.takeFirst(), words);
      return s.waitForFinished(30000) && s.exitCode() == 0;
    };
    QVERIFY(ssh("-o ControlMaster=yes -o ControlPersist=yes -f -N " + shared));
    const auto launcher = sshd_->launcher(kCli + " agent", shared);
    auto r = runCli({"measure", "--project", p, "--device", "board", "--remote", launcher, "--engine", "cpu", "--archs",
                     "0", "--repeats", "3", "--warmup", "1"});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY(ssh(shared + " -O check")); // maple ended its launcher, not the connection it shared

    const auto pidFile = dir_.filePath("shared.pids");
    QProcess proc;
    proc.start(kCli, {"measure", "--project", p, "--device", "board", "--remote", launcher, "--engine",
                      "command:/bin/sh " + kRunners + "/setsid_runner.sh " + pidFile + " hang", "--archs", "1"});
    const auto pids = maple::testing::waitForPids(pidFile, 30000);
    QCOMPARE(pids.size(), size_t(2));
    ::kill(static_cast<pid_t>(proc.processId()), SIGINT);
    QVERIFY(proc.waitForFinished(30000));
    QVERIFY(proc.exitCode() != 0);
    QVERIFY2(maple::testing::allGoneWithin(pids, 10000), "the device's runner outlived the cancel");
    QVERIFY(ssh(shared + " -O check"));
    QVERIFY(ssh(shared + " -O exit"));
    QCOMPARE(count(p, kSamplesOf), 1LL);
  }

  void mismatchAndCorruptReplyThroughSsh() {
    const auto p = project("faults.maple");
    auto r = runCli({"pmu", "--remote", sshd_->launcher("/bin/sh " + kAgents + "/fake_agent.sh hang 1")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("protocol mismatch: the maple agent speaks protocol 1, this maple speaks protocol 2"),
             qPrintable(r.err));
    r = runCli({"measure", "--project", p, "--device", "board", "--remote",
                sshd_->launcher("/bin/sh " + kAgents + "/fake_agent.sh garbage"), "--engine", "cpu", "--archs", "0"});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("answered nonsense") && r.err.contains("Welcome to Ubuntu"), qPrintable(r.err));
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'board'"), 0LL);
    // The device's own error, unchanged.
    r = runCli({"measure", "--project", p, "--device", "board", "--remote", agent(), "--engine", "bogus", "--archs", "0"});
    QCOMPARE(r.exitCode, 1);
    QVERIFY2(r.err.contains("unknown engine 'bogus': use cpu, cuda or command:"), qPrintable(r.err));
  }
};

QTEST_GUILESS_MAIN(TestRemoteCli)
#include "test_remote_cli.moc"
