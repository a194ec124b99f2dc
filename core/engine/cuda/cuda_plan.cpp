#include "engine/cuda/cuda_plan.hpp"

#include "common/error.hpp"
#include "engine/cpu/network_weights.hpp"
#include "engine/cpu/plan_support.hpp"

#include <algorithm>
#include <cmath>

namespace maple::engine::cuda {
namespace {

namespace w = cpu; // the CPU engine owns the weights: both engines run the very same numbers
using searchspace::Layer;
using searchspace::LayerKind;

Dims dimsOf(const searchspace::Shape& s, int batch) { return {batch, s.channels, s.height, s.width}; }

// w' = w * s and bias b' = beta - mean * s, s = gamma / sqrt(var + eps), on OIHW weights.
void foldInto(Step& step, const w::BatchNorm& bn) {
  const int out = step.outDims.c;
  const std::size_t per = step.weights.size() / static_cast<std::size_t>(out);
  for (int o = 0; o < out; ++o) {
    const float s = bn.gamma[o] / std::sqrt(bn.var[o] + w::kBnEps);
    for (std::size_t i = 0; i < per; ++i) step.weights[o * per + i] *= s;
    step.bias[o] = bn.beta[o] - bn.mean[o] * s;
  }
}

class Planner {
public:
  Planner(const searchspace::LayerGraph& graph, const RunConfig& config) : layers_(graph.layers), config_(config) {}

  Plan plan() {
    w::checkRunConfig(config_);
    if (!(layers_.front().out == searchspace::Shape{3, 32, 32}))
      fail(ErrorKind::Usage, "the CUDA engine takes 3 x 32 x 32 inputs; this network's input differs");
    markLive();
    for (int i = 1; i < static_cast<int>(layers_.size()); ++i)
      if (live_[i] && !covered_[i]) addLayer(i);
    plan_.batch = config_.batch;
    plan_.input = w::networkInput(config_.seed, config_.batch).data;
    plan_.classes = static_cast<int>(layers_.back().out.elements());
    assignBuffers();
    return std::move(plan_);
  }

private:
  void markLive() {
    auto l = w::liveness(layers_);
    live_ = std::move(l.live);
    consumers_ = std::move(l.consumers);
    covered_.assign(layers_.size(), false);
  }

  // The layer that alone reads `layer`, if it is of `kind` (then covered by the step); else -1.
  int fuse(int layer, LayerKind kind) {
    const auto& c = consumers_[layer];
    if (c.size() != 1 || layers_[c[0]].kind != kind) return -1;
    covered_[c[0]] = true;
    return c[0];
  }

  // A step that reads the values `inputs` and ends with layer `last` (which names its output).
  Step& begin(StepKind kind, int last, const std::vector<int>& inputs) {
    Step s;
    s.kind = kind;
    s.layer = layers_[last].name.empty() ? std::string(searchspace::kindName(layers_[last].kind)) : layers_[last].name;
    for (int v : inputs) s.inDims.push_back(dimsOf(layers_[v].out, config_.batch));
    s.outDims = dimsOf(layers_[last].out, config_.batch);
    plan_.steps.push_back(std::move(s));
    stepValues_.push_back({inputs, last});
    return plan_.steps.back();
  }

  void addLayer(int i) {
    const Layer& l = layers_[i];
    switch (l.kind) {
    case LayerKind::Conv: return addConv(i);
    case LayerKind::BatchNorm: return addBatchNorm(i);
    case LayerKind::Relu: begin(StepKind::Affine, i, l.inputs).relu = true; return;
    case LayerKind::Add: begin(StepKind::Sum, i, l.inputs); return;
    case LayerKind::AvgPool: {
      Step& s = begin(StepKind::Pool, i, l.inputs);
      s.kernelH = s.kernelW = l.kernel;
      s.stride = l.stride;
      s.padding = l.padding;
      s.countIncludePad = l.countIncludePad;
      return;
    }
    case LayerKind::GlobalAvgPool: {
      Step& s = begin(StepKind::Pool, i, l.inputs);
      s.kernelH = s.inDims[0].h;
      s.kernelW = s.inDims[0].w;
      return;
    }
    case LayerKind::ChannelShuffle: begin(StepKind::Shuffle, i, l.inputs).groups = l.groups; return;
    case LayerKind::Linear: return addLinear(i);
    case LayerKind::Input: return;
    }
  }

  // Conv [+ BatchNorm folded] [+ ReLU].
  void addConv(int i) {
    const Layer& l = layers_[i];
    const int bn = fuse(i, LayerKind::BatchNorm);
    const int relu = fuse(bn >= 0 ? bn : i, LayerKind::Relu);
    const int last = relu >= 0 ? relu : bn >= 0 ? bn : i;
    Step& s = begin(StepKind::Conv, last, l.inputs);
    s.layer = l.name;
    s.kernelH = s.kernelW = l.kernel;
    s.stride = l.stride;
    s.padding = l.padding;
    s.groups = l.groups;
    s.relu = relu >= 0;
    s.weights = w::convWeight(config_.seed, l.name, l.out.channels, s.inDims[0].c / l.groups, l.kernel).data;
    s.bias.assign(l.out.channels, 0.0f);
    if (bn >= 0) foldInto(s, w::batchNorm(config_.seed, layers_[bn].name, l.out.channels));
  }

