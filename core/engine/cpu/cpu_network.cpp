// Builds the execution plan of one architecture (a list of steps separated by barriers) and runs
// it. Pruning keeps the unpruned network's semantics: a node is Zero, Const (the same value at
// every pixel, per channel) or Data. A conv edge fed by a Zero node outputs its folded BN bias,
// a constant; a 1x1 conv or pooling of a Const stays Const and is folded into the target's
// initial value, while a 3x3 conv of a Const differs at the zero-padded border and is computed.
#include "engine/cpu/cpu_engine.hpp"

#include "common/cpus.hpp"
#include "common/error.hpp"
#include "engine/cpu/gemm.hpp"
#include "engine/cpu/graph_network.hpp"
#include "engine/cpu/kernels.hpp"
#include "engine/cpu/network_weights.hpp"
#include "engine/cpu/plan_support.hpp"
#include "engine/cpu/spmd_pool.hpp"

#include <algorithm>
#include <cmath>

namespace maple::engine::cpu {
namespace {

using nb201::Op;

// Patch tiles stay within L2 while the GEMM consumes them.
constexpr long kTileFloats = 32 * 1024;
constexpr long kColumnGrain = 16;

Folded foldConvBn(std::uint64_t seed, const std::string& name, int out, int in, int kernel) {
  const BatchNorm bn = batchNorm(seed, name + ".bn", out);
  return fold(convWeight(seed, name + ".conv", out, in, kernel), &bn);
}

struct Fill {
  float* out;
  std::vector<float> values; // one per channel
};

struct Gemm {
  int colOffset; // first patch row used
  GemmWeights weights;
  float* out;
};

enum class Patches { None, Conv3x3, Relu };

// One step: every thread handles its share of the output columns, tile by tile.
struct Step {
  int outW = 0, outH = 0;
  long columns = 0; // batch * outH * outW, also the plane stride of every output
  Planes src{};
  Patches patches = Patches::None;
  int stride = 1;
  bool relu = true;
  bool shortcutPool = false; // append avgPool2x2(poolSrc) patch rows at poolOffset
  Planes poolSrc{};
  int poolOffset = 0;
  int patchRows = 0;
  long tile = 0;
  std::vector<Fill> fills;
  std::vector<Gemm> gemms;
  std::vector<float*> skips; // out += src
  std::vector<float*> pools; // out += avg_pool_3x3(src)
};

struct Head {
  Planes in{};
  std::vector<float> scale, shift; // final BN
  Tensor weight, bias;
};

Planes planes(const float* data, int channels, int batch, int h, int w) {
  const long hw = static_cast<long>(h) * w;
  return {data, batch * hw, hw, channels, h, w};
}

} // namespace

struct CpuNetwork::Impl {
  RunConfig config;
  int batch = 1;
  std::vector<Buffer> buffers;
  float* input = nullptr;
  std::vector<Step> steps;
  Head head;
  std::vector<float> logits;
  std::unique_ptr<SpmdPool> pool;
  std::vector<Buffer> scratch; // one patch tile per thread
  std::function<void(int)> body;

  float* allocate(std::size_t floats) {
    buffers.push_back(cpu::allocate(floats));
    return buffers.back().get();
  }

  void runStep(const Step& s, int member, float* col) const;
  void runHead(int member);
};

void CpuNetwork::Impl::runStep(const Step& s, int member, float* col) const {
  const auto [a, b] = share(s.columns, kColumnGrain, member, pool->size());
  for (long t0 = a; t0 < b; t0 += s.tile) {
    const long t1 = std::min(b, t0 + s.tile), len = t1 - t0;
    for (const Fill& f : s.fills)
      fillPlanes(f.values.data(), static_cast<int>(f.values.size()), s.columns, t0, t1, f.out);
    if (s.patches == Patches::Conv3x3)
      im2col3x3(s.src, s.stride, s.relu, s.outW, s.outH, t0, t1, col);
    else if (s.patches == Patches::Relu)
      reluColumns(s.src, t0, t1, col);
    if (s.shortcutPool) avgPool2x2(s.poolSrc, s.outW, s.outH, t0, t1, col + s.poolOffset * len);
    for (const Gemm& g : s.gemms) gemmAccumulate(col + g.colOffset * len, len, len, g.weights, g.out + t0, s.columns);
    for (float* out : s.skips) addPlanes(s.src, t0, t1, out);
    for (float* out : s.pools) addAvgPool3x3(s.src, t0, t1, out);
  }
}

void CpuNetwork::Impl::runHead(int member) {
  const auto [b0, b1] = share(batch, 1, member, pool->size());
  const long hw = static_cast<long>(head.in.h) * head.in.w;
  float pooled[64];
  for (long b = b0; b < b1; ++b) {
    for (int c = 0; c < head.in.channels; ++c) {
      const float* x = head.in.data + c * head.in.planeStride + b * hw;
      float sum = 0.0f;
      for (long i = 0; i < hw; ++i) sum += std::max(x[i] * head.scale[c] + head.shift[c], 0.0f);
      pooled[c] = sum / static_cast<float>(hw);
    }
    for (int k = 0; k < kClasses; ++k) {
      float v = head.bias.data[k];
      for (int c = 0; c < head.in.channels; ++c) v += head.weight.data[k * head.in.channels + c] * pooled[c];
      logits[b * kClasses + k] = v;
    }
  }
}

namespace {

enum class NodeState { Unused, Zero, Const, Data };

class PlanBuilder {
public:
  PlanBuilder(CpuNetwork::Impl& net, const nb201::Cell& cell) : net_(net), cell_(cell), live_(nb201::liveness(cell)) {}

