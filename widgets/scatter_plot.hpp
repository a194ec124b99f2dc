#pragma once
// Predicted versus measured latency on log-log axes: one colour per device (ten distinct colours,
// a legend naming them; highlighting one device greys the others), the y = x line and a +-10 %
// band, zoom and pan with the mouse, a hover label naming the architecture and its error (kept
// inside the plot), and a click that selects an architecture (its points on every device are ringed).
// Hundreds of thousands of points stay fast because they are not QCustomPlot graphs: a PointCloud
// layerable writes each point's pixels straight into one image per redraw, from log values computed
// once (bench/bench_workbench.cpp measures it against QCPGraph with and without adaptive sampling).
#include "evaluation/points.hpp"

#include <qcustomplot.h>

#include <memory>

class QLabel;

namespace maple::widgets {

// Points drawn as 2x2 pixel blocks into an image the size of the axis rect, in device order (later
// devices on top; a highlighted colour last), clipped to the axes. Vector painters (PDF, SVG export)
// get one small square per point instead of a bitmap.
class PointCloud : public QCPLayerable {
public:
  PointCloud(QCustomPlot* plot, QCPAxisRect* rect);
  void setPoints(std::vector<float> logX, std::vector<float> logY, std::vector<std::uint16_t> colorIndex,
                 std::vector<QRgb> palette);
  // Colours other than `keep` are drawn in light grey beneath it; -1 shows every colour.
  void setHighlight(int keep) { highlight_ = keep; }
  size_t size() const { return logX_.size(); }

protected:
  void applyDefaultAntialiasingHint(QCPPainter*) const override {}
  QRect clipRect() const override;
  void draw(QCPPainter* painter) override;

private:
  void drawVector(QCPPainter* painter, const QRect& r) const;
  QRgb colorOf(size_t i) const;
  QCPAxisRect* rect_;
  int highlight_ = -1;
  std::vector<float> logX_, logY_;
  std::vector<std::uint16_t> color_;
  std::vector<QRgb> palette_;
};

class ScatterPlot : public QCustomPlot {
  Q_OBJECT
public:
  explicit ScatterPlot(QWidget* parent = nullptr);
  void setPoints(std::shared_ptr<const evaluation::Points> points);
  const evaluation::Points* points() const { return points_.get(); }
  // Number of points handed to the graphs (all of them; sampling only affects drawing).
  long plottedPoints() const;
  // Nearest point to a widget position within `radiusPx`, or -1.
  long pointAt(const QPoint& pos, double radiusPx = 6) const;
  void selectArchitecture(int arch); // -1 clears
  int selectedArchitecture() const { return selectedArch_; }
  // Draws one device's points in colour over the others in grey; -1 shows all in colour.
  void highlightDevice(int device);
  int highlightedDevice() const { return highlightedDevice_; }
  // Ten well-separated colours; devices beyond ten reuse them (the legend and the per-device
  // table's swatches name each, and highlighting tells reused colours apart).
  static QColor deviceColor(int device);
  // The hover label (a child widget, so it can never be clipped by the screen edge).
  QLabel* hoverLabel() const { return hover_; }
  void showHover(const QPoint& pos); // as a mouse move without buttons does
  // A legend with one entry per device (inset, for up to maxEntries devices on screen; exports
  // show every device).
  void setLegendShown(bool shown, int maxEntries = 10);

signals:
  void architectureClicked(int arch);

protected:
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;
  void leaveEvent(QEvent* event) override;

private:
  void rebuildGuides(double lo, double hi);
  void rebuildLegend();
  void addShotMarkers();
  void placeHover(const QPoint& pos);
  std::shared_ptr<const evaluation::Points> points_;
  std::vector<float> logMeasured_, logPredicted_;
  PointCloud* cloud_;
  QCPGraph* selection_ = nullptr;
  int selectedArch_ = -1;
  int highlightedDevice_ = -1;
  QLabel* hover_;
  QPoint pressPos_;
};

} // namespace maple::widgets
