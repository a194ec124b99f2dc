#include "services/devices.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "store/device_launcher.hpp"

#include <algorithm>

namespace maple::services {
namespace {

// The name without a batch suffix (_1, _32, _256), for devices whose hardware is unknown.
std::string nameStem(const std::string& name) {
  for (const char* suffix : {"_1", "_32", "_256"}) {
    const std::string s(suffix);
    if (name.size() > s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0)
      return name.substr(0, name.size() - s.size());
  }
  return name;
}

bool sameChip(const hardware::Device& a, const hardware::Device& b) {
  if (!a.hardware.empty() || !b.hardware.empty()) return a.hardware == b.hardware;
  return nameStem(a.name) == nameStem(b.name);
}

} // namespace

DetectedHost detectThisHost() {
  DetectedHost d;
  d.host = measure::detectHost();
  d.host.gpus = engine::cudaDevices(&d.gpuNote);
  return d;
}

std::vector<std::string> hostDeviceNames(const std::string& name, const measure::HostInfo& host) {
  std::vector<std::string> out{name};
  for (const auto& g : host.gpus) out.push_back(name + "-gpu" + std::to_string(g.index));
  return out;
}

std::vector<std::string> addHostDevice(store::Project& project, const std::string& name, const measure::HostInfo& host,
                                       const std::string& runtime) {
  return addRemoteDevice(project, name, host, {}, runtime);
}

std::vector<std::string> addRemoteDevice(store::Project& project, const std::string& name, const measure::HostInfo& host,
                                         const std::string& launcher, const std::string& runtime) {
  if (text::trim(name).empty()) badInput("name the device to add (e.g. the host name " + text::quote(host.hostname) + ")");
  const auto names = hostDeviceNames(name, host);
  for (const auto& n : names) {
    const auto existing = store::findDevice(project, n);
    if (!existing) continue;
    if (store::isImported(project, *existing))
      badInput("device " + text::quote(n) + " is imported reference data (" + existing->provenance +
               "): a detected host is never merged into it; name a new device, e.g. " + text::quote(name + "-local"));
    badInput("device " + text::quote(n) + " already exists in " + project.path() +
             ": adding this host under its name would mix two machines; name a new device");
  }
  auto add = [&](const std::string& device, const hardware::GpuInfo* gpu) {
    auto d = measure::deviceFromHost(device, host, runtime, 1, gpu);
    if (!launcher.empty()) d.provenance += ", reached through launcher " + text::quote(launcher);
    store::upsertDevice(project, d);
    if (!launcher.empty()) store::setDeviceLauncher(project, device, launcher);
  };
  store::Transaction tx(project.db());
  add(name, nullptr);
  for (const auto& g : host.gpus) add(name + "-gpu" + std::to_string(g.index), &g);
  tx.commit();
  return names;
}

bool isImported(store::Project& project, const std::string& device) {
  const auto d = store::findDevice(project, device);
  return d && store::isImported(project, *d);
}

void requireWritableDevice(store::Project& project, const std::string& device, const std::string& action) {
  const auto d = store::findDevice(project, device);
  if (!d || !store::isImported(project, *d)) return;
  badInput(action + " " + text::quote(device) + " would write into imported reference data (" + d->provenance +
           "), which local actions never change: name a new device for this machine, e.g. " +
           text::quote(device + "-local"));
}

std::vector<DeviceChoice> listDeviceChoices(store::Project& project, std::string_view space) {
  std::vector<DeviceChoice> out;
  for (const auto& s : store::listDeviceSummaries(project))
    out.push_back({s.device.name, s.imported, static_cast<long>(s.measuredIn(space))});
  return out;
}

std::vector<std::string> sameChipDevices(store::Project& project, const std::string& device) {
  const auto self = store::requireDevice(project, device);
  std::vector<std::string> out;
  for (const auto& d : store::listDevices(project))
    if (d.id != self.id && sameChip(d, self)) out.push_back(d.name);
  return out;
}

MergeReport mergeProject(store::Project& into, const std::string& otherPath, const std::vector<std::string>& devices,
                         const std::function<bool(int, int)>& progress) {
  MergeReport report;
  static_cast<store::MergeResult&>(report) = store::mergeDevices(into, otherPath, devices, progress);
  for (const auto& name : report.devicesSkipped)
    report.skippedWhy.push_back(
        text::quote(name) + (isImported(into, name) ? " is imported reference data here" : " exists here already") +
        ": nothing was merged into it (two machines never share a device name)");
  return report;
}

} // namespace maple::services
