// The CUDA engine against the CPU engine (same weights from the seed): NAS-Bench-201 and FBNet
// outputs within 1e-4 relative error at batch 1 and 8, CUDA-event timings, device properties.
// Without a GPU (CI) the engine must say "no CUDA device" and the GPU tests skip with that reason;
// test_engine_cuda_plan checks the host-side plan on every machine.
#include "common/error.hpp"
#include "engine/cpu/cpu_engine.hpp"
#include "engine/cuda/cuda_engine.hpp"
#include "logits_compare.hpp"
#include "searchspace/architecture.hpp"
#include "searchspace/space.hpp"

#include <QtTest>

#include <algorithm>

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

std::string repeat(const std::string& block) {
  std::string s;
  for (int i = 0; i < 22; ++i) s += (i ? "-" : "") + block;
  return s;
}

// Each architecture at batch 1 and 8 on both engines: relative error below 1e-4, and a timed run.
void compareWithCpu(const std::vector<searchspace::Architecture>& archs) {
  auto gpu = makeCudaEngine(0);
  cpu::CpuEngine cpuEngine;
  double worst = 0;
  for (const auto& arch : archs)
    for (int batch : {1, 8}) {
      const RunConfig config{batch, 1, 11};
      auto g = gpu->prepare(arch, config);
      auto c = cpuEngine.prepare(arch, config);
      g->run();
      c->run();
      const auto a = g->output(), b = c->output();
      QCOMPARE(a.size(), b.size());
      const double err = testing::relativeError(a, b);
      worst = std::max(worst, err);
      QVERIFY2(err < 1e-4, qPrintable(QString("%1 batch %2: relative error %3").arg(arch.canonical().c_str()).arg(batch).arg(err)));
      QVERIFY(g->lastRunDeviceMs() > 0);
    }
  qInfo("%zu %s architectures x batch 1 and 8 match the CPU engine; worst relative error %.3g", archs.size(),
        std::string(archs.front().spaceName()).c_str(), worst);
}

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

  void nb201MatchesTheCpuEngine() {
    if (const auto why = whyNoDevice(); !why.empty()) QSKIP(why.c_str());
    std::vector<searchspace::Architecture> archs;
    for (const char* cell : kCells) archs.push_back(searchspace::parseArchitecture(searchspace::nb201Space(), cell));
    compareWithCpu(archs);
  }

  // Depthwise 5x5, grouped 1x1 + channel shuffle and skips everywhere, then random architectures.
  void fbnetMatchesTheCpuEngine() {
    if (const auto why = whyNoDevice(); !why.empty()) QSKIP(why.c_str());
    const auto& fbnet = searchspace::fbnetSpace();
    std::vector<searchspace::Architecture> archs;
    for (const char* block : {"k5_e6", "k3_e1_g2", "skip"}) archs.push_back(searchspace::parseArchitecture(fbnet, repeat(block)));
    for (const auto& g : fbnet.sample(5, 13)) archs.push_back({&fbnet, g});
    compareWithCpu(archs);
  }

  // Repeated runs: the same logits, a positive device time each (the timing protocol of measure).
  void timedRunsRepeat() {
    if (const auto why = whyNoDevice(); !why.empty()) QSKIP(why.c_str());
    const auto& fbnet = searchspace::fbnetSpace();
    auto net = makeCudaEngine(0)->prepare({&fbnet, fbnet.sample(1, 17).front()}, {8, 1, 3});
    net->run();
    const auto first = net->output();
    for (int i = 0; i < 5; ++i) {
      net->run();
      QVERIFY(net->lastRunDeviceMs() > 0 && net->lastRunDeviceMs() < 1000);
    }
    QCOMPARE(net->output(), first);
    QVERIFY_THROWS_EXCEPTION(Error, makeCudaEngine(0)->prepare(searchspace::Architecture{}, {1, 1, 1}));
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
