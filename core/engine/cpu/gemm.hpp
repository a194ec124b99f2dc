#pragma once
// The one matrix product of the CPU engine: C(rows x m) += A(rows x k) * B(k x m), A and C column-
// major with leading dimensions lda and ldc (A is an im2col tile, C a column range of output
// planes), B a weight matrix packed once when the network is prepared.
#include <string>
#include <vector>

namespace maple::engine::cpu {

struct GemmWeights {
  int k = 0;
  int m = 0;
  std::vector<float> data; // column-major k x m
};

GemmWeights packWeights(std::vector<float> columnMajor, int k, int m);
void gemmAccumulate(const float* a, long lda, long rows, const GemmWeights& b, float* c, long ldc);
// Names the kernel and instruction set in use, for Engine::version().
std::string gemmDescription();

} // namespace maple::engine::cpu
