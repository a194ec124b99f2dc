#include "target_bar.hpp"

#include "store/devices.hpp"
#include "job.hpp"
#include "workspace.hpp"

#include "common/text.hpp"
#include "measure/host.hpp"
#include "services/remote.hpp"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace maple::widgets {
namespace {

enum Role { NameRole = Qt::UserRole + 1, ImportedRole };

struct Entry {
  QString name, text;
  bool imported = false;
};

} // namespace

TargetBar::TargetBar(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), combo_(new QComboBox(this)), note_(new QLabel(this)), job_(new Job(this)) {
  combo_->setMinimumContentsLength(28);
  combo_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
  combo_->setToolTip(tr("The device captures and measurements are recorded on and predictions adapt to"));
  auto* layout = new QHBoxLayout(this);
  layout->setContentsMargins(6, 2, 6, 2);
  auto* label = new QLabel(tr("&Target device:"), this);
  label->setBuddy(combo_);
  layout->addWidget(label);
  layout->addWidget(combo_);
  layout->addWidget(note_, 1);
  connect(combo_, &QComboBox::activated, this, &TargetBar::apply);
  connect(workspace_, &Workspace::projectChanged, this, [this] {
    combo_->clear();
    note_->clear();
    reload();
  });
  connect(workspace_, &Workspace::dataChanged, this, &TargetBar::reload);
}

void TargetBar::reload() {
  if (!workspace_->hasProject()) return;
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Listing target devices"), [this, path](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    const auto devices = store::listDeviceSummaries(project);
    const auto hostname = measure::detectHost().hostname;
    const QString host = QString::fromStdString(hostname);
    std::vector<Entry> local, imported;
    // "This machine" is the local device detected on this host (the busiest, when several are),
    // or the host's name before any capture or measurement made it a device.
    QString here;
    long hereMeasured = -1;
    for (const auto& s : devices) {
      const QString name = QString::fromStdString(s.device.name);
      if (s.imported) {
        imported.push_back(Entry{name, tr("%1 (imported, read-only)").arg(name), true});
        continue;
      }
      // A device with a launcher is remote, whatever host its agent runs on (ssh to 127.0.0.1 too).
      if (!services::launcherFor(project, s.device.name, {}).empty()) {
        local.push_back(Entry{name, tr("%1 (remote)").arg(name), false});
        continue;
      }
      const bool onThisHost = s.device.name == hostname || s.device.provenance.find("on host " + text::quote(hostname)) != std::string::npos;
      if (onThisHost && s.measuredArchitectures > hereMeasured) {
        here = name;
        hereMeasured = static_cast<long>(s.measuredArchitectures);
      }
      local.push_back(Entry{name, onThisHost ? tr("%1 (this machine)").arg(name) : name, false});
    }
    if (here.isEmpty()) {
      here = host;
      local.insert(local.begin(), Entry{host, tr("%1 (this machine, not in the project yet)").arg(host), false});
    }
    return [this, local, imported, here] {
      const QString keep = workspace_->hasTarget() ? workspace_->targetDevice() : here;
      combo_->clear();
      for (const auto* list : {&local, &imported}) {
        if (list == &imported && !imported.empty()) combo_->insertSeparator(combo_->count());
        for (const auto& e : *list) {
          combo_->addItem(e.text);
          combo_->setItemData(combo_->count() - 1, e.name, NameRole);
          combo_->setItemData(combo_->count() - 1, e.imported, ImportedRole);
        }
      }
      if (!preferred_.isEmpty() && choose(preferred_)) preferred_.clear();
      else if (!choose(keep)) choose(here);
    };
  });
}

bool TargetBar::choose(const QString& name) {
  const int i = combo_->findData(name, NameRole);
  if (i < 0) return false;
  combo_->setCurrentIndex(i);
  apply(i);
  return true;
}

void TargetBar::apply(int index) {
  if (index < 0) return;
  const bool imported = combo_->itemData(index, ImportedRole).toBool();
  note_->setText(imported ? tr("Imported reference data: predictions can adapt to it; capture and measuring need a local device")
                          : QString());
  workspace_->setTargetDevice(combo_->itemData(index, NameRole).toString(), imported);
}

} // namespace maple::widgets
