// `maple agent` and the local end (remote::AgentLink) through a direct launcher (the agent binary
// itself, or a fake agent that misbehaves): the protocol-version check on both ends, detection,
// probing, a measurement with the device's conditions, a capture streaming its readings and
// stopped early, and every fault as one plain error.
#include "common/child_process.hpp"
#include "common/error.hpp"
#include "measure/host.hpp"
#include "remote/agent_link.hpp"
#include "remote/protocol.hpp"
#include "remote/wire.hpp"
#include "../cli/cli_runner.hpp"
#include "../core/process_support.hpp"
#include "../core/test_support.hpp"

#include <QtTest>

#include <algorithm>
#include <chrono>

using namespace maple;
using namespace maple::remote;

namespace {
const std::string kAgent = std::string(MAPLE_CLI) + " agent";
const std::string kFake = std::string("/bin/sh ") + MAPLE_TEST_AGENTS_DIR + "/fake_agent.sh";
const std::string kArch = "|nor_conv_1x1~0|+|skip_connect~0|none~1|+|none~0|none~1|avg_pool_3x3~2|";
const std::string kFbnetArch =
    "k3_e1-skip-k5_e3-skip-k3_e6-k5_e1_g2-skip-k3_e1_g2-k5_e6-skip-k3_e3-k5_e1-skip-k3_e1-k3_e6-skip-k5_e3-k3_e1-skip-"
    "k5_e6-k3_e3-skip";

searchspace::Architecture nb201Arch(const std::string& text) {
  return searchspace::parseArchitecture(searchspace::nb201Space(), text);
}

struct Failure {
  ErrorKind kind = ErrorKind::Usage;
  QString message; // empty: nothing was thrown
};
template <class F> Failure failureOf(F f) {
  try {
    f();
  } catch (const Error& e) {
    return {e.kind(), QString::fromStdString(e.what())};
  }
  return {};
}

measure::Protocol quickProtocol() {
  measure::Protocol p;
  p.warmup = 1;
  p.minRepeats = 2;
  p.maxRepeats = 4;
  p.blockSize = 2;
  return p;
}

// A capture of nb201-ops counting task-clock (software: counts on a host without a PMU).
CaptureAsk softwareCapture(int repeats) {
  CaptureAsk ask;
  ask.workload = "nb201-ops";
  ask.events = {"task-clock"};
  ask.repeats = repeats;
  return ask;
}

// Collects what a remote capture streams, and after how many workload steps had begun.
struct Heard {
  std::vector<counters::Sample> samples;
  int lines = 0, stepsBegun = 0;
  std::size_t samplesBeforeLastStep = 0;
  std::string lastStep;
  counters::CaptureCallbacks callbacks() {
    counters::CaptureCallbacks c;
    c.onSamples = [this](const std::vector<counters::Sample>& batch) {
      ++lines;
      samples.insert(samples.end(), batch.begin(), batch.end());
      return true;
    };
    c.onProgress = [this](double, const std::string& step) {
      if (step.rfind("op/", 0) == 0) {
        ++stepsBegun;
        samplesBeforeLastStep = samples.size();
      }
      lastStep = step;
      return true;
    };
    return c;
  }
};

bool sameSamples(const std::vector<counters::Sample>& a, const std::vector<counters::Sample>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
    return x.tMs == y.tMs && x.event == y.event && x.reading.raw == y.reading.raw;
  });
}

// What a fake agent misbehaving as `mode` gives a detect request.
Failure fakeDetect(const std::string& mode, double timeoutS = 10) {
  return failureOf([&] {
    AgentLink link(kFake + " " + mode, timeoutS);
    link.detect();
  });
}
} // namespace

class TestAgent : public QObject {
  Q_OBJECT
private slots:
  void detectsAndProbesTheAgentsHost() {
    AgentLink link(kAgent, 30);
    QCOMPARE(link.agentVersion(), std::string(kMapleVersion));
    const auto host = link.detect();
    const auto here = measure::detectHost();
    QCOMPARE(host.hostname, here.hostname); // the agent runs here: its detection is this host's
    QCOMPARE(host.cpuModel, here.cpuModel);
    QCOMPARE(host.logicalCpus, here.logicalCpus);
    const auto counting = link.probe({"task-clock"});
    QCOMPARE(counting.capability.events.size(), size_t(1));
    QCOMPARE(counting.capability.events[0].event, std::string("task-clock"));
  }

