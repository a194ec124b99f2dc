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

QString signedNumber(double v, int decimals) {
  return (v > 0 ? QStringLiteral("+") : QString()) + QLocale().toString(v, 'f', decimals);
}

} // namespace

EvaluationView::EvaluationView(QWidget* parent)
    : QWidget(parent), metrics_(new MetricsModel(this)), worst_(new WorstModel(this)) {
  title_ = new QLabel(tr("No evaluation shown"), this);
  title_->setWordWrap(true);
  headline_ = new QLabel(this);
  headline_->setTextFormat(Qt::RichText);
  headline_->setToolTip(tr("Over the test points only: adaptation samples are not scored"));
  differences_ = new QLabel(this);
  differences_->setVisible(false);
  scatter_ = new ScatterPlot(this);
  histogram_ = new QCustomPlot(this);
  histogram_->xAxis->setLabel(tr("Relative error (%), test points; ends hold everything beyond"));
  histogram_->yAxis->setLabel(tr("Predictions"));
  histogram_->setMinimumHeight(140);

  auto* exportButton = new QPushButton(tr("Export plots..."), this);
  exportButton->setToolTip(tr("Save the scatter or the histogram as PNG (choose size and resolution), PDF or SVG"));
  auto* menu = new QMenu(exportButton);
  menu->addAction(tr("Scatter..."), this, [this] {
    exportPlotInteractively(*scatter_, this, QStringLiteral("scatter.png"), points_ ? QString::fromStdString(points_->label) : QString());
  });
  menu->addAction(tr("Histogram..."), this, [this] {
    exportPlotInteractively(*histogram_, this, QStringLiteral("histogram.png"), points_ ? QString::fromStdString(points_->label) : QString());
  });
  exportButton->setMenu(menu);
  auto* resetZoom = new QPushButton(tr("Reset zoom"), this);
  resetZoom->setToolTip(tr("Show every point again after zooming or panning with the mouse"));
  connect(resetZoom, &QPushButton::clicked, this, [this] {
    const auto keep = scatter_->selectedArchitecture();
    const auto device = scatter_->highlightedDevice();
    scatter_->setPoints(points_);
    scatter_->selectArchitecture(keep);
    scatter_->highlightDevice(device);
  });
  auto* head = new QHBoxLayout;
  auto* titles = new QVBoxLayout;
  titles->addWidget(title_);
  titles->addWidget(headline_);
  titles->addWidget(differences_);
  head->addLayout(titles, 1);
  head->addWidget(resetZoom);
  head->addWidget(exportButton);

  metricsTable_ = makeTableView(metrics_, this);
  metricsTable_->setSelectionMode(QAbstractItemView::SingleSelection);
  worstTable_ = makeTableView(worst_, this);
  worstTable_->setSelectionMode(QAbstractItemView::SingleSelection);
  worstTable_->setContextMenuPolicy(Qt::CustomContextMenu);
  worstTable_->setToolTip(tr("Select a row to ring the architecture in the scatter; double-click to show it on the Samples page"));
  tabs_ = new QTabWidget(this);
  tabs_->addTab(histogram_, tr("Error histogram"));
  tabs_->addTab(metricsTable_, tr("Per-device metrics"));
  tabs_->addTab(worstTable_, tr("Worst predictions"));

  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(scatter_);
  split->addWidget(tabs_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(head);
  layout->addWidget(split, 1);

  auto archText = [this](int arch) {
    return points_ && arch >= 0 ? QString::fromStdString(points_->archs[static_cast<size_t>(arch)]) : QString();
  };
  connect(scatter_, &ScatterPlot::architectureClicked, this, [this, archText](int arch) {
    if (arch >= 0) emit architectureChosen(archText(arch));
  });
  connect(worstTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this, archText](const QModelIndex& i) {
    const int arch = worst_->data(i, WorstModel::ArchRole).toInt();
    scatter_->selectArchitecture(arch);
    if (arch >= 0) emit architectureChosen(archText(arch));
  });
  connect(worstTable_, &QTableView::doubleClicked, this, [this, archText](const QModelIndex& i) {
    emit showInSamples(archText(worst_->data(i, WorstModel::ArchRole).toInt()));
  });
  connect(worstTable_, &QWidget::customContextMenuRequested, this, [this, archText](const QPoint& pos) {
    const auto i = worstTable_->indexAt(pos);
    if (!i.isValid()) return;
    QMenu m(this);
    m.addAction(tr("Show in Samples"), this, [this, archText, i] { emit showInSamples(archText(worst_->data(i, WorstModel::ArchRole).toInt())); });
    m.exec(worstTable_->viewport()->mapToGlobal(pos));
  });
  connect(metricsTable_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& i) {
    const bool device = i.isValid() && i.row() < metrics_->rowCount() - 1;
    scatter_->highlightDevice(device ? i.row() : -1);
  });
}

