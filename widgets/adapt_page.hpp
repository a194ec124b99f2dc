#pragma once
// Predictions > Adapt to <target>: choose the training devices (defaults from the adapt service),
// method, descriptor, how many of the target's measured architectures are shots and which (the shot
// policy: design, the default for a new device, reference or a seeded random draw; the rest are
// held out and scored); Adapt trains and adapts on a worker, stores the adapted predictor in the
// project and shows predicted vs measured for the held-out architectures, the headline metrics and
// the predicted distribution of the whole space with its uncertainty.
#include "evaluation/points.hpp"
#include "services/adapt.hpp"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;
class QCustomPlot;
class QLabel;
class QListView;
class QPushButton;
class QSpinBox;

namespace maple::widgets {

class DeviceCheckModel;
class EvaluationView;
class Job;
class JobBar;
class Workspace;

// What an adaptation showed: the held-out and shot points, the whole space, the stored predictor.
struct AdaptShown {
  std::shared_ptr<const evaluation::Points> points;
  std::vector<double> spaceMs, spaceSpread; // nb201 cell-code order
  std::vector<std::pair<int, double>> measured; // cell code, measured ms of every measured architecture
  QString predictorName;
  QString shotPolicy; // as the adapted predictor records it
};

// Moves what the page shows out of the adapt service's result.
AdaptShown adaptShown(services::AdaptResult result);

class AdaptPage : public QWidget {
  Q_OBJECT
public:
  explicit AdaptPage(Workspace* workspace, QWidget* parent = nullptr);
  EvaluationView* view() const { return view_; }
  DeviceCheckModel* trainingDevices() const { return training_; }
  QCustomPlot* distribution() const { return distribution_; }
  Job* job() const { return job_; }
  JobBar* jobBar() const { return bar_; }
  const AdaptShown& shown() const { return shown_; }
  QString lastPredictor() const { return shown_.predictorName; }
  void setOptions(const QString& method, const QString& kind, int shots);
  // design, reference or random (predict::shotPolicyName); the seed plays a part for random only.
  void setShotPolicy(const QString& policy, int seed = 1);
  QString shotPolicy() const;
  void showResult(AdaptShown shown);

public slots:
  void reloadDevices();
  void adapt();

signals:
  void predictorStored(const QString& name);

private:
  void fillDistribution();
  Workspace* workspace_;
  DeviceCheckModel* training_;
  QListView* trainingList_;
  QComboBox *method_, *kind_;
  QComboBox* policy_;
  QSpinBox *shots_, *seed_;
  QLabel *title_, *measuredLabel_, *usedLabel_;
  QPushButton* adapt_;
  EvaluationView* view_;
  QCustomPlot* distribution_;
  Job* job_;
  JobBar* bar_;
  AdaptShown shown_;
  int measuredCount_ = 0;
};

} // namespace maple::widgets
