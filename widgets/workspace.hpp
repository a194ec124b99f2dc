#pragma once
// What the pages share: the open project file and the current predictor's uncertainty. Every job
// opens its own connection from projectPath() on its worker thread (SQLite connections stay on
// the thread that made them), so the GUI thread never waits on the file.
#include "searchspace/nb201.hpp"
#include "store/project.hpp"

#include <QObject>
#include <QString>

#include <functional>
#include <vector>

namespace maple::widgets {

// A worker's own connection to the workspace's project, which MainWindow checked when it was opened.
inline store::Project openWorkspaceProject(const std::string& path) {
  return store::Project::open(path, store::Integrity::AlreadyChecked);
}

class Workspace : public QObject {
  Q_OBJECT
public:
  using SpreadFn = std::function<std::vector<double>(const std::vector<nb201::Cell>&)>;

  using QObject::QObject;
  QString projectPath() const { return path_; }
  bool hasProject() const { return !path_.isEmpty(); }
  void setProjectPath(const QString& path);
  // A change to the project's rows made by one page (devices, latencies, captures) that others show.
  void notifyDataChanged() { emit dataChanged(); }

  // The per-cell predictive spread of the current predictor, for "most uncertain" selection.
  void setUncertainty(SpreadFn fn, const QString& label);
  const SpreadFn& uncertainty() const { return spread_; }
  QString uncertaintyLabel() const { return spreadLabel_; }

signals:
  void projectChanged(const QString& path);
  void dataChanged();
  void uncertaintyChanged();
  // An architecture chosen in one view (NAS-Bench-201 string), for the others to show.
  void architectureChosen(const QString& arch);

private:
  QString path_;
  SpreadFn spread_;
  QString spreadLabel_;
};

} // namespace maple::widgets
