// Plans a layer graph into steps separated by barriers (one per executed layer after fusion) and
// runs them on the SPMD pool, like the NAS-Bench-201 plan in cpu_network.cpp.
#include "engine/cpu/graph_network.hpp"

#include "common/cpus.hpp"
#include "common/error.hpp"
#include "engine/cpu/gemm.hpp"
#include "engine/cpu/graph_kernels.hpp"
#include "engine/cpu/network_weights.hpp"
#include "engine/cpu/plan_support.hpp"
#include "engine/cpu/spmd_pool.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

namespace maple::engine::cpu {
namespace {

using searchspace::Layer;
using searchspace::LayerGraph;
using searchspace::LayerKind;
using searchspace::Shape;

constexpr long kTileFloats = 32 * 1024; // an A tile of the GEMM stays within L2
constexpr long kColumnGrain = 16;

enum class StepKind { Gemm, Depthwise, Shuffle, Affine, Sum, AvgPool3, AvgPool2, GlobalPool };
enum class Patches { Direct, Subsample, Im2col3 };

struct GemmPart {
  int kOffset; // first input channel of the part's group (Direct, Subsample)
  int mOffset; // first output channel
  GemmWeights weights;
};

struct Step {
  StepKind kind = StepKind::Gemm;
  std::vector<int> inputs; // value ids (the graph layer whose result a buffer holds)
  int output = 0;
  Shape outShape;
  std::vector<Planes> in; // set once buffers are assigned
  float* out = nullptr;
  long columns = 0; // batch * out height * width
  long planeStride = 0; // of the output's planes (planeStrideOf)
  Patches patches = Patches::Direct;
  int stride = 1;
  int patchRows = 0;
  long tile = 1;
  long tiles = 1;
  std::vector<GemmPart> parts;
  std::vector<float> bias, weights, scale, shift;
  bool relu = false;
  bool residual = false; // Gemm: in[1] is added to the output (a residual Add fused in)
  int kernel = 0;
  int groups = 1;
  long items() const { return kind == StepKind::Gemm ? tiles * static_cast<long>(parts.size()) : outShape.channels; }
};

// Planes whose length is a multiple of 512 bytes are spaced one cache line further apart: at a
// power-of-two stride every plane's row t of a GEMM tile falls in the same cache sets, so a tile
// of A (one run of columns from each of k planes) could not stay in L1 or L2 between the
// micro-kernel's passes. 1x1 planes (pooled features, logits) stay dense.
long planeStrideOf(const Shape& s, int batch) {
  const long hw = static_cast<long>(s.height) * s.width, columns = batch * hw;
  return hw > 1 && columns % 128 == 0 ? columns + 16 : columns;
}

Planes planesOf(const float* data, const Shape& s, int batch) {
  const long hw = static_cast<long>(s.height) * s.width;
  return {data, planeStrideOf(s, batch), hw, s.channels, s.height, s.width};
}

Planes channelRange(const Planes& p, int c0, int c1) {
  return {p.data + c0 * p.planeStride, p.planeStride, p.imageStride, c1 - c0, p.h, p.w};
}

[[noreturn]] void unsupported(const Layer& l, const std::string& why) {
  fail(ErrorKind::Usage, "the CPU engine cannot run " + std::string(searchspace::kindName(l.kind)) + " layer '" +
                             l.name + "': " + why);
}

} // namespace

struct GraphNetwork::Impl {
  RunConfig config;
  int batch = 1;
  std::vector<Step> steps;
  std::vector<Buffer> buffers;
  float* input = nullptr;
  const float* logits = nullptr;
  int classes = 0;
  std::unique_ptr<SpmdPool> pool;
  std::vector<Buffer> scratch;
  std::function<void(int)> body;

