// The core services both faces call: adding a host, provenance refusals (imported devices are never
// written into), one value per architecture (the median of its samples), and adapting to a device.
#include "../widgets/local_device.hpp"
#include "../widgets/small_project.hpp"
#include "common/error.hpp"
#include "predict/predictor.hpp"
#include "predictfile/predictor_file.hpp"
#include "services/adapt.hpp"
#include "services/architectures.hpp"
#include "services/capture.hpp"
#include "services/devices.hpp"
#include "services/measure.hpp"
#include "services/predictors.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"
#include "test_support.hpp"

#include <QTemporaryDir>
#include <set>
#include <unordered_set>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <thread>

using namespace maple;

namespace {

long long scalar(store::Project& p, const char* sql) {
  auto st = p.db().prepare(sql);
  st.step();
  return st.int64(0);
}

using testing::addLocalLatencies;
using testing::fakeHost;

template <class F> QString errorOf(F&& f, ErrorKind expected) {
  try {
    f();
  } catch (const Error& e) {
    if (e.kind() != expected) return QStringLiteral("wrong kind: ") + e.what();
    return QString::fromUtf8(e.what());
  }
  return QStringLiteral("no error");
}

// A measurer whose measurement ends while another connection holds the project's write lock
// (as a long import would) for holdMs more: the sample is computed before its write must wait.
class LockHeldWhileMeasuring : public services::Measurer {
public:
  LockHeldWhileMeasuring(std::string project, int holdMs) : project_(std::move(project)), holdMs_(holdMs) {}
  ~LockHeldWhileMeasuring() override {
    if (holder_.joinable()) holder_.join();
  }
  measure::Measurement measure(const searchspace::Architecture&, const measure::Protocol&,
                               const measure::MeasureCallback&) override {
    holder_ = std::thread([this] {
      store::Database db(project_, store::Database::Mode::ReadWrite);
      db.exec("BEGIN IMMEDIATE");
      locked_ = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(holdMs_));
      db.exec("COMMIT");
    });
    while (!locked_) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    measure::Measurement m;
    m.runsMs = {2.0, 2.5, 3.0};
    m.summary = measure::summarise(m.runsMs);
    m.stable = true;
    return m;
  }
  std::string name() const override { return "lock-test"; }
  std::string version() const override { return "1"; }
  void finish() { holder_.join(); }

private:
  std::string project_;
  int holdMs_;
  std::thread holder_;
  std::atomic<bool> locked_{false};
};

std::atomic<int> busyNotices{0};

} // namespace

class TestServices : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  int made_ = 0;

  store::Project fresh(int devices = 4, int archs = 60, const QStringList& names = {}) {
    const auto path = testing::makeSmallProject(QDir(dir_.path()), QStringLiteral("p%1").arg(++made_), devices, archs, names);
    return store::Project::open(path.toStdString());
  }

