#pragma once
// The CUDA engine's plan of a layer graph (searchspace/layer_graph.hpp), made on the host with no
// CUDA in it so that every machine tests it: the fused steps (each a few cuDNN / cuBLAS calls, see
// cuda_network.cpp), their NCHW shapes, buffers and weights, and the choice of a convolution
// algorithm among those cuDNN offers.
//
// Fusion is the CPU engine's: batch norm folded into the convolution before it, a ReLU applied in
// place after the convolution or batch norm it alone reads, layers that do not reach the output
// pruned. Buffers are reused once their last reader has run (the steps run in order on one stream).
#include "engine/engine.hpp"
#include "searchspace/layer_graph.hpp"

#include <array>
#include <cstddef>
#include <string>
#include <vector>

namespace maple::engine::cuda {

struct Dims {
  int n = 0, c = 0, h = 0, w = 0; // NCHW, packed
  std::size_t count() const { return static_cast<std::size_t>(n) * c * h * w; }
  bool operator==(const Dims&) const = default;
};

enum class StepKind {
  Conv,    // cudnnConvolutionForward (kernel, stride, padding, groups), + bias, ReLU if relu
  Affine,  // x * scale + bias per channel (a batch norm of its own), ReLU if relu; no scale: ReLU only
  Sum,     // the inputs added; none: zeros
  Pool,    // average pool of window kernelH x kernelW (a global pool: the whole plane)
  Shuffle, // channel shuffle: one strided copy (cudnnTransformTensor, see shuffleLayouts)
  Linear,  // cuBLAS GEMM of the flattened input and weights, + bias
};

struct Step {
  StepKind kind = StepKind::Sum;
  std::string layer; // the graph layer it ends with, for messages
  std::vector<int> in; // buffer ids
  std::vector<Dims> inDims;
  int out = 0; // buffer id; never one of `in`
  Dims outDims;
  int kernelH = 1, kernelW = 1, stride = 1, padding = 0, groups = 1;
  bool countIncludePad = true; // Pool
  bool relu = false;
  std::vector<float> weights; // Conv: OIHW with I = in / groups, batch norm folded; Linear: out x in
  std::vector<float> scale;   // Affine
  std::vector<float> bias;    // per output channel (Conv, Linear, Affine's shift)
};

struct Plan {
  int batch = 1;
  std::vector<Step> steps;
  std::vector<std::size_t> bufferFloats; // buffer 0 holds the input and is never reused
  std::vector<float> input;              // batch x 3 x 32 x 32 (cpu::networkInput)
  int output = 0;                        // buffer of the logits, batch x classes row-major
  int classes = 0;
};

// Weights and input from the CPU engine's code (cpu::graphTensors gives the same numbers), so both
// engines compute the same network. Throws maple::Error (Usage) for a batch outside 1..4096 or an
// input other than 3 x 32 x 32.
Plan planGraph(const searchspace::LayerGraph& graph, const RunConfig& config);

// A 4-d tensor layout: cudnnSetTensor4dDescriptorEx's dimensions and strides, in elements.
struct Layout {
  std::array<int, 4> dims{}, strides{};
};
struct ShuffleLayouts {
  Layout from, to;
};
// One cudnnTransformTensor from `from` (over the input) to `to` (over the packed output) computes
// the shuffle: out channel j * groups + i = in channel i * (C / groups) + j.
ShuffleLayouts shuffleLayouts(const Dims& d, int groups);

// What cuDNN reports of one forward algorithm (cudnnConvolutionFwdAlgoPerf_t), in its order.
struct AlgoOption {
  bool available = false; // status CUDNN_STATUS_SUCCESS
  std::size_t workspace = 0;
  bool fmaMath = false; // plain FP32: TF32 tensor cores would cost ~1e-3 relative accuracy
};
inline constexpr std::size_t kMaxWorkspace = std::size_t(256) << 20;
// The first available FP32 option within maxWorkspace bytes (cuDNN lists the fastest first); -1
// when there is none (then the engine takes implicit GEMM, which needs no workspace).
int pickAlgorithm(const std::vector<AlgoOption>& options, std::size_t maxWorkspace = kMaxWorkspace);

} // namespace maple::engine::cuda
