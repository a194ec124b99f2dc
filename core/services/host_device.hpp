#pragma once
// The device a measuring or capturing run stores its results under: a device NAME that does not
// exist yet is created from the host the run happens on (this machine, or a remote host described
// by its own detection); an existing one made at another batch size earns a warning; an imported
// one is refused before anything runs.
#include "measure/host.hpp"
#include "store/devices.hpp"

#include <optional>
#include <string>

namespace maple::services {

class HostDevice {
public:
  // Looks the device up and refuses an imported one (BadInput, see requireWritableDevice). `host`
  // describes the machine the run happens on; absent: detect this one. engine is the engine's
  // name ("cpu", "cuda", "command:..."): a CUDA engine describes the first GPU.
  HostDevice(store::Project& project, std::string name, std::string engine, int batch,
             std::optional<measure::HostInfo> host = {}, const std::string& action = "measuring");

  const measure::HostInfo& host() const { return host_; }
  const hardware::GpuInfo* gpu() const; // the GPU measured on, or null
  bool exists() const { return id_ != 0; }
  // What will happen to the device, for the user: created from this host, or a batch mismatch.
  // Empty when an existing device matches.
  const std::string& notice() const { return notice_; }
  // The device id, creating the device from the host (runtime: engine name and version) on the
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

} // namespace maple::services
