#pragma once
// Kernels of the layer-graph runner (graph_network.cpp) on the engine's channel-plane layout (see
// kernels.hpp): channel c of image b at data + c * planeStride + b * imageStride. Each works on a
// channel range [c0, c1) of its output, so threads split a step by channels.
#include "engine/cpu/kernels.hpp"

namespace maple::engine::cpu {

struct DepthwiseConv {
  int kernel;  // 3 or 5
  int stride;  // 1 or 2
  int padding; // (kernel - 1) / 2
  const float* weights; // channels x kernel x kernel, batch norm folded in
  const float* bias;    // per channel
  bool relu;
};
// out (laid out as outGeometry: its planes' size and stride) = depthwise conv of in, channels
// [c0, c1), each of the batch's images.
void depthwiseConv(const Planes& in, const DepthwiseConv& conv, const Planes& outGeometry, int batch, int c0, int c1,
                   float* out);

// out channel j*g + i = in channel i*(C/g) + j (PyTorch's view-transpose-reshape shuffle).
void channelShuffle(const Planes& in, int groups, int c0, int c1, float* out);

// out = max(in * scale + shift, 0 if relu) per channel (an unfolded batch norm, or a plain ReLU
// with scale = nullptr).
void affine(const Planes& in, const float* scale, const float* shift, bool relu, int c0, int c1, float* out);

// out = sum of the inputs (all of one geometry); no input: zeros.
void sumPlanes(const Planes* ins, int count, const Planes& geometry, int c0, int c1, float* out);

// out[c * batch + b] = mean of plane (c, b).
void globalAvgPool(const Planes& in, int batch, int c0, int c1, float* out);

// Columns [n0, n1) of in subsampled by `stride` (a strided 1x1 conv's patch matrix), column-major
// into col with leading dimension n1 - n0.
void subsampleColumns(const Planes& in, int stride, int outW, int outH, long n0, long n1, float* col);

} // namespace maple::engine::cpu
