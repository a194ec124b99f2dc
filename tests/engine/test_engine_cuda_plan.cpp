// The CUDA engine's host-side plan (engine/cuda/cuda_plan.hpp), on every machine: fusion, shapes,
// buffers and the algorithm choice, and the plan run by a plain host interpreter that does what each
// step's cuDNN / cuBLAS calls are documented to do, against the CPU engine. What stays unchecked
// without a GPU is only that the library calls do that (test_engine_cuda).
#include "../core/test_support.hpp"
#include "common/error.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cuda/cuda_plan.hpp"
#include "logits_compare.hpp"
#include "searchspace/architecture.hpp"
#include "searchspace/space.hpp"

#include <QtTest>

#include <algorithm>
#include <numeric>

using namespace maple;
using namespace maple::engine;
using namespace maple::engine::cuda;
using searchspace::fbnetSpace;
using searchspace::LayerKind;

namespace {

std::string repeat(const std::string& block) {
  std::string s;
  for (int i = 0; i < 22; ++i) s += (i ? "-" : "") + block;
  return s;
}

// Every block kind everywhere (5x5 depthwise, grouped 1x1 + shuffle, skips), then random ones.
std::vector<searchspace::Architecture> fbnetArchitectures(int random) {
  std::vector<searchspace::Architecture> archs;
  for (const char* block : {"k5_e6", "k3_e1_g2", "k5_e1_g2", "skip"})
    archs.push_back(searchspace::parseArchitecture(fbnetSpace(), repeat(block)));
  for (const auto& g : fbnetSpace().sample(random, 2026)) archs.push_back({&fbnetSpace(), g});
  return archs;
}

// --- a host interpreter of plans: each step as its cuDNN / cuBLAS calls compute it -------------

using Buffers = std::vector<std::vector<float>>;

float at(const std::vector<float>& x, const Dims& d, int n, int c, int y, int xx) {
  return x[((static_cast<std::size_t>(n) * d.c + c) * d.h + y) * d.w + xx];
}

// cudnnConvolutionForward, cross-correlation, groups of in.c / groups input channels.
void conv(const Step& s, const std::vector<float>& x, std::vector<float>& y) {
  const Dims &i = s.inDims[0], &o = s.outDims;
  const int inPer = i.c / s.groups, outPer = o.c / s.groups, k = s.kernelH;
  std::size_t out = 0;
  for (int n = 0; n < o.n; ++n)
    for (int oc = 0; oc < o.c; ++oc)
      for (int oy = 0; oy < o.h; ++oy)
        for (int ox = 0; ox < o.w; ++ox, ++out) {
          double sum = 0;
          for (int ic = 0; ic < inPer; ++ic)
            for (int ky = 0; ky < k; ++ky)
              for (int kx = 0; kx < k; ++kx) {
                const int iy = oy * s.stride - s.padding + ky, ix = ox * s.stride - s.padding + kx;
                if (iy < 0 || ix < 0 || iy >= i.h || ix >= i.w) continue;
                sum += s.weights[((static_cast<std::size_t>(oc) * inPer + ic) * k + ky) * k + kx] *
                       at(x, i, n, oc / outPer * inPer + ic, iy, ix);
              }
          y[out] = static_cast<float>(sum);
        }
}

// cudnnPoolingForward, average with or without the padding in the count.
void pool(const Step& s, const std::vector<float>& x, std::vector<float>& y) {
  const Dims &i = s.inDims[0], &o = s.outDims;
  std::size_t out = 0;
  for (int n = 0; n < o.n; ++n)
    for (int c = 0; c < o.c; ++c)
      for (int oy = 0; oy < o.h; ++oy)
        for (int ox = 0; ox < o.w; ++ox, ++out) {
          double sum = 0;
          int count = 0;
          for (int ky = 0; ky < s.kernelH; ++ky)
            for (int kx = 0; kx < s.kernelW; ++kx) {
              const int iy = oy * s.stride - s.padding + ky, ix = ox * s.stride - s.padding + kx;
              if (iy < 0 || ix < 0 || iy >= i.h || ix >= i.w) continue;
              sum += at(x, i, n, c, iy, ix);
              ++count;
            }
          y[out] = static_cast<float>(sum / (s.countIncludePad ? s.kernelH * s.kernelW : count));
        }
}

// cudnnTransformTensor: y at `to`'s strides = x at `from`'s, over the common dimensions.
void transform(const ShuffleLayouts& l, const std::vector<float>& x, std::vector<float>& y) {
  const auto& d = l.from.dims;
  for (int a = 0; a < d[0]; ++a)
    for (int b = 0; b < d[1]; ++b)
      for (int c = 0; c < d[2]; ++c)
        for (int e = 0; e < d[3]; ++e) {
          const auto offset = [&](const Layout& t) {
            return static_cast<std::size_t>(a) * t.strides[0] + static_cast<std::size_t>(b) * t.strides[1] +
                   static_cast<std::size_t>(c) * t.strides[2] + static_cast<std::size_t>(e) * t.strides[3];
          };
          y[offset(l.to)] = x[offset(l.from)];
        }
}

// cublasSgemm of the flattened input with the out x in weights.
void linear(const Step& s, const std::vector<float>& x, std::vector<float>& y) {
  const std::size_t in = s.inDims[0].count() / static_cast<std::size_t>(s.inDims[0].n);
  for (int n = 0; n < s.outDims.n; ++n)
    for (int o = 0; o < s.outDims.c; ++o) {
      double sum = 0;
      for (std::size_t k = 0; k < in; ++k) sum += s.weights[o * in + k] * x[n * in + k];
      y[static_cast<std::size_t>(n) * s.outDims.c + o] = static_cast<float>(sum);
    }
}

// cudnnAddTensor of a 1 x C x 1 x 1 bias, cudnnOpTensor MUL by a 1 x C x 1 x 1 scale, ReLU.
void perChannel(const Step& s, const std::vector<float>* scale, std::vector<float>& y) {
  const std::size_t plane = static_cast<std::size_t>(s.outDims.h) * s.outDims.w;
  for (std::size_t i = 0; i < s.outDims.count(); ++i) {
    const std::size_t c = i / plane % static_cast<std::size_t>(s.outDims.c);
    float v = scale ? y[i] * (*scale)[c] : y[i];
    if (!s.bias.empty()) v += s.bias[c];
    y[i] = s.relu ? std::max(v, 0.0f) : v;
  }
}

void runStep(const Step& s, Buffers& b) {
  std::vector<float>& y = b[static_cast<std::size_t>(s.out)];
  const auto x = [&](int i) -> const std::vector<float>& { return b[static_cast<std::size_t>(s.in[i])]; };
  switch (s.kind) {
  case StepKind::Conv: conv(s, x(0), y); return perChannel(s, nullptr, y);
  case StepKind::Affine:
    std::copy_n(x(0).begin(), s.outDims.count(), y.begin());
    return perChannel(s, s.scale.empty() ? nullptr : &s.scale, y);
  case StepKind::Sum:
    std::fill_n(y.begin(), s.outDims.count(), 0.0f);
    for (int i = 0; i < static_cast<int>(s.in.size()); ++i)
      for (std::size_t j = 0; j < s.outDims.count(); ++j) y[j] += x(i)[j];
    return;
  case StepKind::Pool: return pool(s, x(0), y);
  case StepKind::Shuffle: return transform(shuffleLayouts(s.inDims[0], s.groups), x(0), y);
  case StepKind::Linear: linear(s, x(0), y); return perChannel(s, nullptr, y);
  }
}

std::vector<float> interpret(const Plan& plan) {
  Buffers b;
  for (std::size_t floats : plan.bufferFloats) b.emplace_back(floats, std::nanf(""));
  std::copy(plan.input.begin(), plan.input.end(), b[0].begin());
  for (const Step& s : plan.steps) runStep(s, b);
  const auto& out = b[static_cast<std::size_t>(plan.output)];
  return {out.begin(), out.begin() + static_cast<long>(plan.batch) * plan.classes};
}

std::vector<float> cpuLogits(const searchspace::Architecture& arch, const RunConfig& config) {
  cpu::CpuEngine engine;
  auto net = engine.prepare(arch, config);
  net->run();
  return net->output();
}

int count(const searchspace::LayerGraph& g, LayerKind kind) {
  return static_cast<int>(std::count_if(g.layers.begin(), g.layers.end(), [&](const auto& l) { return l.kind == kind; }));
}

} // namespace

