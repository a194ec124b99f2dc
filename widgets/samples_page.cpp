#include "samples_page.hpp"

#include "architecture_model.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "table_view.hpp"
#include "workspace.hpp"

#include "campaign/campaign.hpp"
#include "common/error.hpp"
#include "evaluation/cross_device.hpp"
#include "sampling/selection.hpp"
#include "store/latencies.hpp"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

namespace maple::widgets {

SamplesPage::SamplesPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), model_(new ArchitectureModel(this)), filter_(new ArchitectureFilter(this)),
      job_(new Job(this)) {
  filter_->setSourceModel(model_);
  search_ = new QLineEdit(this);
  search_->setPlaceholderText(tr("Search: index or part of the architecture string"));
  search_->setClearButtonEnabled(true);
  op_ = new QComboBox(this);
  op_->addItem(tr("any op"), -1);
  for (int op = 1; op < nb201::kOps; ++op)
    op_->addItem(tr("with %1").arg(QString::fromUtf8(nb201::opName(static_cast<nb201::Op>(op)).data())), op);
  minFlops_ = new QDoubleSpinBox(this);
  maxFlops_ = new QDoubleSpinBox(this);
  for (auto* s : {minFlops_, maxFlops_}) {
    s->setRange(0, 1e6);
    s->setDecimals(1);
    s->setSuffix(tr(" MFLOPs"));
  }
  maxFlops_->setValue(1e6);
  auto* filters = new QHBoxLayout;
  filters->addWidget(search_, 2);
  filters->addWidget(op_);
  filters->addWidget(new QLabel(tr("FLOPs from"), this));
  filters->addWidget(minFlops_);
  filters->addWidget(new QLabel(tr("to"), this));
  filters->addWidget(maxFlops_);

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
  selectedLabel_ = new QLabel(this);
  auto* selectBox = new QGroupBox(tr("Selection (over the rows that pass the filter)"), this);
  auto* selectForm = new QFormLayout(selectBox);
  selectForm->addRow(tr("Strategy:"), strategy_);
  selectForm->addRow(tr("Samples:"), count_);
  selectForm->addRow(tr("Seed:"), seed_);
  selectForm->addRow(select_, selectedLabel_);

  device_ = new QLineEdit(this);
  device_->setPlaceholderText(tr("device to store the latencies under"));
  engine_ = new QComboBox(this);
  engine_->setEditable(true);
  engine_->addItems({QStringLiteral("cpu"), QStringLiteral("cuda"),
                     QStringLiteral("command:/usr/bin/python3 runners/pytorch_runner.py")});
  engine_->setToolTip(tr("cpu, cuda, or command:PROGRAM ARGS for an external runner speaking JSON lines"));
  repeats_ = new QSpinBox(this);
  repeats_->setRange(1, 10000);
  repeats_->setValue(30);
  measure_ = new QPushButton(tr("Measure selected"), this);
  auto* measureBox = new QGroupBox(tr("Measure on this machine"), this);
  auto* measureForm = new QFormLayout(measureBox);
  measureForm->addRow(tr("Device:"), device_);
  measureForm->addRow(tr("Engine:"), engine_);
  measureForm->addRow(tr("Most timed runs:"), repeats_);
  measureForm->addRow(measure_);

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
  connect(measure_, &QPushButton::clicked, this, &SamplesPage::measureSelected);
  connect(model_, &ArchitectureModel::selectionCountChanged, this,
          [this](int n) { selectedLabel_->setText(tr("%n selected", nullptr, n)); });
  connect(job_, &Job::runningChanged, this, [this](bool running) { measure_->setEnabled(!running); });
  connect(workspace_, &Workspace::projectChanged, this, &SamplesPage::reload);
  connect(workspace_, &Workspace::architectureChosen, this, &SamplesPage::showArchitecture);
}

void SamplesPage::setStrategy(const QString& name) { strategy_->setCurrentText(name); }
void SamplesPage::setSampleCount(int k) { count_->setValue(k); }
void SamplesPage::setMeasureOptions(const QString& device, const QString& engine, int repeats) {
  device_->setText(device);
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
  job_->start(tr("Loading architectures"), [this, path](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto rows = architectureRows(store::listArchitectures(project));
    return [this, rows = std::move(rows)]() mutable {
      model_->setRows(std::move(rows));
      for (int c = ArchitectureModel::Index; c < ArchitectureModel::Architecture; ++c) table_->resizeColumnToContents(c);
      double maxFlops = 0;
      for (const auto& r : model_->rows()) maxFlops = std::max(maxFlops, r.mflops);
      for (auto* s : {minFlops_, maxFlops_}) s->setMaximum(std::ceil(maxFlops));
      maxFlops_->setValue(std::ceil(maxFlops));
      bar_->showMessage(tr("%n architecture(s)", nullptr, model_->rowCount()));
    };
  });
}

