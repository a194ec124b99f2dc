#pragma once
// x86 SIMD micro-kernels of gemmAccumulate (see gemm.hpp), compiled for their instruction set with
// function target attributes so the rest of the build stays portable; call one only where the
// matching supports*() is true. B must be packed in panels (GemmWeights::panels).
#include "engine/cpu/gemm.hpp"

namespace maple::engine::cpu::x86 {

bool supportsAvx512();
bool supportsAvx2();
void gemmAvx512(const float* a, long lda, long rows, const GemmWeights& b, const GemmEpilogue& e, float* c, long ldc);
void gemmAvx2(const float* a, long lda, long rows, const GemmWeights& b, const GemmEpilogue& e, float* c, long ldc);

} // namespace maple::engine::cpu::x86
