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

  connect(cancel_, &QPushButton::clicked, job, &Job::cancel);
  connect(job, &Job::started, this, [this](const QString& title) {
    showMessage(title + QStringLiteral("..."));
    bar_->setValue(0);
  });
  connect(job, &Job::runningChanged, this, [this](bool running) {
    bar_->setVisible(running);
    cancel_->setVisible(running);
  });
  connect(job, &Job::progress, this, [this, job](double fraction, const QString& stage) {
    bar_->setValue(static_cast<int>(fraction * 1000));
    showMessage(stage.isEmpty() ? job->title() : job->title() + QStringLiteral(": ") + stage);
  });
  connect(job, &Job::failed, this, [this, job](const QString& msg) { showMessage(job->title() + tr(" failed: ") + msg, true); });
  connect(job, &Job::cancelled, this, [this, job](const QString& msg) { showMessage(job->title() + tr(" cancelled: ") + msg); });
}

QString JobBar::message() const { return label_->text(); }

void JobBar::showMessage(const QString& text, bool error) {
  label_->setStyleSheet(error ? QStringLiteral("color: #b00020;") : QString());
  label_->setText(text);
}

} // namespace maple::widgets