  void runGemm(const Step& s, int member, float* col) const;
  void runChannels(const Step& s, int c0, int c1) const;
};

void GraphNetwork::Impl::runGemm(const Step& s, int member, float* col) const {
  const auto [a, b] = share(s.items(), 1, member, pool->size());
  const long parts = static_cast<long>(s.parts.size());
  long prepared = -1;
  for (long i = a; i < b; ++i) {
    const long t = i / parts, t0 = t * s.tile, t1 = std::min(s.columns, t0 + s.tile), len = t1 - t0;
    const GemmPart& part = s.parts[static_cast<std::size_t>(i % parts)];
    if (s.patches != Patches::Direct && t != prepared) {
      if (s.patches == Patches::Im2col3)
        im2col3x3(s.in[0], s.stride, false, s.outShape.width, s.outShape.height, t0, t1, col);
      else
        subsampleColumns(s.in[0], s.stride, s.outShape.width, s.outShape.height, t0, t1, col);
      prepared = t;
    }
    const float* lhs = s.patches == Patches::Direct ? s.in[0].data + part.kOffset * s.in[0].planeStride + t0
                                                    : col + part.kOffset * len;
    const long lda = s.patches == Patches::Direct ? s.in[0].planeStride : len;
    const long corner = part.mOffset * s.planeStride + t0; // the residual input has the output's geometry
    const GemmEpilogue epilogue{s.bias.data() + part.mOffset, s.residual ? s.in[1].data + corner : nullptr, s.relu};
    gemmStore(lhs, lda, len, part.weights, epilogue, s.out + corner, s.planeStride);
  }
}

void GraphNetwork::Impl::runChannels(const Step& s, int c0, int c1) const {
  const Planes& in = s.in.empty() ? Planes{} : s.in[0];
  switch (s.kind) {
  case StepKind::Depthwise:
    depthwiseConv(in, {s.kernel, s.stride, (s.kernel - 1) / 2, s.weights.data(), s.bias.data(), s.relu},
                  planesOf(s.out, s.outShape, batch), batch, c0, c1, s.out);
    break;
  case StepKind::Shuffle: channelShuffle(in, s.groups, c0, c1, s.out); break;
  case StepKind::Affine:
    affine(in, s.scale.empty() ? nullptr : s.scale.data(), s.shift.empty() ? nullptr : s.shift.data(), s.relu, c0, c1,
           s.out);
    break;
  case StepKind::Sum: sumPlanes(s.in.data(), static_cast<int>(s.in.size()), planesOf(s.out, s.outShape, batch), c0, c1, s.out); break;
  case StepKind::AvgPool3:
    std::fill(s.out + c0 * s.planeStride, s.out + c1 * s.planeStride, 0.0f);
    addAvgPool3x3(channelRange(in, c0, c1), 0, s.columns, s.out + c0 * s.planeStride);
    break;
  case StepKind::AvgPool2:
    for (int c = c0; c < c1; ++c) // one channel a call: avgPool2x2 writes channels at the column count apart
      avgPool2x2(channelRange(in, c, c + 1), s.outShape.width, s.outShape.height, 0, s.columns, s.out + c * s.planeStride);
    break;
  case StepKind::GlobalPool: globalAvgPool(in, batch, c0, c1, s.out); break;
  case StepKind::Gemm: break;
  }
}

namespace {

class GraphPlanner {
public:
  GraphPlanner(GraphNetwork::Impl& net, const LayerGraph& graph) : net_(net), layers_(graph.layers) {}

  void plan() {
    if (!(layers_.front().out == Shape{3, 32, 32}))
      fail(ErrorKind::Usage, "the CPU engine takes 3 x 32 x 32 inputs; this network's input differs");
    markLive();
    for (int i = 1; i < static_cast<int>(layers_.size()); ++i)
      if (live_[i] && !covered_[i]) addLayer(i);
    assignBuffers();
  }

  long maxPatchFloats() const { return maxPatch_; }

private:
  void markLive() {
    auto l = liveness(layers_);
    live_ = std::move(l.live);
    consumers_ = std::move(l.consumers);
    covered_.assign(layers_.size(), false);
  }

  // The layer that alone reads `layer`, if it is of `kind`; -1 otherwise.
  int soleConsumer(int layer, LayerKind kind) const {
    const auto& c = consumers_[layer];
    return c.size() == 1 && layers_[c[0]].kind == kind ? c[0] : -1;
  }

  Step begin(StepKind kind, int layer, std::vector<int> inputs) {
    Step s;
    s.kind = kind;
    s.inputs = std::move(inputs);
    s.output = layer;
    s.outShape = layers_[layer].out;
    s.columns = static_cast<long>(net_.batch) * s.outShape.height * s.outShape.width;
    s.planeStride = planeStrideOf(s.outShape, net_.batch);
    return s;
  }

