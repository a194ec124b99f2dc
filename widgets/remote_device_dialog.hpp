#pragma once
// "Add remote device...": a launcher command (a command line whose stdin/stdout reach `maple
// agent` on the device, e.g. "ssh pi@board maple agent"), "Test connection" (the agent's hello, its
// host detection and what it can count, on a worker; Cancel ends the launcher), what was detected,
// then "Add device" under a name (services::addRemoteDevice: the launcher is kept with the device).
// Refusals (a name in use or imported, a connection that fails) show in the dialog, unchanged.
#include "services/remote.hpp"

#include <QDialog>

#include <optional>

class QLineEdit;
class QPushButton;
class QTextBrowser;

namespace maple::widgets {

class Job;
class JobBar;
class Workspace;

class RemoteDeviceDialog : public QDialog {
  Q_OBJECT
public:
  explicit RemoteDeviceDialog(Workspace* workspace, QWidget* parent = nullptr);
  void setLauncher(const QString& launcher);
  void setDeviceName(const QString& name);
  QString deviceName() const;
  Job* job() const { return job_; }
  JobBar* jobBar() const { return bar_; }
  // What the last test detected, as shown (plain text; empty before a successful test).
  QString detectedText() const;
  // A test of the launcher now in the field succeeded: the device can be added.
  bool canAdd() const;

  // Closing (rejecting) ends a test in progress and its launcher.
  void done(int result) override;

public slots:
  void testConnection();
  void addDevice();

signals:
  void deviceAdded(const QStringList& names);

private:
  void showCheck(const services::RemoteCheck& check);
  void updateButtons();
  Workspace* workspace_;
  QLineEdit *launcher_, *name_;
  QPushButton *test_, *add_;
  QTextBrowser* details_;
  Job* job_;
  JobBar* bar_;
  std::optional<services::RemoteCheck> check_; // of the launcher it names
};

} // namespace maple::widgets
