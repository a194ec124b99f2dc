#pragma once
// One evaluation on screen: the predicted-vs-measured scatter, the error histogram, per-device
// metrics and the worst predictions, each plot exportable as PNG, PDF or SVG. The predictions page
// shows two side by side to compare evaluations.
#include "evaluation/points.hpp"

#include <QWidget>

#include <memory>

class QCustomPlot;
class QLabel;
class QTableView;

namespace maple::widgets {

class MetricsModel;
class ScatterPlot;
class WorstModel;

class EvaluationView : public QWidget {
  Q_OBJECT
public:
  explicit EvaluationView(QWidget* parent = nullptr);
  void setPoints(std::shared_ptr<const evaluation::Points> points);
  std::shared_ptr<const evaluation::Points> points() const { return points_; }
  ScatterPlot* scatter() const { return scatter_; }
  QCustomPlot* histogram() const { return histogram_; }
  MetricsModel* metrics() const { return metrics_; }
  WorstModel* worst() const { return worst_; }
  // Saves scatter and histogram as <stem>-scatter.<suffix> and <stem>-histogram.<suffix>; returns
  // the errors (empty when both were written).
  QString exportPlots(const QString& stem, const QString& suffix);

signals:
  // NAS-Bench-201 string of an architecture clicked in the scatter or the worst list.
  void architectureChosen(const QString& arch);

private:
  void fillHistogram();
  std::shared_ptr<const evaluation::Points> points_;
  QLabel* title_;
  ScatterPlot* scatter_;
  QCustomPlot* histogram_;
  MetricsModel* metrics_;
  WorstModel* worst_;
  QTableView *metricsTable_, *worstTable_;
};

} // namespace maple::widgets
