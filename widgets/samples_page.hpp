#pragma once
// Choosing adaptation samples: the chosen search space's architecture table (search, filter by op
// and FLOPs, sort; more drawn on demand from the space's sampler), a selection strategy over the
// rows that pass the filter or HELP's reference architectures, and
// "measure ticked" on this machine with the chosen engine, stored under the target device, with
// progress and cancel. Each measured latency is stored as it completes.
#include "services/architectures.hpp"

#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QLabel;

namespace maple::widgets {

class ArchitectureFilter;
class ArchitectureModel;
class Job;
class JobBar;
class Workspace;

class SamplesPage : public QWidget {
  Q_OBJECT
public:
  explicit SamplesPage(Workspace* workspace, QWidget* parent = nullptr);
  ArchitectureModel* model() const { return model_; }
  ArchitectureFilter* filter() const { return filter_; }
  Job* job() const { return job_; }
  JobBar* jobBar() const { return bar_; }
  QTableView* table() const { return table_; }

  void setStrategy(const QString& name);
  void setSampleCount(int k);
  void setMeasureOptions(const QString& engine, int repeats);
  QString shownText() const;

public slots:
  void reload();
  bool selectSamples(); // starts the selection on a worker (services::selectArchitectures); false with the reason in the job bar
  void tickReferences();
  // Appends `count` architectures of the space that no row holds, from its sampler (on a worker).
  void sampleMore(int count);
  void measureSelected();
  void showArchitecture(const QString& arch);

private:
  void applyFilter();
  void fillOps(const services::OpColumn& ops);
  void updateTarget();
  void updateShown();
  void loadMeasured();
  Workspace* workspace_;
  ArchitectureModel* model_;
  ArchitectureFilter* filter_;
  QTableView* table_;
  QLineEdit* search_;
  QComboBox *op_, *strategy_, *engine_;
  QDoubleSpinBox *minFlops_, *maxFlops_;
  QSpinBox *count_, *seed_, *repeats_, *sampleCount_;
  QPushButton *select_, *references_, *measure_, *sampleMore_;
  QLabel *selectedLabel_, *shownLabel_, *targetLabel_, *measuredLabel_;
  Job* job_;
  JobBar* bar_;
};

} // namespace maple::widgets
