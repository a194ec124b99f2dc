// The workbench on a project holding NAS-Bench-201 and FBNet: the space picker appears (and stays
// hidden for one space), switching lists FBNet's rows with their strings, MACs-based FLOPs and
// block counts, "Sample more" adds sampled rows marked as not in the data set (a measured one
// joins the project), adapting on FBNet fills the scatter and stores an FBNet predictor, and the
// scripted mode's --space does the same from the command line.
#include "adapt_page.hpp"
#include "architecture_model.hpp"
#include "cross_device_page.hpp"
#include "evaluation_view.hpp"
#include "job_bar.hpp"
#include "main_window.hpp"
#include "predictions_page.hpp"
#include "samples_page.hpp"
#include "scatter_plot.hpp"
#include "small_project.hpp"
#include "space_picker.hpp"
#include "target_bar.hpp"
#include "workspace.hpp"

#include "dataset/help_fbnet.hpp"
#include "predictfile/predictor_file.hpp"
#include "services/predictors.hpp"
#include "store/devices.hpp"
#include "store/evaluations.hpp"
#include "store/latencies.hpp"

#include <QComboBox>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace maple;
using namespace maple::widgets;

namespace {

constexpr int kFbnetRows = 140; // the default method (opcost) needs 128 in its pool

bool settle(MainWindow& w, int timeoutMs = 120000) { return w.waitUntilIdle(timeoutMs); }

// HELP's FBNet layout: the space's reference architectures first (so the reference-latency
// descriptor can be built), then sampled ones; latencies grow with MACs at a per-device speed.
QByteArray fbnetTable(int devices, int rows) {
  const auto& space = searchspace::fbnetSpace();
  std::vector<searchspace::Genotype> archs;
  for (const auto& ref : space.referenceArchitectures()) archs.push_back(space.parse(ref));
  for (auto& g : space.sample(rows, 3))
    if (static_cast<int>(archs.size()) < rows && std::find(archs.begin(), archs.end(), g) == archs.end()) archs.push_back(g);
  QByteArray csv = "idx,arch_str";
  for (int d = 0; d < devices; ++d) csv += ",dev" + QByteArray::number(d);
  csv += "\n";
  for (size_t r = 0; r < archs.size(); ++r) {
    const double mmacs = space.features(archs[r]).macs / 1e6;
    csv += QByteArray::number(static_cast<int>(r) * 3) + "," + QByteArray::fromStdString(space.format(archs[r]));
    for (int d = 0; d < devices; ++d)
      csv += "," + QByteArray::number(0.3 + mmacs / (40.0 * (d + 1)) * (1.0 + 0.05 * std::sin(static_cast<double>(r * (d + 2)))), 'g', 8);
    csv += "\n";
  }
  return csv;
}

void pickSpace(MainWindow& w, const QString& name) {
  auto* combo = w.spacePicker()->combo();
  combo->setCurrentIndex(combo->findData(name));
}

} // namespace

class TestWorkbenchSpaces : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString both_, nb201Only_, fbnetCsv_;

