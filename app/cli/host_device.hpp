#pragma once
// The device a command on this machine stores its results under: `maple measure` and `maple
// capture` create a device NAME that does not exist yet from detection of this host (CPU model,
// cores, caches, memory, CUDA devices), and warn when an existing one was made at another batch.
#include "measure/host.hpp"
#include "store/devices.hpp"

#include <optional>
#include <string>

namespace maple::cli {

class HostDevice {
public:
  // Looks the device up and detects this host; prints to stderr what will happen. engine is the
  // engine's name ("cpu", "cuda", "command:..."): a CUDA engine describes the first GPU.
  HostDevice(store::Project& project, std::string name, std::string engine, int batch);

  const measure::HostInfo& host() const { return host_; }
  const measure::GpuInfo* gpu() const; // the GPU measured on, or null
  bool exists() const { return id_ != 0; }
  // The device id, creating the device from this host (runtime: engine name and version) on the
  // first call when it does not exist. Call inside the caller's transaction.
  std::int64_t id(const std::string& runtime);

private:
  store::Project& project_;
  std::string name_, engine_;
  int batch_;
  measure::HostInfo host_;
  std::int64_t id_ = 0;
};

} // namespace maple::cli
