// The CPU engine's layer-graph runner: FBNet networks against an independent PyTorch
// implementation (tests/engine/fbnet_reference.py) with the same weights, NAS-Bench-201 graphs
// against the engine's own NAS-Bench-201 plan, thread and batch invariance, clear refusals.
#include "../core/test_support.hpp"
#include "common/error.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cpu/gemm.hpp"
#include "engine/cpu/graph_kernels.hpp"
#include "engine/cpu/graph_network.hpp"
#include "engine/cpu/network_weights.hpp"
#include "logits_compare.hpp"
#include "searchspace/architecture.hpp"
#include "searchspace/space.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <random>

using namespace maple;
using namespace maple::engine;
using namespace maple::engine::cpu;
using searchspace::fbnetSpace;
using searchspace::nb201Space;

namespace {

constexpr int kRandomArchitectures = 20;
constexpr int kFbnetClasses = 100;

std::string repeat(const std::string& block) {
  std::string s;
  for (int i = 0; i < 22; ++i) s += (i ? "-" : "") + block;
  return s;
}

// Corner cases (every block kind everywhere), then seeded random architectures.
std::vector<std::string> fbnetArchitectures() {
  std::vector<std::string> archs{repeat("skip"), repeat("k5_e6"), repeat("k3_e1_g2"), repeat("k5_e1_g2")};
  for (const auto& g : fbnetSpace().sample(kRandomArchitectures, 2021)) archs.push_back(fbnetSpace().format(g));
  return archs;
}

std::vector<float> runGraph(const searchspace::LayerGraph& graph, int batch, int threads, std::uint64_t seed = 42) {
  auto net = prepareGraph(graph, {batch, threads, seed});
  net->run();
  return net->output();
}

using maple::testing::relativeError;

// A depthwise convolution by the definition (zero padding (k-1)/2), channels x batch planes of
// h x w, in the engine's channel-plane layout.
std::vector<float> depthwiseByLoops(const std::vector<float>& in, int channels, int batch, int h, int w, int k, int stride,
                                    const std::vector<float>& weights, const std::vector<float>& bias, bool relu) {
  const int p = (k - 1) / 2, outH = (h + 2 * p - k) / stride + 1, outW = (w + 2 * p - k) / stride + 1;
  std::vector<float> out(static_cast<std::size_t>(channels) * batch * outH * outW);
  for (int c = 0; c < channels; ++c)
    for (int b = 0; b < batch; ++b)
      for (int y = 0; y < outH; ++y)
        for (int x = 0; x < outW; ++x) {
          double sum = bias[c];
          for (int ky = 0; ky < k; ++ky)
            for (int kx = 0; kx < k; ++kx) {
              const int iy = y * stride + ky - p, ix = x * stride + kx - p;
              if (iy >= 0 && iy < h && ix >= 0 && ix < w)
                sum += double(weights[(c * k + ky) * k + kx]) * in[((c * batch + b) * h + iy) * w + ix];
            }
          out[((c * batch + b) * outH + y) * outW + x] = relu ? std::max(float(sum), 0.0f) : float(sum);
        }
  return out;
}

// Runs torch_reference.py on the files; QSKIP-style reasons come back as the error string.
QList<QJsonObject> runReference(const QStringList& files, QString* skip) {
  QProcess python;
  python.start(MAPLE_TORCH_PYTHON, QStringList{MAPLE_TORCH_REFERENCE} + files);
  if (!python.waitForStarted()) {
    *skip = MAPLE_TORCH_PYTHON " cannot be started: install python3 and python3-torch (scripts/deps.sh)";
    return {};
  }
  python.waitForFinished(600000);
  if (python.exitCode() == 3) {
    *skip = "PyTorch is not importable by " MAPLE_TORCH_PYTHON ": install python3-torch (scripts/deps.sh). " +
            QString::fromUtf8(python.readAllStandardError()).trimmed();
    return {};
  }
  if (python.exitCode() != 0) qFatal("torch_reference.py failed: %s", python.readAllStandardError().constData());
  QList<QJsonObject> out;
  for (const QByteArray& line : python.readAllStandardOutput().split('\n'))
    if (!line.trimmed().isEmpty()) out << QJsonDocument::fromJson(line).object();
  return out;
}

} // namespace

