#include "engine/cpu/graph_kernels.hpp"

#include "engine/cpu/gemm_x86.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace maple::engine::cpu {
namespace {

// The depthwise kernel is written over GCC vector types of 8, 4 and 1 floats (no intrinsics), so
// that one body compiles for the baseline ISA of a portable build (SSE pairs) and for AVX2.
template <int N> struct Lanes {
  using V [[gnu::vector_size(N * sizeof(float))]] = float;
};
template <> struct Lanes<1> {
  using V = float;
};

// The zero-padded input plane, split by column parity for stride 2 (phase p holds padded columns
// 2i + p at i), so that every tap of an output vector reads consecutive floats.
struct Padded {
  const float* data;
  long rowStride;
  long phaseStride;
  const float* at(int row, int column, int stride) const {
    return data + (column % stride) * phaseStride + row * rowStride + column / stride;
  }
};

// Output rows [y, y + R), columns [x, x + N): R accumulators in registers, each tap's weight
// broadcast once for the R rows.
template <int K, int S, int R, int N>
[[gnu::always_inline]] inline void depthwiseBlock(const Padded& in, int y, int x, const float* w, float bias, bool relu,
                                                  float* out, long outW) {
  using V = typename Lanes<N>::V;
  V acc[R];
  for (int r = 0; r < R; ++r) acc[r] = V{} + bias;
#pragma GCC unroll 25
  for (int tap = 0; tap < K * K; ++tap) {
    const int ky = tap / K, kx = tap % K;
    const V wv = V{} + w[tap];
    const float* src = in.at(y * S + ky, x * S + kx, S);
    for (int r = 0; r < R; ++r) {
      V v;
      std::memcpy(&v, src + r * S * in.rowStride, sizeof v);
      acc[r] += v * wv;
    }
  }
  for (int r = 0; r < R; ++r) {
    const V zero{}, o = relu ? (acc[r] > zero ? acc[r] : zero) : acc[r];
    std::memcpy(out + (y + r) * outW + x, &o, sizeof o);
  }
}

// Rows in blocks of 4 (FBNet's planes are 32, 16, 8 or 4 high), then one at a time.
template <int K, int S, int N>
[[gnu::always_inline]] inline void depthwiseColumns(const Padded& in, int outH, int x, const float* w, float bias,
                                                    bool relu, float* out, long outW) {
  int y = 0;
  for (; y + 4 <= outH; y += 4) depthwiseBlock<K, S, 4, N>(in, y, x, w, bias, relu, out, outW);
  for (; y < outH; ++y) depthwiseBlock<K, S, 1, N>(in, y, x, w, bias, relu, out, outW);
}

// One output plane: columns in vectors of 8, then 4, then single floats.
template <int K, int S>
[[gnu::always_inline]] inline void depthwisePlaneBody(const Padded& in, int outH, int outW, const float* w, float bias,
                                                      bool relu, float* out) {
  int x = 0;
  for (; x + 8 <= outW; x += 8) depthwiseColumns<K, S, 8>(in, outH, x, w, bias, relu, out, outW);
  for (; x + 4 <= outW; x += 4) depthwiseColumns<K, S, 4>(in, outH, x, w, bias, relu, out, outW);
  for (; x < outW; ++x) depthwiseColumns<K, S, 1>(in, outH, x, w, bias, relu, out, outW);
}

// The same body built for the baseline ISA and with AVX2, chosen per process.
template <int K, int S>
void depthwisePlane(const Padded& in, int outH, int outW, const float* w, float bias, bool relu, float* out) {
  depthwisePlaneBody<K, S>(in, outH, outW, w, bias, relu, out);
}

template <int K, int S>
[[gnu::target("avx2,fma")]] void depthwisePlaneAvx2(const Padded& in, int outH, int outW, const float* w, float bias,
                                                    bool relu, float* out) {
  depthwisePlaneBody<K, S>(in, outH, outW, w, bias, relu, out);
}

using PlaneFn = void (*)(const Padded&, int, int, const float*, float, bool, float*);

template <int K, int S>
PlaneFn pick() {
  static const bool avx2 = x86::supportsAvx2();
  return avx2 ? depthwisePlaneAvx2<K, S> : depthwisePlane<K, S>;
}

PlaneFn planeKernel(int kernel, int stride) {
  if (kernel == 3) return stride == 1 ? pick<3, 1>() : pick<3, 2>();
  return stride == 1 ? pick<5, 1>() : pick<5, 2>();
}

// Copies one input plane into the interior of `pad` (whose border stays zero).
void fillPadded(const float* src, int h, int w, int padding, int stride, const Padded& pad, float* data) {
  for (int y = 0; y < h; ++y) {
    const float* row = src + static_cast<long>(y) * w;
    if (stride == 1) {
      std::memcpy(data + (y + padding) * pad.rowStride + padding, row, sizeof(float) * w);
      continue;
    }
    for (int x = 0; x < w; ++x) data[pad.at(y + padding, x + padding, stride) - pad.data] = row[x];
  }
}

} // namespace

void depthwiseConv(const Planes& in, const DepthwiseConv& conv, const Planes& outGeometry, int batch, int c0, int c1,
                   float* out) {
  const int p = conv.padding, k = conv.kernel, s = conv.stride, outH = outGeometry.h, outW = outGeometry.w;
  const long pw = in.w + 2 * p, ph = in.h + 2 * p, rowStride = (pw + s - 1) / s;
  const long outPlane = outGeometry.planeStride, outImage = outGeometry.imageStride;
  std::vector<float> data(static_cast<std::size_t>(s * rowStride * ph), 0.0f);
  const Padded pad{data.data(), rowStride, rowStride * ph};
  const PlaneFn kernelFn = planeKernel(k, s);
  for (int c = c0; c < c1; ++c)
    for (int b = 0; b < batch; ++b) {
      fillPadded(in.data + c * in.planeStride + b * in.imageStride, in.h, in.w, p, s, pad, data.data());
      kernelFn(pad, outH, outW, conv.weights + static_cast<long>(c) * k * k, conv.bias[c], conv.relu,
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
