#pragma once
// The device a campaign on this machine stores its results under: measuring and capturing create a
// device NAME that does not exist yet from detection of this host (CPU model, cores, caches, memory,
// CUDA devices); an existing one made at another batch size earns a warning.
#include "measure/host.hpp"
#include "store/devices.hpp"

#include <optional>
#include <string>

namespace maple::campaign {

class HostDevice {
public:
  // Looks the device up and detects this host. engine is the engine's name ("cpu", "cuda",
  // "command:..."): a CUDA engine describes the first GPU.
  // `host`: the machine the run happens on (a remote device's own detection); absent: this one.
  HostDevice(store::Project& project, std::string name, std::string engine, int batch,
             std::optional<measure::HostInfo> host = {});

  const measure::HostInfo& host() const { return host_; }
  const measure::GpuInfo* gpu() const; // the GPU measured on, or null
  bool exists() const { return id_ != 0; }
  // What will happen to the device, for the user: created from this host, or a batch mismatch.
  // Empty when an existing device matches.
  const std::string& notice() const { return notice_; }
  // The device id, creating the device from this host (runtime: engine name and version) on the
  // first call when it does not exist. Call inside the caller's transaction.
  std::int64_t id(const std::string& runtime);

private:
  store::Project& project_;
  std::string name_, engine_;
  int batch_;
  measure::HostInfo host_;
  std::int64_t id_ = 0;
  std::string notice_;
};

} // namespace maple::campaign
