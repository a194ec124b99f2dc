#include "fma_peak.hpp"

#include <immintrin.h>

#include <algorithm>
#include <chrono>

namespace maple::bench {
namespace {

constexpr int kChains = 12; // > FMA latency (4) x FMA ports (2) on current x86 cores
constexpr long kIterations = 20'000'000;

// Each function returns a value depending on every chain so nothing is optimised away.
__attribute__((target("avx2,fma"))) float chainsAvx2(long iterations) {
  __m256 acc[kChains];
  for (int k = 0; k < kChains; ++k) acc[k] = _mm256_set1_ps(static_cast<float>(k));
  const __m256 a = _mm256_set1_ps(0.5f), b = _mm256_set1_ps(1.0f);
  for (long i = 0; i < iterations; ++i)
    for (int k = 0; k < kChains; ++k) acc[k] = _mm256_fmadd_ps(acc[k], a, b);
  __m256 sum = acc[0];
  for (int k = 1; k < kChains; ++k) sum = _mm256_add_ps(sum, acc[k]);
  return _mm256_cvtss_f32(sum);
}

__attribute__((target("avx512f"))) float chainsAvx512(long iterations) {
  __m512 acc[kChains];
  for (int k = 0; k < kChains; ++k) acc[k] = _mm512_set1_ps(static_cast<float>(k));
  const __m512 a = _mm512_set1_ps(0.5f), b = _mm512_set1_ps(1.0f);
  for (long i = 0; i < iterations; ++i)
    for (int k = 0; k < kChains; ++k) acc[k] = _mm512_fmadd_ps(acc[k], a, b);
  __m512 sum = acc[0];
  for (int k = 1; k < kChains; ++k) sum = _mm512_add_ps(sum, acc[k]);
  float lanes[16];
  _mm512_storeu_ps(lanes, sum);
  return lanes[0];
}

template <typename F>
double gflops(F chains, int lanes) {
  double best = 0;
  volatile float sink = 0;
  for (int trial = 0; trial < 3; ++trial) { // the best of three: the least disturbed run
    const auto t0 = std::chrono::steady_clock::now();
    sink = sink + chains(kIterations);
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::max(best, 2.0 * kChains * lanes * static_cast<double>(kIterations) / s / 1e9);
  }
  return best;
}

} // namespace

double FmaPeak::best() const {
  double b = 0;
  for (const auto& r : rates) b = std::max(b, r.second);
  return b;
}

FmaPeak measureFmaPeak() {
  FmaPeak p;
  __builtin_cpu_init();
  if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) p.rates.push_back({"AVX2", gflops(chainsAvx2, 8)});
  if (__builtin_cpu_supports("avx512f")) p.rates.push_back({"AVX-512", gflops(chainsAvx512, 16)});
  return p;
}

} // namespace maple::bench
