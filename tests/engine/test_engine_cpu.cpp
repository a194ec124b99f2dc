// The CPU engine against an independent PyTorch implementation of the unpruned network, plus the
// properties a measurement engine needs: determinism, thread and batch invariance, pruning that
// never changes a result, and clear errors.
#include "../core/test_support.hpp"
#include "common/error.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cpu/gemm.hpp"
#include "engine/cpu/network_weights.hpp"
#include "logits_compare.hpp"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <array>
#include <cmath>
#include <fstream>
#include <random>

using namespace maple;
using namespace maple::engine;
using namespace maple::engine::cpu;

namespace {

// Hand-picked corner cases, then random architectures up to kArchitectures.
const char* const kSpecial[] = {
    "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",                                 // all none
    "|skip_connect~0|+|skip_connect~0|skip_connect~1|+|skip_connect~0|skip_connect~1|skip_connect~2|",
    "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
    "|nor_conv_1x1~0|+|nor_conv_1x1~0|nor_conv_1x1~1|+|nor_conv_1x1~0|nor_conv_1x1~1|nor_conv_1x1~2|",
    "|avg_pool_3x3~0|+|avg_pool_3x3~0|avg_pool_3x3~1|+|avg_pool_3x3~0|avg_pool_3x3~1|avg_pool_3x3~2|",
    "|none~0|+|none~0|nor_conv_3x3~1|+|none~0|none~1|nor_conv_3x3~2|",           // zero node feeds convs
    "|none~0|+|none~0|nor_conv_1x1~1|+|none~0|none~1|nor_conv_1x1~2|",           // constant output
    "|none~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|avg_pool_3x3~2|", // const via pools
    "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|", // dead node 2
    "|none~0|+|none~0|none~1|+|skip_connect~0|none~1|none~2|",
    "|none~0|+|skip_connect~0|avg_pool_3x3~1|+|nor_conv_1x1~0|skip_connect~1|nor_conv_3x3~2|",
    "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|skip_connect~0|nor_conv_3x3~1|nor_conv_3x3~2|",
    "|none~0|+|nor_conv_1x1~0|nor_conv_3x3~1|+|none~0|avg_pool_3x3~1|skip_connect~2|",
};
constexpr int kArchitectures = 24;

std::vector<nb201::Cell> testCells() {
  std::vector<nb201::Cell> cells;
  for (const char* s : kSpecial) cells.push_back(nb201::parseCell(s));
  std::mt19937 rng(2022);
  std::uniform_int_distribution<int> code(0, nb201::kSpaceSize - 1);
  while (static_cast<int>(cells.size()) < kArchitectures) cells.push_back(nb201::cellFromCode(code(rng)));
  return cells;
}

std::vector<float> runNetwork(const nb201::Cell& cell, int batch, int threads, std::uint64_t seed = 42) {
  CpuEngine engine;
  auto net = engine.prepare(searchspace::nb201Architecture(cell), {batch, threads, seed});
  net->run();
  return net->output();
}

using maple::testing::relativeError;

} // namespace

class TestEngineCpu : public QObject {
  Q_OBJECT

private slots:
  void matchesPyTorch() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    struct Case {
      std::string arch;
      int batch;
      std::vector<float> ours;
    };
    std::vector<Case> cases;
    QStringList files;
    const auto cells = testCells();
    for (std::size_t i = 0; i < cells.size(); ++i)
      for (int batch : {1, 8}) {
        const RunConfig config{batch, 2, 1000 + i};
        const QString file = dir.filePath(QString("net_%1_b%2.bin").arg(i).arg(batch));
        exportNetwork(cells[i], config, file.toStdString());
        CpuEngine engine;
        auto net = engine.prepare(searchspace::nb201Architecture(cells[i]), config);
        net->run();
        cases.push_back({nb201::toString(cells[i]), batch, net->output()});
        files << file;
      }

    QProcess python;
    python.start(MAPLE_TORCH_PYTHON, QStringList{MAPLE_TORCH_REFERENCE} + files);
    if (!python.waitForStarted())
      QSKIP(MAPLE_TORCH_PYTHON " cannot be started: install python3 and python3-torch (scripts/deps.sh)");
    QVERIFY2(python.waitForFinished(300000), "torch_reference.py took over 5 minutes");
    if (python.exitCode() == 3)
      QSKIP(qPrintable("PyTorch is not importable by " MAPLE_TORCH_PYTHON ": install python3-torch (scripts/deps.sh). " +
                       QString::fromUtf8(python.readAllStandardError()).trimmed()));
    QVERIFY2(python.exitCode() == 0, qPrintable(QString::fromUtf8(python.readAllStandardError())));

