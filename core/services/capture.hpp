#pragma once
// Capture and store: count the reference workload with an engine chosen by name (cpu, or cuda: the
// CPU thread that drives the GPU), or take a capture recorded elsewhere (perf stat output, a
// remote host), and store it with the descriptors reduced from it in one transaction.
#include "counters/capture.hpp"
#include "counters/session.hpp"
#include "descriptor/from_capture.hpp"
#include "measure/host.hpp"
#include "store/project.hpp"

#include <optional>
#include <string>

namespace maple::services {

struct CaptureRequest {
  std::string engine = "cpu";              // cpu or cuda
  std::string workload = "nb201-reference";
  int threads = 1;                         // 0: every CPU
  counters::CaptureOptions options;        // events, repeats, allowSoftwareFallback, ...
};

struct LiveCapture {
  counters::Capture capture;
  std::string engine;  // the engine's name
  std::string runtime; // engine name and version, for a device created from this host
};

// Counts the workload on this machine; stores nothing (a cancelled capture leaves no trace).
// Usage for an unknown engine or workload, "no CUDA device" for cuda without one; the session's
// errors otherwise (events that cannot be counted, with their fix).
LiveCapture captureOnThisHost(const CaptureRequest& request, const counters::CaptureCallbacks& callbacks = {});

// Where a capture was made, for a device it creates.
struct CaptureOrigin {
  // The machine it ran on: a device that does not exist yet is created from it. Absent: the
  // capture came from elsewhere (perf stat output) and a new device is created without specs.
  std::optional<measure::HostInfo> host;
  std::string engine = "cpu";
  std::string runtime;
  std::string description; // for a device created without specs, e.g. "maple capture --from-perf-stat F"
  std::string launcher;    // a remote device's launcher, kept with the device (store/device_launcher.hpp)
};

struct StoredCapture {
  std::int64_t captureId = 0;
  std::int64_t deviceId = 0;
  bool deviceCreated = false;
  std::string notice; // what happened to the device, for the user (empty when nothing to say)
  descriptor::Reduction reduction;
};

// BadInput, before anything runs, when `device` is imported or empty. Call it before a live
// capture so the user is told before waiting for one.
void checkCaptureTarget(store::Project& project, const std::string& device);

// The device (when new), the capture, its samples and its descriptors: one transaction. Refuses an
// imported device (nothing written). Sets capture.id.
StoredCapture storeCapture(store::Project& project, const std::string& device, counters::Capture& capture,
                           const CaptureOrigin& origin);

// Past captures of a device (newest first) and one capture in full.
struct CaptureListing {
  std::int64_t id = 0;
  std::string workload, startedAt, source;
  bool partial = false, softwareOnly = false;
  int steps = 0;
};
std::vector<CaptureListing> listCaptures(store::Project& project, const std::string& device);
counters::Capture loadCapture(store::Project& project, std::int64_t captureId); // BadInput for an unknown id

} // namespace maple::services
