#pragma once
// The CUDA engine: any search space's layer graph on cuDNN (convolutions with groups, pooling,
// activation, adds, the channel shuffle) and cuBLAS (the classifier), with the same weights from the
// seed as the CPU engine, timed with CUDA events.
// It lives in a plugin (maple-engine-cuda.so, package maple-engine-cuda) that these functions load
// on first use, so no MAPLE binary links CUDA: without the plugin, or without a usable GPU, they
// report why.
//
// The plugin is looked for in $MAPLE_PLUGIN_DIR when set, else in <prefix>/<libdir>/maple beside
// the running executable's <prefix>/bin.
#include "engine/engine.hpp"
#include "hardware/gpu.hpp"

#include <memory>
#include <string>
#include <vector>

namespace maple::engine {

// The CUDA devices this process can use; empty with `whyNone` set when there is none, starting
// "no CUDA device: " and naming the cause (the engine is not installed, its CUDA libraries do not
// load, or "no GPU is usable: CUDA driver version is insufficient ... (error 35)").
std::vector<hardware::GpuInfo> cudaDevices(std::string* whyNone = nullptr);

// Throws maple::Error (Io: a missing resource) starting "no CUDA device" when there is none.
std::unique_ptr<Engine> makeCudaEngine(int deviceIndex = 0);

// The file the plugin is loaded from (whether or not it exists).
std::string cudaPluginPath();

} // namespace maple::engine
