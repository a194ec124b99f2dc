// The loop a user runs to characterise a new machine, driven through the workbench offscreen on a
// fresh project: detect and add this machine, measure 12 small architectures with the CPU engine,
// adapt from 10 of them; the adapted predictor is stored and its export predicts, through
// `maple predict`, the numbers the workbench shows. Plus the refusals of writes into imported
// devices and Cancel near 100 %.
#include "adapt_page.hpp"
#include "architecture_model.hpp"
#include "cross_device_page.hpp"
#include "device_check_model.hpp"
#include "devices_page.hpp"
#include "device_model.hpp"
#include "evaluation_view.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "local_device.hpp"
#include "main_window.hpp"
#include "predictions_page.hpp"
#include "samples_page.hpp"
#include "small_project.hpp"
#include "target_bar.hpp"
#include "workspace.hpp"

#include "descriptor/from_data.hpp"
#include "services/evaluations.hpp"
#include "services/measure.hpp"
#include "services/predictors.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <QAbstractItemModelTester>
#include <QProcess>
#include <QSettings>
#include <qcustomplot.h>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cmath>

using namespace maple;
using namespace maple::widgets;

namespace {

bool settle(MainWindow& w, int timeoutMs = 300000) { return w.waitUntilIdle(timeoutMs); }

long samplesOf(const QString& path, const std::string& device) {
  auto p = store::Project::open(path.toStdString());
  for (const auto& s : store::listDeviceSummaries(p))
    if (s.device.name == device) return static_cast<long>(s.latencySamples);
  return -1;
}

// Ticks HELP's reference architectures and then the smallest others, `n` in all.
void tickReferencesAndSmallest(SamplesPage* page, int n) {
  page->tickReferences();
  auto rows = page->model()->selectedRows();
  std::vector<int> order(static_cast<size_t>(page->model()->rowCount()));
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) {
    return page->model()->rows()[static_cast<size_t>(a)].mflops < page->model()->rows()[static_cast<size_t>(b)].mflops;
  });
  for (int r : order) {
    if (static_cast<int>(rows.size()) >= n) break;
    if (std::find(rows.begin(), rows.end(), r) == rows.end()) rows.push_back(r);
  }
  page->model()->setSelectedRows(rows);
}

} // namespace

