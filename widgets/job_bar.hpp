#pragma once
// A strip under a page showing its job: what runs, a progress bar, Cancel, and the last outcome
// (errors in red, so a failed job is visible in the window and never only on a console).
#include <QWidget>

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
  void showMessage(const QString& text, bool error = false);

private:
  QLabel* label_;
  QProgressBar* bar_;
  QPushButton* cancel_;
};

} // namespace maple::widgets
