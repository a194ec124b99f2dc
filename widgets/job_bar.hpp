#pragma once
// A strip under a page showing its job: what runs, a progress bar, Cancel, and the last outcome
// (errors in red, so a failed job is visible in the window and never only on a console).
#include <QWidget>

#include <utility>

class QLabel;
class QProgressBar;
class QPushButton;

namespace maple::widgets {

class Job;

class JobBar : public QWidget {
  Q_OBJECT
public:
  explicit JobBar(Job* job, QWidget* parent = nullptr);
  QString message() const;
  bool isError() const { return error_; }
  void showMessage(const QString& text, bool error = false);
  // Empties the line (a new project: old outcomes and errors no longer apply).
  void clear() { showMessage(QString()); }

private:
  QLabel* label_;
  QProgressBar* bar_;
  QPushButton* cancel_;
  QString progressShown_; // the last progress text, replaced by the outcome
  bool error_ = false;
  std::pair<QString, bool> before_; // the line before the job started, restored after a silent one
};

} // namespace maple::widgets