  void build() {
    const int batch = net_.batch;
    const std::uint64_t seed = net_.config.seed;
    net_.input = net_.allocate(static_cast<std::size_t>(batch) * 3 * 32 * 32);
    const Tensor in = networkInput(seed, batch);
    std::copy(in.data.begin(), in.data.end(), net_.input);

    // Stem: conv3x3 3->16 + BN straight from the NCHW input.
    float* x = net_.allocate(static_cast<std::size_t>(batch) * 16 * 1024);
    {
      Step s = geometry(32, 32);
      s.src = {net_.input, 1024, 3 * 1024, 3, 32, 32};
      s.patches = Patches::Conv3x3;
      s.relu = false;
      s.patchRows = 27;
      Folded f = foldConvBn(seed, "stem", 16, 3, 3);
      s.fills.push_back({x, f.bias});
      s.gemms.push_back({0, packWeights(std::move(f.w), f.k, f.m), x});
      add(std::move(s));
    }
    for (int stage = 0; stage < 3; ++stage) {
      const int c = kStageChannels[stage], p = kStagePixels[stage];
      if (stage > 0) x = residual(x, stage);
      const std::size_t nodeFloats = static_cast<std::size_t>(batch) * c * p * p;
      float* workspace[2] = {net_.allocate(3 * nodeFloats), net_.allocate(3 * nodeFloats)};
      for (int i = 0; i < kCellsPerStage; ++i) x = nb201Cell(x, stage, i, workspace[i % 2]);
    }

    Head& h = net_.head;
    h.in = planes(x, 64, batch, 8, 8);
    const BatchNorm bn = batchNorm(seed, "lastact.bn", 64);
    for (int c = 0; c < 64; ++c) {
      const float scale = bn.gamma[c] / std::sqrt(bn.var[c] + kBnEps);
      h.scale.push_back(scale);
      h.shift.push_back(bn.beta[c] - bn.mean[c] * scale);
    }
    h.weight = linearWeight(seed);
    h.bias = linearBias(seed);
    net_.logits.assign(static_cast<std::size_t>(batch) * kClasses, 0.0f);
  }

private:
  Step geometry(int w, int h) const {
    Step s;
    s.outW = w;
    s.outH = h;
    s.columns = static_cast<long>(net_.batch) * w * h;
    return s;
  }

  void add(Step s) {
    s.tile = std::max(kColumnGrain, kTileFloats / std::max(s.patchRows, 1) / kColumnGrain * kColumnGrain);
    maxPatchFloats_ = std::max(maxPatchFloats_, s.tile * s.patchRows);
    net_.steps.push_back(std::move(s));
  }

  // ReLU-conv3x3/2-BN, ReLU-conv3x3-BN, plus shortcut avgpool2x2 + conv1x1, into one GEMM for the
  // second conv: its patch matrix is [im2col(ReLU(a)) | avgpool(x)].
  float* residual(float* x, int stage) {
    const std::uint64_t seed = net_.config.seed;
    const int c = kStageChannels[stage], in = c / 2, p = kStagePixels[stage];
    const std::string name = "cells." + std::to_string(cellIndex(stage, 0) - 1);
    const std::size_t floats = static_cast<std::size_t>(net_.batch) * c * p * p;
    float* a = net_.allocate(floats);
    float* out = net_.allocate(floats);
    const Planes xIn = planes(x, in, net_.batch, 2 * p, 2 * p);

    Step sa = geometry(p, p);
    sa.src = xIn;
    sa.patches = Patches::Conv3x3;
    sa.stride = 2;
    sa.patchRows = 9 * in;
    Folded fa = foldConvBn(seed, name + ".conv_a", c, in, 3);
    sa.fills.push_back({a, fa.bias});
    sa.gemms.push_back({0, packWeights(std::move(fa.w), fa.k, fa.m), a});
    add(std::move(sa));

    Step sb = geometry(p, p);
    sb.src = planes(a, c, net_.batch, p, p);
    sb.patches = Patches::Conv3x3;
    sb.shortcutPool = true;
    sb.poolSrc = xIn;
    sb.poolOffset = 9 * c;
    sb.patchRows = 9 * c + in;
    Folded fb = foldConvBn(seed, name + ".conv_b", c, c, 3);
    Folded fs = fold(convWeight(seed, name + ".downsample.conv", c, in, 1), nullptr);
    std::vector<float> w;
    for (int m = 0; m < c; ++m) {
      w.insert(w.end(), fb.w.begin() + m * fb.k, fb.w.begin() + (m + 1) * fb.k);
      w.insert(w.end(), fs.w.begin() + m * fs.k, fs.w.begin() + (m + 1) * fs.k);
    }
    sb.fills.push_back({out, fb.bias});
    sb.gemms.push_back({0, packWeights(std::move(w), fb.k + fs.k, c), out});
    add(std::move(sb));
    return out;
  }

