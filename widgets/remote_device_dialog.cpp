#include "remote_device_dialog.hpp"

#include "devices_page.hpp"
#include "job.hpp"
#include "job_bar.hpp"
#include "workspace.hpp"

#include "services/devices.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace maple::widgets {
namespace {

QString countingRowsHtml(const remote::Counting& c) {
  const auto& cap = c.capability;
  int countable = 0;
  for (const auto& e : cap.events) countable += e.available;
  auto row = [](const QString& k, const QString& v) {
    return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(k, v.toHtmlEscaped());
  };
  return row(RemoteDeviceDialog::tr("Hardware PMU"),
             (cap.hardwarePmu ? RemoteDeviceDialog::tr("yes") : RemoteDeviceDialog::tr("no")) + QStringLiteral(" (") +
                 QString::fromStdString(cap.hardwarePmuNote) + QStringLiteral(")")) +
         row(RemoteDeviceDialog::tr("perf_event_paranoid"),
             cap.paranoidReadable ? QString::number(cap.paranoid) : RemoteDeviceDialog::tr("unreadable")) +
         row(RemoteDeviceDialog::tr("Countable events"),
             RemoteDeviceDialog::tr("%1 of %2").arg(countable).arg(cap.events.size()));
}

} // namespace

RemoteDeviceDialog::RemoteDeviceDialog(Workspace* workspace, QWidget* parent)
    : QDialog(parent), workspace_(workspace), job_(new Job(this)) {
  setWindowTitle(tr("Add remote device"));
  launcher_ = new QLineEdit(this);
  launcher_->setPlaceholderText(QStringLiteral("ssh -o BatchMode=yes pi@board maple agent"));
  launcher_->setToolTip(tr("A command line whose stdin and stdout reach maple agent on the device: ssh, srun or adb "
                           "shell. It runs without a shell: nothing in it is expanded."));
  name_ = new QLineEdit(this);
  name_->setPlaceholderText(tr("the device's host name once tested"));
  test_ = new QPushButton(tr("Test connection"), this);
  test_->setToolTip(tr("Start the launcher, check the agent's protocol, detect the device and probe what it can "
                       "count; nothing is written"));
  details_ = new QTextBrowser(this);
  details_->setMinimumSize(460, 220);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
  add_ = buttons->addButton(tr("Add device"), QDialogButtonBox::AcceptRole);
  add_->setToolTip(tr("Store the tested device in the project with its launcher (a name already in the project is refused)"));
  bar_ = new JobBar(job_, this);

  auto* form = new QFormLayout;
  form->addRow(tr("&Launcher:"), launcher_);
  form->addRow(QString(), test_);
  form->addRow(tr("Device &name:"), name_);
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(new QLabel(tr("The device runs <tt>maple agent</tt> (the Qt-free CLI); MAPLE reaches it through a "
                                  "tool you already use. See the remote devices guide (remote.md)."),
                               this));
  layout->addLayout(form);
  layout->addWidget(details_, 1);
  layout->addWidget(bar_);
  layout->addWidget(buttons);

  connect(test_, &QPushButton::clicked, this, &RemoteDeviceDialog::testConnection);
  connect(buttons, &QDialogButtonBox::accepted, this, &RemoteDeviceDialog::addDevice);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  connect(launcher_, &QLineEdit::textChanged, this, &RemoteDeviceDialog::updateButtons);
  connect(name_, &QLineEdit::textChanged, this, &RemoteDeviceDialog::updateButtons);
  connect(job_, &Job::runningChanged, this, &RemoteDeviceDialog::updateButtons);
  updateButtons();
}

void RemoteDeviceDialog::setLauncher(const QString& launcher) { launcher_->setText(launcher); }
void RemoteDeviceDialog::setDeviceName(const QString& name) { name_->setText(name); }
QString RemoteDeviceDialog::deviceName() const { return name_->text().trimmed(); }
QString RemoteDeviceDialog::detectedText() const { return check_ ? details_->toPlainText() : QString(); }

bool RemoteDeviceDialog::canAdd() const {
  return check_ && check_->launcher == launcher_->text().trimmed().toStdString();
}

void RemoteDeviceDialog::done(int result) {
  if (result == QDialog::Rejected) job_->cancel(); // accepted: the add has just finished
  QDialog::done(result);
}

void RemoteDeviceDialog::updateButtons() {
  const bool idle = !job_->isRunning();
  test_->setEnabled(idle && !launcher_->text().trimmed().isEmpty());
  add_->setEnabled(idle && canAdd() && !deviceName().isEmpty() && workspace_->hasProject());
}

void RemoteDeviceDialog::testConnection() {
  const auto launcher = launcher_->text().trimmed().toStdString();
  if (launcher.empty()) {
    bar_->showMessage(tr("Give the launcher command first, e.g. ssh pi@board maple agent."), true);
    return;
  }
  check_.reset();
  details_->clear();
  // Cancel (the bar's button, or closing the dialog) ends the launcher's whole process tree.
  job_->start(tr("Testing connection"), [this, launcher](JobControl& control) -> Job::Continuation {
    control.report(0, "connecting");
    auto check = services::checkRemoteDevice(launcher, 60, [&control] { return control.cancelled(); });
    return [this, check] { showCheck(check); };
  });
}

void RemoteDeviceDialog::showCheck(const services::RemoteCheck& check) {
  check_ = check;
  const auto& h = check.host;
  details_->setHtml(tr("<h3>%1, reached through the launcher</h3><table>").arg(QString::fromStdString(h.hostname).toHtmlEscaped()) +
                    hostRowsHtml(h, QString()) + countingRowsHtml(check.counting) +
                    QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr></table>")
                        .arg(tr("Agent"), QString::fromStdString(check.agentVersion).toHtmlEscaped()));
  if (deviceName().isEmpty()) name_->setText(QString::fromStdString(h.hostname));
  bar_->showMessage(tr("Connected to %1 (%2)").arg(QString::fromStdString(h.hostname), QString::fromStdString(h.cpuModel)));
  updateButtons();
}

void RemoteDeviceDialog::addDevice() {
  if (!workspace_->hasProject()) {
    bar_->showMessage(tr("Open or create a project first (File > Open)."), true);
    return;
  }
  if (!canAdd()) {
    bar_->showMessage(tr("Test the connection of this launcher first."), true);
    return;
  }
  const auto path = workspace_->projectPath().toStdString();
  job_->start(tr("Adding %1").arg(deviceName()),
              [this, path, name = deviceName().toStdString(), check = *check_](JobControl&) -> Job::Continuation {
                auto project = openWorkspaceProject(path);
                // Refused, with nothing written, when a name is taken or imported.
                const auto added = services::addRemoteDevice(project, name, check.host, check.launcher);
                QStringList names;
                for (const auto& n : added) names << QString::fromStdString(n);
                return [this, names] {
                  emit deviceAdded(names);
                  workspace_->notifyDataChanged();
                  accept();
                };
              });
}

} // namespace maple::widgets
