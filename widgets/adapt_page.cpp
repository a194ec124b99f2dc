#include "adapt_page.hpp"

#include "device_check_model.hpp"
#include "evaluation_view.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "workspace.hpp"

#include "descriptor/descriptor.hpp"
#include "predict/predictor.hpp"
#include "predict/shot_policy.hpp"
#include "services/adapt.hpp"
#include "services/devices.hpp"

#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPushButton>
#include <QSpinBox>
#include <QTabWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace maple::widgets {
namespace {

// The adapt service's result as the points every evaluation view reads: one device, the shots
// flagged (not scored).
evaluation::Points pointsOf(const services::AdaptResult& r) {
  evaluation::Points p;
  p.label = r.method + " adapted to " + r.target + " from " + std::to_string(r.shots.size()) + " shots (" + r.shotPolicy +
            "), " + r.descriptorKind;
  p.devices = {r.target};
  for (const auto* list : {&r.heldOut, &r.shots})
    for (const auto& a : *list) {
      p.archs.push_back(a.arch.canonical());
      p.archIndex.push_back(a.spaceIndex ? *a.spaceIndex : -1);
      p.device.push_back(0);
      p.arch.push_back(static_cast<std::uint32_t>(p.archs.size() - 1));
      p.measuredMs.push_back(static_cast<float>(a.measuredMs));
      p.predictedMs.push_back(static_cast<float>(a.predictedMs));
      p.isShot.push_back(list == &r.shots);
    }
  return p;
}

// predict::shotPolicySummary's sentences, for lupdate: the tooltips translate the core's text.
[[maybe_unused]] constexpr const char* kShotPolicySummaries[] = {
    QT_TRANSLATE_NOOP("ShotPolicy", "a seeded random draw (figures vary with the seed)"),
    QT_TRANSLATE_NOOP("ShotPolicy", "HELP's reference architectures first, in HELP's order (deterministic)"),
    QT_TRANSLATE_NOOP("ShotPolicy", "an optimal design under the predictor's pool prior, chosen before any latency of "
                                    "the device is known (deterministic)"),
};

} // namespace

AdaptShown adaptShown(services::AdaptResult r) {
  AdaptShown shown{std::make_shared<const evaluation::Points>(pointsOf(r)), std::move(r.spaceMs), std::move(r.spaceSpread), {},
                   QString::fromStdString(r.predictorName), QString::fromStdString(r.shotPolicy)};
  for (const auto* list : {&r.heldOut, &r.shots})
    for (const auto& a : *list)
      if (const auto code = a.arch.index()) shown.measured.emplace_back(static_cast<int>(*code), a.measuredMs);
  return shown;
}

