#pragma once
// Runs a Plan (cuda_plan.hpp) on one GPU: every step's cuDNN / cuBLAS calls queued on one stream
// between two CUDA events, so lastRunDeviceMs() is the device time of one forward pass.
#include "engine/cuda/cuda_plan.hpp"

#include <memory>

namespace maple::engine::cuda {

// Uploads the weights and input and chooses the convolution algorithms (pickAlgorithm, else
// implicit GEMM). Throws maple::Error (Io) naming the failing call (and layer) and the cuDNN
// status name or CUDA error.
std::unique_ptr<PreparedNetwork> prepareNetwork(int device, const Plan& plan);

} // namespace maple::engine::cuda