class TestEngineGraph : public QObject {
  Q_OBJECT

private slots:
  // Batch 8 against PyTorch, and batch 1 against PyTorch's first image (image b of the input
  // depends only on the seed and b, so batch 1 is image 0 of batch 8).
  void fbnetMatchesPyTorch() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const auto archs = fbnetArchitectures();
    struct Case {
      std::vector<float> batch8, batch1;
    };
    std::vector<Case> cases;
    QStringList files;
    for (std::size_t i = 0; i < archs.size(); ++i) {
      const auto graph = fbnetSpace().network(fbnetSpace().parse(archs[i]));
      const std::uint64_t seed = 500 + i;
      const QString file = dir.filePath(QString("fbnet_%1.bin").arg(i));
      exportGraph("fbnet", archs[i], graph, {8, 2, seed}, file.toStdString());
      files << file;
      cases.push_back({runGraph(graph, 8, 2, seed), runGraph(graph, 1, 2, seed)});
    }
    QString skip;
    const auto replies = runReference(files, &skip);
    if (!skip.isEmpty()) QSKIP(qPrintable(skip));
    QCOMPARE(replies.size(), static_cast<qsizetype>(archs.size()));
    double worst = 0;
    for (std::size_t i = 0; i < archs.size(); ++i) {
      const QJsonObject& o = replies[static_cast<qsizetype>(i)];
      QCOMPARE(o["space"].toString(), QString("fbnet"));
      QCOMPARE(o["arch"].toString().toStdString(), archs[i]);
      std::vector<float> reference;
      for (const auto& v : o["output"].toArray()) reference.push_back(static_cast<float>(v.toDouble()));
      QCOMPARE(reference.size(), std::size_t(8 * kFbnetClasses));
      const std::vector<float> first(reference.begin(), reference.begin() + kFbnetClasses);
      const double e8 = relativeError(cases[i].batch8, reference), e1 = relativeError(cases[i].batch1, first);
      worst = std::max({worst, e8, e1});
      QVERIFY2(e8 < 1e-4 && e1 < 1e-4,
               qPrintable(QString("%1: relative error %2 (batch 8), %3 (batch 1)").arg(archs[i].c_str()).arg(e8).arg(e1)));
    }
    qInfo("%zu FBNet networks x batch 1 and 8 match PyTorch; worst relative error %.3g", archs.size(), worst);
  }

  // The NAS-Bench-201 space's layer graph computes what the engine's own NB201 plan computes.
  void nb201GraphMatchesNb201Plan() {
    const char* const cells[] = {
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
        "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
        "|none~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|avg_pool_3x3~2|",
        "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|",
        "|none~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|skip_connect~1|nor_conv_3x3~2|",
        "|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|avg_pool_3x3~1|nor_conv_3x3~2|",
    };
    for (const char* text : cells) {
      CpuEngine engine;
      auto plan = engine.prepareCpu(nb201::parseCell(text), {3, 2, 7});
      plan->run();
      const auto graph = nb201Space().network(nb201Space().parse(text));
      const double err = relativeError(runGraph(graph, 3, 2, 7), plan->output());
      QVERIFY2(err < 1e-5, qPrintable(QString("%1: relative error %2").arg(text).arg(err)));
    }
  }

  // Plane sizes FBNet has (32, 16, 8, 4) and odd ones that reach the 4-wide and single-column
  // tails and the partial row block, both strides, both kernels, with and without the ReLU; input
  // and output planes with gaps between them, as the runner spaces its buffers' planes.
  void depthwiseMatchesPlainLoops() {
    std::mt19937 rng(3);
    std::uniform_real_distribution<float> u(-1, 1);
    const int channels = 3, batch = 2;
    for (const auto [h, w] : {std::array<int, 2>{32, 32}, {16, 16}, {8, 8}, {4, 4}, {7, 6}, {5, 13}, {1, 3}})
      for (int k : {3, 5})
        for (int stride : {1, 2})
          for (bool relu : {false, true}) {
            std::vector<float> in(static_cast<std::size_t>(channels) * batch * h * w), weights(channels * k * k), bias(channels);
            for (auto* v : {&in, &weights, &bias})
              for (auto& x : *v) x = u(rng);
            const auto expect = depthwiseByLoops(in, channels, batch, h, w, k, stride, weights, bias, relu);
            const int p = (k - 1) / 2, outH = (h + 2 * p - k) / stride + 1, outW = (w + 2 * p - k) / stride + 1;
            const long inPlane = static_cast<long>(batch) * h * w, outPlane = static_cast<long>(batch) * outH * outW;
            const long inStride = inPlane + 8, outStride = outPlane + 16;
            std::vector<float> spaced(channels * inStride, NAN), out(channels * outStride, NAN);
            for (int c = 0; c < channels; ++c) std::copy_n(in.begin() + c * inPlane, inPlane, spaced.begin() + c * inStride);
            const Planes planes{spaced.data(), inStride, static_cast<long>(h) * w, channels, h, w};
            const Planes outGeometry{out.data(), outStride, static_cast<long>(outH) * outW, channels, outH, outW};
            depthwiseConv(planes, {k, stride, p, weights.data(), bias.data(), relu}, outGeometry, batch, 0, channels, out.data());
            for (int c = 0; c < channels; ++c)
              for (long i = 0; i < outPlane; ++i)
                QVERIFY2(std::abs(out[c * outStride + i] - expect[c * outPlane + i]) < 1e-5f,
                         qPrintable(QString("%1x%2 k%3 s%4 relu %5, channel %6 at %7: %8, expected %9")
                                        .arg(h).arg(w).arg(k).arg(stride).arg(relu).arg(c).arg(i)
                                        .arg(out[c * outStride + i]).arg(expect[c * outPlane + i])));
          }
  }

  // Every GEMM kernel, with its epilogue (bias, residual, ReLU), gives the network Eigen gives.
  void gemmKernelsGiveTheSameNetwork() {
    for (const auto& arch : {repeat("k5_e6"), fbnetArchitectures()[5]}) {
      const auto graph = fbnetSpace().network(fbnetSpace().parse(arch));
      selectGemmKernel("eigen");
      const auto reference = runGraph(graph, 3, 2);
      for (const auto& kernel : availableGemmKernels()) {
        selectGemmKernel(kernel);
        const double err = relativeError(runGraph(graph, 3, 2), reference);
        QVERIFY2(err < 1e-5, qPrintable(QString("%1: relative error %2").arg(kernel.c_str()).arg(err)));
      }
    }
    selectGemmKernel(availableGemmKernels().front());
  }

  void threadsAndBatchDoNotChangeResults() {
    const auto graph = fbnetSpace().network(fbnetSpace().parse(fbnetArchitectures()[5]));
    const auto one = runGraph(graph, 3, 1);
    for (int threads : {2, 3, 5}) QVERIFY(relativeError(runGraph(graph, 3, threads), one) < 1e-6);
    const auto single = runGraph(graph, 1, 2);
    QVERIFY(relativeError(single, std::vector<float>(one.begin(), one.begin() + kFbnetClasses)) < 1e-6);
    QCOMPARE(runGraph(graph, 3, 2), runGraph(graph, 3, 2)); // deterministic
  }

  // Engine::prepare runs an FBNet architecture as its space's layer graph: the same logits, batch x
  // the space's 100 classes.
  void enginePreparesOtherSpacesAsTheirGraph() {
    const auto text = fbnetArchitectures()[7];
    CpuEngine engine;
    auto net = engine.prepare(searchspace::parseArchitecture(fbnetSpace(), text), {2, 2, 9});
    net->run();
    const auto out = net->output();
    QCOMPARE(out.size(), std::size_t(2 * kFbnetClasses));
    QCOMPARE(out, runGraph(fbnetSpace().network(fbnetSpace().parse(text)), 2, 2, 9));
    QVERIFY_THROWS_EXCEPTION(Error, engine.prepare(searchspace::Architecture{}, {1, 1, 1})); // no space
  }

  void unsupportedLayersAreRefused() {
    searchspace::GraphBuilder b({3, 32, 32});
    b.conv("wide.conv", 0, 8, 5, 1, 2); // a dense 5x5 convolution
    MAPLE_VERIFY_ERROR(prepareGraph(std::move(b).finish(), {1, 1, 1}), ErrorKind::Usage, "'wide.conv'");
    QVERIFY_THROWS_EXCEPTION(Error, prepareGraph(fbnetSpace().network(fbnetSpace().parse(repeat("skip"))), {0, 1, 1}));
  }
};

QTEST_GUILESS_MAIN(TestEngineGraph)
#include "test_engine_graph.moc"
