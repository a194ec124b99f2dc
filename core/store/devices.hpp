#pragma once
// The device inventory: one row per device configuration (hardware::Device).
#include "hardware/device.hpp"
#include "store/project.hpp"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maple::store {

struct DeviceSummary {
  hardware::Device device;
  std::int64_t latencySamples = 0;        // rows in every space: an architecture measured twice counts twice
  std::int64_t measuredArchitectures = 0; // distinct architectures with a latency, in every space
  bool imported = false;                  // see isImported
  std::vector<std::string> descriptorKinds;
  std::vector<SpaceCounts> spaces; // the spaces it has latencies in, by name
  // Distinct architectures of `space` with a latency: what a pool of that space can use.
  std::int64_t measuredIn(std::string_view space) const;
};

std::vector<hardware::Device> listDevices(Project& project);
std::vector<DeviceSummary> listDeviceSummaries(Project& project);
// The names of the devices with a latency of `space`, by name: what listDeviceSummaries' measuredIn
// tells, by one probe a device instead of counting every latency (0.4 s on the demo project).
std::vector<std::string> devicesMeasuredIn(Project& project, std::string_view space);
std::optional<hardware::Device> findDevice(Project& project, const std::string& name);
hardware::Device requireDevice(Project& project, const std::string& name); // BadInput naming the known ones

// A device that came from a data set: its latencies came from an import source (sources.kind
// 'import:...') or its provenance says "imported from". Merging keeps both, so it stays imported.
bool isImported(Project& project, const hardware::Device& device);

// Inserts a new device; if one with this name exists, only its empty fields are filled, so a
// repeated import changes nothing. Returns the id. Call inside the caller's transaction.
// BadInput when the name has a problem (see deviceNameProblem).
std::int64_t upsertDevice(Project& project, const hardware::Device& device);

// Why `name` cannot name a device (empty, over 200 bytes, invalid UTF-8, control characters), or
// "" when it can. Names end up in JSON output and terminals, which need well-formed text.
std::string deviceNameProblem(const std::string& name);

} // namespace maple::store
