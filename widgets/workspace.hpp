#pragma once
// What the pages share: the open project file, the search space and the target device every page
// works on, and the architecture chosen in a view. Every job opens its own connection from projectPath() on its
// worker thread (SQLite connections stay on the thread that made them), so the GUI thread never
// waits on the file.
#include "searchspace/space.hpp"
#include "store/project.hpp"

#include <QObject>
#include <QString>
#include <QStringList>

namespace maple::widgets {

// A worker's own connection to the workspace's project, which MainWindow checked when it was opened.
inline store::Project openWorkspaceProject(const std::string& path) {
  return store::Project::open(path, store::Integrity::AlreadyChecked);
}

class Workspace : public QObject {
  Q_OBJECT
public:
  using QObject::QObject;
  QString projectPath() const { return path_; }
  bool hasProject() const { return !path_.isEmpty(); }
  // `spaces`: the project's search spaces (services::projectSpaces), never empty. The chosen space
  // stays when the same project reopens holding it; otherwise the first is chosen.
  void setProjectPath(const QString& path, const QStringList& spaces);
  // The search space the pages list, measure, predict and adapt on; a project of several shows a picker.
  QString space() const { return space_; }
  std::string spaceName() const { return space_.toStdString(); }
  // The chosen space from the registry; NAS-Bench-201 before a project is open (never throws on
  // the GUI thread: every listed space is one this build knows).
  const searchspace::SearchSpace& searchSpace() const;
  // The project's spaces changed (a merge brought one): keeps the chosen space when still held.
  void setSpaces(const QStringList& spaces);
  QStringList spaces() const { return spaces_; }
  void setSpace(const QString& name); // ignored when the project holds no such space
  // The device captures and measurements are recorded on and predictions adapt to. May name this
  // machine before it is a device of the project (the first capture or measurement adds it).
  QString targetDevice() const { return target_; }
  bool hasTarget() const { return !target_.isEmpty(); }
  // Imported devices are reference data: they can be adapted to, never written into.
  bool targetIsImported() const { return targetImported_; }
  void setTargetDevice(const QString& name, bool imported);
  // A change to the project's rows made by one page (devices, latencies, captures) that others show.
  void notifyDataChanged() { emit dataChanged(); }
  // Asks the window to show an architecture on the Samples page (an explicit user action only).
  void showInSamples(const QString& arch) { emit showInSamplesRequested(arch); }

signals:
  void projectChanged(const QString& path); // the space may have changed with it
  void spacesChanged(const QStringList& spaces);
  void spaceChanged(const QString& name);
  void targetChanged(const QString& name);
  void dataChanged();
  // An architecture chosen in one view (its space's canonical string), for the others to highlight.
  void architectureChosen(const QString& arch);
  void showInSamplesRequested(const QString& arch);

private:
  QString path_, target_, space_;
  QStringList spaces_;
  bool targetImported_ = false;
};

} // namespace maple::widgets
