// The measurement protocol with scripted samplers and a small test-only engine; host detection
// on a fake /proc + /sys tree; conditions JSON; CPU pinning.
#include "common/error.hpp"
#include "measure/conditions.hpp"
#include "measure/pinning.hpp"
#include "measure/samplers.hpp"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <filesystem>

using namespace maple;
using namespace maple::measure;

namespace {

// Returns the times a script gives for the n-th timed run; records warm-up requests.
class ScriptedSampler : public Sampler {
public:
  explicit ScriptedSampler(std::function<double(int)> f) : f_(std::move(f)) {}
  std::vector<double> sample(int warmup, int repetitions) override {
    warmups.push_back(warmup);
    std::vector<double> out;
    for (int i = 0; i < repetitions; ++i) out.push_back(f_(n_++));
    return out;
  }
  std::vector<int> warmups;

private:
  std::function<double(int)> f_;
  int n_ = 0;
};

// Test-only engine: a small dense matrix product per live conv edge, so runs take real time
// that grows with the cell; reports its own clock when asked to.
class TinyNetwork : public engine::PreparedNetwork {
public:
  TinyNetwork(int convs, double ownClockMs) : convs_(convs), ownClockMs_(ownClockMs), a_(64 * 64, 1.0f), c_(64 * 64) {}
  void run() override {
    ++runs;
    for (int k = 0; k < convs_; ++k)
      for (int i = 0; i < 64; ++i)
        for (int j = 0; j < 64; ++j) {
          float s = 0;
          for (int l = 0; l < 64; ++l) s += a_[i * 64 + l] * a_[l * 64 + j];
          c_[i * 64 + j] = s;
        }
  }
  std::vector<float> output() override { return std::vector<float>(c_.begin(), c_.begin() + 10); }
  double lastRunDeviceMs() const override { return ownClockMs_; }
  int runs = 0;

private:
  int convs_;
  double ownClockMs_;
  std::vector<float> a_, c_;
};

class TinyEngine : public engine::Engine {
public:
  std::string name() const override { return "tiny"; }
  std::string version() const override { return "tiny 1"; }
  std::unique_ptr<engine::PreparedNetwork> prepare(const searchspace::Architecture& arch, const engine::RunConfig&) override {
    int convs = 1;
    for (auto op : searchspace::cellOf(arch.genotype).ops) convs += op == nb201::Op::Conv3x3 || op == nb201::Op::Conv1x1;
    return std::make_unique<TinyNetwork>(convs, -1);
  }
};

template <class F> std::string errorOf(F f, ErrorKind* kind = nullptr) {
  try {
    f();
  } catch (const Error& e) {
    if (kind) *kind = e.kind();
    return e.what();
  }
  return {};
}

void write(const std::string& path, const std::string& content) {
  std::filesystem::create_directories(std::filesystem::path(path).parent_path());
  std::ofstream(path) << content;
}

} // namespace

class TestMeasure : public QObject {
  Q_OBJECT
private slots:
  void quantiles() {
    QCOMPARE(quantile({4, 1, 3, 2}, 0.5), 2.5);
    QCOMPARE(quantile({1, 2, 3, 4, 5}, 0.25), 2.0);
    QCOMPARE(quantile({1, 2, 3, 4}, 0.75), 3.25); // numpy: 3.25
    auto s = summarise({10, 1, 2, 3, 4});
    QCOMPARE(s.medianMs, 3.0);
    QCOMPARE(s.iqrMs(), 2.0);
    QCOMPARE(s.maxMs, 10.0);
    QVERIFY(!errorOf([] { summarise({}); }).empty());
  }

  void stopsOnceTheMedianIsStable() {
    ScriptedSampler s([](int i) { return 2.0 + 0.001 * (i % 5); });
    Protocol p;
    auto m = run(s, p);
    QVERIFY(m.stable);
    QCOMPARE(m.summary.count, 20); // first comparison after the second block
    QCOMPARE(s.warmups, (std::vector<int>{5, 0}));
    QVERIFY(m.warnings.empty());
  }

  void minimumRepeatsIsHonoured() {
    ScriptedSampler s([](int) { return 1.0; });
    Protocol p;
    p.blockSize = 5;
    p.minRepeats = 30;
    auto m = run(s, p);
    QVERIFY(m.stable);
    QCOMPARE(m.summary.count, 30);
  }

  void driftingTimesReachTheMaximumAndWarn() {
    ScriptedSampler s([](int i) { return 1.0 + 0.1 * i; });
    Protocol p;
    p.maxRepeats = 45;
    auto m = run(s, p);
    QVERIFY(!m.stable);
    QCOMPARE(m.summary.count, 45); // last block cut to fit the maximum
    QCOMPARE(static_cast<int>(m.runsMs.size()), 45);
    QVERIFY(m.lastMedianChange > 0.01);
    QCOMPARE(m.warnings.size(), size_t(2)); // still moving, and a wide spread
    QVERIFY(QString::fromStdString(m.warnings[0]).contains("median still moved"));
    QVERIFY(QString::fromStdString(m.warnings[1]).contains("high spread"));
  }

