// The workbench with a remote device, offscreen, through a real OpenSSH server on 127.0.0.1
// (tests/remote/sshd_fixture.hpp): "Add remote device..." tests the launcher and adds the device
// with it; the new device becomes the target; the Samples page measures on it and the Capture page
// captures on it through `ssh ... maple agent` (with a live plot, and stopped early), stored with
// the launcher's provenance; refusals and failed connections show their message and write
// nothing; Cancel ends the launcher. Tests that need sshd skip visibly where it cannot start.
#include "../cli/cli_runner.hpp"
#include "../remote/sshd_fixture.hpp"
#include "architecture_model.hpp"
#include "capture_page.hpp"
#include "capture_steps.hpp"
#include "devices_page.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "main_window.hpp"
#include "remote_device_dialog.hpp"
#include "samples_page.hpp"
#include "target_bar.hpp"
#include "small_project.hpp"
#include "workspace.hpp"

#include "measure/host.hpp"

#include <QComboBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <qcustomplot.h>

using namespace maple;
using namespace maple::widgets;
using maple::testing::count;

namespace {
const QString kAgents = QStringLiteral(MAPLE_TEST_AGENTS_DIR);
const QString kCli = QStringLiteral(MAPLE_CLI);
const char* kDevices = "SELECT count(*) FROM devices";
} // namespace

class TestRemoteWorkbench : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  std::unique_ptr<maple::testing::SshServer> sshd_;

  QString project(const QString& name) { return testing::makeSmallProject(QDir(dir_.path()), name, 1, 30); }

  // Opens `project` in the window and, once it is idle, "Add remote device..." (null if never idle).
  static RemoteDeviceDialog* openDialog(MainWindow& w, const QString& project) {
    w.openProject(project);
    return w.waitUntilIdle(60000) ? w.devicesPage()->openRemoteDialog() : nullptr;
  }

  // Tests the launcher in the dialog and waits for the outcome.
  static bool tested(RemoteDeviceDialog* dialog, const QString& launcher) {
    dialog->setLauncher(launcher);
    dialog->testConnection();
    return dialog->job()->wait(90000);
  }

