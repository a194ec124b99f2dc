#pragma once
// Long work off the GUI thread: a Job runs one body on QThreadPool and reports progress, failure,
// cancellation and completion as signals on the GUI thread. The body returns a continuation that
// runs on the GUI thread with its results (models are only touched there). Progress reaches the GUI
// at most every 50 ms however often the body reports, so a busy worker cannot flood the event loop.
#include <QObject>
#include <QString>

#include <atomic>
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

  // Refused (returns false) while a body is still running.
  bool start(const QString& title, Body body);
  void cancel();
  bool isRunning() const;
  // Blocks until the body and its continuation are done (tests and benchmarks).
  bool wait(int timeoutMs = 60000);
  QString title() const { return title_; }

signals:
  void started(const QString& title);
  void progress(double fraction, const QString& stage);
  void failed(const QString& message);  // maple::Error or std::exception text, shown to the user
  void cancelled(const QString& message);
  void succeeded();
  void runningChanged(bool running);

private:
  void finish(const std::function<void()>& emitOutcome);
  std::shared_ptr<JobControl::State> state_;
  QString title_;
  bool running_ = false;
};

} // namespace maple::widgets
