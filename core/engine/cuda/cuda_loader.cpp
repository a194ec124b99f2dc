// Loads the CUDA engine plugin on first use (dlopen), so the binaries themselves never need CUDA.
#include "common/error.hpp"
#include "common/setting.hpp"
#include "common/version.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "engine/cuda/cuda_plugin.hpp"

#include <dlfcn.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <mutex>

namespace maple::engine {

namespace {

namespace fs = std::filesystem;

struct Loaded {
  const cuda::Plugin* plugin = nullptr;
  std::string why; // set when plugin is null
};

fs::path executableDir() {
  std::error_code ec;
  const auto exe = fs::read_symlink("/proc/self/exe", ec);
  return ec ? fs::path() : exe.parent_path();
}

Loaded load() {
  const std::string path = cudaPluginPath();
  std::error_code ec;
  if (!fs::exists(path, ec))
    return {nullptr, "no CUDA device: the CUDA engine is not installed (no " + path +
                         "; install the maple-engine-cuda package, or point MAPLE_PLUGIN_DIR at the folder holding " +
                         cuda::kPluginFile + ")"};
  // RTLD_LOCAL: the plugin's copy of the core stays its own.
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!handle)
    return {nullptr, std::string("no CUDA device: the CUDA engine is installed but does not load (") + dlerror() +
                         "): the CUDA 13 runtime, cuBLAS and cuDNN 9 libraries must be on the library path"};
  using Entry = const cuda::Plugin* (*)();
  const auto entry = reinterpret_cast<Entry>(dlsym(handle, cuda::kPluginEntry));
  const cuda::Plugin* plugin = entry ? entry() : nullptr;
  if (!plugin || plugin->abi != cuda::kPluginAbi || std::string(plugin->version) != kVersion)
    return {nullptr, "no CUDA device: " + path + " is not the CUDA engine of MAPLE " + kVersion +
                         " (reinstall maple-engine-cuda of the same version as maple)"};
  return {plugin, {}};
}

const Loaded& loaded() {
  static const Loaded once = load(); // never unloaded: engines made by it may outlive any caller
  return once;
}

} // namespace

std::string cudaPluginPath() {
  if (const char* dir = std::getenv("MAPLE_PLUGIN_DIR"); dir && *dir) return (fs::path(dir) / cuda::kPluginFile).string();
  return (executableDir() / ".." / MAPLE_PLUGIN_SUBDIR / cuda::kPluginFile).lexically_normal().string();
}

std::vector<hardware::GpuInfo> cudaDevices(std::string* whyNone) {
  const auto& l = loaded();
  if (l.plugin) return l.plugin->devices(whyNone);
  if (whyNone) *whyNone = l.why;
  return {};
}

std::unique_ptr<Engine> makeCudaEngine(int deviceIndex) {
  const auto& l = loaded();
  if (!l.plugin) fail(ErrorKind::Io, l.why + " (measure on this machine with " + setting("engine", "cpu") + ")");
  return l.plugin->makeEngine(deviceIndex);
}

} // namespace maple::engine
