#include "cross_device_page.hpp"

#include "device_check_model.hpp"
#include "evaluation_view.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "scatter_plot.hpp"
#include "workspace.hpp"

#include "common/error.hpp"
#include "descriptor/descriptor.hpp"
#include "predict/predictor.hpp"
#include "services/devices.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

#include <algorithm>
#include <map>

namespace maple::widgets {

CrossDevicePage::CrossDevicePage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), devices_(new DeviceCheckModel(this)), job_(new Job(this)) {
  compare_ = new QCheckBox(tr("Compare two evaluations"), this);
  compare_->setToolTip(tr("Show a second evaluation beside the first, with linked axes and the metric differences"));
  split_ = new QSplitter(Qt::Horizontal, this);
  split_->setChildrenCollapsible(false);
  for (int side = 0; side < 2; ++side) split_->addWidget(buildSide(side));
  split_->widget(1)->setVisible(false);
  views_[1]->setBaseline(views_[0]);
  linkAxes();

  auto* top = new QHBoxLayout;
  top->addWidget(buildRunBox(), 1);
  top->addWidget(compare_);
  bar_ = new JobBar(job_, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(split_, 1);
  layout->addWidget(bar_);

  connect(compare_, &QCheckBox::toggled, this, [this](bool on) {
    split_->widget(1)->setVisible(on);
    const int half = std::max(1, split_->width() / 2); // two equal panes, however wide the window
    split_->setSizes({half, half});
  });
  connect(run_, &QPushButton::clicked, this, &CrossDevicePage::run);
  connect(job_, &Job::runningChanged, this, [this](bool running) { run_->setEnabled(!running); });
  connect(workspace_, &Workspace::projectChanged, this, [this] {
    for (auto* v : views_) v->setPoints(nullptr);
    for (auto* c : stored_) c->clear();
    devices_->setDevices({}, {});
    bar_->clear();
    refreshStored();
  });
  connect(workspace_, &Workspace::dataChanged, this, &CrossDevicePage::refreshStored);
  connect(workspace_, &Workspace::spaceChanged, this, [this] {
    for (auto* v : views_) v->setPoints(nullptr); // another space's evaluations are not listed, nor shown
    devices_->setDevices({}, {}); // the devices measured in the new space, ticked afresh
    refreshStored();
  });
}

QWidget* CrossDevicePage::buildRunBox() {
  method_ = new QComboBox(this);
  for (const auto& m : predict::methodNames()) method_->addItem(QString::fromStdString(m));
  method_->setToolTip(tr("The regressor trained on the other folds"));
  kind_ = new QComboBox(this);
  for (const auto& k : descriptor::kinds()) kind_->addItem(QString::fromStdString(k));
  kind_->setCurrentText(QStringLiteral("reference-latency"));
  kind_->setToolTip(tr("How devices are described to the predictor"));
  shots_ = new QSpinBox(this);
  shots_->setRange(1, 1000);
  shots_->setValue(10);
  shots_->setToolTip(tr("Measured architectures of each test device used to adapt; they are not scored"));
  folds_ = new QSpinBox(this);
  folds_->setRange(2, 50);
  folds_->setValue(3);
  folds_->setToolTip(tr("Devices are split into this many groups, same-chip devices in one group; each group is "
                        "predicted by a model trained on the others"));
  protocol_ = new QComboBox(this);
  protocol_->addItem(tr("every measured architecture"), static_cast<int>(predict::EvalProtocol::Full));
  protocol_->addItem(tr("HELP's protocol"), static_cast<int>(predict::EvalProtocol::Help));
  protocol_->setToolTip(tr("Which architectures are scored: all measured ones, or HELP's query set"));
  target_ = new QComboBox(this);
  target_->addItems({tr("left"), tr("right")});
  target_->setToolTip(tr("The pane the new evaluation is shown in"));
  run_ = new QPushButton(tr("Evaluate"), this);
  run_->setToolTip(tr("Predict every ticked device with a model that never saw it, and store the evaluation"));
  deviceList_ = new QListView(this);
  deviceList_->setModel(devices_);
  deviceList_->setToolTip(tr("The devices dealt into folds and predicted"));
  deviceList_->setMaximumHeight(90);

  auto* box = new QGroupBox(tr("Cross-device evaluation"), this);
  auto* grid = new QGridLayout(box);
  int column = 0;
  for (auto [label, w] : {std::pair<QString, QWidget*>{tr("Method:"), method_}, {tr("Descriptor:"), kind_},
                          {tr("Shots:"), shots_}, {tr("Device folds:"), folds_}, {tr("Scored:"), protocol_},
                          {tr("Show in:"), target_}}) {
    grid->addWidget(new QLabel(label, this), 0, column++);
    grid->addWidget(w, 0, column++);
  }
  grid->addWidget(run_, 0, column);
  grid->addWidget(new QLabel(tr("Devices:"), this), 1, 0);
  grid->addWidget(deviceList_, 1, 1, 1, column);
  return box;
}

QWidget* CrossDevicePage::buildSide(int side) {
  auto* box = new QWidget(this);
  auto* boxLayout = new QVBoxLayout(box);
  boxLayout->setContentsMargins(0, 0, 0, 0);
  stored_[side] = new QComboBox(this);
  stored_[side]->setPlaceholderText(tr("Stored evaluations"));
  stored_[side]->setToolTip(tr("Open an evaluation stored in the project"));
  auto* rename = new QPushButton(tr("Rename..."), this);
  rename->setToolTip(tr("Give the shown evaluation a name"));
  auto* remove = new QPushButton(tr("Delete"), this);
  remove->setToolTip(tr("Delete the shown evaluation from the project"));
  auto* row = new QHBoxLayout;
  row->addWidget(stored_[side], 1);
  row->addWidget(rename);
  row->addWidget(remove);
  views_[side] = new EvaluationView(this);
  boxLayout->addLayout(row);
  boxLayout->addWidget(views_[side], 1);
  connect(stored_[side], &QComboBox::activated, this, [this, side](int i) { showStored(side, stored_[side]->itemData(i).toLongLong()); });
  connect(views_[side], &EvaluationView::architectureChosen, workspace_, &Workspace::architectureChosen);
  connect(views_[side], &EvaluationView::showInSamples, workspace_, &Workspace::showInSamples);
  connect(rename, &QPushButton::clicked, this, [this, side] {
    if (stored_[side]->currentIndex() < 0) return;
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Rename evaluation"), tr("Name:"), QLineEdit::Normal,
                                               stored_[side]->currentText(), &ok);
    if (ok) renameStored(stored_[side]->currentData().toLongLong(), name.trimmed());
  });
  connect(remove, &QPushButton::clicked, this, [this, side] {
    if (stored_[side]->currentIndex() < 0) return;
    if (QMessageBox::question(this, tr("Delete evaluation"), tr("Delete %1 from the project?").arg(stored_[side]->currentText())) ==
        QMessageBox::Yes)
      deleteStored(stored_[side]->currentData().toLongLong());
  });
  return box;
}

