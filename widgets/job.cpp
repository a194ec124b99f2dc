#include "job.hpp"

#include "core_text.hpp"

#include "common/error.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QMetaObject>
#include <QThreadPool>

#include <condition_variable>
#include <mutex>

namespace maple::widgets {

struct JobControl::State {
  std::atomic<bool> cancel{false};
  Job* job = nullptr;
  std::mutex mutex;
  std::condition_variable doneCv;
  bool done = true;
  std::mutex reportMutex; // core callbacks may report from several worker threads
  QElapsedTimer sinceReport;
};

bool JobControl::report(double fraction, const std::string& stage) {
  std::unique_lock lock(state_->reportMutex);
  if (!state_->sinceReport.isValid() || state_->sinceReport.elapsed() >= 50 || fraction >= 1.0) {
    state_->sinceReport.restart();
    lock.unlock();
    QMetaObject::invokeMethod(
        state_->job, [job = state_->job, fraction, s = QString::fromStdString(stage)] { emit job->progress(fraction, s); },
        Qt::QueuedConnection);
  }
  return !state_->cancel.load();
}

bool JobControl::cancelled() const { return state_->cancel.load(); }

Job::Job(QObject* parent) : QObject(parent) {}

Job::~Job() {
  if (!state_) return;
  state_->cancel = true;
  std::unique_lock lock(state_->mutex);
  state_->doneCv.wait(lock, [&] { return state_->done; });
}

bool Job::isRunning() const { return running_; }

bool Job::start(const QString& title, Body body) {
  if (!running_) {
    launch(title, std::move(body));
    return true;
  }
  // Newest wins among waiting requests of one kind (a second "Loading devices" replaces the first).
  std::erase_if(queue_, [&](const auto& q) { return q.first == title; });
  queue_.emplace_back(title, std::move(body));
  emit queued(title, title_);
  return true;
}

void Job::launch(const QString& title, Body body) {
  if (state_) {
    std::unique_lock lock(state_->mutex);
    state_->doneCv.wait(lock, [&] { return state_->done; });
  }
  state_ = std::make_shared<JobControl::State>();
  state_->job = this;
  state_->done = false;
  title_ = title;
  running_ = true;
  emit runningChanged(true);
  emit started(title);
  QThreadPool::globalInstance()->start([state = state_, body = std::move(body)] {
    JobControl control(state);
    std::function<void()> outcome;
    Job* job = state->job;
    try {
      Continuation then = body(control);
      outcome = [job, then] {
        try {
          if (then) then();
        } catch (const std::exception& e) {
          emit job->failed(coreText(e.what()));
          return;
        }
        emit job->succeeded();
      };
    } catch (const Error& e) {
      const QString msg = coreText(e.what());
      if (e.kind() == ErrorKind::Cancelled) outcome = [job, msg] { emit job->cancelled(msg); };
      else outcome = [job, msg] { emit job->failed(msg); };
    } catch (const std::exception& e) {
      const QString msg = coreText(e.what());
      outcome = [job, msg] { emit job->failed(msg); };
    }
    // The Job waits for `done` in its destructor, so it is alive for this queued call.
    QMetaObject::invokeMethod(job, [job, outcome] { job->finish(outcome); }, Qt::QueuedConnection);
    std::lock_guard lock(state->mutex);
    state->done = true;
    state->doneCv.notify_all();
  });
}

void Job::finish(const std::function<void()>& emitOutcome) {
  lateCancel_ = state_ && state_->cancel.load();
  running_ = false;
  emit runningChanged(false);
  emitOutcome();
  if (!running_ && !queue_.empty()) {
    auto [title, body] = std::move(queue_.front());
    queue_.pop_front();
    launch(title, std::move(body));
  }
}

void Job::cancel() {
  if (state_ && running_) state_->cancel = true;
}

void Job::shutdown() {
  queue_.clear();
  cancel();
}

bool Job::cancelRequested() const { return running_ && state_ && state_->cancel.load(); }

bool Job::wait(int timeoutMs) {
  QElapsedTimer timer;
  timer.start();
  while ((running_ || !queue_.empty()) && timer.elapsed() < timeoutMs) QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
  return !running_ && queue_.empty();
}

} // namespace maple::widgets
