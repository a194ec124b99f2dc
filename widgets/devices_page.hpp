#pragma once
// The device inventory: a table of the project's devices, a details pane, "Detect this machine"
// (CPU and CUDA GPUs, added as devices on request), "Add remote device..." (a device reached
// through a launcher, remote_device_dialog.hpp) and merging devices from another project file.
#include "measure/host.hpp"

#include <QPointer>
#include <QWidget>

class QTableView;
class QTextBrowser;
class QPushButton;

namespace maple::widgets {

class DeviceModel;
class Job;
class JobBar;
class RemoteDeviceDialog;
class Workspace;

// A detected host's rows for an HTML table: CPU, caches, memory, clock, kernel and GPUs (or
// gpuNote, why none is listed).
QString hostRowsHtml(const measure::HostInfo& host, const QString& gpuNote);

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
  // Opens "Add remote device..." (window-modal; the page keeps it until the next one opens).
  RemoteDeviceDialog* openRemoteDialog();

signals:
  // A remote device was added (its CPU device's name), e.g. to make it the target.
  void remoteDeviceAdded(const QString& name);

private:
  void showDetails();
  Workspace* workspace_;
  DeviceModel* model_;
  QTableView* table_;
  QTextBrowser* details_;
  QPushButton *detect_, *add_, *remote_, *merge_;
  Job* job_;
  JobBar* bar_;
  measure::HostInfo detected_;
  QString detectedGpuNote_;
  QString pendingNote_;
  QPointer<RemoteDeviceDialog> remoteDialog_;
};

} // namespace maple::widgets
