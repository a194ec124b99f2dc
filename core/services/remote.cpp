#include "services/remote.hpp"

#include "common/text.hpp"
#include "counters/encoding.hpp"
#include "remote/remote_measurer.hpp"
#include "services/devices.hpp"
#include "store/device_launcher.hpp"

namespace maple::services {
RemoteCheck checkRemoteDevice(const std::string& launcher, double timeoutS, const std::function<bool()>& cancelled) {
  remote::AgentLink link(launcher, timeoutS, cancelled);
  RemoteCheck out;
  out.launcher = launcher;
  out.agentVersion = link.agentVersion();
  out.host = link.detect();
  out.counting = link.probe(counters::mapleEvents());
  return out;
}

std::string launcherFor(store::Project& project, const std::string& device, const std::string& given) {
  return given.empty() ? store::deviceLauncher(project, device).value_or("") : given;
}

MeasureOutcome measureOnDevice(store::Project& project, MeasureRequest request, const std::string& launcher,
                               const MeasureEvents& events) {
  if (launcher.empty()) return measureAndStore(project, request, events);
  requireWritableDevice(project, request.device, "measuring into"); // before connecting
  auto& e = request.engine;
  remote::AgentLink link(launcher, e.runnerTimeoutS + 60, e.cancelled); // a block may take a runner's timeout
  request.host = link.detect();
  if (e.threads <= 0) e.threads = request.host->logicalCpus;
  if (events.onNotice) events.onNotice("measuring on " + request.host->hostname + " via " + text::quote(launcher));
  request.measurer = std::make_shared<remote::RemoteMeasurer>(
      link, remote::MeasureAsk{e.engine, e.batch, e.threads, e.seed, e.runnerTimeoutS});
  request.via = "launcher " + text::quote(launcher);
  request.launcher = launcher;
  return measureAndStore(project, request, events);
}

DeviceCapture captureOnDevice(const CaptureRequest& request, const std::string& launcher,
                              const counters::CaptureCallbacks& callbacks, double timeoutS,
                              const std::function<bool()>& cancelled) {
  DeviceCapture out;
  out.origin.engine = request.engine;
  if (launcher.empty()) {
    auto live = captureOnThisHost(request, callbacks);
    out.capture = std::move(live.capture);
    out.origin.host = detectThisHost().host;
    out.origin.engine = live.engine;
    out.origin.runtime = live.runtime;
    return out;
  }
  remote::AgentLink link(launcher, timeoutS, cancelled);
  out.origin.host = link.detect();
  remote::CaptureAsk ask;
  ask.engine = request.engine;
  ask.workload = request.workload;
  ask.events = request.options.events;
  ask.repeats = request.options.repeats;
  ask.threads = request.threads;
  ask.allowSoftware = request.options.allowSoftwareFallback;
  auto c = link.capture(ask, callbacks);
  out.capture = std::move(c.capture);
  out.capture.source += " on " + out.origin.host->hostname + " via launcher " + text::quote(launcher);
  out.origin.runtime = c.runtime;
  out.origin.launcher = launcher;
  return out;
}

} // namespace maple::services
