#include "space_picker.hpp"

#include "job.hpp"
#include "workspace.hpp"

#include "searchspace/space.hpp"
#include "services/architectures.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace maple::widgets {

SpacePicker::SpacePicker(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), combo_(new QComboBox(this)), job_(new Job(this)) {
  auto* label = new QLabel(tr("Search space:"), this);
  label->setBuddy(combo_);
  combo_->setToolTip(tr("The search space whose architectures the pages list, measure, predict and adapt on"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(12, 0, 0, 0);
  layout->addWidget(label);
  layout->addWidget(combo_);
  setVisible(false);
  connect(combo_, &QComboBox::currentIndexChanged, this,
          [this](int i) { workspace_->setSpace(combo_->itemData(i).toString()); });
  connect(workspace_, &Workspace::spacesChanged, this, &SpacePicker::fill);
  connect(workspace_, &Workspace::spaceChanged, this, [this](const QString& name) {
    const QSignalBlocker quiet(combo_);
    combo_->setCurrentIndex(combo_->findData(name));
  });
  connect(workspace_, &Workspace::dataChanged, this, &SpacePicker::relist);
}

void SpacePicker::fill(const QStringList& spaces) {
  const QSignalBlocker quiet(combo_);
  combo_->clear();
  for (const auto& name : spaces) {
    combo_->addItem(name, name);
    if (const auto* space = searchspace::findSpace(name.toStdString())) {
      const auto about = space->description();
      combo_->setItemData(combo_->count() - 1, QString::fromUtf8(about.data(), static_cast<qsizetype>(about.size())), Qt::ToolTipRole);
    }
  }
  combo_->setCurrentIndex(combo_->findData(workspace_->space()));
  setVisible(spaces.size() > 1);
}

void SpacePicker::relist() {
  if (!workspace_->hasProject()) return;
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Listing search spaces"), [this, path](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    QStringList spaces;
    for (const auto& s : services::projectSpaces(project)) spaces << QString::fromStdString(s);
    return [this, spaces] { workspace_->setSpaces(spaces); };
  });
}

} // namespace maple::widgets
