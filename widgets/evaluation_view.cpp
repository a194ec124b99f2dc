#include "evaluation_view.hpp"

#include "evaluation_models.hpp"
#include "plot_export.hpp"
#include "scatter_plot.hpp"
#include "table_view.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

namespace maple::widgets {
namespace {

constexpr double kHistLo = -50, kHistHi = 50;
constexpr int kHistBins = 50;

} // namespace

EvaluationView::EvaluationView(QWidget* parent)
    : QWidget(parent), metrics_(new MetricsModel(this)), worst_(new WorstModel(this)) {
  title_ = new QLabel(tr("No evaluation shown"), this);
  title_->setWordWrap(true);
  scatter_ = new ScatterPlot(this);
  histogram_ = new QCustomPlot(this);
  histogram_->xAxis->setLabel(tr("Relative error (%), test points; ends hold everything beyond"));
  histogram_->yAxis->setLabel(tr("Predictions"));
  histogram_->setMinimumHeight(140);

  auto* exportButton = new QPushButton(tr("Export plots..."), this);
  auto* menu = new QMenu(exportButton);
  menu->addAction(tr("Scatter..."), this, [this] { exportPlotInteractively(*scatter_, this, QStringLiteral("scatter.png")); });
  menu->addAction(tr("Histogram..."), this, [this] { exportPlotInteractively(*histogram_, this, QStringLiteral("histogram.png")); });
  exportButton->setMenu(menu);
  auto* resetZoom = new QPushButton(tr("Reset zoom"), this);
  connect(resetZoom, &QPushButton::clicked, this, [this] {
    auto keep = scatter_->selectedArchitecture();
    scatter_->setPoints(points_);
    scatter_->selectArchitecture(keep);
  });
  auto* head = new QHBoxLayout;
  head->addWidget(title_, 1);
  head->addWidget(resetZoom);
  head->addWidget(exportButton);

  metricsTable_ = makeTableView(metrics_, this);
  worstTable_ = makeTableView(worst_, this);
  worstTable_->setSelectionMode(QAbstractItemView::SingleSelection);
  auto* tabs = new QTabWidget(this);
  tabs->addTab(histogram_, tr("Error histogram"));
  tabs->addTab(metricsTable_, tr("Per-device metrics"));
  tabs->addTab(worstTable_, tr("Worst predictions"));

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(scatter_);
  split->addWidget(tabs);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(head);
  layout->addWidget(split, 1);

  auto emitArch = [this](int arch) {
    if (points_ && arch >= 0) emit architectureChosen(QString::fromStdString(points_->archs[static_cast<size_t>(arch)]));
  };
  connect(scatter_, &ScatterPlot::architectureClicked, this, emitArch);
  connect(worstTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, emitArch](const QModelIndex& i) {
    const int arch = worst_->data(i, WorstModel::ArchRole).toInt();
    scatter_->selectArchitecture(arch);
    emitArch(arch);
  });
}

void EvaluationView::setPoints(std::shared_ptr<const evaluation::Points> points) {
  points_ = std::move(points);
  scatter_->setPoints(points_);
  metrics_->setMetrics(points_ ? evaluation::deviceMetrics(*points_) : std::vector<evaluation::DeviceMetrics>{});
  worst_->setPoints(points_);
  metricsTable_->resizeColumnsToContents();
  worstTable_->resizeColumnsToContents();
  title_->setText(points_ ? tr("<b>%1</b>: %2 points on %n device(s)", nullptr, static_cast<int>(points_->devices.size()))
                                .arg(QString::fromStdString(points_->label).toHtmlEscaped())
                                .arg(QLocale().toString(static_cast<qlonglong>(points_->size())))
                          : tr("No evaluation shown"));
  fillHistogram();
}

void EvaluationView::fillHistogram() {
  histogram_->clearPlottables();
  if (points_ && points_->size() > 0) {
    const auto counts = evaluation::errorHistogram(*points_, kHistLo, kHistHi, kHistBins);
    auto* bars = new QCPBars(histogram_->xAxis, histogram_->yAxis);
    const double width = (kHistHi - kHistLo) / kHistBins;
    QVector<double> keys, values;
    for (int b = 0; b < kHistBins; ++b) {
      keys << kHistLo + (b + 0.5) * width;
      values << static_cast<double>(counts[static_cast<size_t>(b)]);
    }
    bars->setData(keys, values, true);
    bars->setWidth(width);
    bars->setPen(Qt::NoPen);
    bars->setBrush(QColor(70, 110, 170));
    histogram_->rescaleAxes();
    histogram_->xAxis->setRange(kHistLo, kHistHi);
    histogram_->yAxis->setRangeLower(0);
  }
  histogram_->replot();
}

QString EvaluationView::exportPlots(const QString& stem, const QString& suffix) {
  QStringList errors;
  for (auto [plot, name] : {std::pair<QCustomPlot*, const char*>{scatter_, "scatter"}, {histogram_, "histogram"}}) {
    const QString error = savePlot(*plot, stem + QLatin1Char('-') + QLatin1String(name) + QLatin1Char('.') + suffix,
                                   std::max(plot->width(), 640), std::max(plot->height(), 480));
    if (!error.isEmpty()) errors << error;
  }
  return errors.join(QLatin1Char('\n'));
}

} // namespace maple::widgets
