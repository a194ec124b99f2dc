#pragma once
// Predicted versus measured latency on log-log axes: one graph per device (its own colour), the
// y = x line and a +-10 % band, zoom and pan with the mouse, a tooltip naming the architecture and
// its error, and a click that selects an architecture (its points on every device are ringed).
// Hundreds of thousands of points stay fast because they are not QCustomPlot graphs: a PointCloud
// layerable writes each point's pixels straight into one image per redraw, from log values computed
// once (bench/bench_workbench.cpp measures it against QCPGraph with and without adaptive sampling).
#include "evaluation/points.hpp"

#include <qcustomplot.h>

#include <memory>

namespace maple::widgets {

// Points drawn as 2x2 pixel blocks into an image the size of the axis rect, in device order (later
// devices on top), clipped to the axes.
class PointCloud : public QCPLayerable {
public:
  PointCloud(QCustomPlot* plot, QCPAxisRect* rect);
  void setPoints(std::vector<float> logX, std::vector<float> logY, std::vector<std::uint16_t> colorIndex,
                 std::vector<QRgb> palette);
  size_t size() const { return logX_.size(); }

protected:
  void applyDefaultAntialiasingHint(QCPPainter*) const override {}
  QRect clipRect() const override;
  void draw(QCPPainter* painter) override;

private:
  QCPAxisRect* rect_;
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
  static QColor deviceColor(int device, int devices);

signals:
  void architectureClicked(int arch);

protected:
  void mouseMoveEvent(QMouseEvent* event) override;
  void mouseReleaseEvent(QMouseEvent* event) override;
  void mousePressEvent(QMouseEvent* event) override;

private:
  void rebuildGuides(double lo, double hi);
  std::shared_ptr<const evaluation::Points> points_;
  std::vector<float> logMeasured_, logPredicted_;
  PointCloud* cloud_;
  QCPGraph* selection_ = nullptr;
  int selectedArch_ = -1;
  QPoint pressPos_;
};

} // namespace maple::widgets