  void measuresWithTheDevicesConditions() {
    AgentLink link(kAgent, 60);
    MeasureAsk ask;
    int progressCalls = 0;
    const auto s = link.measure(nb201Arch(kArch), quickProtocol(), ask, [&](int done, int max, double median) {
      ++progressCalls;
      return done > 0 && done <= max && median > 0;
    });
    QVERIFY(progressCalls >= 1);
    const auto& runs = s.measurement.runsMs;
    QVERIFY(runs.size() >= 2 && runs.size() <= 4);
    for (double t : runs) QVERIFY(t > 0);
    QCOMPARE(s.measurement.summary.count, static_cast<int>(runs.size()));
    QCOMPARE(s.engine, std::string("cpu"));
    QCOMPARE(s.conditions.host, measure::detectHost().hostname);
    QCOMPARE(s.conditions.repetitions, static_cast<int>(runs.size()));
    QCOMPARE(s.conditions.engine, std::string("cpu"));
  }

  void remoteErrorsReachTheUserUnchanged() {
    AgentLink link(kAgent, 30);
    MeasureAsk ask;
    ask.engine = "bogus";
    const auto f = failureOf([&] { link.measure(nb201Arch(kArch), quickProtocol(), ask); });
    QVERIFY(f.kind == ErrorKind::Usage);
    QVERIFY2(f.message.startsWith("unknown engine 'bogus': use cpu, cuda or command:"), qPrintable(f.message));
    // The agent keeps serving after an error.
    QVERIFY(!link.detect().hostname.empty());
  }

  // A progress line is a reply like any other: its faults name the launcher, and no callback sees it.
  void malformedProgressNamesTheLauncher() {
    AgentLink link(kFake + " badprogress", 10);
    bool called = false;
    const auto f = failureOf([&] {
      link.measure(nb201Arch(kArch), quickProtocol(), MeasureAsk{}, [&](int, int, double) { return called = true; });
    });
    QVERIFY(f.kind == ErrorKind::BadInput);
    QVERIFY2(f.message.startsWith("remote device via ") && f.message.contains("the agent's reply is malformed") &&
                 f.message.contains("runs_done"),
             qPrintable(f.message));
    QVERIFY(!called);
  }

  // The agent runs the network of the space the request names.
  void measuresAnFbnetArchitecture() {
    AgentLink link(kAgent, 60);
    const auto s = link.measure(searchspace::parseArchitecture(searchspace::fbnetSpace(), kFbnetArch), quickProtocol(),
                                MeasureAsk{});
    QVERIFY(s.measurement.runsMs.size() >= 2);
    QCOMPARE(s.engine, std::string("cpu"));
  }

  // The agent parses "arch" with the request's "space" (absent: nb201), refusing a bad string
  // naming the position and the token, and an unknown space naming the known ones.
  void agentParsesWithTheRequestedSpace() {
    ChildProcess agent({MAPLE_CLI, "agent"});
    nlohmann::json measure = {{"op", "measure"}, {"batch", 1}, {"threads", 1}, {"seed", 1}, {"timeout", 30},
                              {"protocol", toJson(quickProtocol())}, {"engine", "cpu"}};
    auto ask = [&](const nlohmann::json& fields) {
      auto r = measure;
      r.update(fields);
      QVERIFY(agent.write(r.dump() + "\n"));
    };
    std::string line;
    auto reply = [&](const char* field) {
      line.clear();
      agent.readLine(line, 60, 1 << 20);
      const auto j = nlohmann::json::parse(line, nullptr, false);
      return j.is_object() && j.contains(field) ? j[field].get<std::string>() : "no " + std::string(field) + ": " + line;
    };
    QVERIFY(agent.write("{\"op\":\"hello\",\"protocol\":" + std::to_string(kProtocolVersion) + "}\n"));
    QCOMPARE(reply("op"), std::string("hello"));
    std::string bad = kFbnetArch;
    bad.replace(bad.find("k5_e3"), 5, "k7_e3");
    ask({{"space", "fbnet"}, {"arch", bad}});
    QVERIFY2(reply("error").find("layer 3 (column 12): unknown block 'k7_e3'") != std::string::npos, line.c_str());
    QVERIFY2(line.find("\"kind\":\"bad_input\"") != std::string::npos, line.c_str());
    ask({{"space", "ofa"}, {"arch", kFbnetArch}});
    QVERIFY2(reply("error").find("unknown search space 'ofa' (this build knows nb201, fbnet)") != std::string::npos,
             line.c_str());
    QVERIFY2(line.find("\"kind\":\"usage\"") != std::string::npos, line.c_str());
    ask({{"arch", kFbnetArch}}); // no space: nb201, which this string is not
    QVERIFY2(reply("error").find("invalid NAS-Bench-201 cell 'k3_e1-") != std::string::npos, line.c_str());
  }

