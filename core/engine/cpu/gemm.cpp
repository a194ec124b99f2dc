#include "engine/cpu/gemm.hpp"

#include <Eigen/Core>

namespace maple::engine::cpu {

GemmWeights packWeights(std::vector<float> columnMajor, int k, int m) {
  return {k, m, std::move(columnMajor)};
}

void gemmAccumulate(const float* a, long lda, long rows, const GemmWeights& b, float* c, long ldc) {
  using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic>;
  Eigen::Map<const Matrix, 0, Eigen::OuterStride<>> lhs(a, rows, b.k, Eigen::OuterStride<>(lda));
  Eigen::Map<const Matrix> rhs(b.data.data(), b.k, b.m);
  Eigen::Map<Matrix, 0, Eigen::OuterStride<>> out(c, rows, b.m, Eigen::OuterStride<>(ldc));
  out.noalias() += lhs * rhs;
}

std::string gemmDescription() {
  return "eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
         std::to_string(EIGEN_MINOR_VERSION) + " (" + Eigen::SimdInstructionSetsInUse() + ")";
}

} // namespace maple::engine::cpu
