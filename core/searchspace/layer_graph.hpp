#pragma once
// The network of one architecture as a small layer graph that the engines run: what to compute,
// not how (an engine folds batch norm into the convolution before it, fuses ReLUs, prunes layers
// that do not reach the output, and chooses its own kernels and memory layout).
//
// Layers are in topological order; layer 0 is the input (batch x channels x height x width, NCHW),
// the last layer is the output. Parameters are named after the layer (`name`), so the weights of a
// layer depend only on the engine's seed and that name (see engine/cpu/network_weights.hpp).
#include <string>
#include <vector>

namespace maple::searchspace {

enum class LayerKind {
  Input,
  Conv,          // kernel, stride, padding, groups; no bias unless `bias`
  BatchNorm,     // inference batch norm (running statistics), per channel
  Relu,
  Add,           // elementwise sum of the inputs; with no input, an all-zero tensor of `out`
  AvgPool,       // kernel, stride, padding, countIncludePad
  ChannelShuffle, // groups: [N, g, C/g, H, W] -> [N, C/g, g, H, W]
  GlobalAvgPool, // -> channels x 1 x 1
  Linear,        // channels -> out.channels, with bias
};

struct Shape {
  int channels = 0;
  int height = 0;
  int width = 0;
  long elements() const { return static_cast<long>(channels) * height * width; }
  bool operator==(const Shape&) const = default;
};

struct Layer {
  LayerKind kind = LayerKind::Input;
  std::string name; // parameter prefix; empty for layers without parameters
  std::vector<int> inputs;
  Shape out;
  int kernel = 1;
  int stride = 1;
  int padding = 0;
  int groups = 1;
  bool bias = false;
  bool countIncludePad = true;
};

struct LayerGraph {
  std::vector<Layer> layers;
  const Layer& output() const { return layers.back(); }
  int classes() const { return layers.back().out.channels; }
};

std::string_view kindName(LayerKind kind);

// Builds a graph with shape inference; each call returns the new layer's index. Throws
// maple::Error (Usage) for shapes that do not fit (channels not divisible by groups, mismatched
// add inputs, a kernel larger than its padded input).
class GraphBuilder {
public:
  explicit GraphBuilder(Shape input);
  int conv(const std::string& name, int in, int channels, int kernel, int stride, int padding, int groups = 1);
  int batchNorm(const std::string& name, int in);
  int relu(int in);
  int add(const std::vector<int>& ins, Shape zeroShape = {});
  int avgPool(int in, int kernel, int stride, int padding, bool countIncludePad);
  int channelShuffle(int in, int groups);
  int globalAvgPool(int in);
  int linear(const std::string& name, int in, int outFeatures);
  // conv + batch norm (+ ReLU), the unit both spaces are made of.
  int convBn(const std::string& name, int in, int channels, int kernel, int stride, int groups, bool relu);
  const Shape& shape(int layer) const { return graph_.layers.at(layer).out; }
  LayerGraph finish() &&;

private:
  int push(Layer layer);
  LayerGraph graph_;
};

// Cheap features of a graph at batch 1, by these conventions:
//  - macs: multiply-accumulates of convolutions and linear layers;
//  - params: conv and linear weights and biases, batch-norm gamma and beta (2 per channel);
//  - activationBytes: float32 bytes of every tensor a fusing runtime writes: the output of every
//    layer except the input and except a BatchNorm or ReLU that directly follows a Conv or
//    BatchNorm (folded into it / applied in place).
struct GraphCost {
  double macs = 0;
  double params = 0;
  double activationBytes = 0;
};
GraphCost graphCost(const LayerGraph& graph);

} // namespace maple::searchspace
