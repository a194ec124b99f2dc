#pragma once
// Predictions > Cross-device evaluation: every chosen device predicted by a model that never saw it
// nor its same-chip siblings (folds keep chips whole), k shots each, full or HELP's protocol; each
// run is stored as an evaluation that can be reopened, renamed, deleted, and compared side by side
// (equal panes, linked axes, metric differences).
#include "services/evaluations.hpp"

#include <QWidget>

#include <map>
#include <memory>

class QCheckBox;
class QComboBox;
class QListView;
class QPushButton;
class QSpinBox;
class QSplitter;

namespace maple::widgets {

class DeviceCheckModel;
class EvaluationView;
class Job;
class JobBar;
class Workspace;

class CrossDevicePage : public QWidget {
  Q_OBJECT
public:
  explicit CrossDevicePage(Workspace* workspace, QWidget* parent = nullptr);
  EvaluationView* left() const { return views_[0]; }
  EvaluationView* right() const { return views_[1]; }
  QComboBox* storedList(int side) const { return stored_[side]; } // item data: the evaluation id
  DeviceCheckModel* devices() const { return devices_; }
  Job* job() const { return job_; }
  JobBar* jobBar() const { return bar_; }
  void setCompare(bool on);
  // Run settings, for tests and the command line.
  void setRunOptions(const QString& method, const QString& kind, int shots, int folds, bool helpProtocol = false);

public slots:
  void refreshStored();
  void run();                       // evaluate into the view chosen by "Show in" and store the evaluation
  void showStored(int side, std::int64_t evaluationId);
  void renameStored(std::int64_t evaluationId, const QString& name);
  void deleteStored(std::int64_t evaluationId);
  bool exportAll(const QString& stem); // every plot as PNG, PDF and SVG

private:
  QWidget* buildRunBox();
  QWidget* buildSide(int side);
  // keepSelection: the lists still describe this project, so each keeps the evaluation it shows.
  void fillStored(const std::vector<services::EvaluationListing>& list, bool keepSelection);
  void linkAxes();
  Workspace* workspace_;
  EvaluationView* views_[2];
  QComboBox *stored_[2], *method_, *kind_, *target_, *protocol_;
  QSpinBox *shots_, *folds_;
  QPushButton* run_;
  QCheckBox* compare_;
  DeviceCheckModel* devices_;
  QListView* deviceList_;
  QSplitter* split_;
  std::map<std::string, long> measured_; // measured architectures per listed device
  bool linking_ = false;
  Job* job_;
  JobBar* bar_;
};

} // namespace maple::widgets
