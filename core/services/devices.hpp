#pragma once
// Device services: detect this host, add a host (this one, or a remote one that core/remote
// detected) as devices of a project, tell imported reference devices from local ones, merge
// another project's devices. Imported devices (HELP's tables) are provenance: no local action
// writes into them.
#include "measure/host.hpp"
#include "searchspace/nb201.hpp"
#include "store/devices.hpp"
#include "store/merge.hpp"
#include "store/project.hpp"

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace maple::services {

struct DetectedHost {
  measure::HostInfo host; // CPU, caches, memory and the CUDA devices
  std::string gpuNote;    // why no CUDA device is listed, when none is
};
// Reads /proc, /sys and the CUDA runtime; writes nothing.
DetectedHost detectThisHost();

// The device names a host becomes: NAME for its CPU and NAME-gpuN for each CUDA device.
std::vector<std::string> hostDeviceNames(const std::string& name, const measure::HostInfo& host);

// Adds the host's devices (hostDeviceNames) in one transaction; runtime may be empty. BadInput,
// with nothing written, when a name is empty or any of them exists already (for an imported one
// the message says it is reference data): adding never mixes two machines under one name.
// Returns the names added.
std::vector<std::string> addHostDevice(store::Project& project, const std::string& name, const measure::HostInfo& host,
                                       const std::string& runtime = {});
// addHostDevice for a host reached through a launcher (services/remote.hpp detects it): each of
// its devices keeps the launcher (devices.launcher), so later runs can name the device alone.
std::vector<std::string> addRemoteDevice(store::Project& project, const std::string& name, const measure::HostInfo& host,
                                         const std::string& launcher, const std::string& runtime = {});

// A device is imported when it came from a data set: its rows came from an import source
// (sources.kind 'import:...') or its provenance says "imported from". Merged projects keep both.
bool isImported(store::Project& project, const std::string& device);

// BadInput when `device` is imported: "<action> would write into imported reference data ...:
// name a new device (e.g. NAME-local)". Does nothing for an unknown or local device.
// `action` is what was asked, e.g. "measuring", "capturing".
void requireWritableDevice(store::Project& project, const std::string& device, const std::string& action);

// Every device with whether it is imported and how many architectures of `space` it has latencies
// for, in name order: the workbench offers the local ones (and this machine) as the target device,
// and those with latencies in the space its pools hold (NAS-Bench-201 today) for training.
struct DeviceChoice {
  std::string name;
  bool imported = false;
  long measuredArchitectures = 0; // distinct architectures of the space with a latency
};
std::vector<DeviceChoice> listDeviceChoices(store::Project& project, std::string_view space = nb201::kSpaceName);

// The other devices on the same chip as `device` (the same hardware at another batch size, e.g.
// 1080ti_1 / 1080ti_32 / 1080ti_256): the same non-empty hardware string, or for devices without
// one, the same name before a _1, _32 or _256 batch suffix. Name order.
std::vector<std::string> sameChipDevices(store::Project& project, const std::string& device);

// store::mergeDevices (one transaction; a device whose name exists here is skipped, never merged
// into), plus for each skipped device why and what to do, for the user.
struct MergeReport : store::MergeResult {
  std::vector<std::string> skippedWhy; // same order as devicesSkipped
};
MergeReport mergeProject(store::Project& into, const std::string& otherPath, const std::vector<std::string>& devices = {},
                         const std::function<bool(int done, int total)>& progress = {});

} // namespace maple::services
