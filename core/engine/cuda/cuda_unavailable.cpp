// The CUDA engine's entry points in a build without CUDA (MAPLE_WITH_CUDA=OFF or no toolkit).
#include "common/error.hpp"
#include "engine/cuda/cuda_engine.hpp"

namespace maple::engine {

namespace {
constexpr const char* kNotBuilt =
    "no CUDA device: this build has no CUDA support (reconfigure with the CUDA toolkit installed and "
    "-DMAPLE_WITH_CUDA=ON)";
}

bool cudaBuilt() { return false; }

std::vector<measure::GpuInfo> cudaDevices(std::string* whyNone) {
  if (whyNone) *whyNone = kNotBuilt;
  return {};
}

std::unique_ptr<Engine> makeCudaEngine(int) { fail(ErrorKind::Io, kNotBuilt); }

} // namespace maple::engine
