#include "devices_page.hpp"

#include "device_model.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "remote_device_dialog.hpp"
#include "table_view.hpp"
#include "workspace.hpp"

#include "services/devices.hpp"

#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <algorithm>

namespace maple::widgets {

QString hostRowsHtml(const measure::HostInfo& h, const QString& gpuNote) {
  QString html;
  auto row = [&](const QString& k, const QString& v) {
    if (!v.isEmpty()) html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v.toHtmlEscaped());
  };
  auto optd = [](const std::optional<double>& v, const char* unit) {
    return v ? QString::number(*v) + QString::fromLatin1(unit) : QString();
  };
  row(DevicesPage::tr("CPU"), QString::fromStdString(h.cpuModel));
  row(DevicesPage::tr("Vendor"), QString::fromStdString(h.vendor));
  row(DevicesPage::tr("Microarchitecture"), QString::fromStdString(h.microarchitecture));
  row(DevicesPage::tr("Logical CPUs"), QString::number(h.logicalCpus));
  row(DevicesPage::tr("Physical cores"), h.physicalCores ? QString::number(*h.physicalCores) : QString());
  row(DevicesPage::tr("L1d / L2 / L3"), optd(h.l1dKb, " KiB") + QStringLiteral(" / ") + optd(h.l2Kb, " KiB") +
                                            QStringLiteral(" / ") + optd(h.l3Kb, " KiB"));
  row(DevicesPage::tr("Memory"), optd(h.memoryGb, " GB"));
  row(DevicesPage::tr("Max clock"), optd(h.maxMhz, " MHz"));
  row(DevicesPage::tr("Kernel"), QString::fromStdString(h.kernel));
  for (const auto& g : h.gpus)
    row(DevicesPage::tr("GPU %1").arg(g.index), QStringLiteral("%1, %2 SMs, %3 GB").arg(QString::fromStdString(g.name)).arg(g.smCount).arg(g.memoryGb));
  if (h.gpus.empty()) row(DevicesPage::tr("GPUs"), gpuNote);
  return html;
}

namespace {

QString hostHtml(const measure::HostInfo& h, const QString& gpuNote) {
  return DevicesPage::tr("<h3>This machine: %1</h3><table>").arg(QString::fromStdString(h.hostname).toHtmlEscaped()) +
         hostRowsHtml(h, gpuNote) + QStringLiteral("</table><p>") +
         DevicesPage::tr("Press <i>Add to project</i> to store it as a device.") + QStringLiteral("</p>");
}

} // namespace

DevicesPage::DevicesPage(Workspace* workspace, QWidget* parent)
    : QWidget(parent), workspace_(workspace), model_(new DeviceModel(this)), job_(new Job(this)) {
  auto* refresh = new QPushButton(tr("Refresh"), this);
  refresh->setToolTip(tr("Read the devices of the project again"));
  detect_ = new QPushButton(tr("Detect this machine"), this);
  detect_->setToolTip(tr("Read this machine's CPU, caches, memory and CUDA devices; nothing is written"));
  add_ = new QPushButton(tr("Add to project..."), this);
  add_->setToolTip(tr("Store the detected machine as a new device (a name already in the project is refused)"));
  add_->setEnabled(false);
  remote_ = new QPushButton(tr("Add remote device..."), this);
  remote_->setToolTip(tr("Reach a board, phone or cluster node through a launcher (ssh, srun, adb shell) that runs "
                         "maple agent there; test the connection, then add the device"));
  merge_ = new QPushButton(tr("Merge devices from project..."), this);
  merge_->setToolTip(tr("Copy devices, their latencies, captures and descriptors from another project file; "
                        "names already here are skipped"));
  auto* buttons = new QHBoxLayout;
  for (auto* b : {refresh, detect_, add_, remote_, merge_}) buttons->addWidget(b);
  buttons->addStretch();

  auto* proxy = new QSortFilterProxyModel(this);
  proxy->setSourceModel(model_);
  proxy->setSortRole(DeviceModel::SortRole);
  table_ = makeTableView(proxy, this);
  table_->setSortingEnabled(true);
  table_->sortByColumn(DeviceModel::Name, Qt::AscendingOrder);
  table_->setSelectionMode(QAbstractItemView::SingleSelection);
  details_ = new QTextBrowser(this);
  auto* split = new QSplitter(Qt::Vertical, this);
  split->addWidget(table_);
  split->addWidget(details_);
  split->setStretchFactor(0, 3);
  split->setStretchFactor(1, 1);

  bar_ = new JobBar(job_, this);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(buttons);
  layout->addWidget(split, 1);
  layout->addWidget(bar_);

  connect(refresh, &QPushButton::clicked, this, &DevicesPage::refresh);
  connect(detect_, &QPushButton::clicked, this, &DevicesPage::detectHost);
  connect(add_, &QPushButton::clicked, this, [this] {
    bool ok = false;
    const QString name = QInputDialog::getText(this, tr("Add this machine"), tr("Device name:"), QLineEdit::Normal,
                                               QString::fromStdString(detected_.hostname), &ok);
    if (ok && !name.trimmed().isEmpty()) addDetectedHost(name.trimmed());
  });
  connect(remote_, &QPushButton::clicked, this, &DevicesPage::openRemoteDialog);
  connect(merge_, &QPushButton::clicked, this, [this] {
    const QString path = QFileDialog::getOpenFileName(this, tr("Merge devices from project"), QString(),
                                                      tr("MAPLE projects (*.maple);;All files (*)"));
    if (!path.isEmpty()) mergeFrom(path);
  });
  connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &DevicesPage::showDetails);
  connect(workspace_, &Workspace::projectChanged, this, [this] {
    // Nothing of the last project stays: its rows, its details, its outcome line.
    model_->setDevices({});
    details_->clear();
    bar_->clear();
    pendingNote_.clear();
    add_->setEnabled(false);
    this->refresh();
  });
  connect(workspace_, &Workspace::dataChanged, this, &DevicesPage::refresh);
  connect(job_, &Job::runningChanged, this, [this](bool running) {
    for (auto* b : {detect_, merge_}) b->setEnabled(!running);
  });
}

