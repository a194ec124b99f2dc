#include "samples_page.hpp"

#include "architecture_model.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "table_view.hpp"
#include "workspace.hpp"

#include "common/error.hpp"
#include "services/remote.hpp"
#include "descriptor/from_data.hpp"
#include "services/architectures.hpp"
#include "services/measure.hpp"
#include "services/selection.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSpinBox>
#include <QStyle>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>
#include <unordered_set>

namespace maple::widgets {

SamplesPage::SamplesPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), model_(new ArchitectureModel(this)), filter_(new ArchitectureFilter(this)),
      job_(new Job(this)) {
  filter_->setSourceModel(model_);
  search_ = new QLineEdit(this);
  search_->setPlaceholderText(tr("Search: index or part of the architecture string"));
  search_->setClearButtonEnabled(true);
  op_ = new QComboBox(this); // filled with the space's op labels (fillOps)
  minFlops_ = new QDoubleSpinBox(this);
  maxFlops_ = new QDoubleSpinBox(this);
  for (auto* s : {minFlops_, maxFlops_}) {
    // A fixed, generous range: clamping it to the data's largest value turned a typed 500 into 50.
    s->setRange(0, 1e6);
    s->setDecimals(1);
    s->setSuffix(tr(" MFLOPs"));
    s->setKeyboardTracking(false); // filter once the number is typed, not at every digit
  }
  minFlops_->setToolTip(tr("Only architectures with at least this many MFLOPs"));
  maxFlops_->setToolTip(tr("Only architectures with at most this many MFLOPs"));
  maxFlops_->setValue(1e6);
  op_->setToolTip(tr("Only architectures with this operation (NAS-Bench-201: on a live edge; FBNet: this block in some layer)"));
  search_->setToolTip(tr("An architecture string or part of it, or indices separated by commas (11982, 431)"));
  shownLabel_ = new QLabel(this);
  auto* filters = new QHBoxLayout;
  filters->addWidget(search_, 2);
  filters->addWidget(op_);
  filters->addWidget(new QLabel(tr("FLOPs from"), this));
  filters->addWidget(minFlops_);
  filters->addWidget(new QLabel(tr("to"), this));
  filters->addWidget(maxFlops_);
  filters->addWidget(shownLabel_);

  table_ = makeTableView(filter_, this);
  table_->setSortingEnabled(true);
  table_->sortByColumn(ArchitectureModel::Index, Qt::AscendingOrder);

  strategy_ = new QComboBox(this);
  for (auto s : sampling::strategies()) strategy_->addItem(QString::fromStdString(sampling::strategyName(s)));
  count_ = new QSpinBox(this);
  count_->setRange(1, 1000);
  count_->setValue(10);
  seed_ = new QSpinBox(this);
  seed_->setRange(0, 1 << 30);
  seed_->setValue(1);
  select_ = new QPushButton(tr("Select"), this);
  select_->setToolTip(tr("Tick this many architectures among the rows that pass the filter"));
  references_ = new QPushButton(tr("Tick reference architectures"), this);
  references_->setToolTip(tr("Tick HELP's ten reference architectures: measured on the target, they make its "
                             "reference-latency descriptor"));
  strategy_->setToolTip(tr("How the samples are chosen: random, spread over FLOPs, most different from each other, "
                           "or where a predictor adapted to the target is least sure"));
  seed_->setToolTip(tr("The same seed chooses the same samples again"));
  selectedLabel_ = new QLabel(this);
  auto* selectBox = new QGroupBox(tr("Selection (over the rows that pass the filter)"), this);
  auto* selectForm = new QFormLayout(selectBox);
  selectForm->addRow(tr("Strategy:"), strategy_);
  selectForm->addRow(tr("Samples:"), count_);
  selectForm->addRow(tr("Seed:"), seed_);
  selectForm->addRow(select_, selectedLabel_);
  selectForm->addRow(references_);
  sampleCount_ = new QSpinBox(this);
  sampleCount_->setRange(1, 100000);
  sampleCount_->setValue(100);
  sampleMore_ = new QPushButton(tr("Sample more..."), this);
  sampleMore_->setToolTip(tr("Add this many architectures drawn by the space's sampler (with the seed above), beyond "
                             "the project's: not in the data set, marked \"sampled\", measured like any other"));
  selectForm->addRow(sampleMore_, sampleCount_);

  targetLabel_ = new QLabel(this);
  targetLabel_->setWordWrap(true);
  engine_ = new QComboBox(this);
  engine_->setEditable(true);
  engine_->addItems({QStringLiteral("cpu"), QStringLiteral("cuda"),
                     QStringLiteral("command:/usr/bin/python3 runners/pytorch_runner.py")});
  engine_->setToolTip(tr("cpu, cuda, or command:PROGRAM ARGS for an external runner speaking JSON lines"));
  repeats_ = new QSpinBox(this);
  repeats_->setRange(1, 10000);
  repeats_->setValue(30);
  repeats_->setToolTip(tr("At most this many timed runs per architecture; fewer when the median settles earlier"));
  measure_ = new QPushButton(tr("Measure ticked"), this);
  measure_->setToolTip(tr("Time every ticked architecture on the target device (this machine, or a remote device through its launcher) and store it under that device"));
  auto* measureBox = new QGroupBox(tr("Measure on the target device"), this);
  auto* measureForm = new QFormLayout(measureBox);
  measureForm->addRow(tr("Target:"), targetLabel_);
  measureForm->addRow(tr("Engine:"), engine_);
  measureForm->addRow(tr("Most timed runs:"), repeats_);
  measureForm->addRow(measure_);
  measuredLabel_ = new QLabel(this);
  measureForm->addRow(measuredLabel_);

  selectBox->setMaximumWidth(340);
  measureBox->setMaximumWidth(340);
  auto* side = new QVBoxLayout;
  side->addWidget(selectBox);
  side->addWidget(measureBox);
  side->addStretch();
  auto* body = new QHBoxLayout;
  body->addWidget(table_, 1);
  body->addLayout(side);
  bar_ = new JobBar(job_, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(filters);
  layout->addLayout(body, 1);
  layout->addWidget(bar_);

  connect(search_, &QLineEdit::textChanged, this, &SamplesPage::applyFilter);
  connect(op_, &QComboBox::currentIndexChanged, this, &SamplesPage::applyFilter);
  connect(minFlops_, &QDoubleSpinBox::valueChanged, this, &SamplesPage::applyFilter);
  connect(maxFlops_, &QDoubleSpinBox::valueChanged, this, &SamplesPage::applyFilter);
  connect(select_, &QPushButton::clicked, this, &SamplesPage::selectSamples);
  connect(references_, &QPushButton::clicked, this, &SamplesPage::tickReferences);
  connect(sampleMore_, &QPushButton::clicked, this, [this] { sampleMore(sampleCount_->value()); });
  connect(filter_, &QAbstractItemModel::modelReset, this, &SamplesPage::updateShown);
  connect(filter_, &QAbstractItemModel::layoutChanged, this, &SamplesPage::updateShown);
  connect(filter_, &QAbstractItemModel::rowsInserted, this, &SamplesPage::updateShown);
  connect(filter_, &QAbstractItemModel::rowsRemoved, this, &SamplesPage::updateShown);
  connect(measure_, &QPushButton::clicked, this, &SamplesPage::measureSelected);
  connect(model_, &ArchitectureModel::selectionCountChanged, this,
          [this](int n) { selectedLabel_->setText(tr("%n selected", nullptr, n)); });
  connect(job_, &Job::runningChanged, this, &SamplesPage::updateTarget);
  connect(workspace_, &Workspace::projectChanged, this, [this] {
    model_->setRows({}, {});
    bar_->clear();
    updateTarget();
    reload();
  });
  connect(workspace_, &Workspace::spaceChanged, this, [this] {
    model_->setRows({}, {});
    bar_->clear();
    reload();
  });
  connect(workspace_, &Workspace::targetChanged, this, [this] {
    updateTarget();
    loadMeasured();
  });
  connect(workspace_, &Workspace::dataChanged, this, &SamplesPage::loadMeasured);
  connect(workspace_, &Workspace::showInSamplesRequested, this, &SamplesPage::showArchitecture);
  updateTarget();
}

void SamplesPage::updateTarget() {
  const QString target = workspace_->targetDevice();
  const bool writable = workspace_->hasTarget() && !workspace_->targetIsImported();
  targetLabel_->setText(!workspace_->hasTarget() ? tr("choose the target device at the top of the window")
                        : writable ? target.toHtmlEscaped()
                                   : tr("%1 is imported reference data: choose a local device or this machine "
                                        "as the target to measure").arg(target.toHtmlEscaped()));
  measure_->setEnabled(writable && !job_->isRunning());
}

QString SamplesPage::shownText() const { return shownLabel_->text(); }

void SamplesPage::updateShown() {
  shownLabel_->setText(tr("%1 of %Ln shown", nullptr, model_->rowCount()).arg(QLocale().toString(filter_->rowCount())));
}

void SamplesPage::tickReferences() {
  std::vector<int> rows;
  for (const auto& ref : workspace_->searchSpace().referenceArchitectures())
    for (int r = 0; r < model_->rowCount(); ++r)
      if (model_->rows()[static_cast<size_t>(r)].text.toStdString() == ref) rows.push_back(r);
  model_->setSelectedRows(rows);
  bar_->showMessage(rows.empty() ? tr("None of the %1 reference architectures is in this project: import its data set's table first")
                                       .arg(workspace_->space())
                                 : tr("Ticked %n reference architecture(s)", nullptr, static_cast<int>(rows.size())));
}

void SamplesPage::fillOps(const services::OpColumn& ops) {
  const QSignalBlocker quiet(op_);
  op_->clear();
  op_->addItem(tr("any op"), -1);
  for (size_t op = 0; op < ops.labels.size(); ++op)
    if (ops.labels[op] != "none") op_->addItem(tr("with %1").arg(QString::fromStdString(ops.labels[op])), static_cast<int>(op));
  filter_->setRequiredOp(-1);
}

void SamplesPage::setStrategy(const QString& name) { strategy_->setCurrentText(name); }
void SamplesPage::setSampleCount(int k) { count_->setValue(k); }
void SamplesPage::setMeasureOptions(const QString& engine, int repeats) {
  engine_->setCurrentText(engine);
  repeats_->setValue(repeats);
}

void SamplesPage::applyFilter() {
  filter_->setSearch(search_->text());
  filter_->setRequiredOp(op_->currentData().toInt());
  filter_->setFlopsRange(minFlops_->value(), maxFlops_->value());
}

void SamplesPage::reload() {
  if (!workspace_->hasProject()) return;
  const auto path = workspace_->projectPath().toStdString();
  const auto& space = workspace_->searchSpace();
  job_->start(tr("Loading %1 architectures").arg(workspace_->space()), [this, path, &space](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto rows = architectureRows(services::listSpaceArchitectures(project, space));
    auto ops = services::opColumn(space);
    return [this, rows = std::move(rows), ops = std::move(ops)]() mutable {
      fillOps(ops);
      model_->setRows(std::move(rows), std::move(ops));
      for (int c = ArchitectureModel::Index; c < ArchitectureModel::Architecture; ++c) table_->resizeColumnToContents(c);
      // Width for the widest index and its check box, whatever rows the header sampled.
      const int indexWidth = table_->fontMetrics().horizontalAdvance(QStringLiteral("00000000")) +
                             table_->style()->pixelMetric(QStyle::PM_IndicatorWidth) + 16;
      table_->setColumnWidth(ArchitectureModel::Index, std::max(table_->columnWidth(ArchitectureModel::Index), indexWidth));
      updateShown();
      bar_->showMessage(tr("%n architecture(s)", nullptr, model_->rowCount()));
      loadMeasured();
    };
  });
}

bool SamplesPage::selectSamples() {
  const auto strategy = sampling::strategyFromName(strategy_->currentText().toStdString());
  if (!strategy || !workspace_->hasProject()) return false;
  services::SelectionRequest request;
  request.strategy = strategy;
  request.count = static_cast<size_t>(count_->value());
  request.seed = static_cast<std::uint64_t>(seed_->value());
  request.device = workspace_->targetDevice().toStdString();
  request.space = &workspace_->searchSpace();
  std::vector<int> sourceRows;
  for (int r = 0; r < filter_->rowCount(); ++r) {
    const int row = filter_->mapToSource(filter_->index(r, 0)).row();
    sourceRows.push_back(row);
    const auto& a = model_->rows()[static_cast<size_t>(row)];
    request.candidates.push_back({a.arch.genotype, a.datasetIndex ? std::optional<int>(static_cast<int>(*a.datasetIndex)) : std::nullopt,
                                  a.mflops});
  }
  const bool uncertain = *strategy == sampling::Strategy::MostUncertain;
  if (uncertain && request.device.empty()) {
    bar_->showMessage(tr("most-uncertain ranks by a predictor adapted to the target device: choose the target at the "
                         "top of the window and measure its reference architectures first"),
                      true);
    return false;
  }
  // most-uncertain trains and adapts a predictor to the target: the selection runs on a worker.
  const auto path = workspace_->projectPath().toStdString();
  const auto title = uncertain ? tr("Adapting %1 to %2 for its uncertainty")
                                     .arg(QString::fromStdString(predict::defaultMethod()), workspace_->targetDevice())
                               : tr("Selecting with %1").arg(strategy_->currentText());
  return job_->start(title, [this, path, request, sourceRows](JobControl& control) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    const auto selection = services::selectArchitectures(
        project, request, [&](double f, const std::string& stage) { return control.report(f, stage); });
    return [this, selection, sourceRows] {
      std::vector<int> rows;
      for (auto p : selection.picks) rows.push_back(sourceRows[p]);
      model_->setSelectedRows(rows);
      table_->scrollTo(filter_->mapFromSource(model_->index(rows.front(), 0)), QAbstractItemView::PositionAtTop);
      bar_->showMessage(tr("Selected %1 of %2 candidates with %3")
                            .arg(rows.size())
                            .arg(sourceRows.size())
                            .arg(QString::fromStdString(selection.how)));
    };
  });
}