AdaptPage::AdaptPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), training_(new DeviceCheckModel(this)), job_(new Job(this)) {
  title_ = new QLabel(this);
  trainingList_ = new QListView(this);
  trainingList_->setModel(training_);
  trainingList_->setToolTip(tr("Devices the predictor is trained on; the target and, for an imported target, its "
                               "same-chip siblings are left out by default"));
  trainingList_->setMaximumHeight(160);
  method_ = new QComboBox(this);
  for (const auto& m : predict::methodNames()) method_->addItem(QString::fromStdString(m));
  method_->setCurrentText(QString::fromStdString(predict::defaultMethod()));
  method_->setToolTip(tr("The regressor trained on the training devices and adapted to the target"));
  kind_ = new QComboBox(this);
  for (const auto& k : descriptor::kinds()) kind_->addItem(QString::fromStdString(k));
  kind_->setCurrentText(QStringLiteral("reference-latency"));
  kind_->setToolTip(tr("How devices are described: reference-latency needs the target's measured reference "
                       "architectures among its shots"));
  shots_ = new QSpinBox(this);
  shots_->setRange(1, 1000);
  shots_->setValue(10);
  shots_->setToolTip(tr("How many of the target's measured architectures adapt the predictor; the others are held out and scored"));
  policy_ = new QComboBox(this);
  for (auto p : predict::shotPolicies()) {
    // The core's one-sentence summary, in the user's language (the texts are listed below for lupdate).
    const auto summary = predict::shotPolicySummary(p);
    policy_->addItem(QString::fromStdString(predict::shotPolicyName(p)));
    policy_->setItemData(policy_->count() - 1, QCoreApplication::translate("ShotPolicy", summary.c_str()), Qt::ToolTipRole);
  }
  policy_->setCurrentText(QString::fromStdString(predict::shotPolicyName(predict::kNewDeviceShotPolicy)));
  policy_->setToolTip(tr("Which of the target's measured architectures are the shots: design (the default for a new "
                         "device), HELP's reference architectures, or a seeded random draw"));
  seed_ = new QSpinBox(this);
  seed_->setRange(0, 1 << 30);
  seed_->setValue(1);
  seed_->setToolTip(tr("The random draw's seed (the same seed draws the same shots); design and reference ignore it"));
  measuredLabel_ = new QLabel(this);
  measuredLabel_->setWordWrap(true);
  usedLabel_ = new QLabel(this);
  usedLabel_->setWordWrap(true);
  adapt_ = new QPushButton(tr("Adapt"), this);
  adapt_->setToolTip(tr("Train on the ticked devices, adapt to the target from the shots, store the adapted predictor"));

  auto* allNone = new QHBoxLayout;
  auto* all = new QPushButton(tr("All"), this);
  auto* none = new QPushButton(tr("None"), this);
  all->setToolTip(tr("Tick every listed device"));
  none->setToolTip(tr("Untick every listed device"));
  allNone->addWidget(all);
  allNone->addWidget(none);
  allNone->addStretch();
  auto* options = new QGroupBox(tr("Adaptation"), this);
  auto* form = new QFormLayout(options);
  form->addRow(tr("Training devices:"), trainingList_);
  form->addRow(QString(), allNone);
  form->addRow(tr("Method:"), method_);
  form->addRow(tr("Descriptor:"), kind_);
  form->addRow(tr("Shots:"), shots_);
  form->addRow(tr("Shot policy:"), policy_);
  form->addRow(tr("Seed:"), seed_);
  form->addRow(QString(), measuredLabel_);
  form->addRow(adapt_);
  form->addRow(usedLabel_);
  options->setMaximumWidth(360);

  view_ = new EvaluationView(this);
  distribution_ = new QCustomPlot(this);
  distribution_->xAxis->setLabel(tr("Architectures of the space, fastest predicted first (%)"));
  distribution_->yAxis->setLabel(tr("Predicted latency (ms)"));
  distribution_->yAxis->setScaleType(QCPAxis::stLogarithmic);
  distribution_->yAxis->setTicker(QSharedPointer<QCPAxisTickerLog>(new QCPAxisTickerLog));
  distribution_->legend->setVisible(true);
  distribution_->legend->setFont(QFont(font().family(), 8));
  distribution_->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
  distribution_->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
  view_->tabs()->insertTab(0, distribution_, tr("Whole space"));
  view_->tabs()->setCurrentIndex(0);

  auto* body = new QHBoxLayout;
  auto* side = new QVBoxLayout;
  side->addWidget(options);
  side->addStretch();
  body->addLayout(side);
  body->addWidget(view_, 1);
  bar_ = new JobBar(job_, this);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(title_);
  layout->addLayout(body, 1);
  layout->addWidget(bar_);

  connect(all, &QPushButton::clicked, this, [this] {
    std::vector<std::string> names;
    for (int r = 0; r < training_->rowCount(); ++r) names.push_back(training_->index(r).data().toString().toStdString());
    training_->setChecked(names);
  });
  connect(none, &QPushButton::clicked, this, [this] { training_->setChecked({}); });
  connect(adapt_, &QPushButton::clicked, this, &AdaptPage::adapt);
  auto seedForRandomOnly = [this] {
    seed_->setEnabled(policy_->currentText() == QString::fromStdString(predict::shotPolicyName(predict::ShotPolicy::Random)));
  };
  connect(policy_, &QComboBox::currentIndexChanged, this, seedForRandomOnly);
  seedForRandomOnly();
  connect(job_, &Job::runningChanged, this, [this](bool running) { adapt_->setEnabled(!running); });
  connect(workspace_, &Workspace::projectChanged, this, [this] {
    showResult({});
    training_->setDevices({}, {});
    bar_->clear();
  });
  connect(workspace_, &Workspace::targetChanged, this, [this] {
    showResult({});
    reloadDevices();
  });
  connect(workspace_, &Workspace::dataChanged, this, &AdaptPage::reloadDevices);
  connect(workspace_, &Workspace::spaceChanged, this, [this] {
    showResult({});
    training_->setDevices({}, {}); // the devices measured in the new space, ticked afresh
    reloadDevices();
  });
  reloadDevices();
}

