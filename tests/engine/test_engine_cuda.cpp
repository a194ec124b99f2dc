// The CUDA engine against the CPU engine (same weights from the seed): outputs within 1e-3
// relative error, CUDA-event timings, device properties. Without a GPU (CI) the engine must say
// "no CUDA device" and the GPU tests skip with that reason.
#include "common/error.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "searchspace/architecture.hpp"

#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace maple;
using namespace maple::engine;

namespace {

std::string whyNoDevice() {
  std::string why;
  return cudaDevices(&why).empty() ? why : std::string();
}

const char* const kCells[] = {
    "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_3x3~1|+|nor_conv_3x3~0|nor_conv_3x3~1|nor_conv_3x3~2|",
    "|none~0|+|none~0|nor_conv_1x1~1|+|skip_connect~0|avg_pool_3x3~1|avg_pool_3x3~2|",
    "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|",
    "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|",
    "|avg_pool_3x3~0|+|skip_connect~0|none~1|+|nor_conv_1x1~0|none~1|nor_conv_3x3~2|",
};

} // namespace

class TestEngineCuda : public QObject {
  Q_OBJECT

private slots:
  void withoutADeviceSaysSo() {
    const auto why = whyNoDevice();
    if (why.empty()) QSKIP("this machine has a CUDA device: the no-device message cannot be seen");
    QVERIFY2(why.rfind("no CUDA device", 0) == 0, why.c_str());
    try {
      makeCudaEngine(0);
      QFAIL("made a CUDA engine without a device");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Io); // the machine's lack (exit 2), as with a missing PMU
      QVERIFY2(QString(e.what()).startsWith("no CUDA device"), e.what());
    }
  }

  void matchesTheCpuEngine() {
    if (const auto why = whyNoDevice(); !why.empty()) QSKIP(why.c_str());
    auto gpu = makeCudaEngine(0);
    cpu::CpuEngine cpuEngine;
    for (const char* arch : kCells)
      for (int batch : {1, 8}) {
        const auto architecture = searchspace::parseArchitecture(searchspace::nb201Space(), arch);
        const RunConfig config{batch, 1, 11};
        auto g = gpu->prepare(architecture, config);
        auto c = cpuEngine.prepare(architecture, config);
        g->run();
        c->run();
        const auto a = g->output(), b = c->output();
        QCOMPARE(a.size(), b.size());
        double diff = 0, scale = 1e-30;
        for (std::size_t i = 0; i < a.size(); ++i) {
          diff = std::max(diff, std::abs(double(a[i]) - double(b[i])));
          scale = std::max(scale, std::abs(double(b[i])));
        }
        QVERIFY2(diff / scale < 1e-3, qPrintable(QString("%1 batch %2: relative error %3").arg(arch).arg(batch).arg(diff / scale)));
        QVERIFY(g->lastRunDeviceMs() > 0);
      }
  }

  // The layer graphs of other spaces are not built on cuDNN yet: refused, pointing at the CPU engine.
  void refusesOtherSpaces() {
    if (const auto why = whyNoDevice(); !why.empty()) QSKIP(why.c_str());
    auto gpu = makeCudaEngine(0);
    const auto& fbnet = searchspace::fbnetSpace();
    try {
      gpu->prepare({&fbnet, fbnet.sample(1, 3).front()}, {1, 1, 1});
      QFAIL("the CUDA engine accepted an fbnet architecture");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Usage);
      QVERIFY2(QString(e.what()).contains("runs nb201 networks only so far"), e.what());
    }
  }

  void recordsDeviceProperties() {
    if (const auto why = whyNoDevice(); !why.empty()) QSKIP(why.c_str());
    const auto devices = cudaDevices();
    QVERIFY(!devices.front().name.empty());
    QVERIFY(devices.front().smCount > 0 && devices.front().memoryGb > 0 && devices.front().clockMhz > 0);
    QVERIFY(makeCudaEngine(0)->version().find("cuDNN") != std::string::npos);
  }
};

QTEST_GUILESS_MAIN(TestEngineCuda)
#include "test_engine_cuda.moc"