  void spreadWarning() {
    // Alternating 1 and 2 ms: median stable, IQR half the median.
    ScriptedSampler s([](int i) { return i % 2 ? 2.0 : 1.0; });
    auto m = run(s, Protocol{});
    QVERIFY(m.stable);
    QCOMPARE(m.warnings.size(), size_t(1));
    QVERIFY(QString::fromStdString(m.warnings[0]).contains("high spread"));
  }

  void badTimesAndSettingsAreRefused() {
    ScriptedSampler negative([](int i) { return i == 3 ? -1.0 : 1.0; });
    QVERIFY(errorOf([&] { run(negative, Protocol{}); }).find("-1") != std::string::npos);
    ScriptedSampler nan([](int) { return std::nan(""); });
    QVERIFY(!errorOf([&] { run(nan, Protocol{}); }).empty());
    Protocol p;
    p.maxRepeats = 0;
    ErrorKind kind{};
    QVERIFY(errorOf([&] { p.validate(); }, &kind).find("repetitions") != std::string::npos);
    QCOMPARE(kind, ErrorKind::Usage);
  }

  void cancelFromTheCallback() {
    ScriptedSampler s([](int) { return 1.0; });
    ErrorKind kind{};
    int calls = 0;
    errorOf([&] { run(s, Protocol{}, [&](const MeasureProgress& pr) { ++calls; return pr.runsDone < 10; }); }, &kind);
    QCOMPARE(kind, ErrorKind::Cancelled);
    QCOMPARE(calls, 1);
  }

  void networkSamplerTimesATestEngine() {
    TinyEngine engine;
    auto net = engine.prepare(
        searchspace::parseArchitecture(searchspace::nb201Space(),
                                       "|nor_conv_3x3~0|+|nor_conv_3x3~0|nor_conv_1x1~1|+|skip_connect~0|none~1|none~2|"),
        {});
    NetworkSampler sampler(*net);
    Protocol p;
    p.warmup = 2;
    p.maxRepeats = 20;
    auto m = run(sampler, p);
    QCOMPARE(static_cast<TinyNetwork&>(*net).runs, 2 + m.summary.count);
    QVERIFY(m.summary.minMs > 0 && m.summary.medianMs >= m.summary.minMs);
  }

  void networkSamplerPrefersTheEnginesClock() {
    TinyNetwork net(1, 2.5);
    NetworkSampler sampler(net);
    auto m = run(sampler, Protocol{});
    QCOMPARE(m.summary.medianMs, 2.5);
  }

  void hostFromAFakeTree() {
    QTemporaryDir dir;
    const std::string root = dir.path().toStdString();
    write(root + "/proc/cpuinfo",
          "processor\t: 0\nvendor_id\t: GenuineIntel\ncpu family\t: 6\nmodel\t\t: 85\n"
          "model name\t: Intel(R) Xeon(R) Gold 6226 CPU @ 2.70GHz\n\nprocessor\t: 1\n");
    write(root + "/proc/meminfo", "MemTotal:       16777216 kB\nMemFree: 1 kB\n");
    for (int cpu = 0; cpu < 4; ++cpu) {
      const auto d = root + "/sys/devices/system/cpu/cpu" + std::to_string(cpu);
      write(d + "/topology/physical_package_id", "0\n");
      write(d + "/topology/core_id", std::to_string(cpu / 2) + "\n"); // 2 cores x 2 threads
      const auto core = std::to_string(cpu / 2 * 2) + "-" + std::to_string(cpu / 2 * 2 + 1);
      write(d + "/cache/index0/level", "1\n");
      write(d + "/cache/index0/type", "Data\n");
      write(d + "/cache/index0/size", "32K\n");
      write(d + "/cache/index0/shared_cpu_list", core + "\n");
      write(d + "/cache/index2/level", "2\n");
      write(d + "/cache/index2/type", "Unified\n");
      write(d + "/cache/index2/size", "1024K\n");
      write(d + "/cache/index2/shared_cpu_list", core + "\n");
      write(d + "/cache/index3/level", "3\n");
      write(d + "/cache/index3/type", "Unified\n");
      write(d + "/cache/index3/size", "19712K\n");
      write(d + "/cache/index3/shared_cpu_list", "0-3\n");
      if (cpu == 0) {
        write(d + "/cpufreq/scaling_governor", "performance\n");
        write(d + "/cpufreq/scaling_cur_freq", "3500000\n");
        write(d + "/cpufreq/cpuinfo_max_freq", "3700000\n");
      }
    }
    const auto h = detectHost(root);
    QCOMPARE(h.cpuModel, std::string("Intel(R) Xeon(R) Gold 6226 CPU @ 2.70GHz"));
    QCOMPARE(h.vendor, std::string("Intel"));
    QCOMPARE(h.logicalCpus, 4);
    QCOMPARE(h.physicalCores, std::optional<int>(2));
    QCOMPARE(h.l1dKb, std::optional<double>(64));
    QCOMPARE(h.l2Kb, std::optional<double>(2048));
    QCOMPARE(h.l3Kb, std::optional<double>(19712));
    QCOMPARE(h.memoryGb, std::optional<double>(16));
    QCOMPARE(h.maxMhz, std::optional<double>(3700));

    const auto f = readCpuFrequencies({0, 1}, root);
    QCOMPARE(f[0].governor, std::string("performance"));
    QCOMPARE(f[0].currentMhz, std::optional<double>(3500));
    QCOMPARE(f[1].governor, std::string(kUnavailable));
    QVERIFY(!f[1].currentMhz);

    const auto d = deviceFromHost("my-xeon", h, "cpu eigen 3.4.0", 1);
    QCOMPARE(d.family, std::string("cpu"));
    QCOMPARE(d.hardware, h.cpuModel);
    QCOMPARE(d.cores, std::optional<int>(2));
    QCOMPARE(d.l2CacheKb, std::optional<double>(2048));
    QCOMPARE(d.batchSize, std::optional<int>(1));
    QVERIFY(!d.provenance.empty());
  }

