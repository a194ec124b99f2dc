#include "searchspace/layer_graph.hpp"

#include "common/error.hpp"

#include <array>

namespace maple::searchspace {
namespace {

[[noreturn]] void badShape(const std::string& what) { fail(ErrorKind::Usage, "layer graph: " + what); }

int pooledSize(int size, int kernel, int stride, int padding, const std::string& what) {
  const int padded = size + 2 * padding;
  if (kernel < 1 || stride < 1 || padding < 0 || padded < kernel)
    badShape(what + ": kernel " + std::to_string(kernel) + " does not fit an input of " + std::to_string(size) +
             " with padding " + std::to_string(padding));
  return (padded - kernel) / stride + 1;
}

} // namespace

std::string_view kindName(LayerKind kind) {
  static constexpr std::array<std::string_view, 9> names{
      "input", "conv", "batch_norm", "relu", "add", "avg_pool", "channel_shuffle", "global_avg_pool", "linear"};
  return names[static_cast<int>(kind)];
}

GraphBuilder::GraphBuilder(Shape input) {
  Layer l;
  l.kind = LayerKind::Input;
  l.name = "input";
  l.out = input;
  graph_.layers.push_back(std::move(l));
}

int GraphBuilder::push(Layer layer) {
  for (int in : layer.inputs)
    if (in < 0 || in >= static_cast<int>(graph_.layers.size()))
      badShape(std::string(kindName(layer.kind)) + " '" + layer.name + "' reads layer " + std::to_string(in) +
               ", which does not exist yet");
  graph_.layers.push_back(std::move(layer));
  return static_cast<int>(graph_.layers.size()) - 1;
}

int GraphBuilder::conv(const std::string& name, int in, int channels, int kernel, int stride, int padding,
                       int groups) {
  const Shape s = shape(in);
  if (groups < 1 || s.channels % groups != 0 || channels % groups != 0)
    badShape("conv '" + name + "': " + std::to_string(s.channels) + " -> " + std::to_string(channels) +
             " channels cannot be split into " + std::to_string(groups) + " groups");
  Layer l;
  l.kind = LayerKind::Conv;
  l.name = name;
  l.inputs = {in};
  l.kernel = kernel;
  l.stride = stride;
  l.padding = padding;
  l.groups = groups;
  l.out = {channels, pooledSize(s.height, kernel, stride, padding, "conv '" + name + "'"),
           pooledSize(s.width, kernel, stride, padding, "conv '" + name + "'")};
  return push(std::move(l));
}

int GraphBuilder::batchNorm(const std::string& name, int in) {
  Layer l;
  l.kind = LayerKind::BatchNorm;
  l.name = name;
  l.inputs = {in};
  l.out = shape(in);
  return push(std::move(l));
}

int GraphBuilder::relu(int in) {
  Layer l;
  l.kind = LayerKind::Relu;
  l.inputs = {in};
  l.out = shape(in);
  return push(std::move(l));
}

int GraphBuilder::add(const std::vector<int>& ins, Shape zeroShape) {
  Layer l;
  l.kind = LayerKind::Add;
  l.inputs = ins;
  l.out = ins.empty() ? zeroShape : shape(ins.front());
  for (int in : ins)
    if (!(shape(in) == l.out)) badShape("add: inputs of different shapes");
  return push(std::move(l));
}

int GraphBuilder::avgPool(int in, int kernel, int stride, int padding, bool countIncludePad) {
  const Shape s = shape(in);
  Layer l;
  l.kind = LayerKind::AvgPool;
  l.inputs = {in};
  l.kernel = kernel;
  l.stride = stride;
  l.padding = padding;
  l.countIncludePad = countIncludePad;
  l.out = {s.channels, pooledSize(s.height, kernel, stride, padding, "avg_pool"),
           pooledSize(s.width, kernel, stride, padding, "avg_pool")};
  return push(std::move(l));
}

int GraphBuilder::channelShuffle(int in, int groups) {
  if (groups < 1 || shape(in).channels % groups != 0)
    badShape("channel_shuffle: " + std::to_string(shape(in).channels) + " channels in " + std::to_string(groups) +
             " groups");
  Layer l;
  l.kind = LayerKind::ChannelShuffle;
  l.inputs = {in};
  l.groups = groups;
  l.out = shape(in);
  return push(std::move(l));
}

int GraphBuilder::globalAvgPool(int in) {
  Layer l;
  l.kind = LayerKind::GlobalAvgPool;
  l.inputs = {in};
  l.out = {shape(in).channels, 1, 1};
  return push(std::move(l));
}

int GraphBuilder::linear(const std::string& name, int in, int outFeatures) {
  const Shape s = shape(in);
  if (s.height != 1 || s.width != 1) badShape("linear '" + name + "' needs a pooled (C x 1 x 1) input");
  Layer l;
  l.kind = LayerKind::Linear;
  l.name = name;
  l.inputs = {in};
  l.bias = true;
  l.out = {outFeatures, 1, 1};
  return push(std::move(l));
}

int GraphBuilder::convBn(const std::string& name, int in, int channels, int kernel, int stride, int groups,
                         bool relu) {
  int x = conv(name + ".conv", in, channels, kernel, stride, (kernel - 1) / 2, groups);
  x = batchNorm(name + ".bn", x);
  return relu ? this->relu(x) : x;
}

LayerGraph GraphBuilder::finish() && { return std::move(graph_); }

GraphCost graphCost(const LayerGraph& graph) {
  GraphCost c;
  const auto& layers = graph.layers;
  for (const Layer& l : layers) {
    const double out = static_cast<double>(l.out.elements());
    const bool fused = (l.kind == LayerKind::BatchNorm || l.kind == LayerKind::Relu) &&
                       (layers[l.inputs[0]].kind == LayerKind::Conv || layers[l.inputs[0]].kind == LayerKind::BatchNorm);
    if (l.kind != LayerKind::Input && !fused) c.activationBytes += 4.0 * out;
    switch (l.kind) {
    case LayerKind::Conv: {
      const double weights = static_cast<double>(l.kernel) * l.kernel * layers[l.inputs[0]].out.channels / l.groups *
                             l.out.channels;
      c.params += weights + (l.bias ? l.out.channels : 0);
      c.macs += weights * l.out.height * l.out.width;
      break;
    }
    case LayerKind::BatchNorm: c.params += 2.0 * l.out.channels; break;
    case LayerKind::Linear: {
      const double weights = static_cast<double>(layers[l.inputs[0]].out.channels) * l.out.channels;
      c.params += weights + l.out.channels;
      c.macs += weights;
      break;
    }
    default: break;
    }
  }
  return c;
}

} // namespace maple::searchspace
