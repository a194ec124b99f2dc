#pragma once
// The one matrix product of the CPU engine: C(rows x m) += A(rows x k) * B(k x m), A and C column-
// major with leading dimensions lda and ldc (A is an im2col tile, C a column range of output
// planes), B a weight matrix packed once when the network is prepared.
//
// Kernels, chosen once per process from what the CPU supports: hand-written AVX-512 and AVX2+FMA
// micro-kernels over B packed in panels of 8 columns (a portable build cannot let Eigen use them:
// it would compile for the baseline x86-64 ISA, SSE2), else Eigen.
#include <string>
#include <vector>

namespace maple::engine::cpu {

inline constexpr int kPanelColumns = 8;

struct GemmWeights {
  int k = 0;
  int m = 0;
  std::vector<float> data;   // column-major k x m (the Eigen kernel)
  std::vector<float> panels; // panel q: columns [8q, 8q+8) as k rows of 8 (the SIMD kernels; m % 8 == 0)
};

// What gemmStore adds to A * B before it stores C: a value per column of C (a bias per output
// channel), a rows x m matrix with C's leading dimension (a residual input; may be C itself), and
// a ReLU after both. Applying them in the micro-kernel's store spares a pass over C for each.
struct GemmEpilogue {
  const float* bias = nullptr;   // b.m values, or none
  const float* addend = nullptr; // or none
  bool relu = false;
};

GemmWeights packWeights(std::vector<float> columnMajor, int k, int m);
// C = max((bias + addend) + A * B, 0 if relu); C is written once, never read unless it is the addend.
void gemmStore(const float* a, long lda, long rows, const GemmWeights& b, const GemmEpilogue& epilogue, float* c,
               long ldc);
// C += A * B.
void gemmAccumulate(const float* a, long lda, long rows, const GemmWeights& b, float* c, long ldc);
// Names the kernel and instruction set in use, for Engine::version().
std::string gemmDescription();

// The kernels this CPU can run ("avx512", "avx2", "eigen"), best first, and a choice among them
// for the whole process (tests and benchmarks compare them). Throws maple::Error (Usage) for a
// kernel this CPU cannot run.
std::vector<std::string> availableGemmKernels();
void selectGemmKernel(const std::string& name);

} // namespace maple::engine::cpu
