// Workbench flows driven through the pages as a user would, offscreen: open a project, select
// samples, fill the scatter and store the run, capture (stopped: kept partial; cancelled: nothing),
// merge, and survive a bad file.
#include "../core/points_support.hpp"
#include "architecture_model.hpp"
#include "capture_models.hpp"
#include "capture_page.hpp"
#include "capture_steps.hpp"
#include "device_model.hpp"
#include "devices_page.hpp"
#include "evaluation_models.hpp"
#include "evaluation_view.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "main_window.hpp"
#include "cross_device_page.hpp"
#include "predictions_page.hpp"
#include "samples_page.hpp"
#include "scatter_plot.hpp"
#include "small_project.hpp"
#include "workspace.hpp"

#include "common/error.hpp"
#include "store/counter_captures.hpp"
#include "evaluation/project_pool.hpp"
#include "predictfile/predictor_file.hpp"
#include "store/captures.hpp"
#include "store/evaluations.hpp"
#include "store/latencies.hpp"
#include "store/predictors.hpp"

#include <QComboBox>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace maple;
using namespace maple::widgets;

namespace {

bool settle(MainWindow& w, int timeoutMs = 60000) { return w.waitUntilIdle(timeoutMs); }

} // namespace

class TestWorkbenchFlows : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString project_;