void DevicesPage::refresh() {
  if (!workspace_->hasProject()) return;
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Loading devices"), [this, path](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto devices = store::listDeviceSummaries(project);
    return [this, devices = std::move(devices)]() mutable {
      model_->setDevices(std::move(devices));
      table_->resizeColumnsToContents();
      // Long spec-sheet names and runtime strings would push every other column off screen; the
      // tooltips have them whole.
      table_->setColumnWidth(DeviceModel::Hardware, std::min(table_->columnWidth(DeviceModel::Hardware), 300));
      table_->setColumnWidth(DeviceModel::Runtime, std::min(table_->columnWidth(DeviceModel::Runtime), 220));
      bar_->showMessage(pendingNote_.isEmpty() ? tr("%n device(s)", nullptr, model_->rowCount()) : pendingNote_);
      pendingNote_.clear();
      if (model_->rowCount() > 0 && !table_->currentIndex().isValid()) table_->selectRow(0);
    };
  });
}

void DevicesPage::showDetails() {
  const auto index = table_->currentIndex();
  if (!index.isValid()) return;
  const auto* proxy = static_cast<QSortFilterProxyModel*>(table_->model());
  details_->setHtml(deviceDetailsHtml(model_->summary(proxy->mapToSource(index).row())));
}

void DevicesPage::detectHost() {
  job_->start(tr("Detecting this machine"), [this](JobControl&) -> Job::Continuation {
    auto detected = services::detectThisHost();
    return [this, host = detected.host, note = QString::fromStdString(detected.gpuNote)] {
      detected_ = host;
      detectedGpuNote_ = note;
      details_->setHtml(hostHtml(host, note));
      add_->setEnabled(workspace_->hasProject());
      bar_->showMessage(tr("Detected %1").arg(QString::fromStdString(host.cpuModel)));
    };
  });
}

void DevicesPage::addDetectedHost(const QString& name) {
  if (!workspace_->hasProject()) return;
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Adding %1").arg(name), [this, path, host = detected_, name = name.toStdString()](JobControl&) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    // Refused, with nothing written, when a name is taken: adding never mixes two machines.
    const auto added = services::addHostDevice(project, name, host);
    QStringList names;
    for (const auto& n : added) names << QString::fromStdString(n);
    return [this, names] {
      pendingNote_ = tr("Added %1").arg(names.join(QStringLiteral(", ")));
      workspace_->notifyDataChanged();
    };
  });
}

RemoteDeviceDialog* DevicesPage::openRemoteDialog() {
  if (!remoteDialog_ || !remoteDialog_->isVisible()) {
    delete remoteDialog_; // a closed one: a fresh dialog for the next device
    remoteDialog_ = new RemoteDeviceDialog(workspace_, this);
    connect(remoteDialog_, &RemoteDeviceDialog::deviceAdded, this, [this](const QStringList& names) {
      pendingNote_ = tr("Added %1 (remote)").arg(names.join(QStringLiteral(", ")));
      emit remoteDeviceAdded(names.value(0));
    });
  }
  remoteDialog_->open();
  return remoteDialog_;
}

void DevicesPage::mergeFrom(const QString& otherPath) {
  if (!workspace_->hasProject()) return;
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Merging %1").arg(otherPath), [this, path, other = otherPath.toStdString()](JobControl& control) -> Job::Continuation {
    auto project = openWorkspaceProject(path);
    auto result = services::mergeProject(project, other, {}, [&](int done, int total) {
      return control.report(total ? double(done) / total : 1.0, "device " + std::to_string(done) + " of " + std::to_string(total));
    });
    return [this, result] {
      QString text = tr("Merged %n device(s)", nullptr, static_cast<int>(result.devicesAdded.size())) +
                     tr(" with %1 latency samples, %2 captures, %3 descriptors").arg(result.latencySamples).arg(result.captures).arg(result.descriptors);
      if (!result.devicesSkipped.empty()) {
        QStringList names;
        for (const auto& n : result.devicesSkipped) names << QString::fromStdString(n);
        text += tr("; skipped (already here): %1").arg(names.join(QStringLiteral(", ")));
      }
      pendingNote_ = text; // shown once the refresh this triggers is done
      workspace_->notifyDataChanged();
    };
  });
}

} // namespace maple::widgets
