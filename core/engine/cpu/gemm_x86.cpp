#include "engine/cpu/gemm_x86.hpp"

#include <immintrin.h>

namespace maple::engine::cpu::x86 {
namespace {

constexpr int kNr = kPanelColumns;

// Rows the vector kernels leave over (fewer than one vector): plain loops.
void tail(const float* a, long lda, long rows, int k, const float* panel, float* c, long ldc) {
  for (int j = 0; j < kNr; ++j)
    for (long i = 0; i < rows; ++i) {
      float sum = 0;
      for (int p = 0; p < k; ++p) sum += a[p * lda + i] * panel[p * kNr + j];
      c[j * ldc + i] += sum;
    }
}

// C(16R x 8) += A(16R x k) * panel: R zmm rows by 8 columns, 8R accumulators in registers; per k
// step R loads of A and 8 broadcasts of B feed 8R FMAs.
template <int R>
__attribute__((target("avx512f"))) void tileAvx512(const float* a, long lda, int k, const float* panel, float* c,
                                                   long ldc) {
  __m512 acc[R][kNr];
  for (int r = 0; r < R; ++r)
    for (int j = 0; j < kNr; ++j) acc[r][j] = _mm512_setzero_ps();
  for (int p = 0; p < k; ++p) {
    __m512 av[R];
    for (int r = 0; r < R; ++r) av[r] = _mm512_loadu_ps(a + p * lda + 16 * r);
    for (int j = 0; j < kNr; ++j) {
      const __m512 bj = _mm512_set1_ps(panel[p * kNr + j]);
      for (int r = 0; r < R; ++r) acc[r][j] = _mm512_fmadd_ps(av[r], bj, acc[r][j]);
    }
  }
  for (int j = 0; j < kNr; ++j)
    for (int r = 0; r < R; ++r) {
      float* out = c + j * ldc + 16 * r;
      _mm512_storeu_ps(out, _mm512_add_ps(_mm512_loadu_ps(out), acc[r][j]));
    }
}

// The AVX2 version: 16 ymm registers hold R x 4 accumulators, so each panel is done in two halves.
template <int R>
__attribute__((target("avx2,fma"))) void tileAvx2(const float* a, long lda, int k, const float* panel, float* c,
                                                  long ldc) {
  constexpr int kHalf = kNr / 2;
  for (int h = 0; h < 2; ++h) {
    __m256 acc[R][kHalf];
    for (int r = 0; r < R; ++r)
      for (int j = 0; j < kHalf; ++j) acc[r][j] = _mm256_setzero_ps();
    for (int p = 0; p < k; ++p) {
      __m256 av[R];
      for (int r = 0; r < R; ++r) av[r] = _mm256_loadu_ps(a + p * lda + 8 * r);
      for (int j = 0; j < kHalf; ++j) {
        const __m256 bj = _mm256_set1_ps(panel[p * kNr + h * kHalf + j]);
        for (int r = 0; r < R; ++r) acc[r][j] = _mm256_fmadd_ps(av[r], bj, acc[r][j]);
      }
    }
    for (int j = 0; j < kHalf; ++j)
      for (int r = 0; r < R; ++r) {
        float* out = c + (h * kHalf + j) * ldc + 8 * r;
        _mm256_storeu_ps(out, _mm256_add_ps(_mm256_loadu_ps(out), acc[r][j]));
      }
  }
}

using Tile = void (*)(const float*, long, int, const float*, float*, long);

// Panel by panel (a panel of B stays in L1 while it meets every row of A), rows in strips of 3, 2
// or 1 vectors of `Lanes` floats, then the scalar tail.
template <int Lanes, Tile Three, Tile Two, Tile One>
void byPanels(const float* a, long lda, long rows, const GemmWeights& b, float* c, long ldc) {
  for (int q = 0; q < b.m / kNr; ++q) {
    const float* panel = b.panels.data() + static_cast<long>(q) * b.k * kNr;
    float* cq = c + q * kNr * ldc;
    long i = 0;
    for (; i + 3 * Lanes <= rows; i += 3 * Lanes) Three(a + i, lda, b.k, panel, cq + i, ldc);
    if (rows - i >= 2 * Lanes) Two(a + i, lda, b.k, panel, cq + i, ldc), i += 2 * Lanes;
    if (rows - i >= Lanes) One(a + i, lda, b.k, panel, cq + i, ldc), i += Lanes;
    if (i < rows) tail(a + i, lda, rows - i, b.k, panel, cq + i, ldc);
  }
}

} // namespace

bool supportsAvx512() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx512f");
}

bool supportsAvx2() {
  __builtin_cpu_init();
  return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}

void gemmAvx512(const float* a, long lda, long rows, const GemmWeights& b, float* c, long ldc) {
  byPanels<16, tileAvx512<3>, tileAvx512<2>, tileAvx512<1>>(a, lda, rows, b, c, ldc);
}

void gemmAvx2(const float* a, long lda, long rows, const GemmWeights& b, float* c, long ldc) {
  byPanels<8, tileAvx2<3>, tileAvx2<2>, tileAvx2<1>>(a, lda, rows, b, c, ldc);
}

} // namespace maple::engine::cpu::x86