void SamplesPage::measureSelected() {
  const auto rows = model_->selectedRows();
  if (!workspace_->hasProject() || rows.empty()) {
    bar_->showMessage(tr("Select architectures first (tick them, or use a strategy)."), true);
    return;
  }
  if (!workspace_->hasTarget() || workspace_->targetIsImported()) {
    bar_->showMessage(tr("Measuring needs a local target device: choose this machine or a local device at the top of the window."), true);
    return;
  }
  services::MeasureRequest request;
  for (int r : rows) {
    const auto& a = model_->rows()[static_cast<size_t>(r)];
    request.targets.push_back({a.arch, a.datasetIndex});
  }
  request.engine.engine = engine_->currentText().trimmed().toStdString();
  request.device = workspace_->targetDevice().toStdString();
  request.protocol = services::protocolFor(repeats_->value(), std::min(5, repeats_->value()));
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Measuring %n architecture(s)", nullptr, static_cast<int>(request.targets.size())),
              [this, path, request](JobControl& control) -> Job::Continuation {
                auto project = openWorkspaceProject(path);
                const double n = static_cast<double>(request.targets.size());
                services::MeasureEvents events;
                events.onProgress = [&](size_t i, const measure::MeasureProgress& p) {
                  const auto label = tr("architecture %1 of %2").arg(i + 1).arg(request.targets.size()).toStdString();
                  return control.report((static_cast<double>(i) + double(p.runsDone) / std::max(1, p.maxRuns)) / n, label);
                };
                events.stopRequested = [&] { return control.cancelled(); };
                events.onNotice = [&](const std::string& notice) { control.report(0, notice); };
                auto running = request; // Cancel (or closing the window) ends a runner or a launcher at once
                running.engine.cancelled = [&control] { return control.cancelled(); };
                // A device reached through a launcher measures there (services/remote.hpp).
                const auto launcher = services::launcherFor(project, running.device, {});
                const auto outcome = services::measureOnDevice(project, running, launcher, events);
                QStringList warnings;
                for (const auto& m : outcome.stored)
                  if (!m.summary.spreadWarning.empty()) warnings << QString::fromStdString(m.summary.spreadWarning);
                return [this, outcome, warnings] {
                  QString text = QString::fromStdString(outcome.message);
                  if (!warnings.isEmpty())
                    text += QStringLiteral("\n") + tr("%n with high spread: ", nullptr, static_cast<int>(warnings.size())) + warnings.join(QStringLiteral("; "));
                  bar_->showMessage(text, !warnings.isEmpty());
                  workspace_->notifyDataChanged(); // the devices, the target list and the measured columns
                };
              });
}

