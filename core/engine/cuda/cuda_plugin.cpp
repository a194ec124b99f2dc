// The plugin's one exported symbol: the table the loader reads after dlopen.
#include "common/version.hpp"
#include "engine/cuda/cuda_plugin.hpp"

extern "C" __attribute__((visibility("default"))) const maple::engine::cuda::Plugin* maple_engine_cuda_plugin() {
  static const maple::engine::cuda::Plugin plugin{maple::engine::cuda::kPluginAbi, maple::kVersion,
                                                   &maple::engine::cuda::devices, &maple::engine::cuda::makeEngine};
  return &plugin;
}
