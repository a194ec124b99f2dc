#include "predictions_page.hpp"

#include "evaluation_view.hpp"
#include "scatter_plot.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "workspace.hpp"

#include "common/error.hpp"
#include "evaluation/cross_device.hpp"
#include "predict/predictor.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>

#include <algorithm>
#include <QVBoxLayout>

namespace maple::widgets {

PredictionsPage::PredictionsPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), job_(new Job(this)) {
  method_ = new QComboBox(this);
  kind_ = new QComboBox(this);
  for (const auto& m : predict::methodNames()) method_->addItem(QString::fromStdString(m));
  for (const auto& k : evaluation::crossDeviceKinds()) kind_->addItem(QString::fromStdString(k));
  kind_->setCurrentText(QStringLiteral("reference-latency"));
  shots_ = new QSpinBox(this);
  shots_->setRange(1, 1000);
  shots_->setValue(10);
  folds_ = new QSpinBox(this);
  folds_->setRange(2, 50);
  folds_->setValue(3);
  folds_->setToolTip(tr("Devices are split into this many groups; each group is predicted by a model trained on the others"));
  target_ = new QComboBox(this);
  target_->addItems({tr("left"), tr("right")});
  run_ = new QPushButton(tr("Train and adapt"), this);
  compare_ = new QCheckBox(tr("Compare two evaluations"), this);

  auto* runBox = new QGroupBox(tr("Predict every device"), this);
  auto* runLayout = new QHBoxLayout(runBox);
  for (auto [label, w] : {std::pair<QString, QWidget*>{tr("Method:"), method_}, {tr("Descriptor:"), kind_},
                          {tr("Shots:"), shots_}, {tr("Device folds:"), folds_}, {tr("Show in:"), target_}}) {
    runLayout->addWidget(new QLabel(label, this));
    runLayout->addWidget(w);
  }
  runLayout->addWidget(run_);

  auto* split = new QSplitter(Qt::Horizontal, this);
  for (int side = 0; side < 2; ++side) {
    auto* box = new QWidget(this);
    auto* boxLayout = new QVBoxLayout(box);
    boxLayout->setContentsMargins(0, 0, 0, 0);
    stored_[side] = new QComboBox(this);
    stored_[side]->setPlaceholderText(tr("Stored evaluations"));
    views_[side] = new EvaluationView(this);
    boxLayout->addWidget(stored_[side]);
    boxLayout->addWidget(views_[side], 1);
    split->addWidget(box);
    connect(stored_[side], &QComboBox::activated, this, [this, side](int i) {
      showStored(side, stored_[side]->itemData(i).toLongLong());
    });
    connect(views_[side], &EvaluationView::architectureChosen, workspace_, &Workspace::architectureChosen);
    connect(views_[side], &EvaluationView::showInSamples, workspace_, &Workspace::showInSamples);
  }
  split->widget(1)->setVisible(false);
  split->setChildrenCollapsible(false);
  split_ = split;
  views_[1]->setBaseline(views_[0]);
  linkAxes();

  auto* top = new QHBoxLayout;
  top->addWidget(runBox, 1);
  top->addWidget(compare_);
  bar_ = new JobBar(job_, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(top);
  layout->addWidget(split, 1);
  layout->addWidget(bar_);

  connect(compare_, &QCheckBox::toggled, this, [this](bool on) {
    split_->widget(1)->setVisible(on);
    // Two equal panes, however wide the window.
    const int half = std::max(1, split_->width() / 2);
    split_->setSizes({half, half});
  });
  connect(run_, &QPushButton::clicked, this, &PredictionsPage::run);
  connect(job_, &Job::runningChanged, this, [this](bool running) { run_->setEnabled(!running); });
  connect(workspace_, &Workspace::projectChanged, this, [this] {
    for (auto* v : views_) v->setPoints(nullptr);
    for (auto* c : stored_) c->clear();
    bar_->clear();
    refreshStored();
  });
}

void PredictionsPage::linkAxes() {
  // Zooming or panning one scatter moves the other, so the two compare point for point.
  for (int side = 0; side < 2; ++side) {
    auto* from = views_[side]->scatter();
    auto* to = views_[1 - side]->scatter();
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

void PredictionsPage::setCompare(bool on) { compare_->setChecked(on); }

void PredictionsPage::setRunOptions(const QString& method, const QString& kind, int shots, int folds) {
  if (!method.isEmpty()) method_->setCurrentText(method);
  if (!kind.isEmpty()) kind_->setCurrentText(kind);
  shots_->setValue(shots);
  folds_->setValue(folds);
}

void PredictionsPage::refreshStored() {
  if (!workspace_->hasProject()) return;
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Listing evaluations"), [this, path](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto list = evaluation::listEvaluations(project);
    return [this, list] {
      fillStored(list, false);
      bar_->showMessage(list.empty() ? tr("No stored evaluations; press Train and adapt to make one")
                                     : tr("%n stored evaluation(s)", nullptr, static_cast<int>(list.size())));
    };
  });
}

void PredictionsPage::fillStored(const std::vector<evaluation::StoredEvaluation>& list, bool keepSelection) {
  for (auto* combo : stored_) {
    const QVariant shown = keepSelection ? combo->currentData() : QVariant();
    combo->clear();
    for (const auto& e : list)
      combo->addItem(tr("#%1 %2 on %3, %4 shots, %5 points (%6)")
                         .arg(e.id)
                         .arg(QString::fromStdString(e.method), QString::fromStdString(e.descriptorKind))
                         .arg(e.shots)
                         .arg(e.points)
                         .arg(QString::fromStdString(e.createdAt)),
                     QVariant::fromValue<qlonglong>(e.id));
    combo->setCurrentIndex(shown.isValid() ? combo->findData(shown) : -1);
  }
}

void PredictionsPage::showStored(int side, std::int64_t evaluationId) {
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Loading evaluation %1").arg(evaluationId), [this, path, side, evaluationId](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto points = std::make_shared<const evaluation::Points>(evaluation::loadEvaluation(project, evaluationId));
    return [this, side, points, evaluationId] {
      views_[side]->setPoints(points);
      views_[1]->setBaseline(views_[0]); // the differences follow whichever side changed
      bar_->showMessage(tr("Showing evaluation #%1 (%2)").arg(evaluationId).arg(QString::fromStdString(points->label)));
    };
  });
}

void PredictionsPage::run() {
  if (!workspace_->hasProject()) {
    bar_->showMessage(tr("Open a project first."), true);
    return;
  }
  evaluation::CrossDeviceOptions o;
  o.method = method_->currentText().toStdString();
  o.descriptorKind = kind_->currentText().toStdString();
  o.shots = shots_->value();
  o.folds = folds_->value();
  const int side = target_->currentIndex();
  if (side == 1) compare_->setChecked(true);
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Training %1 and adapting").arg(method_->currentText()), [this, path, o, side](JobControl& control) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto run = evaluation::crossDeviceEvaluation(project, o, [&](double f, const std::string& stage) {
      return control.report(f, stage);
    });
    auto points = std::make_shared<const evaluation::Points>(std::move(run.points));
    auto list = evaluation::listEvaluations(project);
    return [this, side, points, list, id = run.evaluationId] {
      fillStored(list, true);
      stored_[side]->setCurrentIndex(stored_[side]->findData(QVariant::fromValue<qlonglong>(id)));
      views_[side]->setPoints(points);
      views_[1]->setBaseline(views_[0]);
      bar_->showMessage(tr("%1: %2 predictions, stored").arg(QString::fromStdString(points->label)).arg(points->size()));
    };
  });
}

bool PredictionsPage::exportAll(const QString& stem) {
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