void CrossDevicePage::setCompare(bool on) { compare_->setChecked(on); }

void CrossDevicePage::setRunOptions(const QString& method, const QString& kind, int shots, int folds, bool helpProtocol) {
  if (!method.isEmpty()) method_->setCurrentText(method);
  if (!kind.isEmpty()) kind_->setCurrentText(kind);
  shots_->setValue(shots);
  folds_->setValue(folds);
  protocol_->setCurrentIndex(helpProtocol ? 1 : 0);
}

void CrossDevicePage::linkAxes() {
  // Zooming or panning one scatter moves the other, so the two compare point for point.
  for (int side = 0; side < 2; ++side) {
    auto* to = views_[1 - side]->scatter();
    auto* from = views_[side]->scatter();
    for (auto [a, b] : {std::pair{from->xAxis, to->xAxis}, std::pair{from->yAxis, to->yAxis}})
      connect(a, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), to, [this, b = b, to](const QCPRange& r) {
        if (!compare_->isChecked() || linking_ || b->range() == r) return;
        linking_ = true;
        b->setRange(r);
        to->replot(QCustomPlot::rpQueuedReplot);
        linking_ = false;
      });
  }
}

void CrossDevicePage::refreshStored() {
  if (!workspace_->hasProject()) return;
  const auto path = workspace_->projectPath().toStdString();
  const auto space = workspace_->spaceName();
  job_->start(tr("Listing evaluations"), [this, path, space](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto list = services::listEvaluations(project, space);
    std::vector<std::string> names, enough;
    std::map<std::string, long> measured;
    for (const auto& d : services::listDeviceChoices(project, space))
      if (d.measuredArchitectures > 0) {
        names.push_back(d.name);
        measured[d.name] = d.measuredArchitectures;
        // Ticked at first: devices with more measured architectures than the default shots.
        if (d.measuredArchitectures > 10) enough.push_back(d.name);
      }
    return [this, list, names, enough, measured] {
      measured_ = measured;
      const auto keep = devices_->rowCount() ? devices_->checkedDevices() : enough;
      devices_->setDevices(names, keep);
      fillStored(list, true);
      bar_->showMessage(list.empty() ? tr("No stored evaluations; press Evaluate to make one")
                                     : tr("%n stored evaluation(s)", nullptr, static_cast<int>(list.size())));
    };
  });
}

void CrossDevicePage::fillStored(const std::vector<services::EvaluationListing>& list, bool keepSelection) {
  for (auto* combo : stored_) {
    const QVariant shown = keepSelection ? combo->currentData() : QVariant();
    combo->clear();
    for (const auto& e : list)
      combo->addItem(tr("#%1 %2: %3 on %4, %n shot(s), %5 points (%6)", nullptr, e.shots)
                         .arg(e.id)
                         .arg(QString::fromStdString(e.name), QString::fromStdString(e.method), QString::fromStdString(e.descriptorKind))
                         .arg(e.points)
                         .arg(QString::fromStdString(e.createdAt)),
                     QVariant::fromValue<qlonglong>(e.id));
    combo->setCurrentIndex(shown.isValid() ? combo->findData(shown) : -1);
  }
}

