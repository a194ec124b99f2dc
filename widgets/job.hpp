#pragma once
// Long work off the GUI thread: a Job runs one body on QThreadPool and reports progress, failure,
// cancellation and completion as signals on the GUI thread. The body returns a continuation that
// runs on the GUI thread with its results (models are only touched there). Progress reaches the GUI
// at most every 50 ms however often the body reports, so a busy worker cannot flood the event loop.
// A request made while a body runs is queued, never dropped (as hotspot's JobTracker: a newer
// request of the same title replaces the waiting one), and announced with queued().
#include <QObject>
#include <QString>

#include <atomic>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace maple::widgets {

class Job;

// Handed to the body on the worker thread.
class JobControl {
public:
  // Returns false once cancel() was asked for: the body should stop (core callbacks return it).
  bool report(double fraction, const std::string& stage);
  bool cancelled() const;

private:
  friend class Job;
  struct State;
  explicit JobControl(std::shared_ptr<State> s) : state_(std::move(s)) {}
  std::shared_ptr<State> state_;
};

class Job : public QObject {
  Q_OBJECT
public:
  using Continuation = std::function<void()>;
  using Body = std::function<Continuation(JobControl&)>;

  explicit Job(QObject* parent = nullptr);
  // Cancels a running body and waits for it: the body must not outlive what it captured.
  ~Job() override;

  // Runs the body now, or queues it behind the running one (returns false only when the job was
  // shut down).
  bool start(const QString& title, Body body);
  // Asks the running body to stop; queued requests still run.
  void cancel();
  // Cancels the running body and drops every queued request (closing the window, a new project).
  void shutdown();
  bool isRunning() const;
  bool cancelRequested() const;
  int queuedCount() const { return static_cast<int>(queue_.size()); }
  // Blocks until the body, its continuation and the queue are done (tests and benchmarks).
  bool wait(int timeoutMs = 60000);
  QString title() const { return title_; }
  // The last body was asked to stop but had already finished its work (its outcome stands).
  bool finishedDespiteCancel() const { return lateCancel_; }

signals:
  void started(const QString& title);
  void queued(const QString& title, const QString& behind);
  void progress(double fraction, const QString& stage);
  void failed(const QString& message);  // maple::Error or std::exception text, shown to the user
  void cancelled(const QString& message);
  void succeeded();
  void runningChanged(bool running);

private:
  void launch(const QString& title, Body body);
  void finish(const std::function<void()>& emitOutcome);
  std::shared_ptr<JobControl::State> state_;
  QString title_;
  bool running_ = false;
  bool lateCancel_ = false;
  std::deque<std::pair<QString, Body>> queue_;
};

} // namespace maple::widgets