  void thisHost() {
    const auto h = detectHost();
    QVERIFY(h.logicalCpus > 0);
    QVERIFY(!h.cpuModel.empty());
    QVERIFY(h.memoryGb && *h.memoryGb > 0);
    QVERIFY(!h.hostname.empty());
  }

  void gpuDevice() {
    HostInfo h;
    hardware::GpuInfo g;
    g.name = "NVIDIA H100";
    g.smCount = 132;
    g.computeMajor = 9;
    g.memoryClockMhz = 2619;
    g.memoryBusBits = 5120;
    g.memoryGb = 80;
    const auto d = deviceFromHost("h100_32", h, "cuda", 32, &g);
    QCOMPARE(d.family, std::string("gpu"));
    QCOMPARE(d.smCount, std::optional<int>(132));
    QVERIFY(d.memoryBandwidthGbs && std::abs(*d.memoryBandwidthGbs - 3352.32) < 0.01);
  }

  void conditionsRoundTrip() {
    HostInfo h;
    h.hostname = "box";
    h.cpuModel = "Some CPU";
    auto c = currentConditions(h, {0});
    c.threads = 4;
    c.batch = 8;
    c.engine = "cpu";
    c.engineVersion = "eigen 3.4.0";
    c.pinnedCpus = {0};
    hardware::GpuInfo g;
    g.name = "GPU";
    g.computeMajor = 8;
    g.computeMinor = 6;
    c.gpu = g;
    ScriptedSampler s([](int) { return 1.0; });
    recordMeasurement(c, run(s, Protocol{}));
    const auto json = toJson(c);
    const auto back = conditionsFromJson(json);
    QCOMPARE(back.host, std::string("box"));
    QCOMPARE(back.threads, 4);
    QCOMPARE(back.batch, 8);
    QCOMPARE(back.engineVersion, std::string("eigen 3.4.0"));
    QCOMPARE(back.repetitions, 20);
    QVERIFY(back.stable);
    QCOMPARE(back.cpus.size(), size_t(1));
    QCOMPARE(back.gpu->computeMinor, 6);
    QCOMPARE(toJson(back), json);
    QVERIFY(!errorOf([] { conditionsFromJson("{\"host\":1}"); }).empty());
  }

  void pinning() {
    QCOMPARE(formatCpuList({0, 1, 2, 3, 6, 8, 9}), std::string("0-3,6,8-9"));
    const auto allowed = allowedCpus();
    QVERIFY(!allowed.empty());
    QCOMPARE(parseCpuList(std::to_string(allowed.back())), std::vector<int>{allowed.back()});
    ErrorKind kind{};
    if (allowed.back() < 1023) { // a CPU number the kernel accepts but this process may not use
      QVERIFY(errorOf([] { parseCpuList("1023"); }, &kind).find("not available") != std::string::npos);
      QCOMPARE(kind, ErrorKind::Usage);
    }
    QVERIFY(errorOf([] { parseCpuList("100000"); }).find("write it like") != std::string::npos);
    QVERIFY(!errorOf([] { parseCpuList("x"); }).empty());
    {
      ScopedCpuPin pin({allowed.back()});
      QCOMPARE(allowedCpus(), std::vector<int>{allowed.back()});
    }
    QCOMPARE(allowedCpus(), allowed);
  }
};

QTEST_GUILESS_MAIN(TestMeasure)
#include "test_measure.moc"