class TestEngineCudaPlan : public QObject {
  Q_OBJECT

private slots:
  // Buffers start as NaN, so a step reading a buffer nothing wrote shows in the logits (as does one
  // overwritten before its last reader: a wrong value).
  void interpretedPlanMatchesTheCpuEngine() {
    std::vector<searchspace::Architecture> archs = fbnetArchitectures(2);
    for (const char* cell : {"|nor_conv_3x3~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|nor_conv_3x3~2|",
                             "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
                             "|avg_pool_3x3~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|skip_connect~1|none~2|"})
      archs.push_back(searchspace::parseArchitecture(searchspace::nb201Space(), cell));
    for (const auto& arch : archs) {
      const RunConfig config{2, 1, 77};
      const double err = testing::relativeError(interpret(planGraph(arch.space->network(arch.genotype), config)),
                                                cpuLogits(arch, config));
      QVERIFY2(err < 1e-5, qPrintable(QString("%1: relative error %2").arg(arch.canonical().c_str()).arg(err)));
    }
  }

  // Batch norms folded into the convolutions, ReLUs fused, groups and 5x5 kernels kept, and no
  // step writing a buffer it reads.
  void fbnetPlanFusesAndKeepsShapes() {
    for (const auto& arch : fbnetArchitectures(3)) {
      const auto graph = arch.space->network(arch.genotype);
      const Plan plan = planGraph(graph, {8, 1, 5});
      int convs = 0, relus = 0;
      for (const Step& s : plan.steps) {
        QVERIFY2(s.kind != StepKind::Affine, s.layer.c_str()); // every batch norm and ReLU follows a conv
        QVERIFY(std::find(s.in.begin(), s.in.end(), s.out) == s.in.end());
        QVERIFY(plan.bufferFloats[static_cast<std::size_t>(s.out)] >= s.outDims.count());
        QCOMPARE(s.outDims.n, 8);
        relus += s.relu;
        if (s.kind != StepKind::Conv) continue;
        ++convs;
        const Dims& in = s.inDims[0];
        QCOMPARE(s.weights.size(), std::size_t(s.outDims.c) * (in.c / s.groups) * s.kernelH * s.kernelW);
        QCOMPARE(s.padding, (s.kernelH - 1) / 2);
        QCOMPARE(s.outDims.h, (in.h + 2 * s.padding - s.kernelH) / s.stride + 1);
      }
      QCOMPARE(convs, count(graph, LayerKind::Conv));
      QCOMPARE(relus, count(graph, LayerKind::Relu));
      // At most three values live at once (a block's input for its residual add, the step's input
      // and its output), plus the input image: not one buffer per step (up to 90).
      QVERIFY2(plan.bufferFloats.size() <= 4, qPrintable(QString::number(plan.bufferFloats.size())));
      QCOMPARE(plan.classes, 100);
      QCOMPARE(plan.input.size(), std::size_t(8 * 3 * 32 * 32));
    }
  }