void AdaptPage::setOptions(const QString& method, const QString& kind, int shots) {
  if (!method.isEmpty()) method_->setCurrentText(method);
  if (!kind.isEmpty()) kind_->setCurrentText(kind);
  if (shots > 0) shots_->setValue(shots);
}

void AdaptPage::setShotPolicy(const QString& policy, int seed) {
  policy_->setCurrentText(policy);
  seed_->setValue(seed);
}

QString AdaptPage::shotPolicy() const { return policy_->currentText(); }

void AdaptPage::reloadDevices() {
  const QString target = workspace_->targetDevice();
  title_->setText(target.isEmpty() ? tr("<b>Adapt to the target device</b>: choose it at the top of the window")
                                   : tr("<b>Adapt to %1</b>").arg(target.toHtmlEscaped()));
  if (!workspace_->hasProject() || target.isEmpty()) return;
  const auto path = workspace_->projectPath().toStdString();
  const auto& space = workspace_->searchSpace();
  job_->start(tr("Listing training devices"), [this, path, &space, target = target.toStdString()](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    std::vector<std::string> all, defaults;
    int measured = 0;
    bool known = false;
    for (const auto& d : services::listDeviceChoices(project, space.name()))
      if (d.name == target) known = true, measured = static_cast<int>(d.measuredArchitectures);
      else if (d.measuredArchitectures > 0) all.push_back(d.name);
    if (known) defaults = services::defaultTrainingDevices(project, space, target);
    return [this, all, defaults, measured] {
      training_->setDevices(all, defaults);
      measuredCount_ = measured;
      measuredLabel_->setText(tr("the target has %n measured architecture(s)", nullptr, measured));
      if (measured > 0 && shots_->value() > measured) shots_->setValue(std::max(1, measured - 1));
    };
  });
}

void AdaptPage::adapt() {
  if (!workspace_->hasProject() || !workspace_->hasTarget()) {
    bar_->showMessage(tr("Open a project and choose the target device at the top of the window first."), true);
    return;
  }
  services::AdaptRequest request;
  request.target = workspace_->targetDevice().toStdString();
  request.space = workspace_->spaceName();
  request.trainDevices = training_->checkedDevices();
  if (request.trainDevices.empty()) {
    bar_->showMessage(tr("Tick at least one training device."), true);
    return;
  }
  request.method = method_->currentText().toStdString();
  request.descriptorKind = kind_->currentText().toStdString();
  request.shots = shots_->value();
  request.shotPolicy = predict::parseShotPolicy(policy_->currentText().toStdString());
  // The seed draws random shots (and seeds training); design and reference train as with seed 1.
  request.seed = seed_->isEnabled() ? static_cast<std::uint64_t>(seed_->value()) : 1;
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Adapting %1 to %2").arg(method_->currentText(), workspace_->targetDevice()),
              [this, path, request](JobControl& control) -> Job::Continuation {
                auto project = openWorkspaceProject(path);
                auto r = services::adaptToDevice(project, request, [&](double f, const std::string& stage) {
                  return control.report(f, stage);
                });
                auto shown = adaptShown(std::move(r));
                return [this, shown = std::move(shown)]() mutable {
                  const QString name = shown.predictorName;
                  showResult(std::move(shown));
                  bar_->showMessage(tr("Stored the adapted predictor as %1 (shots chosen by %2); File > Export predictor "
                                       "writes it as a .maplepred file")
                                        .arg(name, shown_.shotPolicy));
                  emit predictorStored(name);
                  workspace_->notifyDataChanged();
                };
              });
}