private slots:
  void initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("maple-tests"));
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir_.filePath(QStringLiteral("settings")));
    nb201Only_ = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("nb201"), 3, 30);
    both_ = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("both"), 4, 30);
    QDir(dir_.path()).mkpath(QStringLiteral("fbnet-data"));
    fbnetCsv_ = dir_.filePath(QStringLiteral("fbnet-data/fbnet_latency_ms.csv"));
    QFile f(fbnetCsv_);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(fbnetTable(4, kFbnetRows));
    f.close();
    auto p = store::Project::open(both_.toStdString());
    QCOMPARE(dataset::importHelpFbnet(p, f.fileName().toStdString()).architectures, long{kFbnetRows});
  }

  void oneSpaceHidesThePicker() {
    const QString copy = dir_.filePath(QStringLiteral("gains-fbnet.maple")); // FBNet is imported into it
    QVERIFY(QFile::copy(nb201Only_, copy));
    MainWindow w;
    w.show();
    w.openProject(copy);
    QVERIFY(settle(w));
    QVERIFY(w.spacePicker()->isHidden());
    QCOMPARE(w.workspace()->space(), QStringLiteral("nb201"));
    QCOMPARE(w.samplesPage()->model()->rowCount(), 30);
    // A second space arriving by another way than the window's import (a merge, the CLI): the next
    // change to the project's rows lists it, and the chosen space stays.
    {
      auto p = store::Project::open(copy.toStdString());
      dataset::importHelpFbnet(p, fbnetCsv_.toStdString());
    }
    w.workspace()->notifyDataChanged();
    QVERIFY(settle(w));
    QVERIFY(!w.spacePicker()->isHidden());
    QCOMPARE(w.spacePicker()->combo()->count(), 2);
    QCOMPARE(w.workspace()->space(), QStringLiteral("nb201"));
  }

  void switchingListsFbnetRows() {
    MainWindow w;
    w.show();
    w.openProject(both_);
    QVERIFY(settle(w));
    QVERIFY(!w.spacePicker()->isHidden());
    QCOMPARE(w.spacePicker()->combo()->count(), 2);
    QCOMPARE(w.workspace()->space(), QStringLiteral("nb201")); // NAS-Bench-201 first
    auto* model = w.samplesPage()->model();
    QCOMPARE(model->rowCount(), 30);

    pickSpace(w, QStringLiteral("fbnet"));
    QVERIFY(settle(w));
    QCOMPARE(w.workspace()->space(), QStringLiteral("fbnet"));
    QCOMPARE(model->rowCount(), kFbnetRows);
    QCOMPARE(model->headerData(ArchitectureModel::Ops, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Blocks"));
    const auto& fbnet = searchspace::fbnetSpace();
    const auto refs = fbnet.referenceArchitectures();
    for (int r = 0; r < model->rowCount(); ++r) {
      const auto& row = model->rows()[static_cast<size_t>(r)];
      const auto g = fbnet.parse(row.text.toStdString()); // an FBNet string
      QCOMPARE(row.datasetIndex, std::optional<std::int64_t>(3 * r)); // HELP's idx, in table order
      QCOMPARE(model->index(r, ArchitectureModel::Index).data().toString(), QString::number(3 * r));
      QCOMPARE(row.mflops, 2 * fbnet.features(g).macs / 1e6); // two FLOPs per multiply-accumulate
      QVERIFY(!model->index(r, ArchitectureModel::Ops).data().toString().isEmpty());
    }
    QCOMPARE(model->rows().front().text.toStdString(), refs.front());
    // HELP's FBNet reference architectures are ticked from the table.
    w.samplesPage()->tickReferences();
    QCOMPARE(model->selectedRows().size(), refs.size());

    pickSpace(w, QStringLiteral("nb201"));
    QVERIFY(settle(w));
    QCOMPARE(model->rowCount(), 30);
    QCOMPARE(model->headerData(ArchitectureModel::Ops, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Live ops"));
  }

  void sampleMoreAddsMarkedRows() {
    const QString copy = dir_.filePath(QStringLiteral("sampled.maple")); // it gains a device
    QVERIFY(QFile::copy(both_, copy));
    MainWindow w;
    w.show();
    w.openProject(copy);
    QVERIFY(settle(w));
    pickSpace(w, QStringLiteral("fbnet"));
    QVERIFY(settle(w));
    auto* page = w.samplesPage();
    auto* model = page->model();
    page->sampleMore(25);
    QVERIFY(settle(w));
    QCOMPARE(model->rowCount(), kFbnetRows + 25);
    page->sampleMore(5);
    QVERIFY(settle(w));
    QCOMPARE(model->rowCount(), kFbnetRows + 30);
    QSet<QString> texts;
    for (const auto& r : model->rows()) texts.insert(r.text);
    QCOMPARE(texts.size(), kFbnetRows + 30); // every sampled one is new
    const int last = model->rowCount() - 1;
    QVERIFY(model->rows().back().sampled && !model->rows().back().datasetIndex);
    QCOMPARE(model->index(last, ArchitectureModel::Index).data().toString(), QStringLiteral("sampled"));
    QVERIFY(model->index(last, ArchitectureModel::Index).data(Qt::ToolTipRole).toString().contains(QStringLiteral("not in the imported data set")));

    // Measured on this machine, a sampled architecture joins the project under fbnet.
    w.workspace()->setTargetDevice(QStringLiteral("this-host"), false);
    QVERIFY(settle(w));
    model->setSelectedRows({last});
    page->setMeasureOptions(QStringLiteral("cpu"), 2);
    page->measureSelected();
    QVERIFY(settle(w));
    // A high-spread warning (a loaded machine) shows in red too; what must hold is that the sample was stored.
    QVERIFY2(page->jobBar()->message().startsWith(QStringLiteral("stored 1 latency sample")), qPrintable(page->jobBar()->message()));
    auto p = store::Project::open(copy.toStdString());
    const auto stored = store::findArchitecture(p, searchspace::parseArchitecture(searchspace::fbnetSpace(),
                                                                                  model->rows().back().text.toStdString()));
    QVERIFY(stored);
    QVERIFY(!stored->spaceIndex);
    QCOMPARE(model->measuredCount(), 1);
    QVERIFY(model->rows().back().measured);
  }

  void fbnetAdaptFillsTheScatter() {
    MainWindow w;
    w.show();
    w.openProject(both_);
    QVERIFY(settle(w));
    pickSpace(w, QStringLiteral("fbnet"));
    QVERIFY(w.targetBar()->choose(QStringLiteral("dev3")));
    QVERIFY(settle(w));
    w.setView(MainWindow::Predictions);
    auto* adapt = w.predictionsPage()->adapt();
    adapt->setOptions({}, QStringLiteral("reference-latency"), 10);
    adapt->adapt();
    QVERIFY(settle(w, 300000));
    const auto& shown = adapt->shown();
    QVERIFY2(shown.points, qPrintable(adapt->jobBar()->message()));
    QCOMPARE(shown.points->size(), size_t{kFbnetRows});
    QCOMPARE(adapt->view()->scatter()->plottedPoints(), static_cast<long>(kFbnetRows));
    for (const auto& a : shown.points->archs) searchspace::fbnetSpace().parse(a); // FBNet strings only
    auto p = store::Project::open(both_.toStdString());
    bool stored = false;
    for (const auto& listing : services::listPredictors(p))
      if (listing.name == shown.predictorName.toStdString()) stored = listing.space == "fbnet";
    QVERIFY(stored);
    // Back on NAS-Bench-201 the FBNet result is not shown.
    pickSpace(w, QStringLiteral("nb201"));
    QVERIFY(settle(w));
    QVERIFY(!adapt->shown().points);
  }

  void storedEvaluationsAreListedInTheirSpace() {
    const QString copy = dir_.filePath(QStringLiteral("evaluated.maple"));
    QVERIFY(QFile::copy(both_, copy));
    std::int64_t fbnetEval = 0;
    {
      // One evaluation's points on FBNet architectures and one's on NAS-Bench-201 (written as the harness stores them).
      auto p = store::Project::open(copy.toStdString());
      const auto device = store::requireDevice(p, "dev0").id;
      auto evaluationOf = [&](const searchspace::SearchSpace& space) {
        store::EvaluationToSave e;
        e.row.method = "opcost";
        e.row.descriptorKind = "reference-latency";
        e.row.protocol = "full";
        e.row.shots = 10;
        e.row.metricsJson = "{}";
        for (const auto& a : store::listArchitectures(p, space)) e.predictions.push_back({device, a.id, 1.0, 1.1, false});
        return e;
      };
      const auto ids = store::saveEvaluations(p, {evaluationOf(searchspace::nb201Space()), evaluationOf(searchspace::fbnetSpace())});
      fbnetEval = ids.at(1);
      const auto listed = store::listEvaluationRows(p);
      QCOMPARE(listed.at(0).space, std::string("fbnet"));
      QCOMPARE(listed.at(1).space, std::string("nb201"));
    }
    MainWindow w;
    w.show();
    w.openProject(copy);
    QVERIFY(settle(w));
    auto* stored = w.predictionsPage()->crossDevice()->storedList(0);
    QCOMPARE(stored->count(), 1);
    QVERIFY(stored->itemData(0).toLongLong() != fbnetEval);
    pickSpace(w, QStringLiteral("fbnet"));
    QVERIFY(settle(w));
    QCOMPARE(stored->count(), 1);
    QCOMPARE(stored->itemData(0).toLongLong(), static_cast<qlonglong>(fbnetEval));
  }

  void scriptedModeTakesASpace() {
    const QString copy = dir_.filePath(QStringLiteral("scripted.maple")); // it gains a predictor
    QVERIFY(QFile::copy(both_, copy));
    const QString file = dir_.filePath(QStringLiteral("fbnet.maplepred")), shot = dir_.filePath(QStringLiteral("fbnet.png"));
    const QStringList adaptOnFbnet{QStringLiteral("--project"), copy, QStringLiteral("--device"), QStringLiteral("dev3"),
                                   QStringLiteral("--view"), QStringLiteral("predictions"), QStringLiteral("--run"),
                                   QStringLiteral("--export-predictor"), file, QStringLiteral("--screenshot"), shot};
    QProcess workbench;
    workbench.start(QStringLiteral(MAPLE_WORKBENCH), adaptOnFbnet + QStringList{QStringLiteral("--space"), QStringLiteral("fbnet")});
    QVERIFY(workbench.waitForFinished(300000));
    QVERIFY2(workbench.exitCode() == 0, workbench.readAllStandardError().constData());
    QCOMPARE(predictfile::summarise(predictfile::readPredictorFile(file.toStdString())).searchSpace, std::string("fbnet"));
    QVERIFY(QFileInfo(shot).size() > 0);

    // A space the project lacks is refused before anything is adapted, naming the ones it holds.
    QVERIFY(QFile::remove(file));
    workbench.start(QStringLiteral(MAPLE_WORKBENCH), adaptOnFbnet + QStringList{QStringLiteral("--space"), QStringLiteral("ofa")});
    QVERIFY(workbench.waitForFinished(300000));
    QCOMPARE(workbench.exitCode(), 2);
    const QByteArray error = workbench.readAllStandardError();
    QVERIFY2(error.contains("no search space 'ofa'") && error.contains("nb201, fbnet"), error.constData());
    QVERIFY(!QFileInfo::exists(file));
  }
};

QTEST_MAIN(TestWorkbenchSpaces)
#include "test_workbench_spaces.moc"
