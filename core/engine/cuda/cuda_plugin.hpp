#pragma once
// The interface between the CUDA engine plugin (maple-engine-cuda.so, the only part of MAPLE that
// links CUDA) and the loader every binary carries (cuda_loader.cpp). Both sides come from the same
// build, so C++ types may cross; abi and version catch a plugin from another release.
#include "engine/engine.hpp"
#include "hardware/gpu.hpp"

#include <memory>
#include <string>
#include <vector>

namespace maple::engine::cuda {

inline constexpr int kPluginAbi = 2; // 2: Engine::prepare takes a searchspace::Architecture
inline constexpr const char* kPluginFile = "maple-engine-cuda.so";
inline constexpr const char* kPluginEntry = "maple_engine_cuda_plugin";

struct Plugin {
  int abi;
  const char* version; // the MAPLE version the plugin was built as
  std::vector<hardware::GpuInfo> (*devices)(std::string* whyNone);
  std::unique_ptr<Engine> (*makeEngine)(int deviceIndex);
};

// Implemented in the plugin only.
std::vector<hardware::GpuInfo> devices(std::string* whyNone);
std::unique_ptr<Engine> makeEngine(int deviceIndex);

} // namespace maple::engine::cuda

extern "C" const maple::engine::cuda::Plugin* maple_engine_cuda_plugin();
