#pragma once
// What the pages share: the open project file and the architecture chosen in a view. Every job
// opens its own connection from projectPath() on its worker thread (SQLite connections stay on
// the thread that made them), so the GUI thread never waits on the file.
#include "store/project.hpp"

#include <QObject>
#include <QString>

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
  void setProjectPath(const QString& path);
  // A change to the project's rows made by one page (devices, latencies, captures) that others show.
  void notifyDataChanged() { emit dataChanged(); }

signals:
  void projectChanged(const QString& path);
  void dataChanged();
  // An architecture chosen in one view (NAS-Bench-201 string), for the others to show.
  void architectureChosen(const QString& arch);

private:
  QString path_;
};

} // namespace maple::widgets