  // A batch norm without a conv before it (NAS-Bench-201's last one) [+ ReLU].
  void addBatchNorm(int i) {
    const Layer& l = layers_[i];
    const int relu = fuse(i, LayerKind::Relu);
    Step& s = begin(StepKind::Affine, relu >= 0 ? relu : i, l.inputs);
    s.layer = l.name;
    s.relu = relu >= 0;
    const auto bn = w::batchNorm(config_.seed, l.name, l.out.channels);
    for (int c = 0; c < l.out.channels; ++c) {
      s.scale.push_back(bn.gamma[c] / std::sqrt(bn.var[c] + w::kBnEps));
      s.bias.push_back(bn.beta[c] - bn.mean[c] * s.scale.back());
    }
  }

  void addLinear(int i) {
    const Layer& l = layers_[i];
    Step& s = begin(StepKind::Linear, i, l.inputs);
    const int in = static_cast<int>(layers_[l.inputs[0]].out.elements());
    s.weights = w::linearWeight(config_.seed, l.name, l.out.channels, in).data;
    s.bias = w::linearBias(config_.seed, l.name, l.out.channels).data;
  }

  // Each value gets a buffer when its step runs and gives it back after its last reader, so a deep
  // network needs as many buffers as values are live at once, not one per layer.
  void assignBuffers() {
    const int n = static_cast<int>(layers_.size());
    std::vector<int> lastUse(n, -1), bufferOf(n, -1), free;
    for (int s = 0; s < static_cast<int>(stepValues_.size()); ++s)
      for (int v : stepValues_[s].inputs) lastUse[v] = s;
    plan_.bufferFloats.push_back(plan_.input.size());
    bufferOf[0] = 0;
    for (int si = 0; si < static_cast<int>(plan_.steps.size()); ++si) {
      Step& s = plan_.steps[si];
      s.out = takeBuffer(free, s.outDims.count());
      bufferOf[stepValues_[si].output] = s.out;
      for (int v : stepValues_[si].inputs) s.in.push_back(bufferOf[v]);
      for (int v : stepValues_[si].inputs)
        if (v != 0 && lastUse[v] == si && bufferOf[v] >= 0) {
          free.push_back(bufferOf[v]);
          bufferOf[v] = -1; // a value read twice by this step is given back once
        }
    }
    plan_.output = bufferOf[n - 1];
  }

  // The smallest free buffer that holds `floats`, else the largest free one grown to it (sizes
  // are only allocated after planning), else a new one.
  int takeBuffer(std::vector<int>& free, std::size_t floats) {
    if (free.empty()) {
      plan_.bufferFloats.push_back(floats);
      return static_cast<int>(plan_.bufferFloats.size()) - 1;
    }
    const auto size = [&](int id) { return plan_.bufferFloats[static_cast<std::size_t>(id)]; };
    auto pick = std::max_element(free.begin(), free.end(), [&](int a, int b) { return size(a) < size(b); });
    for (auto it = free.begin(); it != free.end(); ++it)
      if (size(*it) >= floats && size(*it) < size(*pick)) pick = it;
    const int id = *pick;
    free.erase(pick);
    plan_.bufferFloats[static_cast<std::size_t>(id)] = std::max(size(id), floats);
    return id;
  }

  struct StepValues {
    std::vector<int> inputs; // graph layers whose results the step reads
    int output;
  };

  const std::vector<Layer>& layers_;
  RunConfig config_;
  Plan plan_;
  std::vector<StepValues> stepValues_;
  std::vector<bool> live_, covered_;
  std::vector<std::vector<int>> consumers_;
};

} // namespace

Plan planGraph(const searchspace::LayerGraph& graph, const RunConfig& config) { return Planner(graph, config).plan(); }

// Index the shuffle by (n, j, i, p): j < C/g, i < g, p a pixel. The output (channel j*g + i) is
// packed in that order; the input channel is i*(C/g) + j.
ShuffleLayouts shuffleLayouts(const Dims& d, int groups) {
  const int pixels = d.h * d.w, per = d.c / groups, image = d.c * pixels;
  return {{{d.n, per, groups, pixels}, {image, pixels, per * pixels, 1}},
          {{d.n, per, groups, pixels}, {image, groups * pixels, pixels, 1}}};
}

int pickAlgorithm(const std::vector<AlgoOption>& options, std::size_t maxWorkspace) {
  for (int i = 0; i < static_cast<int>(options.size()); ++i)
    if (options[i].available && options[i].fmaMath && options[i].workspace <= maxWorkspace) return i;
  return -1;
}

} // namespace maple::engine::cuda
