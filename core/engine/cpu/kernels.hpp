#pragma once
// Data movement kernels of the CPU engine. Activations are kept as channel planes: channel c of
// image b starts at data + c * planeStride + b * imageStride and holds h*w floats row-major. Engine
// buffers use planeStride = batch*h*w (the layer-graph runner adds a cache line where that is a
// multiple of 512 bytes) and imageStride = h*w, so column n = b*h*w + y*w + x of a plane walks the
// whole batch and one GEMM covers every image. Kernels work on a column range
// [n0, n1) of the output so threads and cache tiles can split any step.
//
// An im2col tile ("col") is column-major with leading dimension ld = n1 - n0: row k of the patch
// matrix is the contiguous run col + k * ld. 3x3 patches order k = (ky * 3 + kx) * C + c, so the
// centre tap (ky = kx = 1) block [4C, 5C) is the plain ReLU'd input a 1x1 conv needs.
namespace maple::engine::cpu {

struct Planes {
  const float* data;
  long planeStride;
  long imageStride;
  int channels;
  int h;
  int w;
};

// 3x3 patches, padding 1, stride 1 or 2, for output columns [n0, n1) of an outH x outW output.
void im2col3x3(const Planes& in, int stride, bool relu, int outW, int outH, long n0, long n1, float* col);
// ReLU'd copy of columns [n0, n1) (the patch matrix of a 1x1 conv).
void reluColumns(const Planes& in, long n0, long n1, float* col);
// 2x2 average pooling, stride 2 (the residual shortcut), for output columns [n0, n1).
void avgPool2x2(const Planes& in, int outW, int outH, long n0, long n1, float* col);
// out += avg_pool_3x3(in), stride 1, padding 1, count_include_pad=False.
void addAvgPool3x3(const Planes& in, long n0, long n1, float* out);
// out += in on columns [n0, n1) of every channel (engine buffers, same geometry).
void addPlanes(const Planes& in, long n0, long n1, float* out);
// out[c][n] = values[c] on columns [n0, n1).
void fillPlanes(const float* values, int channels, long planeStride, long n0, long n1, float* out);

} // namespace maple::engine::cpu
