#pragma once
// The search space every page works on, beside the target device: a combo of the spaces the
// project holds, shown only when it holds several (one space needs no choice). It re-lists them
// after a change to the project's rows (a merge may bring a space).
#include <QWidget>

class QComboBox;

namespace maple::widgets {

class Job;
class Workspace;

class SpacePicker : public QWidget {
  Q_OBJECT
public:
  explicit SpacePicker(Workspace* workspace, QWidget* parent = nullptr);
  QComboBox* combo() const { return combo_; }

private:
  void fill(const QStringList& spaces);
  void relist();
  Workspace* workspace_;
  QComboBox* combo_;
  Job* job_;
};

} // namespace maple::widgets
