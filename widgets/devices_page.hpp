#pragma once
// The device inventory: a table of the project's devices, a details pane, "Detect this machine"
// (CPU and CUDA GPUs, added as devices on request) and merging devices from another project file.
#include "measure/host.hpp"

#include <QWidget>

class QTableView;
class QTextBrowser;
class QPushButton;

namespace maple::widgets {

class DeviceModel;
class Job;
class JobBar;
class Workspace;

class DevicesPage : public QWidget {
  Q_OBJECT
public:
  explicit DevicesPage(Workspace* workspace, QWidget* parent = nullptr);
  DeviceModel* model() const { return model_; }
  Job* job() const { return job_; }
  JobBar* jobBar() const { return bar_; }

public slots:
  void refresh();
  void detectHost();
  void addDetectedHost(const QString& name);
  void mergeFrom(const QString& path);

private:
  void showDetails();
  Workspace* workspace_;
  DeviceModel* model_;
  QTableView* table_;
  QTextBrowser* details_;
  QPushButton *detect_, *add_, *merge_;
  Job* job_;
  JobBar* bar_;
  measure::HostInfo detected_;
  QString detectedGpuNote_;
  QString pendingNote_;
};

} // namespace maple::widgets