void CrossDevicePage::showStored(int side, std::int64_t evaluationId) {
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Loading evaluation %1").arg(evaluationId), [this, path, side, evaluationId](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto points = std::make_shared<const evaluation::Points>(services::loadEvaluation(project, evaluationId));
    return [this, side, points, evaluationId] {
      views_[side]->setPoints(points);
      stored_[side]->setCurrentIndex(stored_[side]->findData(QVariant::fromValue<qlonglong>(evaluationId)));
      views_[1]->setBaseline(views_[0]); // the differences follow whichever side changed
      bar_->showMessage(tr("Showing evaluation #%1 (%2)").arg(evaluationId).arg(QString::fromStdString(points->label)));
    };
  });
}

void CrossDevicePage::renameStored(std::int64_t evaluationId, const QString& name) {
  const auto path = workspace_->projectPath().toStdString();
  const auto space = workspace_->spaceName();
  job_->start(tr("Renaming evaluation %1").arg(evaluationId), [this, path, space, evaluationId, name](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    services::renameEvaluation(project, evaluationId, name.toStdString());
    auto list = services::listEvaluations(project, space);
    return [this, list, evaluationId, name] {
      fillStored(list, true);
      bar_->showMessage(tr("Evaluation #%1 is now called %2").arg(evaluationId).arg(name));
    };
  });
}

void CrossDevicePage::deleteStored(std::int64_t evaluationId) {
  const auto path = workspace_->projectPath().toStdString();
  const auto space = workspace_->spaceName();
  job_->start(tr("Deleting evaluation %1").arg(evaluationId), [this, path, space, evaluationId](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    services::deleteEvaluation(project, evaluationId);
    auto list = services::listEvaluations(project, space);
    return [this, list, evaluationId] {
      for (int side = 0; side < 2; ++side)
        if (stored_[side]->currentData().toLongLong() == evaluationId) views_[side]->setPoints(nullptr);
      fillStored(list, true);
      bar_->showMessage(tr("Deleted evaluation #%1").arg(evaluationId));
    };
  });
}

void CrossDevicePage::run() {
  if (!workspace_->hasProject()) {
    bar_->showMessage(tr("Open a project first."), true);
    return;
  }
  services::CrossDeviceRequest r;
  r.space = workspace_->spaceName();
  // A device needs more measured architectures than shots: one is left to score.
  QStringList tooFew;
  for (const auto& d : devices_->checkedDevices()) {
    if (measured_[d] > shots_->value()) r.devices.push_back(d);
    else tooFew << QString::fromStdString(d);
  }
  r.method = method_->currentText().toStdString();
  r.descriptorKind = kind_->currentText().toStdString();
  r.shots = shots_->value();
  r.folds = folds_->value();
  r.protocol = static_cast<predict::EvalProtocol>(protocol_->currentData().toInt());
  if (static_cast<int>(r.devices.size()) < r.folds) {
    bar_->showMessage(tr("Tick at least as many devices with more than %1 measured architectures as there are folds (%2).")
                          .arg(r.shots)
                          .arg(r.folds),
                      true);
    return;
  }
  const int side = target_->currentIndex();
  if (side == 1) compare_->setChecked(true);
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Evaluating %1 across devices").arg(method_->currentText()), [this, path, r, side, tooFew](JobControl& control) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto run = services::crossDeviceEvaluation(project, r, [&](double f, const std::string& stage) { return control.report(f, stage); });
    auto points = std::make_shared<const evaluation::Points>(std::move(run.points));
    auto list = services::listEvaluations(project, r.space);
    return [this, side, points, list, tooFew, id = run.evaluationId] {
      fillStored(list, true);
      stored_[side]->setCurrentIndex(stored_[side]->findData(QVariant::fromValue<qlonglong>(id)));
      views_[side]->setPoints(points);
      views_[1]->setBaseline(views_[0]);
      bar_->showMessage(tr("%1: %2 predictions, stored as evaluation #%3").arg(QString::fromStdString(points->label)).arg(points->size()).arg(id) +
                        (tooFew.isEmpty() ? QString() : tr("; left out, too few measured: %1").arg(tooFew.join(QStringLiteral(", ")))));
    };
  });
}

bool CrossDevicePage::exportAll(const QString& stem) {
  QStringList errors;
  for (int side = 0; side < 2; ++side) {
    if (!views_[side]->points()) continue;
    for (const auto* suffix : {"png", "pdf", "svg"}) {
      const QString e = views_[side]->exportPlots(stem + (side ? QStringLiteral("-right") : QStringLiteral("-left")), QLatin1String(suffix));
      if (!e.isEmpty()) errors << e;
    }
  }
  if (!errors.isEmpty()) bar_->showMessage(errors.join(QLatin1Char('\n')), true);
  return errors.isEmpty();
}

} // namespace maple::widgets
