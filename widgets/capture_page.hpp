#pragma once
// Live counter capture on the target device: the events this machine can count (and why not),
// start / stop (keep the steps counted so far as a partial capture) / cancel (keep nothing, show
// nothing), a time series of every event's rate redrawn at 10 frames/s from the capture's streaming
// callback, a per-event summary, the descriptors reduced from the stored capture, and the target's
// past captures opened again.
#include "counters/capture.hpp"
#include "descriptor/from_capture.hpp"

#include <QWidget>

#include <atomic>
#include <memory>
#include <mutex>
#include <vector>

class QCheckBox;
class QComboBox;
class QCustomPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class QTableView;
class QTimer;

namespace maple::widgets {

class DescriptorModel;
class EventModel;
class EventSummaryModel;
class Job;
class JobBar;
class Workspace;

// Samples handed from the sampling thread to the GUI thread's redraw timer.
struct LiveBuffer {
  std::mutex mutex;
  std::vector<counters::Sample> pending;
  void push(const std::vector<counters::Sample>& s);
  std::vector<counters::Sample> take();
};

class CapturePage : public QWidget {
  Q_OBJECT
public:
  explicit CapturePage(Workspace* workspace, QWidget* parent = nullptr);
  EventModel* events() const { return events_; }
  EventSummaryModel* summary() const { return summary_; }
  DescriptorModel* descriptors() const { return descriptors_; }
  Job* job() const { return job_; }
  JobBar* jobBar() const { return bar_; }
  QString probeMessage() const;
  int framesDrawn() const { return frames_; }
  QCustomPlot* plot() const { return plot_; }
  QComboBox* pastCaptures() const { return past_; }
  void setRepeats(int repeats);
  void setWorkload(const QString& name);

public slots:
  void probe();
  void start();
  void stop();   // ends the run; stores the steps completed so far, marked partial
  void cancel(); // ends the run, stores nothing and clears the series
  void listPast();
  void showPast(std::int64_t captureId);

private:
  void drawFrame();
  void showSamples(const std::vector<counters::Sample>& samples);
  void showReduction(const descriptor::Reduction& reduction);
  void clearShown();
  void updateTarget();
  Workspace* workspace_;
  EventModel* events_;
  EventSummaryModel* summary_;
  DescriptorModel* descriptors_;
  QLabel* probeLabel_;
  QLabel* targetLabel_;
  QComboBox *past_, *workload_, *engine_;
  QSpinBox* repeats_;
  QCheckBox* fallback_;
  QPushButton *start_, *stop_, *cancel_;
  QCustomPlot* plot_;
  QTableView *eventTable_, *summaryTable_, *descriptorTable_;
  QLabel* notes_;
  QTimer* frameTimer_;
  Job* probeJob_;
  Job* job_;
  JobBar* bar_;
  std::shared_ptr<LiveBuffer> buffer_;
  std::shared_ptr<std::atomic<bool>> stopRequested_; // set on the GUI thread, polled by the capture
  std::map<std::string, std::pair<double, double>> lastReading_; // event -> (t ms, cumulative value)
  int frames_ = 0;
  bool clearOnEnd_ = false;
  QString targetLauncher_; // the target's launcher when it is a remote device (from listPast)
};

} // namespace maple::widgets
