#pragma once
// Deterministic parameters and input of the NAS-Bench-201 CIFAR network, held as PyTorch holds them
// (conv weights OIHW, BatchNorm weight/bias/running_mean/running_var, linear), so that any other
// implementation (tests/engine/torch_reference.py, a GPU engine) can run the very same numbers.
//
// Every tensor depends only on the seed and its name, never on the architecture: the weights of an
// edge stay the same when other edges change. Names follow the network's modules:
//   stem.conv, stem.bn                      conv3x3 3->16 and its BN
//   cells.I.edgeE.conv, cells.I.edgeE.bn    conv edge E (nb201 edge order) of cell I (0..16)
//   cells.I.conv_a|conv_b.conv / .bn        residual blocks (cells 5 and 11)
//   cells.I.downsample.conv                 their 1x1 shortcut conv (no BN)
//   lastact.bn, classifier.weight, classifier.bias, input (batch x 3 x 32 x 32)
#include "engine/engine.hpp"
#include "searchspace/layer_graph.hpp"

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace maple::engine::cpu {

inline constexpr float kBnEps = 1e-5f;
inline constexpr int kStageChannels[3] = {16, 32, 64};
inline constexpr int kStagePixels[3] = {32, 16, 8};
inline constexpr int kCellsPerStage = 5;
inline constexpr int kNetworkCells = 17; // 5 cells, residual, 5 cells, residual, 5 cells
inline constexpr int kClasses = 10;

struct Tensor {
  std::string name;
  std::vector<int> shape;
  std::vector<float> data;
};

struct BatchNorm {
  std::vector<float> gamma, beta, mean, var;
};

// Uniform +-sqrt(3 / fan_in), so activations keep their scale through a conv.
Tensor convWeight(std::uint64_t seed, const std::string& name, int out, int in, int kernel);
// gamma in [0.5, 1.5], beta and mean in [-0.5, 0.5], var in [0.5, 2]: folding is really exercised.
BatchNorm batchNorm(std::uint64_t seed, const std::string& name, int channels);
Tensor linearWeight(std::uint64_t seed);
Tensor linearBias(std::uint64_t seed);
// Any linear layer: weights uniform +-1/sqrt(in) (NAS-Bench-201's classifier is the case in = 64),
// bias uniform +-0.1; streams named name + ".weight" / ".bias".
Tensor linearWeight(std::uint64_t seed, const std::string& name, int out, int in);
Tensor linearBias(std::uint64_t seed, const std::string& name, int out);
// NCHW, uniform [-1, 1]; image b depends on (seed, b) only, so image b is the same at every batch.
Tensor networkInput(std::uint64_t seed, int batch);

// Index in the 17-entry cell list of stage s, cell c (0..4); residual blocks sit at 5 and 11.
constexpr int cellIndex(int stage, int cell) { return stage * (kCellsPerStage + 1) + cell; }
std::string edgeName(int cellIndex, int edge);

// Every parameter of the unpruned network for this architecture (all conv edges, live or not) and
// the input of config.batch images, in a fixed order.
std::vector<Tensor> networkTensors(const nb201::Cell& cell, const RunConfig& config);

// Writes networkTensors() to a little-endian binary file:
//   "MAPLENB1", u32 length + architecture string, u32 batch, u32 tensor count, then per tensor
//   u32 length + name, u32 rank, u32 dims[rank], float32 data[prod(dims)].
// Throws maple::Error (Io) when the file cannot be written.
void exportNetwork(const nb201::Cell& cell, const RunConfig& config, const std::filesystem::path& file);

// The parameters of a layer graph (searchspace/layer_graph.hpp) by layer name: a Conv layer's
// weight (name + ".weight", OIHW with I = in / groups), a BatchNorm's four tensors, a Linear's
// weight and bias; plus the input of config.batch images. The engines and the PyTorch references
// all run these numbers.
std::vector<Tensor> graphTensors(const searchspace::LayerGraph& graph, const RunConfig& config);

// graphTensors() to a file as exportNetwork() writes, with magic "MAPLENN2" followed by u32 length
// + space name before the architecture string.
void exportGraph(const std::string& space, const std::string& arch, const searchspace::LayerGraph& graph,
                 const RunConfig& config, const std::filesystem::path& file);

} // namespace maple::engine::cpu
