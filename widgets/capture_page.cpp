#include "capture_page.hpp"

#include "capture_models.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "plot_export.hpp"
#include "scatter_plot.hpp"
#include "table_view.hpp"
#include "workspace.hpp"

#include "common/error.hpp"
#include "counters/encoding.hpp"
#include "counters/probe.hpp"
#include "counters/session.hpp"
#include "measure/host.hpp"
#include "services/capture.hpp"
#include "services/remote.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace maple::widgets {

void LiveBuffer::push(const std::vector<counters::Sample>& s) {
  std::lock_guard lock(mutex);
  pending.insert(pending.end(), s.begin(), s.end());
}

std::vector<counters::Sample> LiveBuffer::take() {
  std::lock_guard lock(mutex);
  return std::exchange(pending, {});
}

namespace {

QString capabilityText(const counters::Capability& c) {
  QString text = CapturePage::tr("perf_event_paranoid = %1%2, counting scope %3.")
                     .arg(c.paranoid)
                     .arg(c.privileged ? CapturePage::tr(" (privileged)") : QString())
                     .arg(QString::fromStdString(counters::scopeName(c.scope)));
  if (!c.hardwarePmu)
    text = QStringLiteral("<b>") + QString::fromUtf8(counters::kNoHardwarePmu).toHtmlEscaped() + QStringLiteral("</b> (") +
           QString::fromStdString(c.hardwarePmuNote).toHtmlEscaped() + QStringLiteral("). ") +
           CapturePage::tr("Software events still count: a capture then yields the software-timing descriptor, never "
                           "passed off as counters. ") +
           text;
  if (c.paranoid > 2 && !c.privileged)
    text += CapturePage::tr(" Unprivileged counting is off: run <tt>sudo sysctl kernel.perf_event_paranoid=2</tt> or grant CAP_PERFMON.");
  return text;
}

} // namespace

