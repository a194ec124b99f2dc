#pragma once
// Predictions: train a predictor on some devices and adapt it to the others with k shots, then look
// at predicted against measured latency for every device and architecture (each run is stored as an
// evaluation); or open an evaluation stored in the project. Two evaluations can be shown side by side.
#include "evaluation/points.hpp"

#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QPushButton;
class QSpinBox;
class QSplitter;

namespace maple::widgets {

class EvaluationView;
class Job;
class JobBar;
class Workspace;

class PredictionsPage : public QWidget {
  Q_OBJECT
public:
  explicit PredictionsPage(Workspace* workspace, QWidget* parent = nullptr);
  EvaluationView* left() const { return views_[0]; }
  EvaluationView* right() const { return views_[1]; }
  QComboBox* storedList(int side) const { return stored_[side]; } // item data: the evaluation id
  Job* job() const { return job_; }
  JobBar* jobBar() const { return bar_; }
  void setCompare(bool on);
  // Run settings, for tests and the command line.
  void setRunOptions(const QString& method, const QString& kind, int shots, int folds);

public slots:
  void refreshStored();
  void run();                       // evaluate into the view chosen by "Show in" and store the evaluation
  void showStored(int side, std::int64_t evaluationId);
  bool exportAll(const QString& stem); // every plot as PNG, PDF and SVG

private:
  // keepSelection: the lists still describe this project, so each keeps the evaluation it shows.
  void fillStored(const std::vector<evaluation::StoredEvaluation>& list, bool keepSelection);
  void linkAxes();
  QSplitter* split_;
  bool linking_ = false;
  Workspace* workspace_;
  EvaluationView* views_[2];
  QComboBox *stored_[2], *method_, *kind_, *target_;
  QSpinBox *shots_, *folds_;
  QPushButton* run_;
  QCheckBox* compare_;
  Job* job_;
  JobBar* bar_;
};

} // namespace maple::widgets