void AdaptPage::showResult(AdaptShown shown) {
  shown_ = std::move(shown);
  usedLabel_->setText(shown_.points ? tr("Shown: %n shot(s) chosen by %1", nullptr, static_cast<int>(std::count(
                                              shown_.points->isShot.begin(), shown_.points->isShot.end(), true)))
                                          .arg(shown_.shotPolicy)
                                    : QString());
  view_->setPoints(shown_.points);
  fillDistribution();
}

void AdaptPage::fillDistribution() {
  distribution_->clearGraphs();
  const auto& ms = shown_.spaceMs;
  if (!ms.empty()) {
    // Sorted by prediction: the curve is the space's latency distribution (as a quantile plot),
    // the band its 1-sigma spread, the dots the target's measured architectures at their rank.
    std::vector<size_t> order(ms.size());
    std::iota(order.begin(), order.end(), size_t{0});
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return ms[a] < ms[b]; });
    const bool spread = shown_.spaceSpread.size() == ms.size();
    QVector<double> x, y, lo, hi;
    for (size_t r = 0; r < order.size(); ++r) {
      x << 100.0 * static_cast<double>(r) / static_cast<double>(order.size() - 1 ? order.size() - 1 : 1);
      y << ms[order[r]];
      if (spread) {
        lo << ms[order[r]] * std::exp(-shown_.spaceSpread[order[r]]);
        hi << ms[order[r]] * std::exp(shown_.spaceSpread[order[r]]);
      }
    }
    if (spread) {
      auto* low = distribution_->addGraph();
      low->setData(x, lo, true);
      low->setPen(Qt::NoPen);
      low->removeFromLegend();
      auto* high = distribution_->addGraph();
      high->setData(x, hi, true);
      high->setPen(Qt::NoPen);
      high->setBrush(QColor(78, 121, 167, 60));
      high->setChannelFillGraph(low);
      high->setName(tr("uncertainty (1 sigma)"));
    }
    auto* curve = distribution_->addGraph();
    curve->setData(x, y, true);
    curve->setPen(QPen(QColor(78, 121, 167), 1.5));
    curve->setName(tr("predicted, %n architecture(s)", nullptr, static_cast<int>(ms.size())));
    std::vector<size_t> rank(ms.size());
    for (size_t r = 0; r < order.size(); ++r) rank[order[r]] = r;
    QVector<double> mx, my;
    for (const auto& [code, measured] : shown_.measured) {
      mx << x[static_cast<qsizetype>(rank[static_cast<size_t>(code)])];
      my << measured;
    }
    auto* dots = distribution_->addGraph();
    dots->setData(mx, my);
    dots->setLineStyle(QCPGraph::lsNone);
    dots->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(225, 87, 89), 6));
    dots->setName(tr("measured on the target"));
    distribution_->rescaleAxes();
    // The range of the predictions and measurements; a wide band must not squash them flat.
    double low = y.front(), high = y.back();
    for (double m : my) low = std::min(low, m), high = std::max(high, m);
    distribution_->yAxis->setRange(low / 2, high * 2);
  }
  distribution_->replot();
}

} // namespace maple::widgets
