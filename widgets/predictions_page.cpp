#include "predictions_page.hpp"

#include "adapt_page.hpp"
#include "cross_device_page.hpp"
#include "workspace.hpp"

#include <QStackedWidget>
#include <QTabBar>
#include <QVBoxLayout>

namespace maple::widgets {

PredictionsPage::PredictionsPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), modes_(new QTabBar(this)), stack_(new QStackedWidget(this)),
      adapt_(new AdaptPage(workspace, this)), cross_(new CrossDevicePage(workspace, this)) {
  modes_->addTab(tr("Adapt to the target"));
  modes_->addTab(tr("Cross-device evaluation"));
  modes_->setTabToolTip(Adapt, tr("Adapt a predictor to the target device from its measured architectures and store it"));
  modes_->setTabToolTip(CrossDevice, tr("Predict every chosen device with a model that never saw it; compare evaluations"));
  stack_->addWidget(adapt_);
  stack_->addWidget(cross_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(modes_);
  layout->addWidget(stack_, 1);
  connect(modes_, &QTabBar::currentChanged, stack_, &QStackedWidget::setCurrentIndex);
  auto retitle = [this] {
    const QString target = workspace_->targetDevice();
    modes_->setTabText(Adapt, target.isEmpty() ? tr("Adapt to the target") : tr("Adapt to %1").arg(target));
  };
  connect(workspace_, &Workspace::targetChanged, this, retitle);
  connect(workspace_, &Workspace::projectChanged, this, retitle);
}

void PredictionsPage::setMode(Mode mode) { modes_->setCurrentIndex(mode); }
PredictionsPage::Mode PredictionsPage::mode() const { return static_cast<Mode>(modes_->currentIndex()); }

} // namespace maple::widgets
