#pragma once
// Remote devices for both faces (`maple devices --add-remote`, `--remote` on measure and capture,
// the workbench's "Add remote device..." and its pages): test a launcher (a command line whose
// stdin/stdout reach a `maple agent`, e.g. "ssh pi@board maple agent"), and measure or capture on
// the device a launcher reaches, storing the results here with the device's own detection and
// conditions and the launcher in their provenance. Every fault of the link is one Error with a
// plain message (remote/agent_link.hpp); the device's own errors keep their kind and text.
#include "remote/wire.hpp"
#include "services/capture.hpp"
#include "services/measure.hpp"

#include <functional>
#include <string>

namespace maple::services {

// What a launcher reached, as the device answered; nothing is written.
struct RemoteCheck {
  std::string launcher;
  std::string agentVersion; // "maple 0.1.0"
  measure::HostInfo host;   // the device's detection: CPU, cores, kernel, memory, CUDA devices
  remote::Counting counting; // what it can count (MAPLE's events and the software ones)
};

// Starts the launcher, says hello, detects the host and probes MAPLE's events, then ends the
// launcher. `timeoutS` bounds each reply; `cancelled` (asked every 100 ms) ends the launcher's
// process tree and throws Error(Cancelled).
RemoteCheck checkRemoteDevice(const std::string& launcher, double timeoutS = 60,
                              const std::function<bool()>& cancelled = {});

// The launcher of a run on `device`: `given` when not empty, else the one kept with the device
// (empty: the run happens on this machine).
std::string launcherFor(store::Project& project, const std::string& device, const std::string& given);

// measureAndStore on the device `launcher` reaches (on this machine when it is empty): the engine
// (request.engine: cpu, cuda or command:'...') runs on the device, each sample is stored here as
// it arrives with the device's conditions, and the launcher is kept with the device. Threads 0:
// every CPU of the device. request.engine.cancelled ends the launcher; a reply may take
// request.engine.runnerTimeoutS plus a minute. events.onNotice first hears where the run happens.
MeasureOutcome measureOnDevice(store::Project& project, MeasureRequest request, const std::string& launcher,
                               const MeasureEvents& events = {});

// A live capture and where it was made, ready for storeCapture (nothing is stored here).
struct DeviceCapture {
  counters::Capture capture;
  CaptureOrigin origin;
};

// Counts the workload on the device `launcher` reaches (captureOnThisHost when it is empty), with
// the same callbacks: the device's readings reach onSamples as they stream in (on this thread,
// not a sampling thread), and stopRequested stops the device's capture, keeping the steps
// completed so far (partial). Events left empty are the device's default set. `cancelled` ends
// the launcher's process tree; `timeoutS` bounds each line of reply.
DeviceCapture captureOnDevice(const CaptureRequest& request, const std::string& launcher,
                              const counters::CaptureCallbacks& callbacks = {}, double timeoutS = 300,
                              const std::function<bool()>& cancelled = {});

} // namespace maple::services