  void addLayer(int i) {
    const Layer& l = layers_[i];
    switch (l.kind) {
    case LayerKind::Conv: return addConv(i);
    case LayerKind::Linear: return addLinear(i);
    case LayerKind::BatchNorm:
    case LayerKind::Relu: return addAffine(i);
    case LayerKind::Add:
      if (!fuseResidual(i)) net_.steps.push_back(begin(StepKind::Sum, i, l.inputs));
      return;
    case LayerKind::AvgPool: return addPool(i);
    case LayerKind::ChannelShuffle: {
      Step s = begin(StepKind::Shuffle, i, {l.inputs[0]});
      s.groups = l.groups;
      net_.steps.push_back(std::move(s));
      return;
    }
    case LayerKind::GlobalAvgPool: net_.steps.push_back(begin(StepKind::GlobalPool, i, {l.inputs[0]})); return;
    case LayerKind::Input: return;
    }
  }

  // y + x where y is a GEMM step's result read by nothing else and without a ReLU after it: the
  // GEMM starts from bias + x instead, saving a pass over both tensors.
  bool fuseResidual(int i) {
    const Layer& l = layers_[i];
    if (l.inputs.size() != 2) return false;
    for (int side = 0; side < 2; ++side) {
      const int y = l.inputs[side], x = l.inputs[1 - side];
      const int sy = stepOf(y), sx = x == 0 ? -1 : stepOf(x);
      if (sy < 0 || x == y || sx >= sy || consumers_[y].size() != 1) continue; // x must exist before y's step
      Step& s = net_.steps[sy];
      if (s.kind != StepKind::Gemm || s.relu || s.residual) continue;
      s.output = i;
      s.inputs.push_back(x);
      s.residual = true;
      return true;
    }
    return false;
  }

  int stepOf(int value) const {
    for (int k = 0; k < static_cast<int>(net_.steps.size()); ++k)
      if (net_.steps[k].output == value) return k;
    return -1;
  }

  // Conv [+ BatchNorm folded] [+ ReLU fused], as a GEMM or a depthwise step.
  void addConv(int i) {
    const Layer& l = layers_[i];
    const Shape in = layers_[l.inputs[0]].out;
    int end = i;
    BatchNorm bn;
    const int bnLayer = soleConsumer(i, LayerKind::BatchNorm);
    if (bnLayer >= 0) {
      bn = batchNorm(net_.config.seed, layers_[bnLayer].name, l.out.channels);
      covered_[end = bnLayer] = true;
    }
    const int reluLayer = soleConsumer(end, LayerKind::Relu);
    if (reluLayer >= 0) covered_[end = reluLayer] = true;
    const Tensor w = convWeight(net_.config.seed, l.name, l.out.channels, in.channels / l.groups, l.kernel);
    Folded f = fold(w, bnLayer >= 0 ? &bn : nullptr);

    const bool depthwise = l.groups == in.channels && l.groups == l.out.channels && l.groups > 1;
    if (depthwise) {
      if ((l.kernel != 3 && l.kernel != 5) || (l.stride != 1 && l.stride != 2) || l.padding != (l.kernel - 1) / 2)
        unsupported(l, "depthwise convolutions must be 3x3 or 5x5, stride 1 or 2, padding (k-1)/2");
      Step s = begin(StepKind::Depthwise, end, {l.inputs[0]});
      s.kernel = l.kernel;
      s.stride = l.stride;
      s.weights = std::move(f.w);
      s.bias = std::move(f.bias);
      s.relu = reluLayer >= 0;
      net_.steps.push_back(std::move(s));
      return;
    }
    Step s = begin(StepKind::Gemm, end, {l.inputs[0]});
    s.stride = l.stride;
    s.relu = reluLayer >= 0;
    if (l.kernel == 1 && l.padding == 0) {
      s.patches = l.stride == 1 ? Patches::Direct : Patches::Subsample;
      s.patchRows = l.stride == 1 ? 0 : in.channels;
    } else if (l.kernel == 3 && l.padding == 1 && l.groups == 1 && l.stride <= 2) {
      s.patches = Patches::Im2col3;
      s.patchRows = 9 * in.channels;
    } else {
      unsupported(l, "convolutions must be 1x1, depthwise, or dense 3x3 with padding 1");
    }
    s.bias = f.bias;
    addParts(s, std::move(f), l.groups, in.channels);
    net_.steps.push_back(std::move(s));
  }

  void addLinear(int i) {
    const Layer& l = layers_[i];
    const int in = layers_[l.inputs[0]].out.channels;
    Step s = begin(StepKind::Gemm, i, {l.inputs[0]});
    const Tensor w = linearWeight(net_.config.seed, l.name, l.out.channels, in);
    s.bias = linearBias(net_.config.seed, l.name, l.out.channels).data;
    addParts(s, Folded{w.data, s.bias, in, l.out.channels}, 1, in);
    net_.steps.push_back(std::move(s));
  }

