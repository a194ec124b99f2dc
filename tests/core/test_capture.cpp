// Capture sessions end to end on this machine: a workload counted with software events, streamed,
// cancelled or stopped early, stored in a project, loaded back and reduced to descriptors; the
// normalisation of each descriptor kind on known numbers; hardware captures where a PMU exists.
#include "store/descriptors.hpp"
#include "common/error.hpp"
#include "common/setting.hpp"
#include "store/counter_captures.hpp"
#include "counters/probe.hpp"
#include "counters/session.hpp"
#include "descriptor/from_capture.hpp"
#include "fake_engine.hpp"
#include "store/captures.hpp"
#include "store/devices.hpp"
#include "test_support.hpp"

#include <QtTest>

#include <cmath>
#include <mutex>

using namespace maple;
using namespace maple::counters;

class TestCapture : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  testing::FakeEngine engine_;

  std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

  Workload workload(const char* name = "nb201-ops") { return prepareWorkload(name, engine_, {}); }

  static std::int64_t device(store::Project& p, const std::string& name) {
    hardware::Device d;
    d.name = name;
    d.family = "cpu";
    return store::upsertDevice(p, d);
  }

  static const descriptor::Descriptor* find(const descriptor::Reduction& r, const std::string& kind) {
    for (const auto& d : r.descriptors)
      if (d.kind == kind) return &d;
    return nullptr;
  }

  static double value(const descriptor::Descriptor& d, const std::string& name) {
    for (size_t i = 0; i < d.names.size(); ++i)
      if (d.names[i] == name) return d.values[i];
    return std::nan("");
  }

  static bool hardwarePmu() { return probe({}).hardwarePmu; }

