#include "engine/cpu/kernels.hpp"

#include <algorithm>
#include <vector>

namespace maple::engine::cpu {
namespace {

// Calls f(b, y, x0, x1, offset) for each output row segment covering columns [n0, n1); offset is
// the segment's position in the tile.
template <typename F>
void forEachRow(int outW, int outH, long n0, long n1, F&& f) {
  const long hw = static_cast<long>(outW) * outH;
  for (long n = n0; n < n1;) {
    const long b = n / hw;
    const long r = n % hw;
    const int y = static_cast<int>(r / outW);
    const int x0 = static_cast<int>(r % outW);
    const int x1 = static_cast<int>(std::min<long>(outW, x0 + (n1 - n)));
    f(b, y, x0, x1, n - n0);
    n += x1 - x0;
  }
}

template <int Stride, bool Relu>
void im2colRow(const Planes& in, long b, int y, int x0, int x1, float* dst, long ld) {
  const int c = in.channels;
  for (int ky = 0; ky < 3; ++ky) {
    const int iy = y * Stride + ky - 1;
    const bool rowValid = iy >= 0 && iy < in.h;
    for (int kx = 0; kx < 3; ++kx) {
      // Output x reads input column x*Stride + kx - 1; outside [0, w) it reads the zero padding.
      const int xs = std::clamp(kx == 0 ? 1 : 0, x0, x1);
      const int xe = std::clamp((in.w - kx) / Stride + 1, xs, x1);
      float* row = dst + static_cast<long>((ky * 3 + kx) * c) * ld;
      for (int ch = 0; ch < c; ++ch, row += ld) {
        if (!rowValid) {
          std::fill(row, row + (x1 - x0), 0.0f);
          continue;
        }
        const float* src = in.data + ch * in.planeStride + b * in.imageStride + static_cast<long>(iy) * in.w + kx - 1;
        for (int x = x0; x < xs; ++x) row[x - x0] = 0.0f;
        for (int x = xs; x < xe; ++x) {
          const float v = src[x * Stride];
          row[x - x0] = Relu ? std::max(v, 0.0f) : v;
        }
        for (int x = xe; x < x1; ++x) row[x - x0] = 0.0f;
      }
    }
  }
}

} // namespace

void im2col3x3(const Planes& in, int stride, bool relu, int outW, int outH, long n0, long n1, float* col) {
  const long ld = n1 - n0;
  forEachRow(outW, outH, n0, n1, [&](long b, int y, int x0, int x1, long off) {
    if (stride == 1)
      relu ? im2colRow<1, true>(in, b, y, x0, x1, col + off, ld) : im2colRow<1, false>(in, b, y, x0, x1, col + off, ld);
    else
      relu ? im2colRow<2, true>(in, b, y, x0, x1, col + off, ld) : im2colRow<2, false>(in, b, y, x0, x1, col + off, ld);
  });
}

void reluColumns(const Planes& in, long n0, long n1, float* col) {
  const long ld = n1 - n0;
  for (int c = 0; c < in.channels; ++c) {
    const float* src = in.data + c * in.planeStride + n0;
    float* dst = col + c * ld;
    for (long i = 0; i < ld; ++i) dst[i] = std::max(src[i], 0.0f);
  }
}

void avgPool2x2(const Planes& in, int outW, int outH, long n0, long n1, float* col) {
  const long ld = n1 - n0;
  forEachRow(outW, outH, n0, n1, [&](long b, int y, int x0, int x1, long off) {
    for (int c = 0; c < in.channels; ++c) {
      const float* r0 = in.data + c * in.planeStride + b * in.imageStride + static_cast<long>(2 * y) * in.w;
      const float* r1 = r0 + in.w;
      float* dst = col + c * ld + off;
      for (int x = x0; x < x1; ++x)
        dst[x - x0] = (r0[2 * x] + r0[2 * x + 1] + r1[2 * x] + r1[2 * x + 1]) / 4.0f;
    }
  });
}

void addAvgPool3x3(const Planes& in, long n0, long n1, float* out) {
  // Separable: column sums of the 2 or 3 rows in the window into v (zero-padded at both ends, so
  // v[x + 1] is column x), then three neighbours of v. With count_include_pad=False the divisor is
  // (rows in the image) x (columns in the image), which only the border columns change.
  std::vector<float> v(static_cast<std::size_t>(in.w) + 2, 0.0f);
  forEachRow(in.w, in.h, n0, n1, [&](long b, int y, int x0, int x1, long) {
    const int ya = std::max(y - 1, 0), yb = std::min(y + 1, in.h - 1), w = in.w;
    const float rows = static_cast<float>(yb - ya + 1);
    const float inner = 1.0f / (rows * 3), edge = w > 1 ? 1.0f / (rows * 2) : 1.0f / rows;
    const int a = std::max(x0 - 1, 0), e = std::min(x1 + 1, w);
    for (int c = 0; c < in.channels; ++c) {
      const float* img = in.data + c * in.planeStride + b * in.imageStride;
      float* dst = out + c * in.planeStride + b * in.imageStride + static_cast<long>(y) * w;
      const float* r0 = img + static_cast<long>(ya) * w;
      const float* r1 = r0 + w;
      if (yb - ya == 2)
        for (int x = a; x < e; ++x) v[x + 1] = r0[x] + r1[x] + r1[x + w];
      else if (yb - ya == 1)
        for (int x = a; x < e; ++x) v[x + 1] = r0[x] + r1[x];
      else
        for (int x = a; x < e; ++x) v[x + 1] = r0[x];
      for (int x = x0; x < x1; ++x)
        dst[x] += (v[x] + v[x + 1] + v[x + 2]) * (x == 0 || x == w - 1 ? edge : inner);
    }
  });
}

void addPlanes(const Planes& in, long n0, long n1, float* out) {
  for (int c = 0; c < in.channels; ++c) {
    const float* src = in.data + c * in.planeStride;
    float* dst = out + c * in.planeStride;
    for (long i = n0; i < n1; ++i) dst[i] += src[i];
  }
}

void fillPlanes(const float* values, int channels, long planeStride, long n0, long n1, float* out) {
  for (int c = 0; c < channels; ++c) std::fill(out + c * planeStride + n0, out + c * planeStride + n1, values[c]);
}

} // namespace maple::engine::cpu
