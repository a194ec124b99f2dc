#include "services/host_device.hpp"

#include "common/text.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "services/devices.hpp"

namespace maple::services {

HostDevice::HostDevice(store::Project& project, std::string name, std::string engine, int batch,
                       std::optional<measure::HostInfo> host, const std::string& action)
    : project_(project), name_(std::move(name)), engine_(std::move(engine)), batch_(batch) {
  requireWritableDevice(project_, name_, action);
  if (host) {
    host_ = std::move(*host);
  } else {
    host_ = measure::detectHost();
    if (engine_ == "cuda") host_.gpus = engine::cudaDevices(); // loads the CUDA plugin only when asked to
  }
  const auto existing = store::findDevice(project_, name_);
  if (existing) {
    id_ = existing->id;
    if (existing->batchSize && *existing->batchSize != batch_)
      notice_ = "warning: device " + text::quote(name_) + " holds batch-" + std::to_string(*existing->batchSize) +
                " results; this run uses batch " + std::to_string(batch_) +
                " (a batch size is its own device configuration: consider a device of its own, e.g. " + name_ + "_" +
                std::to_string(batch_) + ")";
    return;
  }
  notice_ = "device " + text::quote(name_) + " is new: it will be created from " +
            (host ? "host " + text::quote(host_.hostname) : std::string("this machine")) + " (" +
            (gpu() ? gpu()->name : host_.cpuModel) + ")";
}

const hardware::GpuInfo* HostDevice::gpu() const {
  return engine_ == "cuda" && !host_.gpus.empty() ? &host_.gpus[0] : nullptr;
}

std::int64_t HostDevice::id(const std::string& runtime) {
  if (id_ == 0) id_ = store::upsertDevice(project_, measure::deviceFromHost(name_, host_, runtime, batch_, gpu()));
  return id_;
}

} // namespace maple::services
