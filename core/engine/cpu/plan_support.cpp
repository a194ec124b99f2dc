#include "engine/cpu/plan_support.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <new>

namespace maple::engine::cpu {

Buffer allocate(std::size_t floats) {
  const std::size_t bytes = (std::max<std::size_t>(floats, 1) * sizeof(float) + 63) / 64 * 64;
  auto* p = static_cast<float*>(std::aligned_alloc(64, bytes));
  if (!p) throw std::bad_alloc();
  std::memset(p, 0, bytes);
  return Buffer(p);
}

Folded fold(const Tensor& conv, const BatchNorm* bn) {
  const int out = conv.shape[0], in = conv.shape[1], kernel = conv.shape[2];
  Folded f;
  f.k = in * kernel * kernel;
  f.m = out;
  f.w.resize(static_cast<std::size_t>(f.k) * out);
  f.bias.assign(out, 0.0f);
  for (int o = 0; o < out; ++o) {
    const float scale = bn ? bn->gamma[o] / std::sqrt(bn->var[o] + kBnEps) : 1.0f;
    if (bn) f.bias[o] = bn->beta[o] - bn->mean[o] * scale;
    for (int c = 0; c < in; ++c)
      for (int ky = 0; ky < kernel; ++ky)
        for (int kx = 0; kx < kernel; ++kx)
          f.w[static_cast<std::size_t>(o) * f.k + (ky * kernel + kx) * in + c] =
              conv.data[((static_cast<std::size_t>(o) * in + c) * kernel + ky) * kernel + kx] * scale;
  }
  return f;
}

void checkRunConfig(const RunConfig& config) {
  if (config.batch < 1 || config.batch > 4096)
    fail(ErrorKind::Usage, "batch " + std::to_string(config.batch) + " is outside 1..4096: pick a smaller batch");
  if (config.threads < 0 || config.threads > 1024)
    fail(ErrorKind::Usage, "threads " + std::to_string(config.threads) +
                               " is outside 0..1024 (0 uses every CPU this process may run on)");
}

std::pair<long, long> share(long count, long grain, int member, int members) {
  const long per = ((count + members - 1) / members + grain - 1) / grain * grain;
  const long a = std::min(count, per * member);
  return {a, std::min(count, a + per)};
}

Liveness liveness(const std::vector<searchspace::Layer>& layers) {
  const int n = static_cast<int>(layers.size());
  Liveness l{std::vector<bool>(static_cast<size_t>(n), false), std::vector<std::vector<int>>(static_cast<size_t>(n))};
  if (n == 0) return l;
  l.live[static_cast<size_t>(n - 1)] = true;
  for (int i = n - 1; i >= 0; --i)
    if (l.live[static_cast<size_t>(i)])
      for (int in : layers[static_cast<size_t>(i)].inputs) {
        l.live[static_cast<size_t>(in)] = true;
        l.consumers[static_cast<size_t>(in)].push_back(i);
      }
  return l;
}

} // namespace maple::engine::cpu
