// The defects a new user found in the workbench, each driven as the user met it, offscreen:
// stale state after New and Open, status lines, requests made while a job runs, the scatter's
// legend, swatches, highlighting and hover label, the Worst predictions tab, plot export, the
// compare view, the Samples page's search, count and FLOPs boxes, and the target device.
#include "adapt_page.hpp"
#include "architecture_model.hpp"
#include "capture_models.hpp"
#include "capture_page.hpp"
#include "device_model.hpp"
#include "devices_page.hpp"
#include "evaluation_models.hpp"
#include "evaluation_view.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "main_window.hpp"
#include "plot_export.hpp"
#include "cross_device_page.hpp"
#include "predictions_page.hpp"
#include "samples_page.hpp"
#include "scatter_plot.hpp"
#include "small_project.hpp"
#include "target_bar.hpp"
#include "workspace.hpp"

#include "common/error.hpp"
#include "store/evaluations.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QCheckBox>
#include <QSignalSpy>
#include <QSplitter>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>

using namespace maple;
using namespace maple::widgets;

namespace {

bool settle(MainWindow& w, int timeoutMs = 60000) { return w.waitUntilIdle(timeoutMs); }

long pixelsOf(const QImage& image, QRgb c) {
  long n = 0;
  for (int y = 0; y < image.height(); ++y)
    for (int x = 0; x < image.width(); ++x) n += image.pixel(x, y) == c;
  return n;
}

} // namespace

class TestWorkbenchDefects : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString project_;
  std::int64_t evaluation_ = 0;

  // The window on the project, Predictions > Cross-device showing the known evaluation.
  bool showEvaluation(MainWindow& w) {
    w.resize(1200, 800);
    w.show();
    w.openProject(project_);
    if (!settle(w)) return false;
    w.setView(MainWindow::Predictions);
    w.predictionsPage()->setMode(PredictionsPage::CrossDevice);
    w.predictionsPage()->crossDevice()->showStored(0, evaluation_);
    return settle(w) && w.predictionsPage()->crossDevice()->left()->points();
  }