private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("maple-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath(QStringLiteral("settings")));
    sshd_ = std::make_unique<maple::testing::SshServer>();
  }

  void addsARemoteDeviceThenMeasuresAndCapturesOnIt() {
    if (!sshd_->ok()) QSKIP(qPrintable("sshd cannot start here: " + sshd_->whyNot()));
    const auto p = project(QStringLiteral("remote"));
    MainWindow w;
    auto* dialog = openDialog(w, p);
    QVERIFY(dialog);
    const auto launcher = sshd_->launcher(kCli + QStringLiteral(" agent"));
    QVERIFY(tested(dialog, launcher));
    QVERIFY2(dialog->canAdd(), qPrintable(dialog->jobBar()->message()));
    // The agent runs on this machine through ssh: what it detected is this machine.
    const auto shown = dialog->detectedText();
    const auto host = measure::detectHost();
    QVERIFY2(shown.contains(QString::fromStdString(host.hostname)) && shown.contains(QString::fromStdString(host.cpuModel)) &&
                 shown.contains(QStringLiteral("Hardware PMU")) && shown.contains(QString::fromStdString(host.kernel)),
             qPrintable(shown));
    QCOMPARE(dialog->deviceName(), QString::fromStdString(host.hostname)); // offered as the name
    QCOMPARE(count(p, kDevices), 1LL); // a test writes nothing
    dialog->setDeviceName(QStringLiteral("board"));
    dialog->addDevice();
    QVERIFY(dialog->job()->wait(30000));
    QVERIFY(w.waitUntilIdle(60000));
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE name = 'board' AND launcher LIKE 'ssh -F none -p %maple agent'"), 1LL);
    QTRY_COMPARE_WITH_TIMEOUT(w.workspace()->targetDevice(), QStringLiteral("board"), 10000); // the new device is the target
    // Marked remote, not "this machine", though its agent runs here through ssh.
    QCOMPARE(w.targetBar()->combo()->currentText(), QStringLiteral("board (remote)"));

    // Samples page: measure two architectures on the remote target.
    auto* samples = w.samplesPage();
    samples->setStrategy(QStringLiteral("random"));
    samples->setSampleCount(2);
    QVERIFY(samples->selectSamples());
    QVERIFY(w.waitUntilIdle(60000));
    samples->setMeasureOptions(QStringLiteral("cpu"), 2);
    samples->measureSelected();
    QVERIFY(w.waitUntilIdle(180000));
    // (A high-spread warning on a loaded machine is shown in red too: the outcome line is what counts.)
    QVERIFY2(samples->jobBar()->message().startsWith(QStringLiteral("stored 2 latency samples for device 'board'")),
             qPrintable(samples->jobBar()->message()));
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'board'"), 2LL);
    QCOMPARE(count(p, "SELECT count(*) FROM latency_samples s JOIN sources o ON o.id = s.source_id "
                      "WHERE o.description LIKE '%via launcher ''ssh -F none%'"),
             2LL);

    // Capture page: a capture on the remote target, stored with the launcher in its source.
    auto* capture = w.capturePage();
    capture->setWorkload(QStringLiteral("nb201-ops"));
    capture->setRepeats(1);
    capture->start();
    QVERIFY(w.waitUntilIdle(180000));
    QVERIFY2(!capture->jobBar()->isError(), qPrintable(capture->jobBar()->message()));
    QCOMPARE(count(p, "SELECT count(*) FROM captures c JOIN devices d ON d.id = c.device_id WHERE d.name = 'board' "
                      "AND c.source LIKE '%via launcher ''ssh -F none%'"),
             1LL);
  }

  // A remote target's capture as this machine's: its readings reach the live plot while it runs,
  // Stop is offered and keeps the steps counted so far (partial), stored with the launcher.
  void remoteCaptureRunsLiveAndStops() {
    if (!sshd_->ok()) QSKIP(qPrintable("sshd cannot start here: " + sshd_->whyNot()));
    const auto p = project(QStringLiteral("stop"));
    const auto launcher = sshd_->launcher(kCli + QStringLiteral(" agent"));
    const auto added = testing::runCli({"devices", "--project", p, "--add-remote", "board", "--remote", launcher});
    QVERIFY2(added.exitCode == 0, qPrintable(added.err));
    MainWindow w;
    w.openProject(p);
    QVERIFY(w.waitUntilIdle(60000));
    w.workspace()->setTargetDevice(QStringLiteral("board"), false);
    QVERIFY(w.waitUntilIdle(60000)); // the page learns the target's launcher
    auto* capture = w.capturePage();
    QPushButton* stop = nullptr;
    for (auto* b : capture->findChildren<QPushButton*>())
      if (b->text() == QStringLiteral("Stop")) stop = b;
    QVERIFY(stop);
    capture->setWorkload(QStringLiteral("nb201-ops"));
    capture->setRepeats(40); // >= 0.4 s a step: still running when stopped
    QVERIFY(testing::startPastFirstStep(capture));
    QTRY_VERIFY_WITH_TIMEOUT(capture->framesDrawn() > 0 && capture->plot()->graphCount() > 0, 10000);
    QVERIFY(capture->job()->isRunning()); // drawn live, not when stored
    QVERIFY(stop->isEnabled());
    stop->click();
    QVERIFY(w.waitUntilIdle(180000));
    QVERIFY2(capture->jobBar()->message().startsWith(QStringLiteral("Partial capture")), qPrintable(capture->jobBar()->message()));
    QCOMPARE(count(p, "SELECT count(*) FROM captures c JOIN devices d ON d.id = c.device_id WHERE d.name = 'board' "
                      "AND c.partial = 1 AND c.source LIKE '%via launcher ''ssh -F none%'"),
             1LL);
    QVERIFY(capture->plot()->graphCount() > 0); // the series stays on screen
  }

  // A name in use or imported is refused in the dialog, which stays open; nothing is written.
  void refusesANameInUse() {
    if (!sshd_->ok()) QSKIP(qPrintable("sshd cannot start here: " + sshd_->whyNot()));
    const auto p = project(QStringLiteral("refuse"));
    MainWindow w;
    auto* dialog = openDialog(w, p);
    QVERIFY(dialog);
    QVERIFY(tested(dialog, sshd_->launcher(kCli + QStringLiteral(" agent"))));
    QVERIFY(dialog->canAdd());
    dialog->setDeviceName(QStringLiteral("dev0"));
    dialog->addDevice();
    QVERIFY(dialog->job()->wait(30000));
    QVERIFY(dialog->jobBar()->isError());
    QVERIFY2(dialog->jobBar()->message().contains(QStringLiteral("'dev0' is imported reference data")),
             qPrintable(dialog->jobBar()->message()));
    QVERIFY(dialog->isVisible());
    QCOMPARE(count(p, kDevices), 1LL);
    QCOMPARE(count(p, "SELECT count(*) FROM devices WHERE launcher IS NOT NULL"), 0LL);
  }

  // A launcher that cannot start and an agent that dies: the message as the link words it, no
  // device can be added, nothing is written.
  void failedConnectionShowsTheMessageAndWritesNothing() {
    const auto p = project(QStringLiteral("fail"));
    MainWindow w;
    auto* dialog = openDialog(w, p);
    QVERIFY(dialog);
    QVERIFY(tested(dialog, QStringLiteral("/nonexistent/launcher maple agent")));
    QVERIFY(dialog->jobBar()->isError());
    QVERIFY2(dialog->jobBar()->message().contains(QStringLiteral("/nonexistent/launcher")) &&
                 dialog->jobBar()->message().contains(QStringLiteral("No such file")),
             qPrintable(dialog->jobBar()->message()));
    QVERIFY(!dialog->canAdd());
    QVERIFY(dialog->detectedText().isEmpty());
    QVERIFY(tested(dialog, QStringLiteral("/bin/sh ") + kAgents + QStringLiteral("/fake_agent.sh exit")));
    QVERIFY2(dialog->jobBar()->message().contains(QStringLiteral("the connection was lost: the launcher exited with status 7")) &&
                 dialog->jobBar()->message().contains(QStringLiteral("agent: giving up")),
             qPrintable(dialog->jobBar()->message()));
    QVERIFY(!dialog->canAdd());
    dialog->setDeviceName(QStringLiteral("ghost"));
    dialog->addDevice(); // refused before anything runs
    QVERIFY(dialog->jobBar()->message().contains(QStringLiteral("Test the connection")));
    QCOMPARE(count(p, kDevices), 1LL);
  }

  // Cancel during a test that hangs ends the launcher at once, far within the reply timeout.
  void cancelEndsAHangingTest() {
    const auto p = project(QStringLiteral("cancel"));
    MainWindow w;
    auto* dialog = openDialog(w, p);
    QVERIFY(dialog);
    dialog->setLauncher(QStringLiteral("/bin/sh ") + kAgents + QStringLiteral("/fake_agent.sh hang"));
    dialog->testConnection();
    QVERIFY(dialog->job()->isRunning());
    QTest::qWait(500); // hello is answered; the detect request hangs
    QElapsedTimer t;
    t.start();
    dialog->job()->cancel();
    QVERIFY(dialog->job()->wait(30000));
    QVERIFY2(t.elapsed() < 5000, qPrintable(QString::number(t.elapsed())));
    QVERIFY2(dialog->jobBar()->message().contains(QStringLiteral("cancelled")), qPrintable(dialog->jobBar()->message()));
    QVERIFY(!dialog->canAdd());
  }
};

QTEST_MAIN(TestRemoteWorkbench)
#include "test_remote_workbench.moc"
