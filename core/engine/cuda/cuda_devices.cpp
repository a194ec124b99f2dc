// CUDA device discovery for host detection and the measurement conditions (in the plugin).
#include "engine/cuda/cuda_check.hpp"
#include "engine/cuda/cuda_plugin.hpp"

namespace maple::engine::cuda {

namespace {
std::string versionText(int v) { return std::to_string(v / 1000) + "." + std::to_string(v % 1000 / 10); }
} // namespace

std::vector<hardware::GpuInfo> devices(std::string* whyNone) {
  int count = 0;
  const cudaError_t e = cudaGetDeviceCount(&count);
  if (e != cudaSuccess || count == 0) {
    if (whyNone)
      *whyNone = e != cudaSuccess ? std::string("no CUDA device: no GPU is usable: ") + cudaGetErrorString(e) + " (error " +
                                        std::to_string(static_cast<int>(e)) + ")"
                                  : "no CUDA device: no GPU is usable: the driver reports none";
    cudaGetLastError(); // clear the sticky error so later calls report their own
    return {};
  }
  int driver = 0, runtime = 0;
  cudaDriverGetVersion(&driver);
  cudaRuntimeGetVersion(&runtime);
  std::vector<hardware::GpuInfo> out;
  for (int i = 0; i < count; ++i) {
    cudaDeviceProp p{};
    check(cudaGetDeviceProperties(&p, i), "cudaGetDeviceProperties");
    hardware::GpuInfo g;
    g.index = i;
    g.name = p.name;
    g.smCount = p.multiProcessorCount;
    g.computeMajor = p.major;
    g.computeMinor = p.minor;
    int khz = 0;
    if (cudaDeviceGetAttribute(&khz, cudaDevAttrClockRate, i) == cudaSuccess) g.clockMhz = khz / 1000.0;
    if (cudaDeviceGetAttribute(&khz, cudaDevAttrMemoryClockRate, i) == cudaSuccess) g.memoryClockMhz = khz / 1000.0;
    g.memoryGb = static_cast<double>(p.totalGlobalMem) / (1024.0 * 1024.0 * 1024.0);
    g.memoryBusBits = p.memoryBusWidth;
    g.l2CacheKb = p.l2CacheSize / 1024.0;
    g.driverVersion = versionText(driver);
    g.runtimeVersion = versionText(runtime);
    out.push_back(g);
  }
  return out;
}

} // namespace maple::engine::cuda
