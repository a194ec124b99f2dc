#include "main_window.hpp"

#include "capture_page.hpp"
#include "core_text.hpp"
#include "devices_page.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "predictions_page.hpp"
#include "samples_page.hpp"
#include "space_picker.hpp"
#include "target_bar.hpp"
#include "workspace.hpp"

#include "dataset/data_sets.hpp"
#include "services/architectures.hpp"
#include "services/predictors.hpp"
#include "store/project.hpp"

#include <QApplication>
#include <QCloseEvent>
#include <QElapsedTimer>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

// Outside any namespace, as Q_INIT_RESOURCE requires.
static void initResources() { Q_INIT_RESOURCE(resources); }

namespace maple::widgets {
namespace {

constexpr int kMaxRecent = 8;

// On a worker: the project's search spaces for the workspace.
QStringList spacesOf(store::Project& project) {
  QStringList out;
  for (const auto& s : services::projectSpaces(project)) out << QString::fromStdString(s);
  return out;
}
const char* kFilter = QT_TRANSLATE_NOOP("maple::widgets::MainWindow", "MAPLE projects (*.maple);;All files (*)");

} // namespace

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), workspace_(new Workspace(this)), tabs_(new QTabWidget(this)), fileJob_(new Job(this)) {
  initResources();
  devices_ = new DevicesPage(workspace_, this);
  capture_ = new CapturePage(workspace_, this);
  samples_ = new SamplesPage(workspace_, this);
  predictions_ = new PredictionsPage(workspace_, this);
  tabs_->addTab(devices_, QIcon(QStringLiteral(":/icons/devices.svg")), tr("Devices"));
  tabs_->addTab(capture_, QIcon(QStringLiteral(":/icons/capture.svg")), tr("Capture"));
  tabs_->addTab(samples_, QIcon(QStringLiteral(":/icons/samples.svg")), tr("Samples"));
  tabs_->addTab(predictions_, QIcon(QStringLiteral(":/icons/predictions.svg")), tr("Predictions"));
  tabs_->setDocumentMode(true);
  setCentralWidget(tabs_);
  setWindowIcon(QIcon(QStringLiteral(":/icons/maple.svg")));
  setWindowTitle(tr("MAPLE Workbench"));

  target_ = new TargetBar(workspace_, this);
  spacePicker_ = new SpacePicker(workspace_, this);
  // One strip: the picker hides itself inside it (a toolbar's own widgets hide through their actions).
  auto* strip = new QWidget(this);
  auto* stripLayout = new QHBoxLayout(strip);
  stripLayout->setContentsMargins(0, 0, 0, 0);
  stripLayout->addWidget(target_, 1);
  stripLayout->addWidget(spacePicker_);
  auto* targetTools = addToolBar(tr("Target device"));
  targetTools->setObjectName(QStringLiteral("targetDevice"));
  targetTools->setMovable(false);
  targetTools->addWidget(strip);

  fileBar_ = new JobBar(fileJob_, this);
  statusBar()->addWidget(fileBar_, 1);
  buildMenus();

  QSettings settings;
  if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray())) resize(1280, 800);
  tabs_->setCurrentIndex(std::clamp(settings.value(QStringLiteral("window/view"), 0).toInt(), 0, tabs_->count() - 1));

  // Only an explicit "Show in Samples" changes the view; choosing a point or a row never does.
  connect(workspace_, &Workspace::showInSamplesRequested, this, [this] { setView(Samples); });
  connect(fileJob_, &Job::failed, this, [this](const QString& m) { lastError_ = m; });
  connect(devices_, &DevicesPage::remoteDeviceAdded, target_, &TargetBar::prefer); // the new device becomes the target
}

MainWindow::~MainWindow() = default;

