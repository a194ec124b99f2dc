#include "scatter_plot.hpp"

#include <QLabel>
#include <QLocale>

#include <algorithm>

#include <cmath>

namespace maple::widgets {
namespace {

// Tableau 10: distinct for most colour-vision deficiencies, readable on white.
constexpr QRgb kPalette[10] = {0x4e79a7, 0xf28e2b, 0xe15759, 0x76b7b2, 0x59a14f,
                               0xedc948, 0xb07aa1, 0xff9da7, 0x9c755f, 0xbab0ac};
constexpr QRgb kGrey = 0xd9d9d9;

void setLogAxis(QCPAxis* axis, const QString& label) {
  axis->setScaleType(QCPAxis::stLogarithmic);
  QSharedPointer<QCPAxisTickerLog> ticker(new QCPAxisTickerLog);
  axis->setTicker(ticker);
  axis->setNumberFormat(QStringLiteral("gb"));
  axis->setLabel(label);
}

} // namespace

PointCloud::PointCloud(QCustomPlot* plot, QCPAxisRect* rect) : QCPLayerable(plot, QString(), rect), rect_(rect) {}

void PointCloud::setPoints(std::vector<float> logX, std::vector<float> logY, std::vector<std::uint16_t> colorIndex,
                           std::vector<QRgb> palette) {
  logX_ = std::move(logX);
  logY_ = std::move(logY);
  color_ = std::move(colorIndex);
  palette_ = std::move(palette);
}

QRect PointCloud::clipRect() const { return rect_->rect(); }

QRgb PointCloud::colorOf(size_t i) const {
  const auto c = color_[i];
  return highlight_ < 0 || c == highlight_ ? palette_[c] : qRgb(qRed(kGrey), qGreen(kGrey), qBlue(kGrey));
}

void PointCloud::draw(QCPPainter* painter) {
  const QRect r = rect_->rect();
  if (logX_.empty() || r.width() < 2 || r.height() < 2) return;
  if (painter->modes().testFlag(QCPPainter::pmVectorized)) {
    drawVector(painter, r);
    return;
  }
  const QCPRange xr = rect_->axis(QCPAxis::atBottom)->range(), yr = rect_->axis(QCPAxis::atLeft)->range();
  const float x0 = static_cast<float>(std::log10(xr.lower)), y1 = static_cast<float>(std::log10(yr.upper));
  const float sx = static_cast<float>(r.width() / (std::log10(xr.upper) - x0));
  const float sy = static_cast<float>(r.height() / (y1 - std::log10(yr.lower)));
  QImage image(r.size(), QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  const int w = image.width(), h = image.height();
  auto* bits = reinterpret_cast<QRgb*>(image.bits());
  const qsizetype stride = image.bytesPerLine() / 4;
  // A few points (one adapted device) get 5x5 blocks, so each stays visible; many get 2x2.
  const int dot = logX_.size() < 2000 ? 5 : 2;
  // With a highlight, two passes: the greyed points first, the highlighted colour on top.
  for (int pass = highlight_ < 0 ? 1 : 0; pass < 2; ++pass)
    for (size_t i = 0; i < logX_.size(); ++i) {
      if (highlight_ >= 0 && (color_[i] == highlight_) != (pass == 1)) continue;
      const int px = static_cast<int>((logX_[i] - x0) * sx) - dot / 2, py = static_cast<int>((y1 - logY_[i]) * sy) - dot / 2;
      if (px < 0 || py < 0 || px > w - dot || py > h - dot) continue;
      const QRgb c = colorOf(i);
      for (int dy = 0; dy < dot; ++dy) std::fill_n(bits + (py + dy) * stride + px, dot, c);
    }
  painter->drawImage(r.topLeft(), image);
}

void PointCloud::drawVector(QCPPainter* painter, const QRect& r) const {
  const QCPAxis* x = rect_->axis(QCPAxis::atBottom);
  const QCPAxis* y = rect_->axis(QCPAxis::atLeft);
  painter->save();
  painter->setClipRect(r);
  painter->setPen(Qt::NoPen);
  const double size = logX_.size() < 2000 ? 5.0 : 2.4;
  for (int pass = highlight_ < 0 ? 1 : 0; pass < 2; ++pass)
    for (size_t i = 0; i < logX_.size(); ++i) {
      if (highlight_ >= 0 && (color_[i] == highlight_) != (pass == 1)) continue;
      const double px = x->coordToPixel(std::pow(10.0, logX_[i])), py = y->coordToPixel(std::pow(10.0, logY_[i]));
      if (!r.contains(QPoint(static_cast<int>(px), static_cast<int>(py)))) continue;
      painter->setBrush(QColor(colorOf(i)));
      painter->drawRect(QRectF(px - size / 2, py - size / 2, size, size));
    }
  painter->restore();
}

ScatterPlot::ScatterPlot(QWidget* parent) : QCustomPlot(parent) {
  setLogAxis(xAxis, tr("Measured latency (ms)"));
  setLogAxis(yAxis, tr("Predicted latency (ms)"));
  setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  setNoAntialiasingOnDrag(true);
  legend->setVisible(false);
  setMinimumSize(320, 260);
  setMouseTracking(true);
  cloud_ = new PointCloud(this, axisRect());
  legend->setFont(QFont(font().family(), 8));
  legend->setBrush(QColor(255, 255, 255, 220));
  axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  hover_ = new QLabel(this);
  hover_->setTextFormat(Qt::RichText);
  hover_->setAttribute(Qt::WA_TransparentForMouseEvents);
  hover_->setStyleSheet(QStringLiteral("QLabel { background: #ffffe1; color: black; border: 1px solid #888; padding: 3px; }"));
  hover_->hide();
}

QColor ScatterPlot::deviceColor(int device) { return QColor(kPalette[static_cast<size_t>(device) % 10]); }

void ScatterPlot::setLegendShown(bool shown, int maxEntries) {
  legend->setVisible(shown && points_ && static_cast<int>(points_->devices.size()) <= maxEntries);
  replot(QCustomPlot::rpQueuedReplot);
}

void ScatterPlot::rebuildLegend() {
  // One empty graph per device carries its name and swatch into the legend.
  const int devices = points_ ? static_cast<int>(points_->devices.size()) : 0;
  for (int d = 0; d < devices; ++d) {
    auto* g = addGraph();
    g->setLineStyle(QCPGraph::lsNone);
    g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssSquare, deviceColor(d), deviceColor(d), 7));
    g->setName(QString::fromStdString(points_->devices[static_cast<size_t>(d)]));
    g->setSelectable(QCP::stNone);
  }
  legend->setVisible(devices > 0 && devices <= 10);
}