  // Groups whose outputs are a multiple of the kernels' 8-column panels run as GEMMs of their own;
  // other grouped convolutions as one block-diagonal GEMM (zeros across groups). Output columns
  // are split into chunks so that tiles x chunks keeps every thread busy.
  void addParts(Step& s, Folded f, int groups, int inChannels) {
    const int k = f.k;
    s.tile = std::max(kColumnGrain, kTileFloats / std::max(s.patchRows, k) / kColumnGrain * kColumnGrain);
    s.tiles = (s.columns + s.tile - 1) / s.tile;
    maxPatch_ = std::max(maxPatch_, s.tile * s.patchRows);
    const int mg = f.m / groups;
    if (groups > 1 && mg % kPanelColumns != 0) {
      f = blockDiagonal(f, groups, inChannels);
      groups = 1;
    }
    const int group_m = f.m / groups, threads = net_.config.threads;
    const long wanted = std::max<long>(1, (threads + s.tiles - 1) / s.tiles);
    int chunk = static_cast<int>((group_m + wanted - 1) / wanted);
    if (group_m % kPanelColumns == 0) chunk = std::max(kPanelColumns, (chunk + kPanelColumns - 1) / kPanelColumns * kPanelColumns);
    for (int gi = 0; gi < groups; ++gi)
      for (int m0 = 0; m0 < group_m; m0 += chunk) {
        const int m1 = std::min(group_m, m0 + chunk), first = gi * group_m + m0;
        std::vector<float> w(f.w.begin() + static_cast<long>(first) * f.k, f.w.begin() + static_cast<long>(first + m1 - m0) * f.k);
        s.parts.push_back({gi * (inChannels / groups), first, packWeights(std::move(w), f.k, m1 - m0)});
      }
  }

  static Folded blockDiagonal(const Folded& f, int groups, int inChannels) {
    const int kg = f.k, mg = f.m / groups;
    Folded d{std::vector<float>(static_cast<std::size_t>(inChannels) * f.m, 0.0f), f.bias, inChannels, f.m};
    for (int o = 0; o < f.m; ++o)
      for (int c = 0; c < kg; ++c)
        d.w[static_cast<std::size_t>(o) * inChannels + (o / mg) * kg + c] = f.w[static_cast<std::size_t>(o) * kg + c];
    return d;
  }

  // A batch norm without a conv before it (NAS-Bench-201's last one), a ReLU of its own.
  void addAffine(int i) {
    const Layer& l = layers_[i];
    int end = i;
    Step s;
    if (l.kind == LayerKind::BatchNorm) {
      const BatchNorm bn = batchNorm(net_.config.seed, l.name, l.out.channels);
      const int reluLayer = soleConsumer(i, LayerKind::Relu);
      if (reluLayer >= 0) covered_[end = reluLayer] = true;
      s = begin(StepKind::Affine, end, {l.inputs[0]});
      for (int c = 0; c < l.out.channels; ++c) {
        const float scale = bn.gamma[c] / std::sqrt(bn.var[c] + kBnEps);
        s.scale.push_back(scale);
        s.shift.push_back(bn.beta[c] - bn.mean[c] * scale);
      }
      s.relu = reluLayer >= 0;
    } else {
      s = begin(StepKind::Affine, i, {l.inputs[0]});
      s.relu = true;
    }
    net_.steps.push_back(std::move(s));
  }

  void addPool(int i) {
    const Layer& l = layers_[i];
    if (l.kernel == 3 && l.stride == 1 && l.padding == 1 && !l.countIncludePad)
      net_.steps.push_back(begin(StepKind::AvgPool3, i, {l.inputs[0]}));
    else if (l.kernel == 2 && l.stride == 2 && l.padding == 0)
      net_.steps.push_back(begin(StepKind::AvgPool2, i, {l.inputs[0]}));
    else
      unsupported(l, "average pools must be 3x3 stride 1 padding 1 (padding not counted) or 2x2 stride 2");
  }

