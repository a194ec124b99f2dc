#include "job_bar.hpp"

#include "job.hpp"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

namespace maple::widgets {

JobBar::JobBar(Job* job, QWidget* parent) : QWidget(parent) {
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  label_ = new QLabel(this);
  label_->setWordWrap(true);
  label_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  bar_ = new QProgressBar(this);
  bar_->setRange(0, 1000);
  bar_->setMaximumWidth(260);
  bar_->setVisible(false);
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setVisible(false);
  layout->addWidget(label_, 1);
  layout->addWidget(bar_);
  layout->addWidget(cancel_);

  cancel_->setToolTip(tr("Stop the running work; what it already stored is kept and reported"));
  connect(cancel_, &QPushButton::clicked, this, [this, job] {
    job->cancel();
    // Visible at once, also when the work is in its last step and cannot stop any more.
    cancel_->setEnabled(false);
    showMessage(tr("%1: cancelling...").arg(job->title()));
  });
  connect(job, &Job::started, this, [this](const QString& title) {
    before_ = {message(), error_};
    showMessage(title + QStringLiteral("..."));
    progressShown_ = message();
    bar_->setValue(0);
    cancel_->setEnabled(true);
  });
  connect(job, &Job::queued, this, [this](const QString& title, const QString& behind) {
    showMessage(tr("%1 waits until %2 is done").arg(title, behind));
  });
  connect(job, &Job::runningChanged, this, [this](bool running) {
    bar_->setVisible(running);
    cancel_->setVisible(running);
  });
  // A continuation that shows nothing of its own (a reload) must not leave "Loading ..." behind,
  // nor hide the outcome that was shown before it.
  connect(job, &Job::succeeded, this, [this, job] {
    if (message() == progressShown_) showMessage(before_.first, before_.second);
    if (job->finishedDespiteCancel()) showMessage(message() + tr(" (it had finished before Cancel reached it)"));
  });
  connect(job, &Job::progress, this, [this, job](double fraction, const QString& stage) {
    bar_->setValue(static_cast<int>(fraction * 1000));
    if (job->cancelRequested()) return; // keep "cancelling..." on screen
    showMessage(stage.isEmpty() ? job->title() : job->title() + QStringLiteral(": ") + stage);
    progressShown_ = message();
  });
  connect(job, &Job::failed, this, [this, job](const QString& msg) { showMessage(tr("%1 failed: %2").arg(job->title(), msg), true); });
  connect(job, &Job::cancelled, this, [this, job](const QString& msg) { showMessage(tr("%1 cancelled: %2").arg(job->title(), msg)); });
}

QString JobBar::message() const { return label_->text(); }

void JobBar::showMessage(const QString& text, bool error) {
  error_ = error;
  label_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
  label_->setText(text);
}

} // namespace maple::widgets