class TestWorkbenchLoop : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("maple-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath(QStringLiteral("settings")));
  }

  void trainingDeviceModel() {
    DeviceCheckModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDevices({"a", "b", "c"}, {"c", "a", "zz"});
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.checkedDevices(), (std::vector<std::string>{"a", "c"})); // list order, unknown names dropped
    QVERIFY(model.setData(model.index(1), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.checkedCount(), 3);
    model.setChecked({"b"});
    QCOMPARE(model.checkedDevices(), std::vector<std::string>{"b"});
  }

  void wholeLoopOnAFreshProject() {
    const QString project = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("loop"), 3, 80);
    MainWindow w;
    w.resize(1280, 800);
    w.show();
    w.openProject(project);
    QVERIFY(settle(w));

    // Detect and add this machine.
    w.devicesPage()->detectHost();
    QVERIFY(settle(w));
    w.devicesPage()->addDetectedHost(QStringLiteral("vm-eval"));
    QVERIFY(settle(w));
    QVERIFY2(w.devicesPage()->jobBar()->message().contains(QStringLiteral("vm-eval")), qPrintable(w.devicesPage()->jobBar()->message()));
    QCOMPARE(w.devicesPage()->model()->rowCount(), 4);
    // Adding it again under the same name is refused, nothing written.
    w.devicesPage()->addDetectedHost(QStringLiteral("vm-eval"));
    QVERIFY(settle(w));
    QVERIFY(w.devicesPage()->jobBar()->isError());
    QCOMPARE(w.devicesPage()->model()->rowCount(), 4);

    // The target, then 12 small architectures measured with the CPU engine.
    QVERIFY(w.targetBar()->choose(QStringLiteral("vm-eval")));
    QVERIFY(settle(w));
    QVERIFY(!w.workspace()->targetIsImported());
    auto* samples = w.samplesPage();
    tickReferencesAndSmallest(samples, 12);
    QCOMPARE(samples->model()->selectedRows().size(), size_t{12});
    samples->setMeasureOptions(QStringLiteral("cpu"), 3);
    samples->measureSelected();
    QVERIFY(settle(w, 600000));
    QVERIFY2(!samples->jobBar()->message().contains(QStringLiteral("failed")), qPrintable(samples->jobBar()->message()));
    QCOMPARE(samplesOf(project, "vm-eval"), 12L);
    // The Samples view shows what was measured on the target.
    QCOMPARE(samples->model()->measuredCount(), 12);

    // Adapt from 10 (HELP's references first: they make its reference-latency descriptor).
    auto* adapt = w.predictionsPage()->adapt();
    w.setView(MainWindow::Predictions);
    QCOMPARE(adapt->trainingDevices()->checkedDevices(), (std::vector<std::string>{"dev0", "dev1", "dev2"}));
    adapt->setOptions({}, QStringLiteral("reference-latency"), 10);
    adapt->adapt();
    QVERIFY(settle(w));
    QVERIFY2(!adapt->lastPredictor().isEmpty(), qPrintable(adapt->jobBar()->message()));
    const auto& shown = adapt->shown();
    QCOMPARE(static_cast<int>(shown.points->size()), 12);
    QCOMPARE(std::count(shown.points->isShot.begin(), shown.points->isShot.end(), 1), 10L);
    QCOMPARE(adapt->view()->overall()->points, 2L); // the two held out are scored
    QCOMPARE(static_cast<int>(shown.spaceMs.size()), nb201::kSpaceSize);
    QVERIFY(adapt->distribution()->graphCount() >= 2);

    // Stored in the project, adapted to vm-eval.
    {
      auto p = store::Project::open(project.toStdString());
      const auto list = services::listPredictors(p);
      const auto it = std::find_if(list.begin(), list.end(), [&](const auto& l) { return l.name == adapt->lastPredictor().toStdString(); });
      QVERIFY(it != list.end());
      QCOMPARE(it->targetDevice, std::string("vm-eval"));
    }

    // Exported, it predicts through `maple predict` what the workbench shows, with no project.
    const QString file = dir_.filePath(QStringLiteral("vm-eval.maplepred"));
    w.exportPredictor(adapt->lastPredictor(), file);
    QVERIFY(settle(w));
    QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
    QProcess maple;
    maple.start(QStringLiteral(MAPLE_CLI), {QStringLiteral("predict"), QStringLiteral("--predictor"), file,
                                             QStringLiteral("--all"), QStringLiteral("--csv")});
    QVERIFY(maple.waitForFinished(120000));
    QVERIFY2(maple.exitCode() == 0, maple.readAllStandardError().constData());
    const auto lines = maple.readAllStandardOutput().split('\n');
    QCOMPARE(lines.value(0), QByteArray("arch,code,index,predicted_ms,spread"));
    int compared = 0;
    for (qsizetype i = 1; i < lines.size(); ++i) {
      const auto f = lines[i].split(',');
      if (f.size() < 4) continue;
      const int code = f[1].toInt();
      const double cli = f[3].toDouble(), gui = shown.spaceMs[static_cast<size_t>(code)];
      QVERIFY2(std::abs(cli - gui) <= 1e-5 * gui, qPrintable(QStringLiteral("%1: cli %2, gui %3").arg(code).arg(cli).arg(gui)));
      ++compared;
    }
    QCOMPARE(compared, nb201::kSpaceSize);
    // The held-out points on screen are the same predictions.
    for (size_t i = 0; i < shown.points->size(); ++i) {
      const auto code = searchspace::nb201Space().index(searchspace::nb201Space().parse(shown.points->archs[shown.points->arch[i]]));
      const double gui = shown.spaceMs[static_cast<size_t>(*code)];
      QVERIFY(std::abs(shown.points->predictedMs[i] - gui) <= 1e-5 * gui);
    }
  }

  void scriptedModeAdaptsExportsAndShoots() {
    // Its own project: a local vm-eval with 12 measured architectures (no engine run needed).
    const QString scripted = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("scripted"), 3, 80);
    {
      auto p = store::Project::open(scripted.toStdString());
      testing::addLocalLatencies(p, 12, "dev0", "vm-eval");
    }
    const QString file = dir_.filePath(QStringLiteral("scripted.maplepred")), shot = dir_.filePath(QStringLiteral("adapt.png"));
    QProcess workbench;
    workbench.start(QStringLiteral(MAPLE_WORKBENCH),
                    {QStringLiteral("--project"), scripted, QStringLiteral("--device"), QStringLiteral("vm-eval"),
                     QStringLiteral("--view"), QStringLiteral("predictions"), QStringLiteral("--run"),
                     QStringLiteral("--export-predictor"), file, QStringLiteral("--screenshot"), shot});
    QVERIFY(workbench.waitForFinished(300000));
    const QByteArray log = workbench.readAllStandardError();
    QVERIFY2(workbench.exitCode() == 0, log.constData());
    // The offscreen platform's per-window size-hint warning is dropped: it buried the screenshot paths.
    QVERIFY2(!log.contains("propagateSizeHints"), log.constData());
    QVERIFY(QFileInfo(file).size() > 0);
    const QImage image(shot);
    // The requested size, or the window's minimum where that is larger.
    QVERIFY2(image.width() >= 1280 && image.height() >= 800 && image.width() < 1600,
             qPrintable(QStringLiteral("%1x%2").arg(image.width()).arg(image.height())));
    {
      auto p = store::Project::open(scripted.toStdString());
      long adapted = 0;
      for (const auto& l : services::listPredictors(p)) adapted += l.targetDevice == "vm-eval";
      QCOMPARE(adapted, 1L);
    }
    // An existing file is not replaced; a device the project lacks is named.
    workbench.start(QStringLiteral(MAPLE_WORKBENCH),
                    {QStringLiteral("--project"), scripted, QStringLiteral("--device"), QStringLiteral("vm-eval"),
                     QStringLiteral("--view"), QStringLiteral("predictions"), QStringLiteral("--run"),
                     QStringLiteral("--export-predictor"), file, QStringLiteral("--screenshot"), shot});
    QVERIFY(workbench.waitForFinished(300000));
    QCOMPARE(workbench.exitCode(), 2);
    workbench.start(QStringLiteral(MAPLE_WORKBENCH), {QStringLiteral("--project"), scripted, QStringLiteral("--device"),
                                                      QStringLiteral("nope"), QStringLiteral("--screenshot"), shot});
    QVERIFY(workbench.waitForFinished(300000));
    QCOMPARE(workbench.exitCode(), 2);
    QVERIFY(workbench.readAllStandardError().contains("nope"));
  }

  void helpAndVersionNeedNoDisplay() {
    // The defect: both aborted without a display (exit 134). No DISPLAY, WAYLAND_DISPLAY or
    // QT_QPA_PLATFORM here: they print and exit 0.
    auto env = QProcessEnvironment::systemEnvironment();
    for (const char* var : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"}) env.remove(QString::fromLatin1(var));
    for (const char* option : {"--help", "--version"}) {
      QProcess workbench;
      workbench.setProcessEnvironment(env);
      workbench.start(QStringLiteral(MAPLE_WORKBENCH), {QString::fromLatin1(option)});
      QVERIFY(workbench.waitForFinished(60000));
      QCOMPARE(workbench.exitStatus(), QProcess::NormalExit);
      QCOMPARE(workbench.exitCode(), 0);
      QVERIFY2(workbench.readAllStandardOutput().contains("maple-workbench"), option);
    }
  }

  void importedDevicesAreNeverWrittenInto() {
    const QString project = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("refuse"), 3, 30);
    MainWindow w;
    w.show();
    w.openProject(project);
    QVERIFY(settle(w));
    const long before = samplesOf(project, "dev1");
    // "Add to project" under an imported name: refused, dev1 unchanged.
    w.devicesPage()->detectHost();
    QVERIFY(settle(w));
    w.devicesPage()->addDetectedHost(QStringLiteral("dev1"));
    QVERIFY(settle(w));
    QVERIFY(w.devicesPage()->jobBar()->isError());
    QVERIFY2(w.devicesPage()->jobBar()->message().contains(QStringLiteral("dev1")), qPrintable(w.devicesPage()->jobBar()->message()));
    {
      auto p = store::Project::open(project.toStdString());
      QVERIFY(store::findDevice(p, "dev1")->provenance.find("detected") == std::string::npos);
    }
    // Measuring with an imported target: the page refuses before anything runs.
    QVERIFY(w.targetBar()->choose(QStringLiteral("dev1")));
    w.samplesPage()->tickReferences();
    w.samplesPage()->measureSelected();
    QVERIFY(w.samplesPage()->jobBar()->isError());
    QVERIFY(settle(w));
    QCOMPARE(samplesOf(project, "dev1"), before);
    // And the service refuses too, should a request get past the page.
    {
      auto p = store::Project::open(project.toStdString());
      services::MeasureRequest r;
      r.device = "dev1";
      r.engine.engine = "cpu";
      r.targets.push_back({searchspace::nb201Architecture(nb201::cellFromCode(3)), std::nullopt});
      QVERIFY_THROWS_EXCEPTION(std::exception, services::measureAndStore(p, r));
    }
    QCOMPARE(samplesOf(project, "dev1"), before);
  }

  void cancelNearTheEndIsHonouredOrSaid() {
    const QString project = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("cancel"), 4, 60);
    MainWindow w;
    w.show();
    w.openProject(project);
    QVERIFY(settle(w));
    auto* cross = w.predictionsPage()->crossDevice();
    cross->setRunOptions({}, QStringLiteral("reference-latency"), 5, 2);
    // The user presses Cancel once the bar shows 90 % or more.
    bool asked = false;
    connect(cross->job(), &Job::progress, this, [&](double f, const QString&) {
      if (f >= 0.9 && !asked) {
        asked = true;
        cross->jobBar()->findChild<QPushButton*>()->click();
      }
    });
    QSignalSpy cancelled(cross->job(), &Job::cancelled);
    QSignalSpy succeeded(cross->job(), &Job::succeeded);
    cross->run();
    QVERIFY(settle(w));
    QVERIFY(asked);
    auto p = store::Project::open(project.toStdString());
    const auto stored = services::listEvaluations(p).size();
    // Never ignored in silence: either nothing is stored, or the run had already written its result
    // (the write cannot be undone) and the bar says so.
    if (cancelled.count() == 1) {
      QCOMPARE(stored, size_t{0});
    } else {
      QCOMPARE(stored, size_t{1});
      QVERIFY(cross->job()->finishedDespiteCancel());
      QVERIFY2(cross->jobBar()->message().contains(QStringLiteral("before Cancel")), qPrintable(cross->jobBar()->message()));
    }
  }
};

QTEST_MAIN(TestWorkbenchLoop)
#include "test_workbench_loop.moc"
