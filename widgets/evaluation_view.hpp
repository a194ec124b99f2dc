#pragma once
// One evaluation on screen: a headline (share within +-10 %, Spearman, MAPE over the test points),
// the predicted-vs-measured scatter, the error histogram, per-device metrics with swatches (a row
// highlights its device's points) and the worst predictions, each plot exportable as PNG, PDF or
// SVG. The predictions page shows two side by side to compare evaluations.
#include "evaluation/points.hpp"

#include <QWidget>

#include <memory>
#include <optional>

class QCustomPlot;
class QLabel;
class QTabWidget;
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
  QTableView* metricsTable() const { return metricsTable_; }
  QTableView* worstTable() const { return worstTable_; }
  QTabWidget* tabs() const { return tabs_; }
  // The metrics over every test point ("all"), when points are shown.
  std::optional<evaluation::DeviceMetrics> overall() const { return overall_; }
  QString headline() const;
  // Shows the differences of this view's metrics to another's (compare mode); null hides them.
  void setBaseline(const EvaluationView* other);
  QString differences() const;
  // Saves scatter and histogram as <stem>-scatter.<suffix> and <stem>-histogram.<suffix>, titled
  // and with the legend; returns the errors (empty when both were written).
  QString exportPlots(const QString& stem, const QString& suffix);

signals:
  // NAS-Bench-201 string of an architecture clicked in the scatter or the worst list (highlight only).
  void architectureChosen(const QString& arch);
  // The user asked to see this architecture on the Samples page (double-click, context menu).
  void showInSamples(const QString& arch);

private:
  void fillHistogram();
  void updateDifferences();
  std::shared_ptr<const evaluation::Points> points_;
  std::optional<evaluation::DeviceMetrics> overall_;
  const EvaluationView* baseline_ = nullptr;
  QLabel *title_, *headline_, *differences_;
  ScatterPlot* scatter_;
  QCustomPlot* histogram_;
  MetricsModel* metrics_;
  WorstModel* worst_;
  QTableView *metricsTable_, *worstTable_;
  QTabWidget* tabs_;
};

} // namespace maple::widgets