CapturePage::CapturePage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), events_(new EventModel(this)), summary_(new EventSummaryModel(this)),
      descriptors_(new DescriptorModel(this)), frameTimer_(new QTimer(this)), probeJob_(new Job(this)), job_(new Job(this)) {
  probeLabel_ = new QLabel(tr("Probing what this machine can count..."), this);
  probeLabel_->setWordWrap(true);
  probeLabel_->setTextFormat(Qt::RichText);

  targetLabel_ = new QLabel(this);
  targetLabel_->setWordWrap(true);
  past_ = new QComboBox(this);
  past_->setPlaceholderText(tr("Past captures on the target"));
  past_->setToolTip(tr("Open a capture stored in the project: its series, per-event totals and descriptors"));
  workload_ = new QComboBox(this);
  workload_->setToolTip(tr("The reference workload counted while its operators and networks run"));
  engine_ = new QComboBox(this);
  engine_->addItems({QStringLiteral("cpu"), QStringLiteral("cuda")});
  engine_->setToolTip(tr("cpu runs the workload on this CPU; cuda on the first GPU (the counters then describe the CPU "
                         "thread that drives it)"));
  for (const auto& w : counters::workloadNames()) workload_->addItem(QString::fromStdString(w));
  repeats_ = new QSpinBox(this);
  repeats_->setRange(1, 100);
  repeats_->setValue(5);
  repeats_->setToolTip(tr("Timed runs per workload step"));
  fallback_ = new QCheckBox(tr("Allow software-only capture"), this);
  fallback_->setChecked(true);
  fallback_->setToolTip(tr("Where no hardware counter can be read, count software events only and store a "
                           "software-timing descriptor (never passed off as counters)"));
  start_ = new QPushButton(tr("Start"), this);
  start_->setToolTip(tr("Count the workload on the target device (this machine, or a remote device through its launcher) and store "
                          "the capture under that device"));
  stop_ = new QPushButton(tr("Stop"), this);
  stop_->setToolTip(tr("End now and store the steps counted so far as a partial capture (the step in progress is "
                        "dropped); Cancel stores nothing"));
  cancel_ = new QPushButton(tr("Cancel"), this);
  cancel_->setToolTip(tr("End now and store nothing"));
  stop_->setEnabled(false);
  cancel_->setEnabled(false);
  auto* exportPlot = new QPushButton(tr("Export plot..."), this);

  auto* form = new QFormLayout;
  form->addRow(tr("Target:"), targetLabel_);
  form->addRow(tr("Workload:"), workload_);
  form->addRow(tr("Engine:"), engine_);
  form->addRow(tr("Timed repeats:"), repeats_);
  form->addRow(fallback_);
  auto* buttons = new QHBoxLayout;
  for (auto* b : {start_, stop_, cancel_, exportPlot}) buttons->addWidget(b);
  auto* options = new QGroupBox(tr("Capture"), this);
  auto* optionsLayout = new QVBoxLayout(options);
  optionsLayout->addLayout(form);
  optionsLayout->addLayout(buttons);
  optionsLayout->addWidget(past_);

  eventTable_ = makeTableView(events_, this);
  summaryTable_ = makeTableView(summary_, this);
  descriptorTable_ = makeTableView(descriptors_, this);
  notes_ = new QLabel(this);
  notes_->setWordWrap(true);

  plot_ = new QCustomPlot(this);
  plot_->xAxis->setLabel(tr("Time since counting started (s)"));
  plot_->yAxis->setLabel(tr("Events per ms"));
  plot_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  plot_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  plot_->legend->setVisible(true);
  plot_->legend->setFont(QFont(font().family(), 8));
  plot_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  plot_->setMinimumHeight(220);

  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(probeLabel_);
  leftLayout->addWidget(options);
  leftLayout->addWidget(eventTable_, 1);
  auto* right = new QSplitter(Qt::Vertical, this);
  right->addWidget(plot_);
  auto* tables = new QSplitter(Qt::Horizontal, this);
  tables->addWidget(summaryTable_);
  auto* descBox = new QWidget(this);
  auto* descLayout = new QVBoxLayout(descBox);
  descLayout->setContentsMargins(0, 0, 0, 0);
  descLayout->addWidget(descriptorTable_, 1);
  descLayout->addWidget(notes_);
  tables->addWidget(descBox);
  right->addWidget(tables);
  right->setStretchFactor(0, 3);
  right->setStretchFactor(1, 2);
  auto* split = new QSplitter(Qt::Horizontal, this);
  split->addWidget(left);
  split->addWidget(right);
  split->setStretchFactor(0, 1);
  split->setStretchFactor(1, 1);

  bar_ = new JobBar(job_, this);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(split, 1);
  layout->addWidget(bar_);

  frameTimer_->setInterval(100); // 10 frames/s
  connect(frameTimer_, &QTimer::timeout, this, &CapturePage::drawFrame);
  connect(start_, &QPushButton::clicked, this, &CapturePage::start);
  connect(stop_, &QPushButton::clicked, this, &CapturePage::stop);
  connect(cancel_, &QPushButton::clicked, this, &CapturePage::cancel);
  connect(exportPlot, &QPushButton::clicked, this, [this] { exportPlotInteractively(*plot_, this, QStringLiteral("capture.png")); });
  connect(job_, &Job::runningChanged, this, [this](bool running) {
    start_->setEnabled(!running);
    stop_->setEnabled(running);
    cancel_->setEnabled(running);
    if (running) frameTimer_->start();
    else {
      frameTimer_->stop();
      drawFrame(); // whatever arrived after the last tick
      if (std::exchange(clearOnEnd_, false)) clearShown(); // a cancelled capture leaves nothing on screen
    }
    updateTarget();
  });
  connect(past_, &QComboBox::activated, this, [this](int i) { showPast(past_->itemData(i).toLongLong()); });
  connect(probeJob_, &Job::failed, this, [this](const QString& m) { probeLabel_->setText(tr("Probe failed: %1").arg(m)); });
  connect(workspace_, &Workspace::projectChanged, this, [this] {
    clearShown();
    past_->clear();
    bar_->clear();
    updateTarget();
    if (workspace_->hasProject()) probe();
  });
  connect(workspace_, &Workspace::targetChanged, this, [this] {
    updateTarget();
    listPast();
  });
  connect(workspace_, &Workspace::dataChanged, this, &CapturePage::listPast);
  updateTarget();
}

void CapturePage::updateTarget() {
  const bool writable = workspace_->hasTarget() && !workspace_->targetIsImported();
  const QString target = workspace_->targetDevice().toHtmlEscaped();
  targetLabel_->setText(!workspace_->hasTarget() ? tr("choose the target device at the top of the window")
                        : !writable ? tr("%1 is imported reference data: choose this machine or a local device to capture").arg(target)
                        : targetLauncher_.isEmpty()
                            ? target
                            : tr("%1, remote through %2: it counts the events it can of MAPLE's set, streamed "
                                 "here as it counts them (Cancel also ends the launcher)")
                                  .arg(target, targetLauncher_.toHtmlEscaped()));
  start_->setEnabled(writable && !job_->isRunning());
}

