#pragma once
// The strip at the top of the window naming the target device every page works on: this machine
// (before or after it was added to the project), any local device, or an imported device (shown
// read-only: predictions can adapt to it, nothing is recorded on it).
#include <QWidget>

class QComboBox;
class QLabel;

namespace maple::widgets {

class Job;
class Workspace;

class TargetBar : public QWidget {
  Q_OBJECT
public:
  explicit TargetBar(Workspace* workspace, QWidget* parent = nullptr);
  QComboBox* combo() const { return combo_; }
  Job* job() const { return job_; }
  // Chooses the entry of this device name; false when the list has none.
  bool choose(const QString& name);
  // Chooses this device whenever the list next holds it (the command line's --device).
  void prefer(const QString& name) { preferred_ = name; }

public slots:
  void reload();

private:
  void apply(int index);
  Workspace* workspace_;
  QComboBox* combo_;
  QLabel* note_;
  Job* job_;
  QString preferred_;
};

} // namespace maple::widgets