private slots:
  void workloadStepsAreNamedAndPrepared() {
    const auto w = workload("nb201-reference");
    QCOMPARE(w.steps.size(), size_t(9));
    QCOMPARE(QString::fromStdString(w.steps[3].name), QString("op/nor_conv_3x3"));
    QCOMPARE(QString::fromStdString(w.steps[3].kind), QString("operator"));
    QCOMPARE(QString::fromStdString(w.steps.back().kind), QString("network"));
    QCOMPARE(QString::fromStdString(w.engine), QString("fake (test double)"));
    try {
      prepareWorkload("nope", engine_, {});
      QFAIL("prepared an unknown workload");
    } catch (const Error& e) {
      QVERIFY(QString(e.what()).contains("known: nb201-reference, nb201-ops"));
    }
  }

  void softwareCaptureStreamsStoresAndReduces() {
    CaptureOptions o;
    o.events = {"task-clock", "page-faults", "context-switches"};
    o.repeats = 3;
    o.sampleIntervalMs = 5;
    std::mutex mu;
    std::vector<Sample> streamed;
    std::vector<std::string> stepsSeen;
    CaptureCallbacks cb;
    cb.onSamples = [&](const std::vector<Sample>& batch) {
      std::lock_guard lock(mu);
      streamed.insert(streamed.end(), batch.begin(), batch.end());
      return true;
    };
    cb.onProgress = [&](double, const std::string& step) {
      stepsSeen.push_back(step);
      return true;
    };
    auto c = runCapture(engine_, "nb201-ops", {}, o, cb);
    QVERIFY(c.softwareOnly);
    QVERIFY(!c.partial);
    QCOMPARE(c.steps.size(), size_t(5));
    QCOMPARE(c.plannedSteps, 5);
    QVERIFY(std::find(stepsSeen.begin(), stepsSeen.end(), "op/none") != stepsSeen.end());
    QCOMPARE(stepsSeen.back(), std::string("done"));
    QVERIFY2(streamed.size() >= 3, "no samples streamed at a 5 ms interval");
    double lastT = -1, lastTc = -1;
    for (const auto& s : c.samples) {
      QVERIFY(s.tMs >= lastT);
      lastT = s.tMs;
      QVERIFY(s.reading.counted());
      if (s.event == "task-clock") {
        QVERIFY(s.reading.value >= lastTc); // cumulative
        lastTc = s.reading.value;
      }
    }
    for (const auto& s : c.steps) {
      QVERIFY(s.medianMs > 0 && s.minMs <= s.medianMs);
      QVERIFY(s.perRun.at("task-clock") > 0);
      QCOMPARE(s.scale.at("task-clock"), 1.0);
    }
    // conv-heavy steps take longer than the skeleton (the fake engine's cost model).
    QVERIFY(c.steps[3].medianMs > c.steps[0].medianMs);

    auto project = store::Project::create(path("cap.maple"));
    const auto dev = device(project, "laptop");
    const auto id = saveCapture(project, dev, c);
    QCOMPARE(store::listCaptures(project).size(), size_t(1));
    QCOMPARE(store::loadCaptureSamples(project, id).size(), c.samples.size());
    const auto back = loadCapture(project, id);
    QCOMPARE(back.steps.size(), c.steps.size());
    QCOMPARE(back.steps[2].perRun, c.steps[2].perRun);
    QCOMPARE(back.totals, c.totals);
    QCOMPARE(back.events.size(), c.events.size());
    QVERIFY(back.softwareOnly);
    QVERIFY(!back.partial);
    QCOMPARE(back.repeats, 3);

    const auto r = descriptor::reduceCapture(back, "laptop");
    store::saveCaptureDescriptors(project, dev, r.descriptors, back.id);
    QCOMPARE(r.descriptors.size(), size_t(1));
    QCOMPARE(QString::fromStdString(r.descriptors[0].kind), QString("software-timing"));
    QVERIFY(!r.notes.empty());
    const auto stored = store::latestDescriptor(project, dev, "software-timing");
    QVERIFY(stored);
    QCOMPARE(stored->names.front(), std::string("op/none/ms"));
    QVERIFY(QString::fromStdString(stored->provenance).contains("capture " + QString::number(id)));
    QVERIFY(!store::latestDescriptor(project, dev, "counters")); // never passed off as counters
  }

  void defaultEventsWithoutPmuNeedConsent() {
    if (hardwarePmu()) QSKIP("this machine has a hardware PMU; the fallback path needs one without");
    CaptureOptions o;
    o.repeats = 1;
    try {
      runCapture(engine_, "nb201-ops", {}, o);
      QFAIL("captured hardware events without a PMU");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Io);
      QVERIFY2(QString(e.what()).contains(kNoHardwarePmu), e.what());
      // The fix is the setting, in each face's words (common/setting.hpp).
      QVERIFY2(QString::fromStdString(optionSettings(e.what())).contains("(--allow-software)"), e.what());
    }
    o.allowSoftwareFallback = true;
    const auto c = runCapture(engine_, "nb201-ops", {}, o);
    QVERIFY(c.softwareOnly);
    bool sawCycles = false;
    for (const auto& e : c.events)
      if (e.event == "cycles") {
        sawCycles = true;
        QVERIFY(!e.counted);
        QCOMPARE(QString::fromStdString(e.reason), QString(kNoHardwarePmu));
      }
    QVERIFY(sawCycles);
    QVERIFY(!c.totals.count("cycles"));
  }

  void explicitHardwareEventsFailEvenWithSomeAvailable() {
    if (hardwarePmu()) QSKIP("this machine has a hardware PMU");
    CaptureOptions o;
    o.events = {"task-clock", "instructions"};
    try {
      planEvents(o);
      QFAIL("planned an event that cannot open");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("instructions: " + QString(kNoHardwarePmu)), e.what());
    }
  }

  void cancelFromTheSampleStream() {
    CaptureOptions o;
    o.events = {"task-clock"};
    o.repeats = 200;
    o.sampleIntervalMs = 2;
    CaptureCallbacks cb;
    cb.onSamples = [](const std::vector<Sample>&) { return false; };
    MAPLE_VERIFY_ERROR(runCapture(engine_, "nb201-ops", {}, o, cb), ErrorKind::Cancelled, "");
  }

  void cancelFromProgress() {
    CaptureOptions o;
    o.events = {"task-clock"};
    int calls = 0;
    CaptureCallbacks cb;
    cb.onProgress = [&](double, const std::string& step) { return step != "op/skip_connect" || ++calls > 1; };
    try {
      runCapture(engine_, "nb201-ops", {}, o, cb);
      QFAIL("not cancelled");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Cancelled);
      QCOMPARE(calls, 1);
    }
  }

  void stopKeepsTheCompletedStepsAsAPartialCapture() {
    CaptureOptions o;
    o.events = {"task-clock", "page-faults"};
    o.repeats = 3;
    std::string lastStage;
    int polls = 0;
    CaptureCallbacks cb;
    cb.onProgress = [&](double, const std::string& step) {
      lastStage = step;
      return true;
    };
    // Polls: before step 1, after its 3 repeats, before step 2, after step 2's first repeat: stop
    // there, so step 2 is dropped half done.
    cb.stopRequested = [&] { return ++polls > 5; };
    auto c = runCapture(engine_, "nb201-ops", {}, o, cb);
    QVERIFY(c.partial);
    QCOMPARE(c.plannedSteps, 5);
    QCOMPARE(c.steps.size(), size_t(1));
    QCOMPARE(QString::fromStdString(c.steps[0].name), QString("op/none"));
    QCOMPARE(c.totals, c.steps[0].perRun);
    QCOMPARE(lastStage, std::string("stopped after 1 of 5 steps"));
    QVERIFY(!c.samples.empty());

    auto project = store::Project::create(path("partial.maple"));
    const auto dev = device(project, "laptop");
    const auto id = saveCapture(project, dev, c);
    QVERIFY(store::findCapture(project, id)->partial);
    const auto back = loadCapture(project, id);
    QVERIFY(back.partial);
    QCOMPARE(back.plannedSteps, 5);
    QCOMPARE(back.steps.size(), size_t(1));
    QCOMPARE(back.steps[0].perRun, c.steps[0].perRun);
    QCOMPARE(back.samples.size(), c.samples.size());

    const auto r = descriptor::reduceCapture(back, "laptop");
    store::saveCaptureDescriptors(project, dev, r.descriptors, back.id);
    QCOMPARE(r.descriptors.size(), size_t(1));
    const auto& timing = r.descriptors[0];
    QCOMPARE(QString::fromStdString(timing.kind), QString("software-timing"));
    for (const auto& name : timing.names) QVERIFY2(name.rfind("op/none/", 0) == 0, name.c_str());
    QVERIFY(QString::fromStdString(timing.provenance).contains("partial: 1 of 5 workload steps"));
    bool noted = false;
    for (const auto& n : r.notes) noted |= n.rfind("software-timing: from the 1 of 5 workload steps", 0) == 0;
    QVERIFY(noted);
  }

  void stopBeforeTheFirstStepKeepsNothing() {
    CaptureOptions o;
    o.events = {"task-clock"};
    o.repeats = 1;
    CaptureCallbacks cb;
    cb.stopRequested = [] { return true; };
    MAPLE_VERIFY_ERROR(runCapture(engine_, "nb201-ops", {}, o, cb), ErrorKind::Cancelled, "nothing to keep");
  }

  void hardwareCaptureReducesToCounterDescriptors() {
    if (!hardwarePmu()) QSKIP("this machine exposes no hardware PMU: hardware counters cannot be read here");
    CaptureOptions o;
    o.repeats = 2;
    const auto c = runCapture(engine_, "nb201-ops", {}, o);
    QVERIFY(!c.softwareOnly);
    const auto r = descriptor::reduceCapture(c, "here");
    QVERIFY(find(r, "counters"));
    QVERIFY(find(r, "counters-edge"));
    QVERIFY(!find(r, "software-timing"));
    QVERIFY(value(*find(r, "counters"), "ipc") > 0);
  }

  void normalisationOnKnownNumbers() {
    Capture c;
    c.id = 7;
    c.workload = "nb201-ops";
    for (const char* e : {"cycles", "instructions", "cache-references", "cache-misses", "stalled-cycles-backend"})
      c.events.push_back({e, true, true, "", "", ""});
    c.events.push_back({"task-clock", false, true, "", "", ""});
    c.events.push_back({"LLC-loads", true, false, "", "no counter", ""});
    c.totals = {{"cycles", 1000}, {"instructions", 2000}, {"cache-references", 100}, {"cache-misses", 10},
                {"stalled-cycles-backend", 250}, {"task-clock", 500}};
    StepResult s{"op/nor_conv_3x3", "operator", 4, 0.5, 0.5, 0.4, {{"cycles", 1000}, {"instructions", 3000}}, {}};
    c.steps.push_back(s);
    const auto r = descriptor::reduceCapture(c, "dev");
    const auto* counters = find(r, "counters");
    QVERIFY(counters);
    QCOMPARE(value(*counters, "ipc"), 2.0);
    QCOMPARE(value(*counters, "cache-misses_per_kilo_instruction"), 5.0);
    QCOMPARE(value(*counters, "cache-references_per_kilo_instruction"), 50.0);
    QCOMPARE(value(*counters, "cache-misses_per_reference"), 0.1);
    QCOMPARE(value(*counters, "stalled-cycles-backend_per_cycle"), 0.25);
    QCOMPARE(value(*counters, "ghz"), 2.0);
    QVERIFY(std::isnan(value(*counters, "LLC-loads_per_kilo_instruction"))); // uncounted: absent, not zero
    const auto* edge = find(r, "counters-edge");
    QVERIFY(edge);
    QCOMPARE(value(*edge, "op/nor_conv_3x3/cycles_per_us"), 2.0); // 1000 cycles in 500 us
    QCOMPARE(value(*edge, "op/nor_conv_3x3/instructions_per_us"), 6.0);
    QVERIFY(QString::fromStdString(counters->provenance).startsWith("capture 7 of dev"));

    // Stopped early: the per-step kind is still made from the steps it has, counters is not.
    c.partial = true;
    c.plannedSteps = 5;
    const auto partial = descriptor::reduceCapture(c, "dev");
    QVERIFY(!find(partial, "counters"));
    QVERIFY(find(partial, "counters-edge"));
    QCOMPARE(value(*find(partial, "counters-edge"), "op/nor_conv_3x3/cycles_per_us"), 2.0);
    QVERIFY(QString::fromStdString(partial.notes.at(0)).startsWith("counters: the capture stopped after 1 of 5 workload steps"));
    c.partial = false;

    c.totals.erase("instructions");
    c.events[1].counted = false;
    const auto without = descriptor::reduceCapture(c, "dev");
    QVERIFY(!find(without, "counters"));
    QVERIFY(QString::fromStdString(without.notes.at(0)).contains("needs instructions and cycles"));
  }

  void capturesRepositoryListsNewestFirstPerDevice() {
    auto project = store::Project::create(path("repo.maple"));
    const auto a = device(project, "a"), b = device(project, "b");
    store::CaptureRow row{0, a, "w1", 3, "[]", "", "perf_event", "2026-01-01T00:00:00Z", 12.5};
    const auto first = store::saveCapture(project, row, {{0, "task-clock", 1, 1, 10, 10}, {1, "cycles", 4, 2, {}, {}}});
    row.deviceId = b;
    row.workload = "w2";
    const auto second = store::saveCapture(project, row, {});
    const auto all = store::listCaptures(project);
    QCOMPARE(all.size(), size_t(2));
    QCOMPARE(all[0].id, second);
    QCOMPARE(store::listCaptures(project, a).size(), size_t(1));
    const auto samples = store::loadCaptureSamples(project, first);
    QCOMPARE(samples.size(), size_t(2));
    QCOMPARE(samples[1].scale, 2.0);
    QVERIFY(!samples[1].timeEnabledNs);
    QCOMPARE(*store::findCapture(project, first)->durationMs, 12.5);
    QVERIFY(!store::findCapture(project, 999));
    try {
      loadCapture(project, 999);
      QFAIL("loaded a missing capture");
    } catch (const Error& e) {
      QVERIFY(QString(e.what()).contains("no capture with id 999"));
    }
  }
};

QTEST_GUILESS_MAIN(TestCapture)
#include "test_capture.moc"