private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("maple-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath(QStringLiteral("settings")));
    project_ = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("defects"), 3, 60);
    auto p = store::Project::open(project_.toStdString());
    evaluation_ = testing::storeKnownEvaluation(p);
  }

  void newProjectLeavesNothingOfTheOld() {
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    w.predictionsPage()->crossDevice()->showStored(0, evaluation_);
    w.devicesPage()->refresh();
    QVERIFY(settle(w));
    QVERIFY(w.predictionsPage()->crossDevice()->left()->points());
    QCOMPARE(w.devicesPage()->model()->rowCount(), 3);
    w.capturePage()->jobBar()->showMessage(QStringLiteral("an old error"), true);
    const QString fresh = dir_.filePath(QStringLiteral("fresh.maple"));
    w.newProject(fresh);
    QVERIFY(settle(w));
    QCOMPARE(w.workspace()->projectPath(), QFileInfo(fresh).absoluteFilePath());
    QCOMPARE(w.devicesPage()->model()->rowCount(), 0);
    QVERIFY(!w.predictionsPage()->crossDevice()->left()->points());
    QCOMPARE(w.predictionsPage()->crossDevice()->storedList(0)->count(), 0);
    QCOMPARE(w.samplesPage()->model()->rowCount(), 0);
    QVERIFY(!w.capturePage()->jobBar()->message().contains(QStringLiteral("old error")));
    QCOMPARE(w.capturePage()->summary()->rowCount(), 0);
    QCOMPARE(w.capturePage()->pastCaptures()->count(), 0);
    // The target is this machine, not a device of the last project.
    QVERIFY(!w.workspace()->targetDevice().startsWith(QStringLiteral("dev")));
    // And back: everything of the first project shows again.
    w.openProject(project_);
    QVERIFY(settle(w));
    QCOMPARE(w.devicesPage()->model()->rowCount(), 3);
    QCOMPARE(w.samplesPage()->model()->rowCount(), 60);
  }

  void errorsShareOneLineWithTheFileJob() {
    MainWindow w;
    w.show();
    w.openProject(dir_.filePath(QStringLiteral("absent.maple")));
    QVERIFY(settle(w));
    QVERIFY(!w.lastError().isEmpty());
    // Never a temporary status-bar message drawn over the job line.
    QVERIFY(w.statusBar()->currentMessage().isEmpty());
    QVERIFY2(w.fileBar()->message().contains(QStringLiteral("absent.maple")), qPrintable(w.fileBar()->message()));
  }

  void loadingMessagesClear() {
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    w.predictionsPage()->crossDevice()->showStored(0, evaluation_);
    QVERIFY(settle(w));
    const QString m = w.predictionsPage()->crossDevice()->jobBar()->message();
    QVERIFY2(!m.contains(QStringLiteral("...")), qPrintable(m));
    QVERIFY2(m.startsWith(QStringLiteral("Showing evaluation")), qPrintable(m));
  }

  void requestsWhileBusyAreQueuedNotDropped() {
    Job job;
    QSignalSpy queued(&job, &Job::queued);
    std::atomic<int> ran{0};
    std::atomic<bool> release{false};
    QVERIFY(job.start(QStringLiteral("first"), [&](JobControl&) -> Job::Continuation {
      while (!release) QThread::msleep(2);
      ++ran;
      return {};
    }));
    for (int i = 0; i < 3; ++i)
      QVERIFY(job.start(QStringLiteral("second"), [&](JobControl&) -> Job::Continuation {
        ran += 10;
        return {};
      }));
    QVERIFY(job.start(QStringLiteral("third"), [&](JobControl&) -> Job::Continuation {
      ran += 100;
      return {};
    }));
    QCOMPARE(queued.count(), 4);
    QCOMPARE(job.queuedCount(), 2); // the newest "second" replaced the waiting ones
    release = true;
    QVERIFY(job.wait());
    QCOMPARE(ran.load(), 111);
  }

  void jobBarAnnouncesQueuedAndCancelling() {
    Job job;
    JobBar bar(&job);
    std::atomic<bool> release{false};
    job.start(QStringLiteral("Measuring"), [&](JobControl& c) -> Job::Continuation {
      while (!release) {
        c.report(1.0, "last step"); // at 100 %: a Cancel must still be visible and honoured
        QThread::msleep(2);
      }
      if (c.cancelled()) fail(ErrorKind::Cancelled, "nothing stored");
      return {};
    });
    job.start(QStringLiteral("Loading"), [](JobControl&) -> Job::Continuation { return {}; });
    QVERIFY2(bar.message().contains(QStringLiteral("waits until Measuring")), qPrintable(bar.message()));
    QTest::qWait(80);
    QSignalSpy cancelled(&job, &Job::cancelled);
    auto* cancel = bar.findChild<QPushButton*>();
    QVERIFY(cancel);
    cancel->click();
    QTest::qWait(80); // progress keeps arriving: "cancelling..." stays
    QVERIFY2(bar.message().contains(QStringLiteral("cancelling")), qPrintable(bar.message()));
    QVERIFY(!cancel->isEnabled());
    release = true;
    QVERIFY(job.wait());
    QCOMPARE(cancelled.count(), 1);
    QCOMPARE(cancelled.first().first().toString(), QStringLiteral("nothing stored"));
  }

  void scatterLegendSwatchesAndHighlight() {
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    w.setView(MainWindow::Predictions);
    w.predictionsPage()->setMode(PredictionsPage::CrossDevice);
    auto* view = w.predictionsPage()->crossDevice()->left();
    w.predictionsPage()->crossDevice()->showStored(0, evaluation_);
    QVERIFY(settle(w));
    auto* scatter = view->scatter();
    // A legend names each device (3 here) beside the guides.
    QVERIFY(scatter->legend->visible());
    QStringList names;
    for (int i = 0; i < scatter->legend->itemCount(); ++i)
      if (auto* item = qobject_cast<QCPPlottableLegendItem*>(scatter->legend->item(i))) names << item->plottable()->name();
    for (const char* d : {"dev0", "dev1", "dev2"}) QVERIFY2(names.contains(QLatin1String(d)), qPrintable(names.join(',')));
    // The headline states the accuracy over the test points.
    QVERIFY2(view->headline().contains(QStringLiteral("within +-10 %")), qPrintable(view->headline()));
    // Selecting dev1's row in the per-device table draws only dev1 in colour.
    view->metricsTable()->selectRow(1);
    QCOMPARE(scatter->highlightedDevice(), 1);
    scatter->legend->setVisible(false); // its swatches hold every colour
    QImage image = scatter->toPixmap(800, 600).toImage().convertToFormat(QImage::Format_RGB32);
    QVERIFY(pixelsOf(image, ScatterPlot::deviceColor(1).rgb()) > 0);
    QCOMPARE(pixelsOf(image, ScatterPlot::deviceColor(0).rgb()), 0L);
    QCOMPARE(pixelsOf(image, ScatterPlot::deviceColor(2).rgb()), 0L);
    QVERIFY(pixelsOf(image, qRgb(0xd9, 0xd9, 0xd9)) > 0); // the others, greyed
    view->metricsTable()->selectRow(3); // "all"
    QCOMPARE(scatter->highlightedDevice(), -1);
  }

  void hoverLabelStaysInsideThePlot() {
    MainWindow w;
    QVERIFY(showEvaluation(w));
    auto* scatter = w.predictionsPage()->crossDevice()->left()->scatter();
    scatter->replot();
    // The point furthest right: its label would run off a right-aligned tooltip.
    const auto& p = *scatter->points();
    size_t right = 0;
    for (size_t i = 0; i < p.size(); ++i)
      if (scatter->xAxis->coordToPixel(p.measuredMs[i]) > scatter->xAxis->coordToPixel(p.measuredMs[right])) right = i;
    const QPoint at(static_cast<int>(scatter->xAxis->coordToPixel(p.measuredMs[right])),
                    static_cast<int>(scatter->yAxis->coordToPixel(p.predictedMs[right])));
    scatter->showHover(at);
    QVERIFY(scatter->hoverLabel()->isVisible());
    QVERIFY2(scatter->rect().contains(scatter->hoverLabel()->geometry()),
             qPrintable(QStringLiteral("label %1,%2 %3x%4 in %5x%6")
                            .arg(scatter->hoverLabel()->x())
                            .arg(scatter->hoverLabel()->y())
                            .arg(scatter->hoverLabel()->width())
                            .arg(scatter->hoverLabel()->height())
                            .arg(scatter->width())
                            .arg(scatter->height())));
    QVERIFY(scatter->hoverLabel()->text().contains(QStringLiteral("measured")));
  }

  void worstPredictionsStayOnTheirPage() {
    MainWindow w;
    QVERIFY(showEvaluation(w));
    auto* search = w.samplesPage()->findChild<QLineEdit*>();
    search->setText(QStringLiteral("nor_conv"));
    auto* view = w.predictionsPage()->crossDevice()->left();
    view->tabs()->setCurrentIndex(2);
    view->worstTable()->selectRow(0);
    QTest::mouseClick(view->scatter(), Qt::LeftButton, {}, QPoint(5, 5));
    QCOMPARE(w.view(), MainWindow::Predictions);
    QCOMPARE(search->text(), QStringLiteral("nor_conv"));
    QVERIFY(view->scatter()->selectedArchitecture() >= 0); // ringed in the scatter instead
    // Only the explicit request switches, and it leaves the search box alone.
    emit view->showInSamples(QString::fromStdString(view->points()->archs[0]));
    QCOMPARE(w.view(), MainWindow::Samples);
    QCOMPARE(search->text(), QStringLiteral("nor_conv"));
  }

  void plotExportHasTitleLegendAndVectorPoints() {
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    w.predictionsPage()->crossDevice()->showStored(0, evaluation_);
    QVERIFY(settle(w));
    auto* scatter = w.predictionsPage()->crossDevice()->left()->scatter();
    const QString png = dir_.filePath(QStringLiteral("big.png")), svg = dir_.filePath(QStringLiteral("vec.svg"));
    QVERIFY(savePlot(*scatter, png, {900, 700, 2.0, QStringLiteral("My title"), true}).isEmpty());
    QCOMPARE(QImage(png).size(), QSize(1800, 1400)); // the chosen size at the chosen resolution
    QVERIFY(savePlot(*scatter, svg, {900, 700, 1.0, QStringLiteral("My title"), true}).isEmpty());
    QFile f(svg);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray text = f.readAll();
    QVERIFY(text.contains("My title"));
    QVERIFY(text.contains("dev1")); // the legend
    QVERIFY2(!text.contains("<image"), "points must be vector shapes, not an embedded bitmap");
    // The plot on screen is as it was: no title row, legend state kept.
    QCOMPARE(scatter->plotLayout()->rowCount(), 1);
  }

  void compareHasEqualPanesLinkedAxesAndDifferences() {
    MainWindow w;
    w.resize(1400, 800);
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    w.setView(MainWindow::Predictions);
    w.predictionsPage()->setMode(PredictionsPage::CrossDevice);
    auto* page = w.predictionsPage()->crossDevice();
    page->setCompare(true);
    page->showStored(0, evaluation_);
    page->showStored(1, evaluation_);
    QVERIFY(settle(w));
    QCoreApplication::processEvents();
    auto* split = page->findChild<QSplitter*>();
    const auto sizes = split->sizes();
    QCOMPARE(sizes.size(), 2);
    QVERIFY2(std::abs(sizes[0] - sizes[1]) <= 2, qPrintable(QStringLiteral("%1 vs %2").arg(sizes[0]).arg(sizes[1])));
    page->left()->scatter()->xAxis->setRange(1, 3);
    QCOMPARE(page->right()->scatter()->xAxis->range().lower, 1.0);
    QCOMPARE(page->right()->scatter()->xAxis->range().upper, 3.0);
    QVERIFY2(page->right()->differences().contains(QStringLiteral("+-10 %")), qPrintable(page->right()->differences()));
  }

  void samplesSearchCountAndFlops() {
    MainWindow w;
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    auto* page = w.samplesPage();
    QVERIFY2(page->shownText().startsWith(QStringLiteral("60 of 60")), qPrintable(page->shownText()));
    auto* search = page->findChild<QLineEdit*>();
    search->setText(QStringLiteral("11982,431"));
    QCOMPARE(page->filter()->rowCount(), 2);
    QVERIFY2(page->shownText().startsWith(QStringLiteral("2 of 60")), qPrintable(page->shownText()));
    search->clear();
    // Typing 500 into the FLOPs box gives 500, whatever the data's largest value.
    const auto boxes = page->findChildren<QDoubleSpinBox*>();
    QCOMPARE(boxes.size(), 2);
    auto* maxBox = boxes[1];
    maxBox->setFocus();
    maxBox->selectAll();
    QTest::keyClicks(maxBox, QStringLiteral("500"));
    QTest::keyClick(maxBox, Qt::Key_Return);
    QCOMPARE(maxBox->value(), 500.0);
    // Five-digit indices fit their column.
    const int need = page->table()->fontMetrics().horizontalAdvance(QStringLiteral("15624"));
    QVERIFY(page->table()->columnWidth(ArchitectureModel::Index) > need + 20);
    page->tickReferences();
    QCOMPARE(page->model()->selectedRows().size(), size_t{10});
  }

  void importedTargetRefusesMeasuringAndCapturing() {
    auto samples = [&] {
      auto p = store::Project::open(project_.toStdString());
      auto st = p.db().prepare("SELECT count(*) FROM latency_samples");
      return st.step() ? st.int64(0) : -1;
    };
    const auto before = samples();
    MainWindow w;
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    QVERIFY(w.targetBar()->choose(QStringLiteral("dev1")));
    QVERIFY(w.workspace()->targetIsImported());
    w.samplesPage()->tickReferences();
    w.samplesPage()->measureSelected();
    QVERIFY2(w.samplesPage()->jobBar()->message().contains(QStringLiteral("local target")), qPrintable(w.samplesPage()->jobBar()->message()));
    w.capturePage()->start();
    QVERIFY2(w.capturePage()->jobBar()->message().contains(QStringLiteral("local target")), qPrintable(w.capturePage()->jobBar()->message()));
    QVERIFY(settle(w));
    QCOMPARE(samples(), before);
  }

  void softwareOnlyCaptureNeedsConsent() {
    MainWindow w;
    w.openProject(project_);
    QVERIFY(settle(w));
    auto* page = w.capturePage();
    auto* events = page->events();
    // Untick every hardware event: only software ones remain.
    for (int r = 0; r < events->rowCount(); ++r)
      if (events->index(r, EventModel::Kind).data().toString().contains(QStringLiteral("hardware")))
        events->setData(events->index(r, EventModel::Event), Qt::Unchecked, Qt::CheckStateRole);
    if (events->checkedEvents().empty()) QSKIP("no software event can be counted here (perf_event_paranoid 3 or no perf_event)");
    QVERIFY(!events->anyHardwareChecked());
    auto* fallback = page->findChild<QCheckBox*>();
    fallback->setChecked(false);
    page->start();
    QVERIFY2(page->jobBar()->message().contains(QStringLiteral("software-only capture is not allowed")), qPrintable(page->jobBar()->message()));
    QVERIFY(!page->job()->isRunning());
  }

  void devicesTableKeepsRuntimeNarrow() {
    {
      auto p = store::Project::open(project_.toStdString());
      p.db().exec("UPDATE devices SET runtime = 'a runtime description that goes on and on and on and on and on and "
                  "on and on and on and on and on and on and on and on and on and on and on and on' WHERE name = 'dev0'");
    }
    MainWindow w;
    w.resize(1200, 800);
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    auto* table = w.devicesPage()->findChild<QTableView*>();
    QVERIFY(table->columnWidth(DeviceModel::Runtime) <= 220);
  }

  void errorsNameControlsNotFlags() {
    // Core errors a workbench user meets name the control that fixes them, never a CLI flag
    // (the CLI names its flag for the same error: common/setting.hpp).
    const QRegularExpression flag(QStringLiteral("(^|[\\s(])--[a-z]"));
    auto check = [&](JobBar* bar, const QString& control) {
      const QString m = bar->message();
      QVERIFY2(!m.contains(flag), qPrintable(m));
      QVERIFY2(!m.contains(QChar(0x02)) && !m.contains(QChar(0x1f)), qPrintable(m)); // every mark rendered
      if (!control.isEmpty()) QVERIFY2(m.contains(control), qPrintable(m));
    };
    MainWindow w;
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    QVERIFY(w.targetBar()->choose(QStringLiteral("dev1")));
    QVERIFY(settle(w));
    w.setView(MainWindow::Predictions);
    // A descriptor no device has: "choose “Descriptor: reference-latency” or “Descriptor: specs”".
    auto* adapt = w.predictionsPage()->adapt();
    adapt->setOptions({}, QStringLiteral("counters"), 3);
    adapt->adapt();
    QVERIFY(settle(w));
    check(adapt->jobBar(), QStringLiteral("“Descriptor: specs”"));
    // HELP's protocol where no device has its query set: "use “Scored: every measured architecture”".
    w.predictionsPage()->setMode(PredictionsPage::CrossDevice);
    auto* cross = w.predictionsPage()->crossDevice();
    cross->setRunOptions({}, QStringLiteral("reference-latency"), 3, 3, true);
    cross->run();
    QVERIFY(settle(w));
    check(cross->jobBar(), QStringLiteral("“Scored: every measured architecture”"));
    // CUDA on a machine without a GPU: "measure on this machine with “Engine: cpu”" (with a GPU
    // it measures, and nothing is to be said).
    w.setView(MainWindow::Samples);
    w.workspace()->setTargetDevice(QStringLiteral("flag-probe"), false);
    auto* samples = w.samplesPage();
    samples->model()->setSelectedRows({0});
    samples->setMeasureOptions(QStringLiteral("cuda"), 1);
    samples->measureSelected();
    QVERIFY(settle(w, 120000));
    check(samples->jobBar(), {});
  }

  void adaptOffersTheShotPolicies() {
    MainWindow w;
    w.show();
    w.openProject(project_);
    QVERIFY(settle(w));
    QVERIFY(w.targetBar()->choose(QStringLiteral("dev1")));
    QVERIFY(settle(w));
    w.setView(MainWindow::Predictions);
    auto* adapt = w.predictionsPage()->adapt();
    // design is the default for a new device; each policy's item explains itself.
    QCOMPARE(adapt->shotPolicy(), QStringLiteral("design"));
    QComboBox* policies = nullptr;
    for (auto* c : adapt->findChildren<QComboBox*>())
      if (c->findText(QStringLiteral("reference")) >= 0) policies = c;
    QVERIFY(policies);
    QCOMPARE(policies->count(), 3);
    for (int i = 0; i < policies->count(); ++i)
      QVERIFY2(!policies->itemData(i, Qt::ToolTipRole).toString().isEmpty(), qPrintable(policies->itemText(i)));
    // The result says which policy chose its shots.
    for (const char* policy : {"design", "reference", "random"}) {
      adapt->setShotPolicy(QString::fromLatin1(policy), 7);
      adapt->setOptions({}, QStringLiteral("reference-latency"), 10);
      adapt->adapt();
      QVERIFY(settle(w));
      QVERIFY2(!adapt->lastPredictor().isEmpty(), qPrintable(adapt->jobBar()->message()));
      QVERIFY2(adapt->shown().shotPolicy.startsWith(QString::fromLatin1(policy)), qPrintable(adapt->shown().shotPolicy));
      QVERIFY2(adapt->jobBar()->message().contains(QStringLiteral("chosen by ") + QString::fromLatin1(policy)),
               qPrintable(adapt->jobBar()->message()));
    }
  }
};

QTEST_MAIN(TestWorkbenchDefects)
#include "test_workbench_defects.moc"
