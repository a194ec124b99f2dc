#include "engine/cpu/gemm_x86.hpp"

#include <immintrin.h>

#include <algorithm>

namespace maple::engine::cpu::x86 {
namespace {

constexpr int kNr = kPanelColumns;

// Where a tile's results go: C at its corner, with the epilogue's bias and addend at the same
// place (GemmEpilogue, offset to the tile).
struct TileOut {
  float* c;
  long ldc;
  const float* bias;
  const float* addend;
  bool relu;
};

// Rows the vector kernels leave over (fewer than one vector): plain loops.
void tail(const float* a, long lda, long rows, int k, const float* panel, const TileOut& o) {
  for (int j = 0; j < kNr; ++j)
    for (long i = 0; i < rows; ++i) {
      float sum = 0;
      for (int p = 0; p < k; ++p) sum += a[p * lda + i] * panel[p * kNr + j];
      const float base = (o.bias ? o.bias[j] : 0.0f) + (o.addend ? o.addend[j * o.ldc + i] : 0.0f);
      o.c[j * o.ldc + i] = o.relu ? std::max(base + sum, 0.0f) : base + sum;
    }
}

// The epilogue of one vector of C: column j, rows [i, i + lanes).
__attribute__((target("avx512f"))) inline void store512(const TileOut& o, int j, long i, __m512 acc) {
  __m512 base = o.bias ? _mm512_set1_ps(o.bias[j]) : _mm512_setzero_ps();
  if (o.addend) base = _mm512_add_ps(base, _mm512_loadu_ps(o.addend + j * o.ldc + i));
  const __m512 v = _mm512_add_ps(base, acc);
  // maskz with every lane set is max(v, 0): GCC 12 warns of _mm512_max_ps's undefined source.
  _mm512_storeu_ps(o.c + j * o.ldc + i, o.relu ? _mm512_maskz_max_ps(0xffff, v, _mm512_setzero_ps()) : v);
}

__attribute__((target("avx2,fma"))) inline void store256(const TileOut& o, int j, long i, __m256 acc) {
  __m256 base = o.bias ? _mm256_set1_ps(o.bias[j]) : _mm256_setzero_ps();
  if (o.addend) base = _mm256_add_ps(base, _mm256_loadu_ps(o.addend + j * o.ldc + i));
  const __m256 v = _mm256_add_ps(base, acc);
  _mm256_storeu_ps(o.c + j * o.ldc + i, o.relu ? _mm256_max_ps(v, _mm256_setzero_ps()) : v);
}

// C(16R x 8) = epilogue(A(16R x k) * panel): R zmm rows by 8 columns, 8R accumulators in
// registers; per k step R loads of A and 8 broadcasts of B feed 8R FMAs.
template <int R>
__attribute__((target("avx512f"))) void tileAvx512(const float* a, long lda, int k, const float* panel, const TileOut& o) {
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
    for (int r = 0; r < R; ++r) store512(o, j, 16 * r, acc[r][j]);
}

// The AVX2 version: 16 ymm registers hold R x 4 accumulators, so each panel is done in two halves.
template <int R>
__attribute__((target("avx2,fma"))) void tileAvx2(const float* a, long lda, int k, const float* panel, const TileOut& o) {
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
      for (int r = 0; r < R; ++r) store256(o, h * kHalf + j, 8 * r, acc[r][j]);
  }
}

using Tile = void (*)(const float*, long, int, const float*, const TileOut&);

// TileOut for rows from i of panel q.
TileOut tileAt(const GemmEpilogue& e, float* c, long ldc, int q, long i) {
  const long corner = q * kNr * ldc + i;
  return {c + corner, ldc, e.bias ? e.bias + q * kNr : nullptr, e.addend ? e.addend + corner : nullptr, e.relu};
}

// Panel by panel (a panel of B stays in L1 while it meets every row of A), rows in strips of 3, 2
// or 1 vectors of `Lanes` floats, then the scalar tail.
template <int Lanes, Tile Three, Tile Two, Tile One>
void byPanels(const float* a, long lda, long rows, const GemmWeights& b, const GemmEpilogue& e, float* c, long ldc) {
  for (int q = 0; q < b.m / kNr; ++q) {
    const float* panel = b.panels.data() + static_cast<long>(q) * b.k * kNr;
    long i = 0;
    for (; i + 3 * Lanes <= rows; i += 3 * Lanes) Three(a + i, lda, b.k, panel, tileAt(e, c, ldc, q, i));
    if (rows - i >= 2 * Lanes) Two(a + i, lda, b.k, panel, tileAt(e, c, ldc, q, i)), i += 2 * Lanes;
    if (rows - i >= Lanes) One(a + i, lda, b.k, panel, tileAt(e, c, ldc, q, i)), i += Lanes;
    if (i < rows) tail(a + i, lda, rows - i, b.k, panel, tileAt(e, c, ldc, q, i));
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

void gemmAvx512(const float* a, long lda, long rows, const GemmWeights& b, const GemmEpilogue& e, float* c, long ldc) {
  byPanels<16, tileAvx512<3>, tileAvx512<2>, tileAvx512<1>>(a, lda, rows, b, e, c, ldc);
}

void gemmAvx2(const float* a, long lda, long rows, const GemmWeights& b, const GemmEpilogue& e, float* c, long ldc) {
  byPanels<8, tileAvx2<3>, tileAvx2<2>, tileAvx2<1>>(a, lda, rows, b, e, c, ldc);
}

} // namespace maple::engine::cpu::x86