private slots:
  // The Samples page's "Sample more": seeded, skipping what is listed, refusing when the space runs out.
  void samplingMoreSkipsListedArchitectures() {
    const auto& fbnet = searchspace::fbnetSpace();
    const auto first = services::sampleSpaceArchitectures(fbnet, 5, 9, {});
    QCOMPARE(first.size(), size_t{5});
    std::unordered_set<std::string> shown;
    for (const auto& a : first) {
      QVERIFY(a.sampled && !a.datasetIndex);
      QCOMPARE(a.mflops, 2 * fbnet.features(a.arch.genotype).macs / 1e6);
      QCOMPARE(a.opCounts.size(), services::opColumn(fbnet).labels.size());
      shown.insert(a.arch.canonical());
    }
    const auto again = services::sampleSpaceArchitectures(fbnet, 5, 9, {});
    for (size_t i = 0; i < first.size(); ++i) QVERIFY(again[i].arch == first[i].arch); // the same seed, the same draws
    for (const auto& a : services::sampleSpaceArchitectures(fbnet, 5, 9, shown)) QVERIFY(!shown.count(a.arch.canonical()));
    // NAS-Bench-201 has 15,625: with all but three listed, asking for four is refused, naming how many are left.
    std::unordered_set<std::string> all;
    for (const auto& g : searchspace::nb201Space().enumerate()) all.insert(searchspace::nb201Space().format(g));
    for (std::int64_t i = 0; i < 3; ++i) all.erase(searchspace::nb201Space().format(searchspace::nb201Space().fromIndex(i)));
    QCOMPARE(services::sampleSpaceArchitectures(searchspace::nb201Space(), 3, 1, all).size(), size_t{3});
    MAPLE_VERIFY_ERROR(services::sampleSpaceArchitectures(searchspace::nb201Space(), 4, 1, all), ErrorKind::Usage,
                       "only 3 of its 15625 are not listed"); // four of three left
  }

  void addedHostRefusesExistingAndImportedNames() {
    auto p = fresh();
    const auto before = store::requireDevice(p, "dev0");
    const auto imported = errorOf([&] { services::addHostDevice(p, "dev0", fakeHost()); }, ErrorKind::BadInput);
    QVERIFY2(imported.contains("imported reference data") && imported.contains("dev0-local"), qPrintable(imported));
    const auto after = store::requireDevice(p, "dev0");
    QCOMPARE(after.hardware, before.hardware); // nothing of this host merged into it
    QCOMPARE(after.cores, before.cores);
    QCOMPARE(after.memoryGb, before.memoryGb);

    auto host = fakeHost();
    host.gpus.push_back({});
    host.gpus[0].index = 0;
    host.gpus[0].name = "Test GPU";
    QCOMPARE(services::addHostDevice(p, "box", host), (std::vector<std::string>{"box", "box-gpu0"}));
    QCOMPARE(store::requireDevice(p, "box").hardware, std::string("Test CPU 3000"));
    QVERIFY(!services::isImported(p, "box") && services::isImported(p, "dev1"));
    const auto again = errorOf([&] { services::addHostDevice(p, "box", host); }, ErrorKind::BadInput);
    QVERIFY2(again.contains("already exists") && again.contains("name a new device"), qPrintable(again));
    QCOMPARE(scalar(p, "SELECT count(*) FROM devices"), 6LL);
    QVERIFY(errorOf([&] { services::addHostDevice(p, " ", host); }, ErrorKind::BadInput).contains("name the device"));
  }

  void mergingNeverWritesIntoAnImportedDevice() {
    auto into = fresh(2, 20);
    const auto otherPath = dir_.filePath("other.maple").toStdString();
    {
      auto other = store::Project::create(otherPath);
      services::addHostDevice(other, "dev0", fakeHost()); // a local machine that happens to share the name
      services::addHostDevice(other, "board", fakeHost());
    }
    const auto samples = scalar(into, "SELECT count(*) FROM latency_samples");
    const auto report = services::mergeProject(into, otherPath);
    QCOMPARE(report.devicesAdded, std::vector<std::string>{"board"});
    QCOMPARE(report.devicesSkipped, std::vector<std::string>{"dev0"});
    QCOMPARE(report.skippedWhy.size(), size_t{1});
    QVERIFY2(report.skippedWhy[0].find("'dev0' is imported reference data here") == 0, report.skippedWhy[0].c_str());
    QCOMPARE(scalar(into, "SELECT count(*) FROM latency_samples"), samples);
    QCOMPARE(store::requireDevice(into, "dev0").hardware, std::string());
  }

  void measuringAndCapturingIntoImportedDevicesIsRefused() {
    auto p = fresh();
    const auto samples = scalar(p, "SELECT count(*) FROM latency_samples");
    services::MeasureRequest r;
    r.device = "dev2";
    r.engine.engine = "cpu";
    r.targets = {{searchspace::parseArchitecture(searchspace::nb201Space(), "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"),
                  std::nullopt}};
    r.protocol = services::protocolFor(2, 0);
    bool measured = false;
    services::MeasureEvents ev;
    ev.onProgress = [&](size_t, const measure::MeasureProgress&) { return measured = true; };
    const auto m = errorOf([&] { services::measureAndStore(p, r, ev); }, ErrorKind::BadInput);
    QVERIFY2(m.contains("measuring into 'dev2' would write into imported reference data") && m.contains("name a new device"),
             qPrintable(m));
    QVERIFY(!measured);
    QCOMPARE(scalar(p, "SELECT count(*) FROM latency_samples"), samples);
    QCOMPARE(scalar(p, "SELECT count(*) FROM sources"), 1LL);

    counters::Capture c;
    c.workload = "external";
    const auto cap = errorOf([&] { services::storeCapture(p, "dev2", c, {}); }, ErrorKind::BadInput);
    QVERIFY2(cap.contains("capturing into 'dev2'"), qPrintable(cap));
    QVERIFY(errorOf([&] { services::checkCaptureTarget(p, "dev3"); }, ErrorKind::BadInput).contains("imported"));
    QCOMPARE(scalar(p, "SELECT count(*) FROM captures"), 0LL);
    QCOMPARE(scalar(p, "SELECT count(*) FROM descriptors"), 0LL);
  }

  // Each measurement of an architecture is a sample; counts and pools see one value: the median.
  void repeatedMeasurementsAreSamplesOfOneArchitecture() {
    auto p = fresh(2, 30);
    services::MeasureRequest r;
    r.device = "box";
    r.engine.engine = "cpu";
    const auto cell = nb201::parseCell("|none~0|+|skip_connect~0|none~1|+|none~0|none~1|skip_connect~2|");
    r.targets = {{searchspace::nb201Architecture(cell), std::nullopt}};
    r.protocol = services::protocolFor(3, 1);
    std::string notice;
    services::MeasureEvents ev;
    ev.onNotice = [&](const std::string& n) { notice = n; };
    const auto first = services::measureAndStore(p, r, ev);
    QVERIFY2(notice.find("is new") != std::string::npos, notice.c_str());
    QCOMPARE(first.stored.size(), size_t{1});
    QVERIFY(!first.stopped);
    QVERIFY2(first.message.find("stored 1 latency sample for device 'box'") == 0, first.message.c_str());
    services::measureAndStore(p, r);
    services::measureAndStore(p, r);

    std::vector<double> ms;
    auto st = p.db().prepare("SELECT latency_ms FROM latency_samples s JOIN devices d ON d.id = s.device_id WHERE d.name = 'box'");
    while (st.step()) ms.push_back(st.real(0));
    QCOMPARE(ms.size(), size_t{3});
    std::sort(ms.begin(), ms.end());
    const auto rows = services::measuredArchitectures(p, searchspace::nb201Space(), "box");
    QCOMPARE(rows.size(), size_t{1});
    QCOMPARE(rows[0].samples, 3);
    QCOMPARE(rows[0].medianMs, ms[1]);
    QCOMPARE(rows[0].repetitions, 3 * first.stored[0].summary.repetitions);
    const auto matrix = store::loadLatencyMatrix(p, searchspace::nb201Space(), {"box"});
    double inMatrix = 0;
    for (size_t a = 0; a < matrix.architectures.size(); ++a)
      if (matrix.architectures[a].arch == searchspace::nb201Architecture(cell)) inMatrix = matrix.at(a, 0);
    QCOMPARE(inMatrix, ms[1]);
    for (const auto& s : store::listDeviceSummaries(p))
      if (s.device.name == "box") {
        QCOMPARE(s.latencySamples, 3LL);
        QCOMPARE(s.measuredArchitectures, 1LL);
        QVERIFY(!s.imported);
      }
  }

  // #15 item 4: a writer that finds the project locked waits (saying so once) and then stores
  // what it computed; the old 5 s busy timeout dropped the sample.
  void aSampleMeasuredDuringAnotherWriteIsStored() {
    auto p = fresh(1, 12);
    const auto measurer = std::make_shared<LockHeldWhileMeasuring>(p.path(), 1500);
    services::MeasureRequest r;
    r.device = "waiter";
    r.engine.engine = "cpu";
    r.measurer = measurer;
    r.targets = {{searchspace::nb201Architecture(nb201::cellFromCode(5)), std::nullopt}};
    r.protocol = services::protocolFor(3, 1);
    busyNotices = 0;
    store::setBusyNotice([](const std::string&) { ++busyNotices; });
    const auto t0 = std::chrono::steady_clock::now();
    const auto out = services::measureAndStore(p, r);
    const auto waited = std::chrono::steady_clock::now() - t0;
    store::setBusyNotice(nullptr);
    measurer->finish();
    QCOMPARE(out.stored.size(), size_t{1});
    QVERIFY(waited >= std::chrono::milliseconds(1400)); // it did wait for the holder's commit
    QCOMPARE(busyNotices.load(), 1);
    const auto rows = services::measuredArchitectures(p, searchspace::nb201Space(), "waiter");
    QCOMPARE(rows.size(), size_t{1});
    QCOMPARE(rows[0].medianMs, 2.5);
    QVERIFY(searchspace::cellOf(rows[0].arch.genotype) == nb201::cellFromCode(5));
  }

  void spreadWarningIsAValue() {
    auto p = fresh(1, 12);
    addLocalLatencies(p, 2);
    {
      // A second sample of the first architecture with a wide spread: the median IQR is now 50.5 %.
      store::Transaction tx(p.db());
      const auto source = store::ensureSource(p, "measurement", "test:box:2", "a noisy run");
      store::LatencyWriter w(p);
      store::LatencySample s;
      s.deviceId = store::requireDevice(p, "box").id;
      s.architectureId = store::loadLatencyMatrix(p, searchspace::nb201Space(), {"box"}).architectures[0].id;
      s.latencyMs = 2 * 1.5 * store::loadLatencyMatrix(p, searchspace::nb201Space(), {"dev0"}).at(0, 0);
      s.iqrMs = s.latencyMs;
      w.sample(source, s);
      tx.commit();
    }
    const auto rows = services::measuredArchitectures(p, searchspace::nb201Space(), "box");
    QCOMPARE(rows.size(), size_t{2});
    QVERIFY(rows[0].highSpread);
    QVERIFY2(rows[0].spreadWarning.rfind("high spread: IQR is", 0) == 0, rows[0].spreadWarning.c_str());
    QCOMPARE(rows[0].samples, 2);
    QVERIFY(!rows[1].highSpread && rows[1].spreadWarning.empty());
    // Imported values carry no IQR, hence no warning.
    const auto imported = services::measuredArchitectures(p, searchspace::nb201Space(), "dev0");
    QVERIFY(!imported[0].iqrMs && !imported[0].highSpread && imported[0].repetitions == 0);
  }

  void defaultTrainingDevicesLeaveOutTheTargetsChip() {
    auto p = fresh(5, 30, {"gpu_1", "gpu_32", "gpu_256", "cpuA", "cpuB"});
    QCOMPARE(services::sameChipDevices(p, "gpu_32"), (std::vector<std::string>{"gpu_1", "gpu_256"}));
    QCOMPARE(services::defaultTrainingDevices(p, searchspace::nb201Space(), "gpu_1"), (std::vector<std::string>{"cpuA", "cpuB"}));
    QCOMPARE(services::defaultTrainingDevices(p, searchspace::nb201Space(), "cpuA"), (std::vector<std::string>{"cpuB", "gpu_1", "gpu_256", "gpu_32"}));
    addLocalLatencies(p, 3, "cpuA");
    // A local target keeps every other device with latencies (the empty box-less devices do not count).
    QCOMPARE(services::defaultTrainingDevices(p, searchspace::nb201Space(), "box").size(), size_t{5});
  }

  // Adapt to a local device from 10 of its 12 measured architectures; the other 2 are scored, the
  // adapted predictor is stored under the device and its exported file predicts the same numbers.
  void adaptsToALocalDeviceAndStoresThePredictor() {
    auto p = fresh(4, 60);
    addLocalLatencies(p, 12);
    services::AdaptRequest r;
    r.target = "box";
    r.shots = 10;
    QCOMPARE(r.shotPolicy, predict::ShotPolicy::Design); // a new device gets an optimal design by default
    r.shotPolicy = predict::ShotPolicy::Reference;
    std::vector<double> fractions;
    const auto a = services::adaptToDevice(p, r, [&](double f, const std::string&) {
      fractions.push_back(f);
      return true;
    });
    QCOMPARE(a.trainDevices, (std::vector<std::string>{"dev0", "dev1", "dev2", "dev3"}));
    QCOMPARE(a.shots.size(), size_t{10});
    QCOMPARE(a.heldOut.size(), size_t{2});
    std::set<int> shotIndices, references(std::begin(testing::kReferenceIndices), std::end(testing::kReferenceIndices));
    for (const auto& s : a.shots) shotIndices.insert(s.spaceIndex.value_or(-1));
    QVERIFY(shotIndices == references); // the reference policy takes HELP's reference architectures first
    QCOMPARE(a.shotPolicy, std::string("reference"));
    QVERIFY(a.metrics);
    QCOMPARE(a.spaceMs.size(), size_t(nb201::kSpaceSize));
    QCOMPARE(fractions.back(), 1.0);
    QCOMPARE(a.predictorName, a.method + "-box-10shots");

    const auto stored = services::listPredictors(p);
    QCOMPARE(stored.size(), size_t{1});
    QCOMPARE(stored[0].name, a.predictorName);
    QCOMPARE(stored[0].targetDevice, std::string("box"));
    const auto file = dir_.filePath("box.maplepred").toStdString();
    services::exportPredictor(p, a.predictorName, file);
    QVERIFY(errorOf([&] { services::exportPredictor(p, a.predictorName, file); }, ErrorKind::Usage).contains("refusing to overwrite"));
    const auto back = predict::restore(predictfile::readPredictorFile(file).state);
    QCOMPARE(back->targetDevice(), std::string("box"));
    searchspace::ArchitectureSet held;
    for (const auto& h : a.heldOut) held.push_back(h.arch);
    const auto again = back->predictMs(held);
    for (size_t i = 0; i < held.size(); ++i) QCOMPARE(again[i], a.heldOut[i].predictedMs);

    const auto second = services::adaptToDevice(p, r);
    QCOMPARE(second.predictorName, a.method + "-box-10shots-2"); // never a name taken
  }

  void adaptRefusalsNameTheFix() {
    auto p = fresh(3, 40);
    addLocalLatencies(p, 9);
    services::AdaptRequest r;
    r.target = "box";
    r.shots = 10;
    const auto many = errorOf([&] { services::adaptToDevice(p, r); }, ErrorKind::BadInput);
    QVERIFY2(many.contains("10 shots asked on 'box', which has 9 measured architectures: use at most 9"), qPrintable(many));
    r.shots = 3;
    r.trainDevices = {"dev0", "box"};
    QVERIFY(errorOf([&] { services::adaptToDevice(p, r); }, ErrorKind::Usage).contains("among the training devices"));
    r.trainDevices = {};
    const auto cancelled = errorOf([&] {
      services::adaptToDevice(p, r, [](double f, const std::string&) { return f < 1.0; });
    }, ErrorKind::Cancelled);
    QVERIFY2(cancelled.contains("nothing was stored"), qPrintable(cancelled));
    QCOMPARE(scalar(p, "SELECT count(*) FROM predictors"), 0LL);
    services::addHostDevice(p, "empty", fakeHost());
    r.target = "empty";
    QVERIFY(errorOf([&] { services::adaptToDevice(p, r); }, ErrorKind::BadInput).contains("no measured architectures"));
  }
};

QTEST_GUILESS_MAIN(TestServices)
#include "test_services.moc"