void CapturePage::listPast() {
  past_->clear();
  targetLauncher_.clear(); // known again once the listing is read
  if (!workspace_->hasProject() || !workspace_->hasTarget()) return;
  const auto path = workspace_->projectPath().toStdString();
  const auto device = workspace_->targetDevice().toStdString();
  probeJob_->start(tr("Listing captures"), [this, path, device](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    const auto rows = services::listCaptures(project, device);
    const auto launcher = QString::fromStdString(services::launcherFor(project, device, {}));
    return [this, rows, launcher] {
      targetLauncher_ = launcher;
      updateTarget();
      past_->clear();
      for (const auto& r : rows)
        past_->addItem(tr("#%1 %2, %3%4").arg(r.id).arg(QString::fromStdString(r.workload), QString::fromStdString(r.startedAt),
                                             r.partial ? tr(" (partial)") : QString()),
                       QVariant::fromValue<qlonglong>(r.id));
      past_->setCurrentIndex(-1);
      past_->setPlaceholderText(rows.empty() ? tr("No past captures on the target")
                                             : tr("%n past capture(s) on the target", nullptr, static_cast<int>(rows.size())));
    };
  });
}

void CapturePage::showPast(std::int64_t captureId) {
  const auto path = workspace_->projectPath().toStdString();
  const auto device = workspace_->targetDevice().toStdString();
  job_->start(tr("Opening capture %1").arg(captureId), [this, path, device, captureId](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto capture = services::loadCapture(project, captureId);
    auto reduction = descriptor::reduceCapture(capture, device);
    return [this, capture, reduction] {
      clearShown();
      showSamples(capture.samples);
      showReduction(reduction);
      bar_->showMessage(tr("Capture %1 of %2 (%3), %n step(s) counted", nullptr, static_cast<int>(capture.steps.size()))
                            .arg(capture.id)
                            .arg(QString::fromStdString(capture.workload), QString::fromStdString(capture.startedAt)));
    };
  });
}

void CapturePage::setRepeats(int repeats) { repeats_->setValue(repeats); }
void CapturePage::setWorkload(const QString& name) { workload_->setCurrentText(name); }
QString CapturePage::probeMessage() const { return probeLabel_->text(); }

void CapturePage::probe() {
  if (probeJob_->isRunning()) return;
  probeJob_->start(tr("Probing counters"), [this](JobControl&) -> Job::Continuation {
    auto capability = counters::probe(counters::mapleEvents());
    return [this, capability] {
      events_->setEvents(capability.events);
      eventTable_->resizeColumnsToContents();
      probeLabel_->setText(capabilityText(capability));
    };
  });
}

void CapturePage::clearShown() {
  plot_->clearGraphs();
  plot_->replot();
  lastReading_.clear();
  summary_->clear();
  descriptors_->setDescriptors({});
  notes_->clear();
}

void CapturePage::showReduction(const descriptor::Reduction& reduction) {
  descriptors_->setDescriptors(reduction.descriptors);
  descriptorTable_->resizeColumnsToContents();
  QStringList notes;
  for (const auto& n : reduction.notes) notes << QString::fromStdString(n);
  notes_->setText(notes.join(QStringLiteral("\n")));
}