void MainWindow::buildMenus() {
  auto* file = menuBar()->addMenu(tr("&File"));
  file->addAction(QIcon(QStringLiteral(":/icons/new.svg")), tr("&New project..."), QKeySequence::New, this, [this] {
    const QString path = QFileDialog::getSaveFileName(this, tr("New project"), QString(), tr(kFilter));
    if (!path.isEmpty()) newProject(path);
  });
  file->addAction(QIcon(QStringLiteral(":/icons/open.svg")), tr("&Open project..."), QKeySequence::Open, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open project"), QString(), tr(kFilter));
    if (!path.isEmpty()) openProject(path);
  });
  recentMenu_ = file->addMenu(tr("Open &recent"));
  rebuildRecentMenu();
  file->addSeparator();
  file->addAction(QIcon(QStringLiteral(":/icons/import.svg")), tr("&Import data..."), this, [this] {
    const QString path = QFileDialog::getExistingDirectory(this, tr("Folder holding nb201_latency_ms.csv or fbnet_latency_ms.csv"));
    if (!path.isEmpty()) importData(path);
  });
  file->addAction(tr("&Export predictor..."), this, &MainWindow::chooseAndExportPredictor);
  file->addAction(tr("Add &remote device..."), this, [this] {
    setView(Devices);
    devices_->openRemoteDialog();
  });
  file->addSeparator();
  file->addAction(tr("&Quit"), QKeySequence::Quit, this, &QWidget::close);

  auto* view = menuBar()->addMenu(tr("&View"));
  const QStringList names{tr("&Devices"), tr("&Capture"), tr("&Samples"), tr("&Predictions")};
  for (int i = 0; i < names.size(); ++i)
    view->addAction(names[i], QKeySequence(Qt::CTRL | static_cast<Qt::Key>(Qt::Key_1 + i)), this, [this, i] { tabs_->setCurrentIndex(i); });
}

void MainWindow::rebuildRecentMenu() {
  recentMenu_->clear();
  const QStringList recent = QSettings().value(QStringLiteral("recentFiles")).toStringList();
  for (const auto& path : recent)
    recentMenu_->addAction(QFileInfo(path).fileName() + QStringLiteral("  (") + path + QStringLiteral(")"), this,
                           [this, path] { openProject(path); });
  recentMenu_->setEnabled(!recent.isEmpty());
}

void MainWindow::addRecent(const QString& path) {
  QSettings settings;
  QStringList recent = settings.value(QStringLiteral("recentFiles")).toStringList();
  recent.removeAll(path);
  recent.prepend(path);
  while (recent.size() > kMaxRecent) recent.removeLast();
  settings.setValue(QStringLiteral("recentFiles"), recent);
  rebuildRecentMenu();
}

void MainWindow::showError(const QString& title, const QString& message) {
  lastError_ = message;
  // In the file job's line, not as a status-bar message that would be drawn over it.
  fileBar_->showMessage(message, true);
  if (isVisible() && QGuiApplication::platformName() != QLatin1String("offscreen")) QMessageBox::warning(this, title, message);
}

void MainWindow::openProject(const QString& path) {
  const QString absolute = QFileInfo(path).absoluteFilePath();
  fileJob_->start(tr("Opening %1").arg(absolute), [this, absolute](JobControl&) -> Job::Continuation {
    QStringList spaces;
    try {
      auto project = store::Project::open(absolute.toStdString()); // refuses a foreign, corrupt or newer file before anything is shown
      spaces = spacesOf(project);
    } catch (const std::exception& e) {
      return [this, m = coreText(e.what())] {
        showError(tr("Cannot open project"), m);
        emit projectFailed(m);
      };
    }
    return [this, absolute, spaces] {
      // Every page drops what it showed of the last project and its running work.
      for (auto* job : findChildren<Job*>())
        if (job != fileJob_) job->shutdown();
      workspace_->setProjectPath(absolute, spaces);
      setWindowFilePath(absolute);
      setWindowTitle(tr("%1 - MAPLE Workbench").arg(QFileInfo(absolute).fileName()));
      addRecent(absolute);
      lastError_.clear();
      fileBar_->showMessage(tr("Opened %1").arg(absolute));
      emit projectOpened(absolute);
    };
  });
}

void MainWindow::newProject(const QString& path) {
  try {
    store::Project::create(path.toStdString());
  } catch (const std::exception& e) {
    showError(tr("Cannot create project"), coreText(e.what()));
    return;
  }
  openProject(path);
}

void MainWindow::importData(const QString& path) {
  if (!workspace_->hasProject()) {
    showError(tr("Import data"), tr("Open or create a project first, then import into it."));
    return;
  }
  const auto project = workspace_->projectPath().toStdString();
  fileJob_->start(tr("Importing %1").arg(path), [this, project, data = path.toStdString()](JobControl& control) -> Job::Continuation {
    auto p = openWorkspaceProject(project);
    // The folder's table says which data set it is (NAS-Bench-201 or FBNet): no format to choose.
    const auto r = dataset::importDataSet(p, data, dataset::detectFormat(data), [&](const dataset::ImportProgress& ip) {
      return control.report(ip.rowsTotal ? double(ip.rowsWritten) / double(ip.rowsTotal) : 0.0, "rows");
    });
    const auto spaces = spacesOf(p);
    return [this, r, spaces] {
      fileBar_->showMessage(tr("Imported %1 devices, %2 architectures, %3 new latency samples (%4 already there)")
                                   .arg(r.devices)
                                   .arg(r.architectures)
                                   .arg(r.samplesAdded)
                                   .arg(r.samplesExisting));
      workspace_->setProjectPath(workspace_->projectPath(), spaces); // every view reloads
    };
  });
}

