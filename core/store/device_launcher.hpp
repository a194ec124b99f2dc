#pragma once
// How a remote device is reached: the launcher command line (e.g. "ssh pi@board maple agent")
// kept in devices.launcher, so later runs can name the device alone. NULL for local and imported
// devices.
#include "store/project.hpp"

#include <optional>
#include <string>

namespace maple::store {

// The device's launcher; nullopt for a device without one or an unknown device.
std::optional<std::string> deviceLauncher(Project& project, const std::string& device);

// Records the launcher of an existing device (nothing happens for an unknown name). Call inside
// the caller's transaction when it writes more.
void setDeviceLauncher(Project& project, const std::string& device, const std::string& launcher);

} // namespace maple::store
