// The CUDA engine: any search space's layer graph planned on the host (cuda_plan.hpp) and run on
// cuDNN + cuBLAS (cuda_network.hpp).
#include "common/setting.hpp"
#include "engine/cuda/cuda_check.hpp"
#include "engine/cuda/cuda_network.hpp"
#include "engine/cuda/cuda_plugin.hpp"
#include "searchspace/space.hpp"

namespace maple::engine {

namespace {

class CudaEngine final : public Engine {
public:
  explicit CudaEngine(int device) : device_(device) {}
  std::string name() const override { return "cuda"; }
  std::string version() const override {
    int runtime = 0, driver = 0;
    cudaRuntimeGetVersion(&runtime);
    cudaDriverGetVersion(&driver);
    const auto v = [](int x) { return std::to_string(x / 1000) + "." + std::to_string(x % 1000 / 10); };
    const size_t dnn = cudnnGetVersion();
    return "cuDNN " + std::to_string(dnn / 10000) + "." + std::to_string(dnn % 10000 / 100) + "." +
           std::to_string(dnn % 100) + ", cuBLAS " + std::to_string(CUBLAS_VER_MAJOR) + "." +
           std::to_string(CUBLAS_VER_MINOR) + ", CUDA runtime " + v(runtime) + ", driver " + v(driver);
  }
  // Every space, NAS-Bench-201 included, runs as its layer graph.
  std::unique_ptr<PreparedNetwork> prepare(const searchspace::Architecture& arch, const RunConfig& config) override {
    if (arch.space == nullptr) fail(ErrorKind::Usage, "an architecture without a search space cannot be prepared");
    return cuda::prepareNetwork(device_, cuda::planGraph(arch.space->network(arch.genotype), config));
  }

private:
  int device_;
};

} // namespace

std::unique_ptr<Engine> cuda::makeEngine(int deviceIndex) {
  std::string why;
  const auto gpus = cuda::devices(&why);
  if (gpus.empty()) fail(ErrorKind::Io, why + " (measure on this machine with " + setting("engine", "cpu") + ")");
  if (deviceIndex < 0 || deviceIndex >= static_cast<int>(gpus.size()))
    fail(ErrorKind::Usage, "CUDA device " + std::to_string(deviceIndex) + " does not exist (this machine has " +
                               std::to_string(gpus.size()) + ")");
  return std::make_unique<CudaEngine>(deviceIndex);
}

} // namespace maple::engine