  float* nb201Cell(float* input, int stage, int index, float* workspace) {
    const std::uint64_t seed = net_.config.seed;
    const int c = kStageChannels[stage], p = kStagePixels[stage], cell = cellIndex(stage, index);
    const long n = static_cast<long>(net_.batch) * p * p;
    float* node[nb201::kNodes] = {input, workspace, workspace + c * n, workspace + 2 * c * n};

    // Folded weights of the conv edges whose target is used.
    std::array<Folded, nb201::kEdges> folded;
    for (int e = 0; e < nb201::kEdges; ++e) {
      const Op op = cell_.ops[e];
      if (live_.nodeReachesOut[nb201::kEdgeList[e].to] && (op == Op::Conv1x1 || op == Op::Conv3x3))
        folded[e] = foldConvBn(seed, edgeName(cell, e), c, c, op == Op::Conv3x3 ? 3 : 1);
    }

    // Node states and values: a Const node's value, or a Data node's initial fill (every
    // constant contribution plus the biases of its GEMMs). firstStep: the source whose step fills it.
    std::array<NodeState, nb201::kNodes> state{};
    std::array<std::vector<float>, nb201::kNodes> value;
    std::array<int, nb201::kNodes> firstStep{};
    std::array<bool, nb201::kNodes> materialise{}; // a Const node a 3x3 conv reads
    state[0] = NodeState::Data;
    for (int t = 1; t < nb201::kNodes; ++t) {
      firstStep[t] = -1;
      if (!live_.nodeReachesOut[t]) continue;
      value[t].assign(c, 0.0f);
      bool hasConst = false;
      for (int j = 0; j < t; ++j) {
        const int e = edge(t, j);
        const Op op = cell_.ops[e];
        if (op == Op::None || (state[j] == NodeState::Zero && (op == Op::SkipConnect || op == Op::AvgPool3x3)))
          continue;
        const bool conv = op == Op::Conv1x1 || op == Op::Conv3x3;
        const bool data = state[j] == NodeState::Data || (state[j] == NodeState::Const && op == Op::Conv3x3);
        if (conv) addTo(value[t], folded[e].bias);
        if (data) {
          if (firstStep[t] < 0) firstStep[t] = j;
          if (state[j] == NodeState::Const) materialise[j] = true;
        } else if (state[j] == NodeState::Const) {
          hasConst = true;
          if (op == Op::Conv1x1) {
            addTo(value[t], conv1x1(folded[e], value[j]));
          } else {
            addTo(value[t], value[j]); // skip, or average pooling of a constant
          }
        } else {
          hasConst = true; // conv of a Zero node: its bias
        }
      }
      state[t] = firstStep[t] >= 0 ? NodeState::Data : hasConst ? NodeState::Const : NodeState::Zero;
    }

    for (int j = 0; j < nb201::kNodes - 1; ++j) {
      const bool constSource = state[j] == NodeState::Const && materialise[j];
      if (state[j] != NodeState::Data && !constSource && j > 0) continue;
      Step s = geometry(p, p);
      s.src = planes(node[j], c, net_.batch, p, p);
      if (j == 0) {
        // Const nodes a 3x3 conv reads, and an output that is not Data, are written up front.
        for (int t = 1; t < nb201::kNodes; ++t)
          if (materialise[t] || (t == 3 && state[t] != NodeState::Data)) s.fills.push_back({node[t], value[t]});
      }
      std::vector<int> conv3, conv1;
      for (int t = j + 1; t < nb201::kNodes; ++t) {
        const Op op = cell_.ops[edge(t, j)];
        if (!live_.nodeReachesOut[t] || op == Op::None || (constSource && op != Op::Conv3x3)) continue;
        if (firstStep[t] == j) s.fills.push_back({node[t], value[t]});
        switch (op) {
        case Op::Conv3x3: conv3.push_back(t); break;
        case Op::Conv1x1: conv1.push_back(t); break;
        case Op::SkipConnect: s.skips.push_back(node[t]); break;
        case Op::AvgPool3x3: s.pools.push_back(node[t]); break;
        case Op::None: break;
        }
      }
      if (!conv3.empty()) {
        s.patches = Patches::Conv3x3;
        s.patchRows = 9 * c;
      } else if (!conv1.empty()) {
        s.patches = Patches::Relu;
        s.patchRows = c;
      }
      addGemms(s, conv3, j, folded, node, 0);
      addGemms(s, conv1, j, folded, node, conv3.empty() ? 0 : 4 * c);
      add(std::move(s));
    }
    return node[3];
  }