private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("maple-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath(QStringLiteral("settings")));
    project_ = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("flows"), 3, 120);
  }

  void openProjectFillsEveryView() {
    MainWindow w;
    w.show();
    QSignalSpy opened(&w, &MainWindow::projectOpened);
    w.openProject(project_);
    QVERIFY(settle(w));
    QCOMPARE(opened.count(), 1);
    QVERIFY(w.windowTitle().contains(QStringLiteral("flows.maple")));
    QCOMPARE(w.devicesPage()->model()->rowCount(), 3);
    QCOMPARE(w.samplesPage()->model()->rowCount(), 120);
    QCOMPARE(QSettings().value(QStringLiteral("recentFiles")).toStringList().value(0), QFileInfo(project_).absoluteFilePath());
  }

  void selectSamplesWithEachStrategy() {
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    auto* page = w.samplesPage();
    for (const char* s : {"random", "flops-stratified", "max-min"}) {
      page->setStrategy(QString::fromLatin1(s));
      page->setSampleCount(7);
      QVERIFY2(page->selectSamples(), qPrintable(page->jobBar()->message()));
      QVERIFY(settle(w));
      QCOMPARE(page->model()->selectedRows().size(), size_t{7});
    }
    // Most uncertain without a target device: a clear message, no crash.
    w.workspace()->setTargetDevice(QString(), false);
    page->setStrategy(QStringLiteral("most-uncertain"));
    QVERIFY(!page->selectSamples());
    QVERIFY2(page->jobBar()->message().contains(QStringLiteral("reference architectures")), qPrintable(page->jobBar()->message()));
    // With one (its reference latencies are in the project) lowrank is adapted to it on a worker.
    w.workspace()->setTargetDevice(QStringLiteral("dev1"), true);
    page->setSampleCount(3);
    QVERIFY(page->selectSamples());
    QVERIFY(settle(w));
    QVERIFY2(page->jobBar()->message().startsWith(QStringLiteral("Selected 3")), qPrintable(page->jobBar()->message()));
    QCOMPARE(page->model()->selectedRows().size(), size_t{3});
  }

  void measureSelectedStoresLatencies() {
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    auto* page = w.samplesPage();
    page->setStrategy(QStringLiteral("random"));
    page->setSampleCount(2);
    QVERIFY(page->selectSamples());
    QVERIFY(settle(w));
    w.workspace()->setTargetDevice(QStringLiteral("this-host"), false);
    page->setMeasureOptions(QStringLiteral("cpu"), 2);
    page->measureSelected();
    QVERIFY(settle(w, 120000));
    QVERIFY2(!page->jobBar()->message().contains(QStringLiteral("failed")), qPrintable(page->jobBar()->message()));
    auto p = store::Project::open(project_.toStdString());
    const auto m = store::loadLatencyMatrix(p, searchspace::nb201Space(), {"this-host"});
    long measured = 0;
    for (double v : m.ms) measured += !std::isnan(v);
    QCOMPARE(measured, 2L);
    QCOMPARE(w.devicesPage()->model()->rowCount(), 4); // the devices page refreshed
  }

  void scatterFillsFromStoredEvaluation() {
    auto p = store::Project::open(project_.toStdString());
    const auto id = testing::storeKnownEvaluation(p);
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    w.setView(MainWindow::Predictions);
    w.predictionsPage()->setMode(PredictionsPage::CrossDevice);
    auto* page = w.predictionsPage()->crossDevice();
    page->showStored(0, id);
    QVERIFY(settle(w));
    auto* view = page->left();
    QVERIFY(view->points());
    const long n = static_cast<long>(view->points()->size());
    QVERIFY(n >= 360);
    QCOMPARE(view->scatter()->plottedPoints(), n);
    // The points are drawn: every device's colour shows up in the rendered plot.
    const QImage image = view->scatter()->toPixmap(800, 600).toImage().convertToFormat(QImage::Format_RGB32);
    for (int d = 0; d < static_cast<int>(view->points()->devices.size()); ++d) {
      const QRgb c = ScatterPlot::deviceColor(d).rgb();
      long found = 0;
      for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) found += image.pixel(x, y) == c;
      QVERIFY2(found > 0, qPrintable(QStringLiteral("device %1 not drawn").arg(d)));
    }
    // Per-device metrics: every error is +5 % or -20 %, so within-10 % is the share of even ids.
    QCOMPARE(view->metrics()->rowCount(), static_cast<int>(view->points()->devices.size()) + 1);
    for (int row = 0; row < view->metrics()->rowCount() - 1; ++row) {
      const auto name = view->metrics()->index(row, MetricsModel::Device).data().toString().toStdString();
      auto share = p.db().prepare("SELECT avg(CASE WHEN s.architecture_id % 2 = 0 THEN 100.0 ELSE 0.0 END) "
                                  "FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = ?1");
      share.bind(1, name);
      QVERIFY(share.step());
      QCOMPARE(view->metrics()->index(row, MetricsModel::Within10).data().toString(), QLocale().toString(share.real(0), 'f', 1));
    }
    QCOMPARE(view->worst()->index(0, WorstModel::Error).data().toString(), QLocale().toString(-20.0, 'f', 1));

    // Hovering finds the point under the cursor; clicking selects its architecture.
    view->scatter()->replot();
    const auto& pts = *view->points();
    const QPoint at(static_cast<int>(view->scatter()->xAxis->coordToPixel(pts.measuredMs[0])),
                    static_cast<int>(view->scatter()->yAxis->coordToPixel(pts.predictedMs[0])));
    const long hit = view->scatter()->pointAt(at);
    QVERIFY(hit >= 0);
    QSignalSpy chosen(view, &EvaluationView::architectureChosen);
    QTest::mouseClick(view->scatter(), Qt::LeftButton, {}, at);
    QCOMPARE(chosen.count(), 1);
    QCOMPARE(view->scatter()->selectedArchitecture(), static_cast<int>(pts.arch[static_cast<size_t>(hit)]));

    // Export of every plot in all three formats.
    QVERIFY(page->exportAll(dir_.filePath(QStringLiteral("eval"))));
    for (const char* f : {"eval-left-scatter.png", "eval-left-scatter.pdf", "eval-left-scatter.svg", "eval-left-histogram.svg"})
      QVERIFY2(QFileInfo(dir_.filePath(QString::fromLatin1(f))).size() > 500, f);
  }

  void trainAndAdaptFillsScatterAndIsStored() {
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    auto* page = w.predictionsPage()->crossDevice();
    const int before = page->storedList(0)->count();
    page->setRunOptions({}, QStringLiteral("reference-latency"), 10, 3);
    page->run();
    QVERIFY(settle(w, 300000));
    QVERIFY2(page->left()->points(), qPrintable(page->jobBar()->message()));
    QCOMPARE(page->left()->scatter()->plottedPoints(), static_cast<long>(page->left()->points()->size()));
    // Stored: both lists grew by one, and the left one shows the new evaluation.
    QCOMPARE(page->storedList(0)->count(), before + 1);
    QCOMPARE(page->storedList(1)->count(), before + 1);
    const auto id = page->storedList(0)->currentData().toLongLong();
    QCOMPARE(page->storedList(1)->currentIndex(), -1);
    {
      auto p = store::Project::open(project_.toStdString());
      QCOMPARE(store::listEvaluationRows(p).at(0).id, id); // the newest
    }
    // Opened from the list in the other view, it is the same points.
    page->showStored(1, id);
    QVERIFY(settle(w));
    QVERIFY(page->right()->points());
    QCOMPARE(page->right()->points()->size(), page->left()->points()->size());
    QVERIFY(testing::pointSet(*page->right()->points()) == testing::pointSet(*page->left()->points()));
  }

  void captureShowsProbeAndStreams() {
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    auto* page = w.capturePage();
    QVERIFY(!page->probeMessage().isEmpty());
    QVERIFY(page->events()->rowCount() > 0);
    if (page->events()->checkedEvents().empty()) QSKIP("no event can be counted here (perf_event_paranoid 3 or no perf_event)");
    page->setWorkload(QStringLiteral("nb201-ops"));
    page->setRepeats(1);
    page->start();
    QVERIFY(settle(w, 300000));
    QVERIFY2(page->jobBar()->message().contains(QStringLiteral("stored")), qPrintable(page->jobBar()->message()));
    QVERIFY(page->summary()->rowCount() > 0);
    QVERIFY(page->descriptors()->rowCount() > 0);
    QVERIFY(page->framesDrawn() > 0);
  }

  void stopKeepsAPartialCaptureAndCancelKeepsNothing() {
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    auto* page = w.capturePage();
    if (page->events()->checkedEvents().empty()) QSKIP("no event can be counted here (perf_event_paranoid 3 or no perf_event)");
    page->setWorkload(QStringLiteral("nb201-ops"));
    page->setRepeats(100); // seconds per step: the run is still going when it is stopped
    auto captures = [&] {
      auto p = store::Project::open(project_.toStdString());
      return store::listCaptures(p);
    };
    const auto before = captures().size();

    QVERIFY(testing::startPastFirstStep(page));
    page->stop();
    QVERIFY(settle(w, 300000));
    QVERIFY2(page->jobBar()->message().startsWith(QStringLiteral("Partial capture")), qPrintable(page->jobBar()->message()));
    const auto after = captures();
    QCOMPARE(after.size(), before + 1);
    QVERIFY(after[0].partial);
    auto p = store::Project::open(project_.toStdString());
    const auto kept = store::loadCapture(p, after[0].id);
    QVERIFY(!kept.steps.empty());
    QVERIFY(static_cast<int>(kept.steps.size()) < kept.plannedSteps);
    QVERIFY(page->descriptors()->rowCount() > 0);
    auto st = p.db().prepare("SELECT count(*) FROM descriptors WHERE capture_id = ?1");
    st.bind(1, after[0].id);
    QVERIFY(st.step());
    QVERIFY(st.int64(0) >= 1); // stored with the capture
    QVERIFY(page->plot()->graphCount() > 0); // the series stays on screen

    QVERIFY(testing::startPastFirstStep(page));
    page->cancel();
    QVERIFY(settle(w, 300000));
    QVERIFY2(page->jobBar()->message().contains(QStringLiteral("cancelled")), qPrintable(page->jobBar()->message()));
    QCOMPARE(captures().size(), before + 1);
    QCOMPARE(page->plot()->graphCount(), 0);
  }

  void mergeBringsDevices() {
    const auto other = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("other"), 2, 10);
    auto o = store::Project::open(other.toStdString());
    o.db().exec("UPDATE devices SET name = 'remote-' || name");
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    const int before = w.devicesPage()->model()->rowCount();
    w.devicesPage()->mergeFrom(other);
    QVERIFY(settle(w));
    QCOMPARE(w.devicesPage()->model()->rowCount(), before + 2);
    QVERIFY2(w.devicesPage()->jobBar()->message().contains(QStringLiteral("Merged 2")), qPrintable(w.devicesPage()->jobBar()->message()));
  }

  void badFileShowsErrorAndKeepsWindow() {
    const QString bad = dir_.filePath(QStringLiteral("bad.maple"));
    QFile f(bad);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("this is not a MAPLE project, just text\n");
    f.close();
    MainWindow w;
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    QSignalSpy failed(&w, &MainWindow::projectFailed);
    w.openProject(bad);
    QVERIFY(settle(w));
    QCOMPARE(failed.count(), 1);
    QVERIFY2(w.lastError().contains(QStringLiteral("bad.maple")), qPrintable(w.lastError()));
    // The open project stays.
    QCOMPARE(w.workspace()->projectPath(), QFileInfo(project_).absoluteFilePath());
    QVERIFY(w.isVisible());

    w.openProject(dir_.filePath(QStringLiteral("absent.maple")));
    QVERIFY(settle(w));
    QCOMPARE(failed.count(), 2);
  }

  void exportPredictorWritesTheFile() {
    {
      auto p = store::Project::open(project_.toStdString());
      const auto pool = evaluation::loadTrainingPool(p, searchspace::nb201Space(), {"dev0", "dev1", "dev2"}, "reference-latency");
      predictfile::PredictorFile file;
      file.state = predict::train("lowrank", pool, {})->state();
      file.created = predictfile::creationHere();
      store::savePredictor(p, "pool-lowrank", file);
    }
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    const QString out = dir_.filePath(QStringLiteral("exported.maplepred"));
    w.exportPredictor(QStringLiteral("pool-lowrank"), out);
    QVERIFY(settle(w));
    QVERIFY2(w.lastError().isEmpty(), qPrintable(w.lastError()));
    const auto back = predictfile::readPredictorFile(out.toStdString());
    QCOMPARE(predictfile::summarise(back).method, std::string("lowrank"));
    // An unknown name is an error in the window, not a crash.
    w.exportPredictor(QStringLiteral("nope"), dir_.filePath(QStringLiteral("nope.maplepred")));
    QVERIFY(settle(w));
    QVERIFY2(w.lastError().contains(QStringLiteral("pool-lowrank")), qPrintable(w.lastError()));
    QVERIFY(!QFileInfo::exists(dir_.filePath(QStringLiteral("nope.maplepred"))));
  }

  void cancelStopsAJob() {
    Job job;
    QSignalSpy cancelled(&job, &Job::cancelled);
    job.start(QStringLiteral("spin"), [](JobControl& c) -> Job::Continuation {
      while (c.report(0.5, "spinning")) QThread::msleep(5);
      fail(ErrorKind::Cancelled, "stopped as asked");
    });
    QTest::qWait(50);
    job.cancel();
    QVERIFY(job.wait());
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.first().first().toString(), QStringLiteral("stopped as asked"));
  }
};

QTEST_MAIN(TestWorkbenchFlows)
#include "test_workbench_flows.moc"