  void groupedAndFiveByFiveConvolutionsArePlanned() {
    const auto all5 = planGraph(fbnetSpace().network(fbnetSpace().parse(repeat("k5_e6"))), {1, 1, 1});
    const auto grouped = planGraph(fbnetSpace().network(fbnetSpace().parse(repeat("k3_e1_g2"))), {1, 1, 1});
    const auto has = [](const Plan& p, auto pred) { return std::any_of(p.steps.begin(), p.steps.end(), pred); };
    QVERIFY(has(all5, [](const Step& s) { return s.kind == StepKind::Conv && s.kernelH == 5 && s.groups == s.outDims.c; }));
    QVERIFY(has(grouped, [](const Step& s) { return s.kind == StepKind::Conv && s.groups == 2 && s.kernelH == 1; }));
    QVERIFY(has(grouped, [](const Step& s) { return s.kind == StepKind::Shuffle && s.groups == 2; }));
    QVERIFY(!has(all5, [](const Step& s) { return s.kind == StepKind::Shuffle; }));
  }

  // out channel j * g + i = in channel i * (C / g) + j (PyTorch's view-transpose-reshape).
  void shuffleLayoutsFollowTheDefinition() {
    const Dims d{2, 6, 2, 3};
    const int groups = 3, plane = 6;
    std::vector<float> x(d.count()), y(d.count(), -1);
    std::iota(x.begin(), x.end(), 0.0f);
    transform(shuffleLayouts(d, groups), x, y);
    for (int n = 0; n < d.n; ++n)
      for (int j = 0; j < d.c / groups; ++j)
        for (int i = 0; i < groups; ++i)
          for (int p = 0; p < plane; ++p)
            QCOMPARE(y[(n * d.c + j * groups + i) * plane + p], x[(n * d.c + i * (d.c / groups) + j) * plane + p]);
  }

  // The first usable option in cuDNN's order, never TF32 and never past the workspace limit.
  void algorithmChoice() {
    const std::size_t mib = std::size_t(1) << 20;
    QCOMPARE(pickAlgorithm({{true, 0, true}, {true, 0, true}}), 0);
    QCOMPARE(pickAlgorithm({{false, 0, true}, {true, 300 * mib, true}, {true, 0, false}, {true, 8 * mib, true}}), 3);
    QCOMPARE(pickAlgorithm({{true, kMaxWorkspace, true}}), 0);
    QCOMPARE(pickAlgorithm({{true, kMaxWorkspace + 1, true}, {true, 0, false}}), -1);
    QCOMPARE(pickAlgorithm({}), -1);
    QCOMPARE(pickAlgorithm({{true, 2 * mib, true}}, mib), -1);
  }

  void badConfigurationsAreRefused() {
    const auto graph = fbnetSpace().network(fbnetSpace().parse(repeat("skip")));
    for (int batch : {0, 4097})
      MAPLE_VERIFY_ERROR(planGraph(graph, {batch, 1, 1}), ErrorKind::Usage, "outside 1..4096");
    searchspace::GraphBuilder b({3, 64, 64});
    b.globalAvgPool(0);
    MAPLE_VERIFY_ERROR(planGraph(std::move(b).finish(), {1, 1, 1}), ErrorKind::Usage, "3 x 32 x 32"); // a 64 x 64 input
  }
};

QTEST_GUILESS_MAIN(TestEngineCudaPlan)
#include "test_engine_cuda_plan.moc"
