#include "scatter_plot.hpp"

#include <QToolTip>

#include <cmath>

namespace maple::widgets {
namespace {

constexpr int kGuideGraphs = 3; // y = 0.9x, y = 1.1x (filled between), y = x

void setLogAxis(QCPAxis* axis, const QString& label) {
  axis->setScaleType(QCPAxis::stLogarithmic);
  QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
  axis->setTicker(ticker);
  axis->setNumberFormat(QStringLiteral("gb"));
  axis->setLabel(label);
}

} // namespace

ScatterPlot::ScatterPlot(QWidget* parent) : QCustomPlot(parent) {
  setLogAxis(xAxis, tr("Measured latency (ms)"));
  setLogAxis(yAxis, tr("Predicted latency (ms)"));
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setNoAntialiasingOnDrag(true);
  legend->setVisible(false);
  setMinimumSize(320, 260);
  setMouseTracking(true);
}

QColor ScatterPlot::deviceColor(int device, int devices) {
  // Hues spread round the wheel with alternating value, so neighbours in the list stay apart.
  const double hue = std::fmod(device * 0.618033988749895, 1.0);
  return QColor::fromHsvF(static_cast<float>(hue), 0.75f, device % 2 ? 0.75f : 0.95f, devices > 8 ? 0.55f : 0.75f);
}

void ScatterPlot::rebuildGuides(double lo, double hi) {
  auto line = [&](double factor, const QPen& pen) {
    auto* g = addGraph();
    g->setData({lo, hi}, {lo * factor, hi * factor}, true);
    g->setPen(pen);
    g->setSelectable(QCP::stNone);
    return g;
  };
  QPen band(QColor(120, 120, 120, 90));
  band.setStyle(Qt::DashLine);
  auto* lower = line(0.9, band);
  auto* upper = line(1.1, band);
  upper->setBrush(QColor(120, 120, 120, 40));
  upper->setChannelFillGraph(lower);
  upper->setName(tr("+-10 %"));
  line(1.0, QPen(QColor(40, 40, 40), 1.2))->setName(tr("y = x"));
}

void ScatterPlot::setPoints(std::shared_ptr<const evaluation::Points> points) {
  clearGraphs();
  selection_ = nullptr;
  selectedArch_ = -1;
  points_ = std::move(points);
  logMeasured_.clear();
  logPredicted_.clear();
  if (!points_ || points_->size() == 0) {
    replot();
    return;
  }
  const auto& p = *points_;
  double lo = 1e300, hi = 0;
  for (size_t i = 0; i < p.size(); ++i) {
    lo = std::min({lo, static_cast<double>(p.measuredMs[i]), static_cast<double>(p.predictedMs[i])});
    hi = std::max({hi, static_cast<double>(p.measuredMs[i]), static_cast<double>(p.predictedMs[i])});
  }
  rebuildGuides(lo / 2, hi * 2);

  const int devices = static_cast<int>(p.devices.size());
  std::vector<QVector<QCPGraphData>> perDevice(static_cast<size_t>(devices));
  logMeasured_.resize(p.size());
  logPredicted_.resize(p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    perDevice[p.device[i]].append(QCPGraphData(p.measuredMs[i], p.predictedMs[i]));
    logMeasured_[i] = std::log10(p.measuredMs[i]);
    logPredicted_[i] = std::log10(p.predictedMs[i]);
  }
  for (int d = 0; d < devices; ++d) {
    auto& data = perDevice[static_cast<size_t>(d)];
    std::sort(data.begin(), data.end(), qcpLessThanSortKey<QCPGraphData>);
    auto* g = addGraph();
    g->setName(QString::fromStdString(p.devices[static_cast<size_t>(d)]));
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, deviceColor(d, devices), 3));
    g->setAdaptiveSampling(true);
    g->setSelectable(QCP::stNone);
    g->data()->set(data, true);
  }
  selection_ = addGraph();
  selection_->setLineStyle(QCPGraph::lsNone);
  selection_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::NoBrush, 9));
  selection_->setSelectable(QCP::stNone);
  xAxis->setRange(lo / 1.2, hi * 1.2);
  yAxis->setRange(lo / 1.2, hi * 1.2);
  replot();
}