void SamplesPage::loadMeasured() {
  if (!workspace_->hasProject()) return;
  if (!workspace_->hasTarget()) {
    model_->setMeasured({});
    return;
  }
  const auto path = workspace_->projectPath().toStdString();
  const auto device = workspace_->targetDevice().toStdString();
  const auto& space = workspace_->searchSpace();
  job_->start(tr("Reading what was measured on %1").arg(workspace_->targetDevice()), [this, path, device, &space](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    QHash<QString, MeasuredOnTarget> byArch;
    if (store::findDevice(project, device))
      for (const auto& m : services::measuredArchitectures(project, space, device))
        byArch.insert(QString::fromStdString(m.arch.canonical()),
                      {m.medianMs, m.iqrMs, m.repetitions, m.samples, QString::fromStdString(m.spreadWarning)});
    return [this, byArch] {
      model_->setMeasured(byArch);
      table_->resizeColumnToContents(ArchitectureModel::Iqr);
      measuredLabel_->setText(tr("%n measured on the target", nullptr, model_->measuredCount()) +
                              (model_->highSpreadCount() ? tr(", %n with high spread", nullptr, model_->highSpreadCount()) : QString()));
    };
  });
}

void SamplesPage::sampleMore(int count) {
  if (!workspace_->hasProject()) return;
  std::unordered_set<std::string> shown;
  for (const auto& r : model_->rows()) shown.insert(r.text.toStdString());
  const auto& space = workspace_->searchSpace();
  const auto seed = static_cast<std::uint64_t>(seed_->value());
  job_->start(tr("Sampling %n %1 architecture(s)", nullptr, count).arg(workspace_->space()),
              [this, &space, count, seed, shown = std::move(shown)](JobControl&) -> Job::Continuation {
                auto rows = architectureRows(services::sampleSpaceArchitectures(space, count, seed, shown));
                return [this, rows = std::move(rows)]() mutable {
                  const int n = static_cast<int>(rows.size());
                  model_->appendRows(std::move(rows));
                  bar_->showMessage(tr("Added %n sampled architecture(s), marked \"sampled\": not in the data set; measuring "
                                       "one adds it to the project", nullptr, n));
                  loadMeasured(); // a sampled architecture may have been measured before
                };
              });
}

void SamplesPage::showArchitecture(const QString& arch) {
  // Selects the row; the search box and filters are the user's and stay as they are.
  for (int r = 0; r < model_->rowCount(); ++r) {
    if (model_->rows()[static_cast<size_t>(r)].text != arch) continue;
    const auto at = filter_->mapFromSource(model_->index(r, 0));
    if (!at.isValid()) {
      bar_->showMessage(tr("%1 is hidden by the filter; clear the search and FLOPs range to see it").arg(arch));
      return;
    }
    table_->selectRow(at.row());
    table_->scrollTo(at, QAbstractItemView::PositionAtCenter);
    return;
  }
  bar_->showMessage(tr("%1 is not among this project's architectures").arg(arch));
}

} // namespace maple::widgets