bool SamplesPage::selectSamples() {
  const auto strategy = sampling::strategyFromName(strategy_->currentText().toStdString());
  if (!strategy) return false;
  std::vector<int> sourceRows;
  sampling::Candidates candidates;
  for (int r = 0; r < filter_->rowCount(); ++r) {
    const int row = filter_->mapToSource(filter_->index(r, 0)).row();
    sourceRows.push_back(row);
    const auto& a = model_->rows()[static_cast<size_t>(row)];
    candidates.cells.push_back(a.cell);
    candidates.flops.push_back(a.mflops);
  }
  const auto k = static_cast<size_t>(count_->value());
  const auto seed = static_cast<std::uint64_t>(seed_->value());
  auto apply = [this, sourceRows, k, seed, strategy = *strategy](const sampling::Candidates& c) {
    try {
      std::vector<int> rows;
      for (auto p : sampling::select(strategy, c, k, seed)) rows.push_back(sourceRows[p]);
      model_->setSelectedRows(rows);
      table_->scrollTo(filter_->mapFromSource(model_->index(rows.front(), 0)), QAbstractItemView::PositionAtTop);
      bar_->showMessage(tr("Selected %1 of %2 candidates with %3").arg(rows.size()).arg(sourceRows.size()).arg(strategy_->currentText()));
      return true;
    } catch (const std::exception& e) {
      bar_->showMessage(tr("Selection failed: %1").arg(QString::fromStdString(e.what())), true);
      return false;
    }
  };
  if (*strategy != sampling::Strategy::MostUncertain) return apply(candidates);

  // The spread needs a predictor adapted to the target device: trained and adapted on a worker.
  const auto target = device_->text().trimmed().toStdString();
  if (target.empty() || !workspace_->hasProject()) {
    bar_->showMessage(tr("most-uncertain ranks by a predictor adapted to the target device: name it under "
                         "\"Measure on this machine\" and measure HELP's reference architectures on it first"),
                      true);
    return false;
  }
  const auto path = workspace_->projectPath().toStdString();
  const auto title = tr("Adapting %1 to %2 for its uncertainty")
                         .arg(QString::fromStdString(predict::defaultMethod()), QString::fromStdString(target));
  return job_->start(title,
                     [this, path, target, candidates, apply](JobControl& control) mutable -> Job::Continuation {
                       auto project = openWorkspaceProject(path);
                       candidates.spread = evaluation::predictiveSpread(
                           project, target, predict::defaultMethod(), "reference-latency", candidates.cells,
                           [&](double f, const std::string& stage) { return control.report(f, stage); });
                       return [apply, candidates] { apply(candidates); };
                     });
}

void SamplesPage::measureSelected() {
  const auto rows = model_->selectedRows();
  if (!workspace_->hasProject() || rows.empty()) {
    bar_->showMessage(tr("Select architectures first (tick them, or use a strategy)."), true);
    return;
  }
  if (device_->text().trimmed().isEmpty()) {
    bar_->showMessage(tr("Name the device the latencies are stored under."), true);
    return;
  }
  std::vector<campaign::Target> targets;
  for (int r : rows) {
    const auto& a = model_->rows()[static_cast<size_t>(r)];
    targets.push_back({a.cell, a.spaceIndex >= 0 ? std::optional<int>(a.spaceIndex) : std::nullopt});
  }
  campaign::EngineChoice choice;
  choice.engine = engine_->currentText().trimmed().toStdString();
  const auto path = workspace_->projectPath().toStdString();
  const auto device = device_->text().trimmed().toStdString();
  const int repeats = repeats_->value();
  job_->start(tr("Measuring %n architecture(s)", nullptr, static_cast<int>(targets.size())),
              [this, path, device, choice, targets, repeats](JobControl& control) -> Job::Continuation {
                const auto protocol = campaign::protocolFor(repeats, std::min(5, repeats));
                auto running = choice; // Cancel (or closing the window) ends a runner at once
                running.cancelled = [&control] { return control.cancelled(); };
                auto measurer = campaign::openMeasurer(running);
                auto project = openWorkspaceProject(path);
                campaign::Recorder recorder(project, device, running, *measurer);
                const double n = static_cast<double>(targets.size());
                for (size_t i = 0; i < targets.size(); ++i) {
                  const std::string label = "architecture " + std::to_string(i + 1) + " of " + std::to_string(targets.size());
                  auto m = measurer->measure(targets[i].cell, protocol, [&](const measure::MeasureProgress& p) {
                    return control.report((static_cast<double>(i) + double(p.runsDone) / std::max(1, p.maxRuns)) / n, label);
                  });
                  recorder.record(targets[i], m);
                  // Samples stored so far stay; the rest is not measured.
                  if (control.cancelled())
                    fail(ErrorKind::Cancelled, std::to_string(i + 1) + " of " + std::to_string(targets.size()) +
                                                   " measured and stored");
                }
                return [this, n] {
                  bar_->showMessage(tr("Stored %1 latency samples").arg(n));
                  workspace_->notifyDataChanged();
                };
              });
}

void SamplesPage::showArchitecture(const QString& arch) {
  search_->setText(arch);
  if (filter_->rowCount() > 0) table_->selectRow(0);
}

} // namespace maple::widgets