void EvaluationView::setPoints(std::shared_ptr<const evaluation::Points> points) {
  points_ = std::move(points);
  scatter_->setPoints(points_);
  auto metrics = points_ ? evaluation::deviceMetrics(*points_) : std::vector<evaluation::DeviceMetrics>{};
  overall_ = metrics.empty() ? std::nullopt : std::optional(metrics.back());
  metrics_->setMetrics(std::move(metrics));
  worst_->setPoints(points_);
  metricsTable_->resizeColumnsToContents();
  worstTable_->resizeColumnsToContents();
  title_->setText(points_ ? tr("<b>%1</b>: %2 points on %n device(s)", nullptr, static_cast<int>(points_->devices.size()))
                                .arg(QString::fromStdString(points_->label).toHtmlEscaped())
                                .arg(QLocale().toString(static_cast<qlonglong>(points_->size())))
                          : tr("No evaluation shown"));
  headline_->setText(headline());
  fillHistogram();
  updateDifferences();
}

QString EvaluationView::headline() const {
  const auto m = overall();
  if (!m) return {};
  if (m->points == 0) return tr("No test points: every measured architecture was used to adapt");
  const QLocale l;
  return tr("<b>%1 %</b> within +-10 % &middot; Spearman %2 &middot; MAPE %3 % &middot; over %n test point(s)", nullptr,
            static_cast<int>(m->points))
      .arg(l.toString(m->within10, 'f', 1), l.toString(m->spearman, 'f', 3), l.toString(m->mape, 'f', 1));
}

void EvaluationView::setBaseline(const EvaluationView* other) {
  baseline_ = other;
  updateDifferences();
}

QString EvaluationView::differences() const { return differences_->isVisible() ? differences_->text() : QString(); }

void EvaluationView::updateDifferences() {
  const auto mine = overall();
  const auto theirs = baseline_ ? baseline_->overall() : std::nullopt;
  differences_->setVisible(mine && theirs);
  if (!mine || !theirs) return;
  differences_->setText(tr("Against the left: within +-10 % %1 points, Spearman %2, MAPE %3 points")
                            .arg(signedNumber(mine->within10 - theirs->within10, 1))
                            .arg(signedNumber(mine->spearman - theirs->spearman, 3))
                            .arg(signedNumber(mine->mape - theirs->mape, 1)));
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
    bars->setName(tr("test points"));
    histogram_->rescaleAxes();
    histogram_->xAxis->setRange(kHistLo, kHistHi);
    histogram_->yAxis->setRangeLower(0);
  }
  histogram_->replot();
}

QString EvaluationView::exportPlots(const QString& stem, const QString& suffix) {
  QStringList errors;
  const QString title = points_ ? QString::fromStdString(points_->label) : QString();
  for (auto [plot, name] : {std::pair<QCustomPlot*, const char*>{scatter_, "scatter"}, {histogram_, "histogram"}}) {
    PlotExportOptions o;
    o.width = std::max(plot->width(), 1000);
    o.height = std::max(plot->height(), 750);
    o.scale = 2;
    o.title = title;
    const QString error = savePlot(*plot, stem + QLatin1Char('-') + QLatin1String(name) + QLatin1Char('.') + suffix, o);
    if (!error.isEmpty()) errors << error;
  }
  return errors.join(QLatin1Char('\n'));
}

} // namespace maple::widgets