  // The agent's hello carries its detection: a run learns the device without a detect round trip.
  void theHelloCarriesTheDetection() {
    AgentLink link(kFake + " hellohost", 10);
    const auto host = link.detect();
    QCOMPARE(host.hostname, std::string("fake-board"));
    QCOMPARE(host.logicalCpus, 4);
    const auto next = failureOf([&] { link.probe({}); });
    QVERIFY2(next.message.contains("first request: {events:[],op:probe}"), qPrintable(next.message)); // detect sent nothing
  }

  void agentRefusesAnotherProtocol() {
    ChildProcess agent({MAPLE_CLI, "agent"});
    QVERIFY(agent.write("{\"op\":\"hello\",\"protocol\":99}\n"));
    std::string line;
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Line);
    const auto q = QString::fromStdString(line);
    QVERIFY2(q.contains("\"error\"") && q.contains("protocol mismatch") && q.contains("speaks protocol 2") &&
                 q.contains("speaks protocol 99"),
             qPrintable(q));
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Closed);
    QVERIFY2(agent.exitDescription() == "exited with status 2", qPrintable(QString::fromStdString(agent.exitDescription())));
  }

  void agentRefusesHostileRequests() {
    ChildProcess agent({MAPLE_CLI, "agent"});
    std::string line;
    QVERIFY(agent.write("{\"op\":\"detect\"}\n")); // before hello
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Line);
    QVERIFY2(QString::fromStdString(line).contains("the first request must be hello"), line.c_str());
    QVERIFY(agent.write("Welcome, hello there\n")); // garbage: refused naming it, and the agent keeps serving
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Line);
    QVERIFY2(QString::fromStdString(line).contains("\"error\"") && QString::fromStdString(line).contains("not valid JSON") &&
                 QString::fromStdString(line).contains("Welcome, hello there"),
             line.c_str());
    QVERIFY(agent.write(std::string(100000, '[') + "\n")); // deep nesting is refused, not a crash
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Line);
    QVERIFY2(QString::fromStdString(line).contains("the request: JSON nests deeper than 16 levels (at byte 16), deeper "
                                                   "than anything maple writes or reads"),
             line.c_str());
    agent.write(std::string(2u << 20, 'x')); // no newline, beyond the request limit: the agent stops reading
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Line);
    QVERIFY2(QString::fromStdString(line).contains("longer than"), line.c_str());
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Closed);
  }

  // The launcher going away (its pipe closes, as when ssh drops) ends a hung runner on the device.
  void lostClientEndsTheDevicesRunner() {
    QTemporaryDir dir;
    const auto pidFile = dir.filePath("pids");
    ChildProcess agent({MAPLE_CLI, "agent"});
    const nlohmann::json measure = {{"op", "measure"}, {"arch", kArch}, {"batch", 1}, {"threads", 1}, {"seed", 1},
                                    {"timeout", 300}, {"protocol", toJson(quickProtocol())},
                                    {"engine", "command:/bin/sh " + std::string(MAPLE_TEST_RUNNERS_DIR) +
                                                   "/setsid_runner.sh " + pidFile.toStdString() + " hang"}};
    QVERIFY(agent.write("{\"op\":\"hello\",\"protocol\":2}\n" + measure.dump() + "\n"));
    const auto pids = maple::testing::waitForPids(pidFile, 20000);
    QCOMPARE(pids.size(), size_t(2));
    agent.closeInput();
    QVERIFY(maple::testing::allGoneWithin(pids, 3000));
    std::string line;
    QVERIFY(agent.readLine(line, 10, 1 << 20) == ChildProcess::Read::Line); // hello
    QVERIFY(agent.readLine(line, 10, 1 << 20) == ChildProcess::Read::Line);
    QVERIFY2(QString::fromStdString(line).contains("cancelled"), line.c_str());
  }

  // Protocol 2: the readings stream while the workload runs, not with the answer, and they are
  // the capture's time series.
  void captureStreamsItsReadings() {
    AgentLink link(kAgent, 60);
    Heard heard;
    const auto c = link.capture(softwareCapture(5), heard.callbacks()).capture;
    QVERIFY(!c.partial);
    QCOMPARE(static_cast<int>(c.steps.size()), c.plannedSteps);
    QCOMPARE(heard.lastStep, std::string("done"));
    QVERIFY2(heard.samplesBeforeLastStep > 0 && heard.lines >= 2, // 5 steps x 5 repeats of >= 10 ms at 50 ms a reading
             qPrintable(QString("%1 readings before the last step, %2 lines").arg(heard.samplesBeforeLastStep).arg(heard.lines)));
    QVERIFY(sameSamples(c.samples, heard.samples));
    for (const auto& s : c.samples) QCOMPARE(s.event, std::string("task-clock"));
  }

  // An interval's readings go in lines of bounded size, every reading once, in order.
  void readingsSplitIntoBoundedLines() {
    std::vector<counters::Sample> batch;
    for (int i = 0; i < 500; ++i) batch.push_back({50.0, "event-" + std::to_string(i), {}});
    const auto messages = samplesMessages(batch, 4096);
    QVERIFY(messages.size() > 1);
    std::vector<counters::Sample> back;
    for (const auto& m : messages) {
      QVERIFY(lineOf(m).size() <= 4096);
      const auto part = samplesFromJson(m);
      back.insert(back.end(), part.begin(), part.end());
    }
    QVERIFY(sameSamples(back, batch));
    QCOMPARE(samplesMessages({batch.front()}, 10).size(), size_t(1)); // too long for any line: alone
  }

  // A stop mid-capture ends it as a local Stop does: the steps completed so far, marked partial,
  // with the readings streamed until then; the link keeps serving.
  void stopKeepsTheStepsCountedSoFar() {
    AgentLink link(kAgent, 60);
    Heard heard;
    auto callbacks = heard.callbacks();
    callbacks.stopRequested = [&] { return heard.stepsBegun >= 2; }; // the first step was counted
    const auto c = link.capture(softwareCapture(40), callbacks).capture; // >= 0.4 s a step
    QVERIFY(c.partial);
    QVERIFY2(!c.steps.empty() && static_cast<int>(c.steps.size()) < c.plannedSteps,
             qPrintable(QString("%1 of %2 steps").arg(c.steps.size()).arg(c.plannedSteps)));
    QVERIFY(!c.samples.empty());
    QVERIFY(sameSamples(c.samples, heard.samples));
    QVERIFY2(heard.lastStep.rfind("stopped after", 0) == 0, heard.lastStep.c_str());
    QCOMPARE(link.probe({"task-clock"}).capability.events.size(), size_t(1)); // no stray reply to the stop
  }

  // A stop before any step was counted keeps nothing, as locally.
  void stopBeforeTheFirstStepCancels() {
    AgentLink link(kAgent, 60);
    counters::CaptureCallbacks callbacks;
    callbacks.stopRequested = [] { return true; };
    const auto f = failureOf([&] { link.capture(softwareCapture(1), callbacks); });
    QVERIFY(f.kind == ErrorKind::Cancelled);
    QVERIFY2(f.message.contains("stopped before its first step was counted"), qPrintable(f.message));
  }

  // A stop that crosses the capture's answer reaches an idle agent: it is dropped, not answered
  // (an answer would be taken for the reply to the next request).
  void aLateStopIsIgnored() {
    ChildProcess agent({MAPLE_CLI, "agent"});
    QVERIFY(agent.write("{\"op\":\"hello\",\"protocol\":2}\n{\"op\":\"stop\"}\n{\"op\":\"detect\"}\n"));
    std::string line;
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Line); // hello
    QVERIFY(agent.readLine(line, 30, 1 << 20) == ChildProcess::Read::Line);
    QVERIFY2(line.find("\"op\":\"detected\"") != std::string::npos, line.c_str());
  }

  // A line of readings that is garbage or over the limit of one: a plain message, exit 2, nothing
  // stored.
  void badReadingsArePlainMessages() {
    QTemporaryDir dir;
    const auto p = dir.filePath("p.maple");
    QCOMPARE(testing::runCli({"new", p}).exitCode, 0);
    auto r = testing::runCli({"capture", "--project", p, "--device", "board", "--remote",
                              QString::fromStdString(kFake + " samplesgarbage")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("the agent's reply is malformed: the agent's \"raw\" is not a count"), qPrintable(r.err));
    r = testing::runCli({"capture", "--project", p, "--device", "board", "--remote",
                         QString::fromStdString(kFake + " sampleslong")});
    QCOMPARE(r.exitCode, 2);
    QVERIFY2(r.err.contains("the agent sent a samples line of 300") &&
                 r.err.contains("bytes, more than the " + QString::number(kMaxSamplesLineBytes)),
             qPrintable(r.err));
    QCOMPARE(testing::count(p, "SELECT count(*) FROM captures"), 0LL);
    QCOMPARE(testing::count(p, "SELECT count(*) FROM devices"), 0LL);
  }

  void clientRefusesAnotherProtocol() {
    const auto f = failureOf([] { AgentLink link(kFake + " hang 1", 10); });
    QVERIFY(f.kind == ErrorKind::BadInput);
    QVERIFY2(f.message.contains("protocol mismatch: the maple agent speaks protocol 1, this maple speaks protocol 2"),
             qPrintable(f.message));
  }

  void faultsArePlainMessages() {
    auto f = fakeDetect("garbage");
    QVERIFY(f.kind == ErrorKind::BadInput);
    QVERIFY2(f.message.contains("answered nonsense") && f.message.contains("Welcome to Ubuntu"), qPrintable(f.message));
    f = fakeDetect("exit");
    QVERIFY2(f.message.contains("connection was lost: the launcher exited with status 7") &&
                 f.message.contains("agent: giving up"),
             qPrintable(f.message));
    f = fakeDetect("long", 300);
    QVERIFY2(f.message.contains("MiB without a newline"), qPrintable(f.message));
    f = fakeDetect("wrong");
    QVERIFY2(f.message.contains("answered probed to a detect request"), qPrintable(f.message));
    f = fakeDetect("badhost");
    QVERIFY2(f.message.contains("malformed") && f.message.contains("cpu_model"), qPrintable(f.message));
    const auto t0 = std::chrono::steady_clock::now();
    f = fakeDetect("hang", 0.5);
    QVERIFY2(f.message.contains("no reply within 0.5 s"), qPrintable(f.message));
    QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(5));
    f = failureOf([] { AgentLink link("/nonexistent/ssh host maple agent", 10); });
    QVERIFY2(f.message.contains("cannot start launcher") && f.message.contains("/nonexistent/ssh"), qPrintable(f.message));
    f = failureOf([] { AgentLink link("ssh 'open", 10); });
    QVERIFY(f.kind == ErrorKind::Usage);
  }

  // A host that cannot read kernel.perf_event_paranoid sends null, not the strictest level it
  // assumes: the client keeps "unknown", and `maple pmu --remote` says unreadable, never a number.
  void unreadableParanoidLevelStaysUnknownOverTheWire() {
    Counting c;
    c.capability.paranoidReadable = false;
    c.capability.paranoid = 3;
    auto j = toJson(c);
    QVERIFY(j["perf_event_paranoid"].is_null());
    QVERIFY(!countingFromJson(j).capability.paranoidReadable);
    c.capability.paranoidReadable = true;
    c.capability.paranoid = 1;
    const auto known = countingFromJson(toJson(c)).capability;
    QVERIFY(known.paranoidReadable);
    QCOMPARE(known.paranoid, 1);
    j.erase("perf_event_paranoid");
    const auto f = failureOf([&] { countingFromJson(j); });
    QVERIFY2(f.message.contains("lacks \"perf_event_paranoid\""), qPrintable(f.message));

    AgentLink link(kFake + " noparanoid", 10);
    QVERIFY(!link.probe({}).capability.paranoidReadable);
    const auto r = testing::runCli({"pmu", "--remote", QString::fromStdString(kFake + " noparanoid")});
    QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    QVERIFY2(r.out.contains("perf_event_paranoid: unreadable"), qPrintable(r.out));
    const auto json = testing::runCli({"pmu", "--json", "--remote", QString::fromStdString(kFake + " noparanoid")});
    QVERIFY2(json.out.contains("\"perf_event_paranoid\": null"), qPrintable(json.out));
  }

  void cancelEndsTheLauncherAtOnce() {
    bool cancel = false;
    std::chrono::steady_clock::time_point t0;
    const auto f = failureOf([&] {
      AgentLink link(kFake + " hang", 300, [&] { return cancel && std::chrono::steady_clock::now() - t0 > std::chrono::milliseconds(300); });
      cancel = true; // asked while the fake agent hangs on detect
      t0 = std::chrono::steady_clock::now();
      link.detect();
    });
    QVERIFY(f.kind == ErrorKind::Cancelled);
    QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3));
  }
};

QTEST_GUILESS_MAIN(TestAgent)
#include "test_agent.moc"
