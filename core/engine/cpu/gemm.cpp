#include "engine/cpu/gemm.hpp"

#include "common/error.hpp"
#include "engine/cpu/gemm_x86.hpp"

#include <Eigen/Core>

#include <algorithm>
#include <atomic>

namespace maple::engine::cpu {
namespace {

void gemmEigen(const float* a, long lda, long rows, const GemmWeights& b, const GemmEpilogue& e, float* c, long ldc) {
  using Matrix = Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic>;
  using Strided = Eigen::OuterStride<>;
  Eigen::Map<const Matrix, 0, Strided> lhs(a, rows, b.k, Strided(lda));
  Eigen::Map<const Matrix> rhs(b.data.data(), b.k, b.m);
  Eigen::Map<Matrix, 0, Strided> out(c, rows, b.m, Strided(ldc));
  if (!e.addend)
    out.setZero();
  else if (e.addend != c)
    out = Eigen::Map<const Matrix, 0, Strided>(e.addend, rows, b.m, Strided(ldc));
  if (e.bias) out.rowwise() += Eigen::Map<const Eigen::RowVectorXf>(e.bias, b.m);
  out.noalias() += lhs * rhs;
  if (e.relu) out = out.cwiseMax(0.0f);
}

enum class Kernel { Eigen, Avx2, Avx512 };

Kernel bestKernel() {
  const auto names = availableGemmKernels();
  return names.front() == "avx512" ? Kernel::Avx512 : names.front() == "avx2" ? Kernel::Avx2 : Kernel::Eigen;
}

std::atomic<Kernel>& current() {
  static std::atomic<Kernel> k{bestKernel()};
  return k;
}

} // namespace

GemmWeights packWeights(std::vector<float> columnMajor, int k, int m) {
  GemmWeights w{k, m, std::move(columnMajor), {}};
  if (m % kPanelColumns != 0) return w; // the Eigen kernel takes it
  w.panels.resize(w.data.size());
  for (int q = 0; q < m / kPanelColumns; ++q)
    for (int p = 0; p < k; ++p)
      for (int j = 0; j < kPanelColumns; ++j)
        w.panels[(static_cast<std::size_t>(q) * k + p) * kPanelColumns + j] =
            w.data[static_cast<std::size_t>(q * kPanelColumns + j) * k + p];
  return w;
}

void gemmStore(const float* a, long lda, long rows, const GemmWeights& b, const GemmEpilogue& epilogue, float* c,
               long ldc) {
  const Kernel k = b.panels.empty() ? Kernel::Eigen : current().load(std::memory_order_relaxed);
  switch (k) {
  case Kernel::Avx512: return x86::gemmAvx512(a, lda, rows, b, epilogue, c, ldc);
  case Kernel::Avx2: return x86::gemmAvx2(a, lda, rows, b, epilogue, c, ldc);
  case Kernel::Eigen: return gemmEigen(a, lda, rows, b, epilogue, c, ldc);
  }
}

void gemmAccumulate(const float* a, long lda, long rows, const GemmWeights& b, float* c, long ldc) {
  gemmStore(a, lda, rows, b, {nullptr, c, false}, c, ldc);
}

std::string gemmDescription() {
  switch (current().load()) {
  case Kernel::Avx512: return "gemm avx512";
  case Kernel::Avx2: return "gemm avx2+fma";
  case Kernel::Eigen: break;
  }
  return "gemm eigen " + std::to_string(EIGEN_WORLD_VERSION) + "." + std::to_string(EIGEN_MAJOR_VERSION) + "." +
         std::to_string(EIGEN_MINOR_VERSION) + " (" + Eigen::SimdInstructionSetsInUse() + ")";
}

std::vector<std::string> availableGemmKernels() {
  std::vector<std::string> names;
  if (x86::supportsAvx512()) names.push_back("avx512");
  if (x86::supportsAvx2()) names.push_back("avx2");
  names.push_back("eigen");
  return names;
}

void selectGemmKernel(const std::string& name) {
  const auto names = availableGemmKernels();
  if (std::find(names.begin(), names.end(), name) == names.end())
    fail(ErrorKind::Usage, "GEMM kernel '" + name + "' cannot run on this CPU");
  current() = name == "avx512" ? Kernel::Avx512 : name == "avx2" ? Kernel::Avx2 : Kernel::Eigen;
}

} // namespace maple::engine::cpu