  // Each value gets a buffer when its step runs and gives it back after its last reader, so a
  // deep network needs a few buffers, not one per layer.
  void assignBuffers() {
    const int n = static_cast<int>(layers_.size());
    std::vector<int> lastUse(n, -1);
    for (int s = 0; s < static_cast<int>(net_.steps.size()); ++s)
      for (int v : net_.steps[s].inputs) lastUse[v] = s;
    struct Slot {
      float* data;
      std::size_t floats;
    };
    std::vector<Slot> free;
    std::vector<Slot> bufferOf(n, Slot{nullptr, 0});
    const std::size_t inputFloats = static_cast<std::size_t>(net_.batch) * 3 * 32 * 32;
    net_.buffers.push_back(allocate(inputFloats));
    net_.input = net_.buffers.back().get();
    bufferOf[0] = {net_.input, inputFloats};
    for (int si = 0; si < static_cast<int>(net_.steps.size()); ++si) {
      Step& s = net_.steps[si];
      const std::size_t need = static_cast<std::size_t>(s.outShape.channels) * s.planeStride;
      auto best = free.end();
      for (auto it = free.begin(); it != free.end(); ++it)
        if (it->floats >= need && (best == free.end() || it->floats < best->floats)) best = it;
      Slot slot;
      if (best != free.end()) {
        slot = *best;
        free.erase(best);
      } else {
        net_.buffers.push_back(allocate(need));
        slot = {net_.buffers.back().get(), need};
      }
      bufferOf[s.output] = slot;
      s.out = slot.data;
      for (int v : s.inputs) s.in.push_back(v == 0 ? inputPlanes() : planesOf(bufferOf[v].data, layers_[v].out, net_.batch));
      for (int v : s.inputs)
        if (v != 0 && lastUse[v] == si && bufferOf[v].data) {
          free.push_back(bufferOf[v]);
          bufferOf[v].data = nullptr;
        }
    }
    net_.logits = bufferOf[n - 1].data;
    net_.classes = layers_.back().out.channels;
  }

  // The input is NCHW (image-major), unlike the engine's channel-plane buffers.
  Planes inputPlanes() const {
    const Shape& in = layers_.front().out;
    const long hw = static_cast<long>(in.height) * in.width;
    return {net_.input, hw, in.channels * hw, in.channels, in.height, in.width};
  }

  GraphNetwork::Impl& net_;
  const std::vector<Layer>& layers_;
  std::vector<bool> live_, covered_;
  std::vector<std::vector<int>> consumers_;
  long maxPatch_ = 1;
};

} // namespace

GraphNetwork::GraphNetwork(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
GraphNetwork::~GraphNetwork() = default;

void GraphNetwork::run() { impl_->pool->run(impl_->body); }

std::vector<float> GraphNetwork::output() {
  std::vector<float> out(static_cast<std::size_t>(impl_->batch) * impl_->classes);
  for (int b = 0; b < impl_->batch; ++b)
    for (int k = 0; k < impl_->classes; ++k) out[static_cast<std::size_t>(b) * impl_->classes + k] = impl_->logits[k * impl_->batch + b];
  return out;
}

int GraphNetwork::threads() const { return impl_->pool->size(); }

std::unique_ptr<GraphNetwork> prepareGraph(const searchspace::LayerGraph& graph, const RunConfig& config) {
  checkRunConfig(config);
  auto impl = std::make_unique<GraphNetwork::Impl>();
  impl->config = config;
  impl->config.threads = config.threads == 0 ? availableCpus() : config.threads;
  impl->batch = config.batch;
  GraphPlanner planner(*impl, graph);
  planner.plan();
  const Tensor in = networkInput(config.seed, config.batch);
  std::copy(in.data.begin(), in.data.end(), impl->input);
  const int threads = impl->config.threads;
  impl->pool = std::make_unique<SpmdPool>(threads);
  for (int t = 0; t < threads; ++t) impl->scratch.push_back(allocate(static_cast<std::size_t>(planner.maxPatchFloats())));
  GraphNetwork::Impl* self = impl.get();
  impl->body = [self](int member) {
    float* col = self->scratch[member].get();
    const int members = self->pool->size();
    for (const Step& s : self->steps) {
      if (s.kind == StepKind::Gemm) {
        self->runGemm(s, member, col);
      } else {
        const auto [c0, c1] = share(s.items(), 1, member, members);
        if (c0 < c1) self->runChannels(s, static_cast<int>(c0), static_cast<int>(c1));
      }
      self->pool->barrier();
    }
  };
  return std::make_unique<GraphNetwork>(std::move(impl));
}

} // namespace maple::engine::cpu
