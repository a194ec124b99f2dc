#pragma once
// Turns CUDA, cuDNN and cuBLAS status codes into maple::Error naming the call that failed.
#include "common/error.hpp"

#include <cublas_v2.h>
#include <cuda_runtime.h>
#include <cudnn.h>

#include <string>

namespace maple::engine::cuda {

inline void check(cudaError_t e, const char* what) {
  if (e != cudaSuccess)
    fail(ErrorKind::Io, std::string("CUDA: ") + what + ": " + cudaGetErrorString(e) + " (error " +
                            std::to_string(static_cast<int>(e)) + ")");
}
inline void check(cudnnStatus_t s, const char* what) {
  if (s != CUDNN_STATUS_SUCCESS) fail(ErrorKind::Io, std::string("cuDNN: ") + what + ": " + cudnnGetErrorString(s));
}
inline void check(cublasStatus_t s, const char* what) {
  if (s != CUBLAS_STATUS_SUCCESS)
    fail(ErrorKind::Io, std::string("cuBLAS: ") + what + ": " + cublasGetStatusName(s));
}

} // namespace maple::engine::cuda
