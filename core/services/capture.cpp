#include "store/descriptors.hpp"
#include "services/capture.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "store/counter_captures.hpp"
#include "counters/workload.hpp"
#include "services/devices.hpp"
#include "services/host_device.hpp"
#include "services/measure.hpp"
#include "store/captures.hpp"
#include "store/device_launcher.hpp"
#include "store/devices.hpp"

namespace maple::services {

LiveCapture captureOnThisHost(const CaptureRequest& r, const counters::CaptureCallbacks& callbacks) {
  if (r.threads < 0) fail(ErrorKind::Usage, "threads must be 0 (all CPUs) or more");
  counters::workloadCells(r.workload); // an unknown name fails before the engine starts
  auto engine = openEngine(r.engine);
  if (!engine) fail(ErrorKind::Usage, "unknown engine " + text::quote(r.engine) + ": a capture runs on cpu or cuda");
  engine::RunConfig config;
  config.threads = r.threads;
  LiveCapture out;
  out.engine = engine->name();
  out.runtime = engine->name() + " " + engine->version();
  out.capture = counters::runCapture(*engine, r.workload, config, r.options, callbacks);
  return out;
}

void checkCaptureTarget(store::Project& project, const std::string& device) {
  if (text::trim(device).empty()) badInput("name the device the capture belongs to");
  requireWritableDevice(project, device, "capturing into");
}

StoredCapture storeCapture(store::Project& project, const std::string& device, counters::Capture& capture,
                           const CaptureOrigin& origin) {
  checkCaptureTarget(project, device);
  StoredCapture out;
  std::optional<HostDevice> host;
  if (origin.host) {
    host.emplace(project, device, origin.engine, 1, origin.host, "capturing into");
    out.notice = host->notice();
  }
  store::Transaction tx(project.db());
  if (host) {
    out.deviceCreated = !host->exists();
    out.deviceId = host->id(origin.runtime);
  } else if (const auto existing = store::findDevice(project, device)) {
    out.deviceId = existing->id;
  } else {
    hardware::Device d;
    d.name = device;
    d.provenance = "created by " + (origin.description.empty() ? std::string("an imported capture") : origin.description) +
                   " at " + text::nowIso8601() + " (the recording machine's specs are unknown)";
    out.deviceId = store::upsertDevice(project, d);
    out.deviceCreated = true;
    out.notice = "device " + text::quote(device) +
                 " is new: created without specs (the capture does not describe the machine it was recorded on)";
  }
  if (!origin.launcher.empty()) store::setDeviceLauncher(project, device, origin.launcher);
  out.captureId = store::saveCapture(project, out.deviceId, capture);
  out.reduction = descriptor::reduceCapture(capture, device);
  store::saveCaptureDescriptors(project, out.deviceId, out.reduction.descriptors, capture.id);
  tx.commit();
  return out;
}

std::vector<CaptureListing> listCaptures(store::Project& project, const std::string& device) {
  const auto dev = store::requireDevice(project, device);
  std::vector<CaptureListing> out;
  for (const auto& row : store::listCaptures(project, dev.id)) {
    const auto c = store::loadCapture(project, row.id);
    out.push_back({row.id, row.workload, row.startedAt, row.source, row.partial, c.softwareOnly,
                   static_cast<int>(c.steps.size())});
  }
  return out;
}

counters::Capture loadCapture(store::Project& project, std::int64_t captureId) {
  return store::loadCapture(project, captureId);
}

} // namespace maple::services
