#pragma once
// The workbench window: the target device (and, for a project of several, the search space) at the top, File menu (New, Open, Open Recent, Import data, Export predictor, Quit), one tab per view,
// the project in the title, and geometry, recent files and the last view kept in QSettings.
#include <QMainWindow>

class QMenu;
class QTabWidget;

namespace maple::widgets {

class CapturePage;
class DevicesPage;
class Job;
class JobBar;
class PredictionsPage;
class SamplesPage;
class SpacePicker;
class TargetBar;
class Workspace;

class MainWindow : public QMainWindow {
  Q_OBJECT
public:
  enum View { Devices, Capture, Samples, Predictions };
  explicit MainWindow(QWidget* parent = nullptr);
  ~MainWindow() override;

  Workspace* workspace() const { return workspace_; }
  DevicesPage* devicesPage() const { return devices_; }
  CapturePage* capturePage() const { return capture_; }
  SamplesPage* samplesPage() const { return samples_; }
  PredictionsPage* predictionsPage() const { return predictions_; }
  TargetBar* targetBar() const { return target_; }
  SpacePicker* spacePicker() const { return spacePicker_; }
  JobBar* fileBar() const { return fileBar_; }
  void setView(View view);
  View view() const;
  static std::optional<View> viewFromName(const QString& name);
  // True while any page's job runs (the screenshot mode waits for this to end).
  bool busy() const;
  // Runs the event loop until no job has run for `quietMs` (jobs chain: opening a project starts
  // every view's load); false when `timeoutMs` passes first. For scripts, tests and benchmarks.
  bool waitUntilIdle(int timeoutMs, int quietMs = 200);
  QString lastError() const { return lastError_; }

public slots:
  // Validates on a worker, then shows it; a bad file gives a message and leaves the window as it was.
  void openProject(const QString& path);
  void newProject(const QString& path);
  void importData(const QString& path);
  // Writes the project's predictor of this name as a .maplepred file (atomically); an existing
  // file is replaced only when `overwrite` (the file dialog asked).
  void exportPredictor(const QString& name, const QString& path, bool overwrite = false);
  void chooseAndExportPredictor();

signals:
  void projectOpened(const QString& path);
  void projectFailed(const QString& message);

protected:
  void closeEvent(QCloseEvent* event) override;

private:
  void buildMenus();
  void rebuildRecentMenu();
  void addRecent(const QString& path);
  void showError(const QString& title, const QString& message);
  Workspace* workspace_;
  QTabWidget* tabs_;
  DevicesPage* devices_;
  CapturePage* capture_;
  SamplesPage* samples_;
  PredictionsPage* predictions_;
  TargetBar* target_;
  SpacePicker* spacePicker_;
  QMenu* recentMenu_ = nullptr;
  Job* fileJob_;
  JobBar* fileBar_;
  QString lastError_;
};

} // namespace maple::widgets