void MainWindow::chooseAndExportPredictor() {
  if (!workspace_->hasProject()) {
    showError(tr("Export predictor"), tr("Open a project first; its trained predictors can then be exported."));
    return;
  }
  const auto project = workspace_->projectPath().toStdString();
  const auto target = workspace_->targetDevice().toStdString();
  const auto space = workspace_->spaceName();
  fileJob_->start(tr("Listing predictors"), [this, project, target, space](JobControl&) -> Job::Continuation {
    auto p = openWorkspaceProject(project);
    QStringList names;
    int preferred = 0, otherSpaces = 0;
    std::string newest;
    // Predictors of the chosen space only; the newest adapted to the target device is the one offered.
    for (const auto& s : services::listPredictors(p)) {
      if (s.space != space) {
        ++otherSpaces;
        continue;
      }
      if (!target.empty() && s.targetDevice == target && s.createdAt >= newest) {
        preferred = static_cast<int>(names.size());
        newest = s.createdAt;
      }
      names << QString::fromStdString(s.name);
    }
    return [this, names, preferred, otherSpaces] {
      if (names.isEmpty() && otherSpaces > 0) {
        showError(tr("Export predictor"), tr("This project holds no %1 predictor, only predictors of other search spaces: "
                                             "choose their space at the top of the window").arg(workspace_->space()));
        return;
      }
      if (names.isEmpty()) {
        showError(tr("Export predictor"), tr("This project holds no predictor yet: on the Predictions page choose "
                                             "\"Adapt to the target device\" and press Adapt; the adapted predictor is stored "
                                             "in the project and can then be exported."));
        return;
      }
      bool ok = false;
      const QString name = QInputDialog::getItem(this, tr("Export predictor"), tr("Predictor:"), names, preferred, false, &ok);
      if (!ok) return;
      const QString path = QFileDialog::getSaveFileName(this, tr("Export predictor"), name + QStringLiteral(".maplepred"),
                                                        tr("MAPLE predictors (*.maplepred)"));
      if (!path.isEmpty()) exportPredictor(name, path, true); // the file dialog asked before replacing
    };
  });
}

void MainWindow::exportPredictor(const QString& name, const QString& path, bool overwrite) {
  const auto project = workspace_->projectPath().toStdString();
  fileJob_->start(tr("Exporting %1").arg(name), [this, project, name, path, overwrite](JobControl&) -> Job::Continuation {
    auto p = openWorkspaceProject(project);
    services::exportPredictor(p, name.toStdString(), path.toStdString(), overwrite); // written to a temporary, then renamed
    return [this, name, path] { fileBar_->showMessage(tr("Exported %1 to %2").arg(name, path)); };
  });
}

void MainWindow::setView(View view) { tabs_->setCurrentIndex(static_cast<int>(view)); }
MainWindow::View MainWindow::view() const { return static_cast<View>(tabs_->currentIndex()); }

std::optional<MainWindow::View> MainWindow::viewFromName(const QString& name) {
  const QStringList names{QStringLiteral("devices"), QStringLiteral("capture"), QStringLiteral("samples"), QStringLiteral("predictions")};
  const int i = static_cast<int>(names.indexOf(name));
  return i < 0 ? std::nullopt : std::optional<View>(static_cast<View>(i));
}

bool MainWindow::busy() const {
  const auto jobs = findChildren<Job*>();
  return std::any_of(jobs.begin(), jobs.end(), [](const Job* j) { return j->isRunning(); });
}

bool MainWindow::waitUntilIdle(int timeoutMs, int quietMs) {
  QElapsedTimer total, idle;
  total.start();
  idle.start();
  while (total.elapsed() < timeoutMs) {
    QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
    if (busy()) idle.restart();
    else if (idle.elapsed() > quietMs) return true;
  }
  return false;
}

void MainWindow::closeEvent(QCloseEvent* event) {
  QSettings settings;
  settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
  settings.setValue(QStringLiteral("window/view"), tabs_->currentIndex());
  // Long jobs are cancelled and queued ones dropped; each Job waits for its worker in its
  // destructor, and a cancelled measurement ends its runner.
  for (auto* job : findChildren<Job*>()) job->shutdown();
  event->accept();
}

} // namespace maple::widgets