void CapturePage::start() {
  if (!workspace_->hasProject()) {
    bar_->showMessage(tr("Open or create a project first (File > Open)."), true);
    return;
  }
  if (!workspace_->hasTarget() || workspace_->targetIsImported()) {
    bar_->showMessage(tr("Capturing needs a local target device: choose this machine or a local device at the top of the window."), true);
    return;
  }
  const auto events = events_->checkedEvents();
  if (events.empty() && targetLauncher_.isEmpty()) {
    bar_->showMessage(tr("Tick at least one available event to count."), true);
    return;
  }
  if (targetLauncher_.isEmpty() && !fallback_->isChecked() && !events_->anyHardwareChecked()) {
    bar_->showMessage(tr("No hardware counter is ticked or countable here, and a software-only capture is not allowed: "
                         "tick \"Allow software-only capture\" for a software-timing descriptor, or run on a machine "
                         "whose performance counters can be read."),
                      true);
    return;
  }
  clearShown();
  buffer_ = std::make_shared<LiveBuffer>();
  stopRequested_ = std::make_shared<std::atomic<bool>>(false);
  const auto path = workspace_->projectPath().toStdString();
  const auto device = workspace_->targetDevice().toStdString();
  const auto workload = workload_->currentText().toStdString();
  const auto engine = engine_->currentText().toStdString();
  counters::CaptureOptions options;
  options.events = events;
  options.repeats = repeats_->value();
  options.allowSoftwareFallback = fallback_->isChecked();
  job_->start(tr("Capturing %1").arg(QString::fromStdString(workload)),
              [this, path, device, engine, workload, options, buffer = buffer_, stop = stopRequested_](JobControl& control) -> Job::Continuation {
                services::CaptureRequest request;
                request.engine = engine;
                request.workload = workload;
                request.options = options;
                std::string launcher;
                {
                  auto project = openWorkspaceProject(path);
                  services::checkCaptureTarget(project, device); // refuse before counting, not after
                  launcher = services::launcherFor(project, device, {});
                }
                // The ticked events are what this machine can count; a remote device counts its own
                // default set (MAPLE's events it can count, and the software ones).
                if (!launcher.empty()) request.options.events.clear();
                counters::CaptureCallbacks callbacks;
                callbacks.onSamples = [&, buffer](const std::vector<counters::Sample>& s) {
                  buffer->push(s);
                  return !control.cancelled();
                };
                callbacks.onProgress = [&](double f, const std::string& step) { return control.report(f, step); };
                callbacks.stopRequested = [stop] { return stop->load(); };
                auto live = services::captureOnDevice(request, launcher, callbacks, 300, [&control] { return control.cancelled(); });
                if (control.cancelled()) fail(ErrorKind::Cancelled, "nothing was stored");
                auto& capture = live.capture;
                auto project = openWorkspaceProject(path);
                auto reduction = services::storeCapture(project, device, capture, live.origin).reduction;
                return [this, reduction, id = capture.id, soft = capture.softwareOnly, partial = capture.partial,
                        counted = static_cast<int>(capture.steps.size()), planned = capture.plannedSteps] {
                  showReduction(reduction);
                  const int made = static_cast<int>(reduction.descriptors.size());
                  const QString stored =
                      partial ? tr("Partial capture %1 stored (stopped after %2 of %3 steps) with %n descriptor(s)", nullptr, made)
                                    .arg(id)
                                    .arg(counted)
                                    .arg(planned)
                              : tr("Capture %1 stored with %n descriptor(s)", nullptr, made).arg(id);
                  bar_->showMessage(stored + (soft ? tr(" (software events only: no hardware counter could be read)") : QString()));
                  workspace_->notifyDataChanged(); // lists it among the past captures
                };
              });
}

void CapturePage::stop() {
  if (stopRequested_) *stopRequested_ = true;
}

void CapturePage::cancel() {
  clearOnEnd_ = true;
  job_->cancel();
}

void CapturePage::drawFrame() {
  if (!buffer_) return;
  const auto samples = buffer_->take();
  if (samples.empty()) return;
  showSamples(samples);
  ++frames_;
}

void CapturePage::showSamples(const std::vector<counters::Sample>& samples) {
  summary_->addSamples(samples);
  summaryTable_->resizeColumnsToContents();
  for (const auto& s : samples) {
    if (!std::isfinite(s.reading.value)) continue;
    auto& last = lastReading_[s.event];
    const double dt = s.tMs - last.first;
    if (dt > 0) {
      QCPGraph* graph = nullptr;
      for (int i = 0; i < plot_->graphCount(); ++i)
        if (plot_->graph(i)->name() == QString::fromStdString(s.event)) graph = plot_->graph(i);
      if (!graph) {
        graph = plot_->addGraph();
        graph->setName(QString::fromStdString(s.event));
        graph->setPen(QPen(ScatterPlot::deviceColor(plot_->graphCount() - 1), 1.5));
      }
      const double rate = (s.reading.value - last.second) / dt;
      if (rate > 0) graph->addData(s.tMs / 1000.0, rate);
    }
    last = {s.tMs, s.reading.value};
  }
  plot_->rescaleAxes();
  plot_->replot(QCustomPlot::rpQueuedReplot);
}

} // namespace maple::widgets