void ScatterPlot::highlightDevice(int device) {
  highlightedDevice_ = device;
  cloud_->setHighlight(device);
  replot(QCustomPlot::rpQueuedReplot);
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
  lower->removeFromLegend();
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
  highlightedDevice_ = -1;
  cloud_->setHighlight(-1);
  hover_->hide();
  points_ = std::move(points);
  logMeasured_.clear();
  logPredicted_.clear();
  if (!points_ || points_->size() == 0) {
    cloud_->setPoints({}, {}, {}, {});
    legend->setVisible(false);
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
  logMeasured_.resize(p.size());
  logPredicted_.resize(p.size());
  std::vector<std::uint16_t> color(p.size());
  for (size_t i = 0; i < p.size(); ++i) {
    logMeasured_[i] = std::log10(p.measuredMs[i]);
    logPredicted_[i] = std::log10(p.predictedMs[i]);
    color[i] = p.device[i];
  }
  std::vector<QRgb> palette;
  for (int d = 0; d < devices; ++d) palette.push_back(deviceColor(d).rgb()); // opaque: plain stores, no blending
  cloud_->setPoints(logMeasured_, logPredicted_, std::move(color), std::move(palette));
  rebuildLegend();
  selection_ = addGraph();
  selection_->setLineStyle(QCPGraph::lsNone);
  selection_->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::black, 1.5), Qt::NoBrush, 9));
  selection_->setSelectable(QCP::stNone);
  selection_->removeFromLegend();
  addShotMarkers();
  xAxis->setRange(lo / 1.2, hi * 1.2);
  yAxis->setRange(lo / 1.2, hi * 1.2);
  replot();
}

long ScatterPlot::plottedPoints() const { return static_cast<long>(cloud_->size()); }

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
  if (event->buttons() != Qt::NoButton) {
    hover_->hide();
    return;
  }
  showHover(event->pos());
}

void ScatterPlot::showHover(const QPoint& pos) {
  const long i = pointAt(pos);
  if (i < 0) {
    hover_->hide();
    return;
  }
  const auto& p = *points_;
  const auto k = static_cast<size_t>(i);
  const int index = p.archIndex[p.arch[k]];
  hover_->setText(tr("<b>%1</b><br>%2%3<br>measured %4 ms, predicted %5 ms<br>error %6 %%7")
                      .arg(QString::fromStdString(p.devices[p.device[k]]).toHtmlEscaped(),
                           QString::fromStdString(p.archs[p.arch[k]]).toHtmlEscaped(),
                           index >= 0 ? tr(" (#%1)").arg(index) : QString())
                      .arg(QLocale().toString(p.measuredMs[k], 'g', 4))
                      .arg(QLocale().toString(p.predictedMs[k], 'g', 4))
                      .arg(QLocale().toString(100 * p.relativeError(k), 'f', 1))
                      .arg(p.isShot[k] ? tr("<br>(adaptation sample)") : QString()));
  hover_->adjustSize();
  placeHover(pos);
  hover_->show();
  hover_->raise();
}

void ScatterPlot::placeHover(const QPoint& pos) {
  // Right of and below the cursor, flipped to the other side where it would leave the plot.
  const QSize s = hover_->size();
  int x = pos.x() + 14, y = pos.y() + 14;
  if (x + s.width() > width()) x = pos.x() - 14 - s.width();
  if (y + s.height() > height()) y = pos.y() - 14 - s.height();
  hover_->move(std::clamp(x, 0, std::max(0, width() - s.width())), std::clamp(y, 0, std::max(0, height() - s.height())));
}

void ScatterPlot::addShotMarkers() {
  QVector<double> keys, values;
  for (size_t i = 0; i < points_->size(); ++i)
    if (points_->isShot[i]) {
      keys << points_->measuredMs[i];
      values << points_->predictedMs[i];
    }
  if (keys.isEmpty()) return;
  auto* shots = addGraph();
  shots->setLineStyle(QCPGraph::lsNone);
  shots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QPen(QColor(40, 40, 40), 1.2), Qt::NoBrush, 7));
  shots->setData(keys, values);
  shots->setName(tr("adaptation samples (not scored)"));
  shots->setSelectable(QCP::stNone);
}

void ScatterPlot::leaveEvent(QEvent* event) {
  hover_->hide();
  QCustomPlot::leaveEvent(event);
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