  // Targets in adjacent node buffers share one GEMM with their weight matrices side by side.
  void addGemms(Step& s, const std::vector<int>& targets, int source, const std::array<Folded, nb201::kEdges>& folded,
                float* const* node, int colOffset) {
    for (std::size_t i = 0; i < targets.size();) {
      std::size_t end = i + 1;
      while (end < targets.size() && targets[end] == targets[end - 1] + 1) ++end;
      std::vector<float> w;
      for (std::size_t t = i; t < end; ++t) {
        const Folded& f = folded[edge(targets[t], source)];
        w.insert(w.end(), f.w.begin(), f.w.end());
      }
      const Folded& first = folded[edge(targets[i], source)];
      s.gemms.push_back({colOffset, packWeights(std::move(w), first.k, first.m * static_cast<int>(end - i)),
                         node[targets[i]]});
      i = end;
    }
  }

  static int edge(int to, int from) { return to * (to - 1) / 2 + from; }

  static void addTo(std::vector<float>& v, const std::vector<float>& add) {
    for (std::size_t i = 0; i < v.size(); ++i) v[i] += add[i];
  }

  // 1x1 conv (ReLU first) of a constant: the same at every pixel, so folded into values.
  static std::vector<float> conv1x1(const Folded& f, const std::vector<float>& x) {
    std::vector<float> out(f.m, 0.0f);
    for (int m = 0; m < f.m; ++m)
      for (int k = 0; k < f.k; ++k) out[m] += f.w[static_cast<std::size_t>(m) * f.k + k] * std::max(x[k], 0.0f);
    return out;
  }

public:
  long maxPatchFloats_ = 1;

private:
  CpuNetwork::Impl& net_;
  const nb201::Cell& cell_;
  nb201::Liveness live_;
};

} // namespace

CpuNetwork::CpuNetwork(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
CpuNetwork::~CpuNetwork() = default;

void CpuNetwork::run() { impl_->pool->run(impl_->body); }

std::vector<float> CpuNetwork::output() { return impl_->logits; }

void CpuNetwork::setInput(std::span<const float> nchw) {
  const std::size_t want = static_cast<std::size_t>(impl_->batch) * 3 * 32 * 32;
  if (nchw.size() != want)
    fail(ErrorKind::Usage, "input has " + std::to_string(nchw.size()) + " floats, the network needs " +
                               std::to_string(want) + " (batch x 3 x 32 x 32, NCHW)");
  std::copy(nchw.begin(), nchw.end(), impl_->input);
}

int CpuNetwork::threads() const { return impl_->pool->size(); }
int CpuNetwork::batch() const { return impl_->batch; }

std::string CpuEngine::version() const { return "maple-cpu 1, " + gemmDescription(); }

std::unique_ptr<PreparedNetwork> CpuEngine::prepare(const searchspace::Architecture& arch, const RunConfig& config) {
  if (arch.space == nullptr) fail(ErrorKind::Usage, "an architecture without a search space cannot be prepared");
  if (arch.space == &searchspace::nb201Space()) return prepareCpu(searchspace::cellOf(arch.genotype), config);
  return prepareGraph(arch.space->network(arch.genotype), config);
}

std::unique_ptr<CpuNetwork> CpuEngine::prepareCpu(const nb201::Cell& cell, const RunConfig& config) {
  checkRunConfig(config);
  auto impl = std::make_unique<CpuNetwork::Impl>();
  impl->config = config;
  impl->batch = config.batch;
  PlanBuilder builder(*impl, cell);
  builder.build();
  const int threads = config.threads == 0 ? availableCpus() : config.threads;
  impl->pool = std::make_unique<SpmdPool>(threads);
  for (int t = 0; t < threads; ++t) impl->scratch.push_back(allocate(static_cast<std::size_t>(builder.maxPatchFloats_)));
  CpuNetwork::Impl* self = impl.get();
  impl->body = [self](int member) {
    float* col = self->scratch[member].get();
    for (const Step& s : self->steps) {
      self->runStep(s, member, col);
      self->pool->barrier();
    }
    self->runHead(member);
  };
  return std::make_unique<CpuNetwork>(std::move(impl));
}

} // namespace maple::engine::cpu
