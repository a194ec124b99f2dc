// The counter path on `perf stat -x,` output recorded on machines with a hardware PMU
// (data/perf-stat/README.md says where each file came from): import, multiplexing scale, the
// `counters` descriptor and storage run in every test run, PMU or not. The counters-edge case has
// no recorded per-step capture to start from and is built from synthetic numbers, labelled so.
#include "store/descriptors.hpp"
#include "common/error.hpp"
#include "store/counter_captures.hpp"
#include "counters/perf_stat_import.hpp"
#include "descriptor/from_capture.hpp"
#include "store/devices.hpp"
#include "test_support.hpp"

#include <QtTest>

#include <cmath>

using namespace maple;

namespace {

std::string fixture(const char* name) { return std::string(MAPLE_TEST_DATA) + "/perf-stat/" + name; }

const counters::Sample& lastSample(const counters::Capture& c, const std::string& event) {
  for (auto it = c.samples.rbegin(); it != c.samples.rend(); ++it)
    if (it->event == event) return *it;
  throw std::runtime_error("no sample of " + event);
}

double valueOf(const descriptor::Descriptor& d, const std::string& name) {
  for (size_t i = 0; i < d.names.size(); ++i)
    if (d.names[i] == name) return d.values[i];
  return std::nan("");
}

} // namespace

class TestPerfStatFixtures : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

private slots:
  // Sapphire Rapids: perf's metric-only TopdownL1/L2 rows are skipped, every count kept.
  void sapphireRapidsImportsAndReduces() {
    const auto c = counters::importPerfStatCsv(fixture("spr-system-wide.csv"), "system-wide sleep 1");
    QCOMPARE(c.events.size(), size_t(8));
    QCOMPARE(c.totals.at("cycles"), 52288305.0);
    QCOMPARE(c.totals.at("instructions"), 37977214.0);
    QCOMPARE(c.totals.at("cpu-clock"), 225851.20e6); // msec -> ns
    QVERIFY(!c.softwareOnly);
    QCOMPARE(lastSample(c, "cycles").reading.scale, 1.0); // ran 100 %: not multiplexed
    const auto r = descriptor::reduceCapture(c, "spr");
    QCOMPARE(r.descriptors.size(), size_t(1)); // counters only: perf stat has no per-step counts
    const auto& d = r.descriptors[0];
    QCOMPARE(d.kind, std::string("counters"));
    // By hand from the file: 37977214 / 52288305, 1000 * 7299859 / 37977214, 1000 * 51102 / 37977214.
    QVERIFY(std::abs(valueOf(d, "ipc") - 0.7263042) < 1e-6);
    QVERIFY(std::abs(valueOf(d, "branches_per_kilo_instruction") - 192.217) < 1e-3);
    QVERIFY(std::abs(valueOf(d, "branch-misses_per_kilo_instruction") - 1.345596) < 1e-6);
  }

  // The hybrid machine's E-core events ran 54-63 % of the time: the scale comes back as 100/pct.
  void hybridMultiplexingScale() {
    const auto c = counters::importPerfStatCsv(fixture("alderlake-hybrid-multiplexed.csv"), "sleep 1");
    const auto& atom = lastSample(c, "cpu_atom/cycles/").reading;
    QVERIFY(std::abs(atom.scale - 100.0 / 54.0) < 1e-9); // enabled/running of whole nanoseconds
    QCOMPARE(atom.runningNs, std::uint64_t(8695757391));
    QCOMPARE(atom.enabledNs, std::uint64_t(std::llround(8695757391.0 * 100.0 / 54.0)));
    QCOMPARE(atom.raw, std::uint64_t(std::llround(256500230.0 * 0.54))); // perf's count, unscaled
    QCOMPARE(atom.value, 256500230.0);
    QCOMPARE(lastSample(c, "cpu_core/cycles/").reading.scale, 1.0);
    QVERIFY(std::abs(lastSample(c, "cpu_atom/instructions/").reading.scale - 100.0 / 63.0) < 1e-9);
  }

  void nothingCountedIsRefused() {
    MAPLE_VERIFY_ERROR(counters::importPerfStatCsv(fixture("icelake-topdown-not-counted.csv"), "w"),
                       ErrorKind::BadInput, "counted none of its 6 events");
  }

  void rawEventNamesWithCommas() {
    const auto c = counters::importPerfStatCsv(fixture("synthetic-raw-event-comma.csv"), "w");
    QCOMPARE(c.totals.at("cpu/event=0x3c,umask=0x00/u"), 4200.0);
    QCOMPARE(c.totals.at("cpu/event=0xd1,umask=0x20,cmask=0x1/"), 310.0);
    QCOMPARE(lastSample(c, "cpu/event=0x3c,umask=0x00/u").reading.scale, 2.0);
  }

  // Stored with its descriptor and read back: the same totals and values.
  void storedAndReloaded() {
    auto c = counters::importPerfStatCsv(fixture("spr-system-wide.csv"), "system-wide sleep 1");
    auto project = store::Project::create(dir_.filePath("spr.maple").toStdString());
    hardware::Device dev;
    dev.name = "spr";
    const auto id = store::upsertDevice(project, dev);
    store::saveCapture(project, id, c);
    const auto made = descriptor::reduceCapture(c, "spr");
    store::saveCaptureDescriptors(project, id, made.descriptors, c.id);
    const auto back = store::loadCapture(project, c.id);
    QCOMPARE(back.totals, c.totals);
    QCOMPARE(back.events.size(), c.events.size());
    const auto stored = store::latestDescriptor(project, id, "counters");
    QVERIFY(stored);
    QCOMPARE(stored->names, made.descriptors.at(0).names);
    QCOMPARE(stored->values, made.descriptors.at(0).values);
  }

  // SYNTHETIC per-step capture (no recorded one exists): counters-edge is each step's count of one
  // run over the step's mean latency in microseconds.
  void countersEdgeFromSteps() {
    counters::Capture c;
    c.workload = "synthetic";
    c.source = "synthetic test capture";
    c.plannedSteps = 2;
    c.events = {{"cycles", true, true, "", "", ""}, {"instructions", true, true, "", "", ""}, {"task-clock", false, true, "", "", ""}};
    c.steps = {{"op/nor_conv_3x3", "operator", 10, 2.0, 2.0, 1.9, {{"cycles", 4e6}, {"instructions", 6e6}}, {}},
               {"op/avg_pool_3x3", "operator", 10, 0.5, 0.5, 0.4, {{"cycles", 1e6}, {"instructions", 5e5}}, {}}};
    c.totals = {{"cycles", 5e6}, {"instructions", 6.5e6}, {"task-clock", 2.5e6}};
    const auto r = descriptor::reduceCapture(c, "synthetic");
    const descriptor::Descriptor* edge = nullptr;
    for (const auto& d : r.descriptors)
      if (d.kind == "counters-edge") edge = &d;
    QVERIFY(edge);
    QCOMPARE(valueOf(*edge, "op/nor_conv_3x3/cycles_per_us"), 2000.0);
    QCOMPARE(valueOf(*edge, "op/avg_pool_3x3/instructions_per_us"), 1000.0);
    QVERIFY(std::isnan(valueOf(*edge, "op/nor_conv_3x3/task-clock_per_us"))); // software: not an edge counter
  }
};

QTEST_GUILESS_MAIN(TestPerfStatFixtures)
#include "test_perf_stat_fixtures.moc"