long ScatterPlot::plottedPoints() const {
  long n = 0;
  for (int i = kGuideGraphs; i < graphCount(); ++i)
    if (graph(i) != selection_) n += graph(i)->dataCount();
  return n;
}

long ScatterPlot::pointAt(const QPoint& pos, double radiusPx) const {
  if (!points_ || logMeasured_.empty()) return -1;
  // Compare in log space scaled to pixels: one pass over the points, no pixel transform per point.
  const double x = std::log10(xAxis->pixelToCoord(pos.x())), y = std::log10(yAxis->pixelToCoord(pos.y()));
  const double pxPerDecadeX = xAxis->axisRect()->width() / std::log10(xAxis->range().upper / xAxis->range().lower);
  const double pxPerDecadeY = yAxis->axisRect()->height() / std::log10(yAxis->range().upper / yAxis->range().lower);
  const double r2 = radiusPx * radiusPx;
  long best = -1;
  double bestD = r2;
  for (size_t i = 0; i < logMeasured_.size(); ++i) {
    const double dx = (logMeasured_[i] - x) * pxPerDecadeX, dy = (logPredicted_[i] - y) * pxPerDecadeY;
    const double d = dx * dx + dy * dy;
    if (d <= bestD) {
      bestD = d;
      best = static_cast<long>(i);
    }
  }
  return best;
}

void ScatterPlot::selectArchitecture(int arch) {
  selectedArch_ = arch;
  if (!selection_ || !points_) return;
  QVector<double> keys, values;
  if (arch >= 0)
    for (size_t i = 0; i < points_->size(); ++i)
      if (static_cast<int>(points_->arch[i]) == arch) {
        keys << points_->measuredMs[i];
        values << points_->predictedMs[i];
      }
  selection_->setData(keys, values);
  replot(QCustomPlot::rpQueuedReplot);
}

void ScatterPlot::mouseMoveEvent(QMouseEvent* event) {
  QCustomPlot::mouseMoveEvent(event);
  if (event->buttons() != Qt::NoButton) return;
  const long i = pointAt(event->pos());
  if (i < 0) {
    QToolTip::hideText();
    return;
  }
  const auto& p = *points_;
  const auto k = static_cast<size_t>(i);
  const int index = p.archIndex[p.arch[k]];
  QToolTip::showText(event->globalPosition().toPoint(),
                     tr("<b>%1</b><br>%2%3<br>measured %4 ms, predicted %5 ms<br>error %6 %%7")
                         .arg(QString::fromStdString(p.devices[p.device[k]]).toHtmlEscaped(),
                              QString::fromStdString(p.archs[p.arch[k]]).toHtmlEscaped(),
                              index >= 0 ? tr(" (#%1)").arg(index) : QString())
                         .arg(p.measuredMs[k], 0, 'g', 4)
                         .arg(p.predictedMs[k], 0, 'g', 4)
                         .arg(100 * p.relativeError(k), 0, 'f', 1)
                         .arg(p.isShot[k] ? tr("<br>(adaptation sample)") : QString()),
                     this);
}

void ScatterPlot::mousePressEvent(QMouseEvent* event) {
  pressPos_ = event->pos();
  QCustomPlot::mousePressEvent(event);
}

void ScatterPlot::mouseReleaseEvent(QMouseEvent* event) {
  QCustomPlot::mouseReleaseEvent(event);
  // A click, not the end of a drag.
  if (event->button() != Qt::LeftButton || (event->pos() - pressPos_).manhattanLength() > 3) return;
  const long i = pointAt(event->pos());
  if (i < 0) return;
  const int arch = static_cast<int>(points_->arch[static_cast<size_t>(i)]);
  selectArchitecture(arch);
  emit architectureClicked(arch);
}

} // namespace maple::widgets