    const auto lines = python.readAllStandardOutput().split('\n');
    int compared = 0;
    double worst = 0;
    for (const QByteArray& line : lines) {
      if (line.trimmed().isEmpty()) continue;
      const QJsonObject o = QJsonDocument::fromJson(line).object();
      const Case& c = cases.at(compared);
      QCOMPARE(o["arch"].toString().toStdString(), c.arch);
      QCOMPARE(o["batch"].toInt(), c.batch);
      std::vector<float> reference;
      for (const auto& v : o["output"].toArray()) reference.push_back(static_cast<float>(v.toDouble()));
      QCOMPARE(reference.size(), c.ours.size());
      const double err = relativeError(c.ours, reference);
      worst = std::max(worst, err);
      QVERIFY2(err < 1e-4, qPrintable(QString("%1 batch %2: relative error %3").arg(c.arch.c_str()).arg(c.batch).arg(err)));
      ++compared;
    }
    QCOMPARE(compared, static_cast<int>(cases.size()));
    qInfo("%d networks (%d architectures x batch 1, 8) match PyTorch; worst relative error %.3g", compared,
          kArchitectures, worst);
  }

  void deterministic() {
    const auto cell = testCells()[11];
    CpuEngine engine;
    auto net = engine.prepare(searchspace::nb201Architecture(cell), {4, 2, 7});
    net->run();
    const auto first = net->output();
    net->run();
    QCOMPARE(net->output(), first);
    QCOMPARE(runNetwork(cell, 4, 2, 7), first);
    QVERIFY(runNetwork(cell, 4, 2, 8) != first); // the seed changes the weights
  }

  void threadCountKeepsResults() {
    for (const auto& cell : {testCells()[2], testCells()[10], testCells()[20]}) {
      const auto one = runNetwork(cell, 3, 1);
      for (int threads : {2, 3, 0}) {
        const double err = relativeError(runNetwork(cell, 3, threads), one);
        QVERIFY2(err < 1e-6, qPrintable(QString("threads %1: relative error %2").arg(threads).arg(err)));
      }
    }
  }

  void batchRowsEqualSingleImages() {
    const auto cell = testCells()[11];
    const auto batched = runNetwork(cell, 8, 2);
    const Tensor input = networkInput(42, 8);
    CpuEngine engine;
    auto single = engine.prepareCpu(cell, {1, 1, 42});
    for (int b = 0; b < 8; ++b) {
      single->setInput({input.data.data() + b * 3072, 3072});
      single->run();
      const std::vector<float> row(batched.begin() + b * kClasses, batched.begin() + (b + 1) * kClasses);
      const double err = relativeError(single->output(), row);
      QVERIFY2(err < 1e-6, qPrintable(QString("image %1: relative error %2").arg(b).arg(err)));
    }
  }

  void prunedEdgesNeverChangeResults() {
    // Node 2 does not reach the output: whatever its incoming edges do, the result is the same.
    const auto base = runNetwork(nb201::parseCell("|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|"), 2, 1);
    QCOMPARE(runNetwork(nb201::parseCell("|nor_conv_3x3~0|+|none~0|skip_connect~1|+|skip_connect~0|nor_conv_1x1~1|none~2|"), 2, 1), base);
    // Skip and pooling of an all-zero node add nothing, exactly like none.
    const auto zero = runNetwork(nb201::parseCell("|none~0|+|nor_conv_3x3~0|none~1|+|nor_conv_1x1~0|none~1|skip_connect~2|"), 2, 1);
    QCOMPARE(runNetwork(nb201::parseCell("|none~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|"), 2, 1), zero);
    // But a conv of an all-zero node outputs its BN shift, which is not zero.
    QVERIFY(runNetwork(nb201::parseCell("|none~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|nor_conv_1x1~0|none~1|skip_connect~2|"), 2, 1) != zero);
  }

  void constantCellsStillDependOnInput() {
    // An all-none cell zeroes its input, yet the residual blocks and later cells still compute.
    const auto cell = nb201::parseCell(kSpecial[0]);
    const auto out = runNetwork(cell, 2, 1);
    QCOMPARE(out.size(), std::size_t(2 * kClasses));
    for (float v : out) QVERIFY(std::isfinite(v));
  }

  void gemmKernelsAgreeWithPlainLoops() {
    // Odd sizes reach every strip width and the scalar tail; m = 12 takes the Eigen path.
    std::mt19937 rng(5);
    std::uniform_real_distribution<float> u(-1, 1);
    for (const auto& kernel : availableGemmKernels()) {
      selectGemmKernel(kernel);
      for (const auto [rows, k, m] : {std::array<int, 3>{101, 19, 16}, {48, 144, 64}, {7, 3, 8}, {64, 5, 12}}) {
        const long lda = rows + 3, ldc = rows + 5;
        std::vector<float> a(lda * k), w(static_cast<std::size_t>(k) * m), c(ldc * m);
        for (auto* v : {&a, &w, &c})
          for (auto& x : *v) x = u(rng);
        std::vector<float> expect = c;
        for (int j = 0; j < m; ++j)
          for (int i = 0; i < rows; ++i)
            for (int p = 0; p < k; ++p) expect[j * ldc + i] += a[p * lda + i] * w[j * k + p];
        gemmAccumulate(a.data(), lda, rows, packWeights(w, k, m), c.data(), ldc);
        for (std::size_t i = 0; i < c.size(); ++i)
          QVERIFY2(std::abs(c[i] - expect[i]) < 1e-4f,
                   qPrintable(QString("%1 %2x%3x%4 at %5").arg(kernel.c_str()).arg(rows).arg(k).arg(m).arg(i)));
      }
    }
    selectGemmKernel(availableGemmKernels().front());
    QVERIFY_THROWS_EXCEPTION(Error, selectGemmKernel("sse9"));
  }

  // gemmStore's epilogue: C starts as NaN, so a kernel that reads C (other than as its addend) fails.
  void gemmStoreAppliesTheEpilogue() {
    std::mt19937 rng(6);
    std::uniform_real_distribution<float> u(-1, 1);
    for (const auto& kernel : availableGemmKernels()) {
      selectGemmKernel(kernel);
      for (const auto [rows, k, m] : {std::array<int, 3>{101, 19, 16}, {7, 3, 8}, {64, 5, 12}})
        for (const auto [withBias, withAddend, relu] : {std::array<bool, 3>{true, true, true}, {true, false, true},
                                                        {false, true, false}, {false, false, false}}) {
          const long lda = rows + 3, ldc = rows + 5;
          std::vector<float> a(lda * k), w(static_cast<std::size_t>(k) * m), bias(m), addend(ldc * m);
          for (auto* v : {&a, &w, &bias, &addend})
            for (auto& x : *v) x = u(rng);
          std::vector<float> c(ldc * m, NAN), expect(ldc * m, NAN);
          for (int j = 0; j < m; ++j)
            for (int i = 0; i < rows; ++i) {
              float sum = (withBias ? bias[j] : 0.0f) + (withAddend ? addend[j * ldc + i] : 0.0f);
              for (int p = 0; p < k; ++p) sum += a[p * lda + i] * w[j * k + p];
              expect[j * ldc + i] = relu ? std::max(sum, 0.0f) : sum;
            }
          const GemmEpilogue e{withBias ? bias.data() : nullptr, withAddend ? addend.data() : nullptr, relu};
          gemmStore(a.data(), lda, rows, packWeights(w, k, m), e, c.data(), ldc);
          for (int j = 0; j < m; ++j)
            for (int i = 0; i < rows; ++i)
              QVERIFY2(std::abs(c[j * ldc + i] - expect[j * ldc + i]) < 1e-4f,
                       qPrintable(QString("%1 %2x%3x%4, bias %5 addend %6 relu %7, at %8,%9")
                                      .arg(kernel.c_str()).arg(rows).arg(k).arg(m).arg(withBias).arg(withAddend).arg(relu)
                                      .arg(i).arg(j)));
        }
    }
    selectGemmKernel(availableGemmKernels().front());
  }

  void gemmKernelsGiveTheSameNetwork() {
    const auto cell = testCells()[11];
    selectGemmKernel("eigen");
    const auto reference = runNetwork(cell, 5, 2);
    for (const auto& kernel : availableGemmKernels()) {
      selectGemmKernel(kernel);
      QVERIFY(CpuEngine().version().find(kernel) != std::string::npos);
      const double err = relativeError(runNetwork(cell, 5, 2), reference);
      QVERIFY2(err < 1e-5, qPrintable(QString("%1: relative error %2").arg(kernel.c_str()).arg(err)));
    }
    selectGemmKernel(availableGemmKernels().front());
  }

  void rejectsBadConfigs() {
    CpuEngine engine;
    const auto cell = testCells()[0];
    for (RunConfig bad : {RunConfig{0, 1, 1}, RunConfig{1, -1, 1}})
      MAPLE_VERIFY_ERROR(engine.prepare(searchspace::nb201Architecture(cell), bad), ErrorKind::Usage, "");
    auto net = engine.prepareCpu(cell, {2, 1, 1});
    QVERIFY_THROWS_EXCEPTION(Error, net->setInput(std::vector<float>(3072)));
  }

  void exportWritesEveryTensor() {
    QTemporaryDir dir;
    const auto cell = testCells()[2];
    const std::string file = dir.filePath("net.bin").toStdString();
    exportNetwork(cell, {2, 1, 5}, file);
    std::ifstream in(file, std::ios::binary);
    char magic[8];
    in.read(magic, 8);
    QCOMPARE(std::string(magic, 8), std::string("MAPLENB1"));
    std::size_t floats = 0;
    for (const Tensor& t : networkTensors(cell, {2, 1, 5})) floats += t.data.size();
    // all conv3x3: 6 edges x 15 cells, each conv + 4 BN vectors
    QVERIFY(floats > 6 * 15 * 16 * 16 * 9);
    QVERIFY_THROWS_EXCEPTION(Error, exportNetwork(cell, {1, 1, 1}, "/nonexistent-dir/x.bin"));
  }
};

QTEST_GUILESS_MAIN(TestEngineCpu)
#include "test_engine_cpu.moc"
