#pragma once
// The CUDA engine: NAS-Bench-201 networks on cuDNN (convolution, pooling, activation) and cuBLAS
// (the classifier), with the same weights from the seed as the CPU engine, timed with CUDA events.
// Built when the CUDA toolkit is found (CMake option MAPLE_WITH_CUDA); otherwise every entry point
// reports that this build has no CUDA support.
#include "engine/engine.hpp"
#include "measure/host.hpp"

#include <memory>
#include <string>
#include <vector>

namespace maple::engine {

// True when this build has the CUDA engine compiled in.
bool cudaBuilt();

// The CUDA devices this process can use; empty with `whyNone` set (e.g. "no CUDA device: CUDA
// driver version is insufficient for CUDA runtime version (error 35)") when there is none.
std::vector<measure::GpuInfo> cudaDevices(std::string* whyNone = nullptr);

// Throws maple::Error (Usage) starting "no CUDA device" when there is none, or naming the build
// option when CUDA was not built in.
std::unique_ptr<Engine> makeCudaEngine(int deviceIndex = 0);

} // namespace maple::engine
