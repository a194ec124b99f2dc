// Every workbench model under QAbstractItemModelTester, plus what each must show.
#include "architecture_model.hpp"
#include "capture_models.hpp"
#include "device_model.hpp"
#include "evaluation_models.hpp"
#include "scatter_plot.hpp"
#include "small_project.hpp"

#include "store/devices.hpp"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace maple;
using namespace maple::widgets;

namespace {

evaluation::Points twoDevicePoints() {
  evaluation::Points p;
  p.label = "test";
  p.devices = {"a", "b"};
  p.archs = {"x", "y", "z"};
  p.archIndex = {0, 1, -1};
  // a: errors +10 %, -50 %, 0 %; b: +200 % (worst), 0 %, shot (excluded).
  const float meas[] = {1, 2, 4, 1, 2, 4}, pred[] = {1.1f, 1, 4, 3, 2, 8};
  for (int i = 0; i < 6; ++i) {
    p.device.push_back(static_cast<std::uint16_t>(i / 3));
    p.arch.push_back(static_cast<std::uint32_t>(i % 3));
    p.measuredMs.push_back(meas[i]);
    p.predictedMs.push_back(pred[i]);
    p.isShot.push_back(i == 5);
  }
  return p;
}

} // namespace

class TestWidgetModels : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

private slots:
  void deviceModel() {
    const auto path = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("devices"), 3, 20);
    auto project = store::Project::open(path.toStdString());
    DeviceModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setDevices(store::listDeviceSummaries(project));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.index(0, DeviceModel::Name).data().toString(), QStringLiteral("dev0"));
    QCOMPARE(model.index(0, DeviceModel::Samples).data(DeviceModel::SortRole).toLongLong(), 20);
    QVERIFY(deviceDetailsHtml(model.summary(1)).contains(QStringLiteral("dev1")));
    model.setDevices({});
    QCOMPARE(model.rowCount(), 0);
  }

  void architectureModelAndFilter() {
    // 300 NAS-Bench-201 architectures as a data set lists them, with indices 0..299.
    auto listed = services::sampleSpaceArchitectures(searchspace::nb201Space(), 300, 5, {});
    for (size_t i = 0; i < listed.size(); ++i) {
      listed[i].datasetIndex = static_cast<std::int64_t>(i);
      listed[i].sampled = false;
    }
    ArchitectureModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRows(architectureRows(std::move(listed)), services::opColumn(searchspace::nb201Space()));
    QCOMPARE(model.headerData(ArchitectureModel::Ops, Qt::Horizontal, Qt::DisplayRole).toString(), QStringLiteral("Live ops"));
    ArchitectureFilter filter;
    filter.setSourceModel(&model);
    QAbstractItemModelTester filterTester(&filter, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(filter.rowCount(), 300);

    filter.setSearch(QStringLiteral("17"));
    QCOMPARE(filter.rowCount(), 1);
    QCOMPARE(filter.index(0, ArchitectureModel::Index).data().toString(), QStringLiteral("17"));
    filter.setSearch(QStringLiteral("avg_pool_3x3~2"));
    for (int r = 0; r < filter.rowCount(); ++r)
      QVERIFY(filter.index(r, ArchitectureModel::Architecture).data().toString().contains(QStringLiteral("avg_pool_3x3~2")));
    QVERIFY(filter.rowCount() > 0 && filter.rowCount() < 300);
    // A list of indices, as users paste them (HELP's style "11982,431", or with spaces).
    for (const char* list : {"17,230", "17, 230", "17 230;"}) {
      filter.setSearch(QString::fromLatin1(list));
      QCOMPARE(filter.rowCount(), 2);
    }
    filter.setSearch(QStringLiteral("17,nope")); // not a list of numbers: a (matchless) substring
    QCOMPARE(filter.rowCount(), 0);
    filter.setSearch({});

    filter.setRequiredOp(static_cast<int>(nb201::Op::Conv3x3));
    const int withConv = filter.rowCount();
    QVERIFY(withConv > 0 && withConv < 300);
    for (int r = 0; r < withConv; ++r)
      QVERIFY(model.rows()[static_cast<size_t>(filter.mapToSource(filter.index(r, 0)).row())].opCounts[3] > 0);
    QVERIFY(filter.index(0, ArchitectureModel::Ops).data().toString().contains(QStringLiteral(" 3x3")));
    filter.setRequiredOp(-1);

    filter.setFlopsRange(50, 100);
    for (int r = 0; r < filter.rowCount(); ++r) {
      const double f = filter.index(r, ArchitectureModel::MFlops).data(ArchitectureModel::SortRole).toDouble();
      QVERIFY(f >= 50 && f <= 100);
    }
    filter.setFlopsRange(0, 1e9);

    // Sorting is numeric: the first row after a descending FLOPs sort is the largest.
    filter.sort(ArchitectureModel::MFlops, Qt::DescendingOrder);
    double maxFlops = 0;
    for (const auto& r : model.rows()) maxFlops = std::max(maxFlops, r.mflops);
    QCOMPARE(filter.index(0, ArchitectureModel::MFlops).data(ArchitectureModel::SortRole).toDouble(), maxFlops);

    QSignalSpy count(&model, &ArchitectureModel::selectionCountChanged);
    QVERIFY(model.setData(model.index(5, ArchitectureModel::Index), Qt::Checked, Qt::CheckStateRole));
    QCOMPARE(model.selectedRows(), std::vector<int>{5});
    QCOMPARE(count.last().first().toInt(), 1);
    model.setSelectedRows({1, 2, 400});
    QCOMPARE(model.selectedRows(), (std::vector<int>{1, 2}));
  }

  void eventModel() {
    EventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    counters::EventAvailability ok{"task-clock", false, "software 0x1", true, 0, "", "", ""};
    counters::EventAvailability no{"cycles", true, "generic hardware 0x0", false, 2, "ENOENT",
                                   counters::kNoHardwarePmu, "run on a machine with a PMU"};
    model.setEvents({ok, no});
    QCOMPARE(model.checkedEvents(), std::vector<std::string>{"task-clock"});
    QVERIFY(model.index(1, EventModel::Reason).data().toString().contains(QStringLiteral("no hardware PMU")));
    QVERIFY(!(model.flags(model.index(1, EventModel::Event)) & Qt::ItemIsUserCheckable));
    QVERIFY(!model.setData(model.index(1, EventModel::Event), Qt::Checked, Qt::CheckStateRole));
    QVERIFY(model.setData(model.index(0, EventModel::Event), Qt::Unchecked, Qt::CheckStateRole));
    QVERIFY(model.checkedEvents().empty());
  }

  void eventSummaryModel() {
    EventSummaryModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto sample = [](double t, const char* e, double v) {
      counters::Sample s;
      s.tMs = t;
      s.event = e;
      s.reading.value = v;
      s.reading.runningNs = s.reading.enabledNs = 1;
      return s;
    };
    model.addSamples({sample(50, "task-clock", 1e6), sample(50, "page-faults", 10)});
    model.addSamples({sample(100, "task-clock", 3e6)});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(0, EventSummaryModel::Samples).data().toString(), QStringLiteral("2"));
    // 3e6 over 0.1 s.
    QCOMPARE(QLocale().toDouble(model.index(0, EventSummaryModel::Rate).data().toString()), 3e7);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
  }

  void descriptorModel() {
    DescriptorModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    descriptor::Descriptor d{"software-timing", 1, {"a/ms", "b/ms"}, {1.5, 2.5}, "test", 0};
    model.setDescriptors({d});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.index(1, DescriptorModel::Name).data().toString(), QStringLiteral("b/ms"));
  }

  void metricsAndWorst() {
    auto points = std::make_shared<const evaluation::Points>(twoDevicePoints());
    MetricsModel metrics;
    QAbstractItemModelTester tester(&metrics, QAbstractItemModelTester::FailureReportingMode::QtTest);
    metrics.setMetrics(evaluation::deviceMetrics(*points));
    QCOMPARE(metrics.rowCount(), 3); // a, b, all
    QCOMPARE(metrics.index(0, MetricsModel::Points).data().toString(), QStringLiteral("3"));
    QCOMPARE(metrics.index(1, MetricsModel::Points).data().toString(), QStringLiteral("2")); // the shot is not a test point
    // a: (10 + 50 + 0) / 3 = 20 %.
    QCOMPARE(QLocale().toDouble(metrics.index(0, MetricsModel::Mape).data().toString()), 20.0);
    QCOMPARE(metrics.index(2, MetricsModel::Device).data().toString(), QStringLiteral("all"));
    // Swatches tie rows to the scatter's colours; the "all" row has none.
    QCOMPARE(metrics.index(1, MetricsModel::Device).data(Qt::DecorationRole).value<QColor>(), ScatterPlot::deviceColor(1));
    QVERIFY(!metrics.index(2, MetricsModel::Device).data(Qt::DecorationRole).isValid());

    WorstModel worst;
    QAbstractItemModelTester worstTester(&worst, QAbstractItemModelTester::FailureReportingMode::QtTest);
    worst.setPoints(points, 2);
    QCOMPARE(worst.rowCount(), 2);
    QCOMPARE(worst.index(0, WorstModel::Device).data().toString(), QStringLiteral("b"));
    QCOMPARE(QLocale().toDouble(worst.index(0, WorstModel::Error).data().toString()), 200.0);
    QCOMPARE(worst.index(1, WorstModel::Error).data().toString(), QLocale().toString(-50.0, 'f', 1));
    worst.setPoints(nullptr);
    QCOMPARE(worst.rowCount(), 0);
  }
};

QTEST_MAIN(TestWidgetModels)
#include "test_widget_models.moc"
