#include "engine/cpu/graph_kernels.hpp"

#include "engine/cpu/gemm_x86.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace maple::engine::cpu {
namespace {

// One output row of a depthwise conv from a zero-padded input plane `pad` (width pw): the
// compiler unrolls the taps of a fixed kernel and vectorises along x for stride 1.
template <int K, int S>
[[gnu::always_inline]] inline void depthwiseRow(const float* pad, long pw, int y, int outW, const float* w, float bias,
                                                bool relu, float* out) {
  for (int x = 0; x < outW; ++x) out[x] = bias;
  for (int ky = 0; ky < K; ++ky) {
    const float* row = pad + static_cast<long>(y * S + ky) * pw;
    for (int kx = 0; kx < K; ++kx) {
      const float wk = w[ky * K + kx];
      const float* src = row + kx;
      for (int x = 0; x < outW; ++x) out[x] += wk * src[x * S];
    }
  }
  if (relu)
    for (int x = 0; x < outW; ++x) out[x] = std::max(out[x], 0.0f);
}

// The same loops built twice: for the baseline ISA of a portable build, and with AVX2 + FMA
// (the row is inlined into each, so each is vectorised for its own ISA), chosen per process.
template <int K, int S>
void depthwisePlane(const float* pad, long pw, int outH, int outW, const float* w, float bias, bool relu, float* out) {
  for (int y = 0; y < outH; ++y) depthwiseRow<K, S>(pad, pw, y, outW, w, bias, relu, out + static_cast<long>(y) * outW);
}

template <int K, int S>
__attribute__((target("avx2,fma"))) void depthwisePlaneAvx2(const float* pad, long pw, int outH, int outW,
                                                            const float* w, float bias, bool relu, float* out) {
  for (int y = 0; y < outH; ++y) depthwiseRow<K, S>(pad, pw, y, outW, w, bias, relu, out + static_cast<long>(y) * outW);
}

using PlaneFn = void (*)(const float*, long, int, int, const float*, float, bool, float*);

template <int K, int S>
PlaneFn pick() {
  static const bool avx2 = x86::supportsAvx2();
  return avx2 ? depthwisePlaneAvx2<K, S> : depthwisePlane<K, S>;
}

PlaneFn planeKernel(int kernel, int stride) {
  if (kernel == 3) return stride == 1 ? pick<3, 1>() : pick<3, 2>();
  return stride == 1 ? pick<5, 1>() : pick<5, 2>();
}

} // namespace

void depthwiseConv(const Planes& in, const DepthwiseConv& conv, int outH, int outW, int c0, int c1, float* out) {
  const int p = conv.padding, k = conv.kernel;
  const long pw = in.w + 2 * p, ph = in.h + 2 * p;
  const int batch = static_cast<int>(in.planeStride / in.imageStride);
  const long outPlane = static_cast<long>(batch) * outH * outW, outImage = static_cast<long>(outH) * outW;
  std::vector<float> pad(static_cast<std::size_t>(pw * ph), 0.0f); // the border stays zero
  const PlaneFn kernelFn = planeKernel(k, conv.stride);
  for (int c = c0; c < c1; ++c)
    for (int b = 0; b < batch; ++b) {
      const float* src = in.data + c * in.planeStride + b * in.imageStride;
      for (int y = 0; y < in.h; ++y)
        std::memcpy(pad.data() + (y + p) * pw + p, src + static_cast<long>(y) * in.w, sizeof(float) * in.w);
      kernelFn(pad.data(), pw, outH, outW, conv.weights + static_cast<long>(c) * k * k, conv.bias[c], conv.relu,
               out + c * outPlane + b * outImage);
    }
}

void channelShuffle(const Planes& in, int groups, int c0, int c1, float* out) {
  const int perGroup = in.channels / groups;
  for (int o = c0; o < c1; ++o) {
    const int source = (o % groups) * perGroup + o / groups;
    std::memcpy(out + o * in.planeStride, in.data + source * in.planeStride, sizeof(float) * in.planeStride);
  }
}

void affine(const Planes& in, const float* scale, const float* shift, bool relu, int c0, int c1, float* out) {
  for (int c = c0; c < c1; ++c) {
    const float* src = in.data + c * in.planeStride;
    float* dst = out + c * in.planeStride;
    const float a = scale ? scale[c] : 1.0f, s = shift ? shift[c] : 0.0f;
    if (relu)
      for (long i = 0; i < in.planeStride; ++i) dst[i] = std::max(src[i] * a + s, 0.0f);
    else
      for (long i = 0; i < in.planeStride; ++i) dst[i] = src[i] * a + s;
  }
}

void sumPlanes(const Planes* ins, int count, const Planes& geometry, int c0, int c1, float* out) {
  const long n = geometry.planeStride;
  for (int c = c0; c < c1; ++c) {
    float* dst = out + c * n;
    if (count == 0) {
      std::fill(dst, dst + n, 0.0f);
      continue;
    }
    std::memcpy(dst, ins[0].data + c * n, sizeof(float) * n);
    for (int i = 1; i < count; ++i) {
      const float* src = ins[i].data + c * n;
      for (long j = 0; j < n; ++j) dst[j] += src[j];
    }
  }
}

void globalAvgPool(const Planes& in, int batch, int c0, int c1, float* out) {
  const long hw = static_cast<long>(in.h) * in.w;
  for (int c = c0; c < c1; ++c)
    for (int b = 0; b < batch; ++b) {
      const float* x = in.data + c * in.planeStride + b * in.imageStride;
      float sum = 0.0f;
      for (long i = 0; i < hw; ++i) sum += x[i];
      out[c * batch + b] = sum / static_cast<float>(hw);
    }
}

void subsampleColumns(const Planes& in, int stride, int outW, int outH, long n0, long n1, float* col) {
  const long ld = n1 - n0, hw = static_cast<long>(outW) * outH;
  for (long n = n0; n < n1; ++n) {
    const long b = n / hw, r = n % hw;
    const long y = r / outW, x = r % outW;
    const float* src = in.data + b * in.imageStride + y * stride * in.w + x * stride;
    for (int c = 0; c < in.channels; ++c) col[c * ld + (n - n0)] = src[c * in.planeStride];
  }
}

} // namespace maple::engine::cpu
