// The external runner engine against fake runners (tests/core/runners/) that behave well, crash,
// hang, exit early or answer nonsense, and against the shipped PyTorch runner.
#include "common/error.hpp"
#include "engine/command/command_runner.hpp"
#include "searchspace/space.hpp"
#include "process_support.hpp"

#include <QtTest>

#include <chrono>

#include <unistd.h>

using namespace maple;
using namespace maple::engine;

namespace {
const std::string kRunners = MAPLE_TEST_RUNNERS_DIR;
const std::string kArch = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_1x1~1|none~2|";

RunnerRequest request(int repetitions = 3) {
  RunnerRequest r;
  r.arch = kArch;
  r.warmup = 1;
  r.repetitions = repetitions;
  return r;
}

// The message of the error `f` throws; fails the test when it throws nothing.
template <class F> QString errorOf(F f) {
  try {
    f();
  } catch (const Error& e) {
    return QString::fromStdString(e.what());
  }
  return {};
}

std::string replyRunnerError(const std::string& reply, int repetitions = 2) {
  CommandRunner r({"/bin/sh", kRunners + "/reply_runner.sh", reply}, 10);
  return errorOf([&] { r.request(request(repetitions)); }).toStdString();
}
} // namespace

class TestCommandRunner : public QObject {
  Q_OBJECT
private slots:
  void splitsLikeAShell() {
    QCOMPARE(splitCommandLine("python3 'my runner.py' --x \"a b\" c\\ d"),
             (std::vector<std::string>{"python3", "my runner.py", "--x", "a b", "c d"}));
    QCOMPARE(splitCommandLine("  a   $HOME  "), (std::vector<std::string>{"a", "$HOME"}));
    QVERIFY(errorOf([] { splitCommandLine("python3 'open"); }).contains("unterminated"));
  }

  void goodRunnerAnswersRepeatedly() {
    CommandRunner r({"/usr/bin/python3", kRunners + "/good_runner.py"}, 30);
    for (int reps : {3, 5}) {
      auto reply = r.request(request(reps));
      QCOMPARE(static_cast<int>(reply.latenciesMs.size()), reps);
      QCOMPARE(reply.latenciesMs[1], 1.01);
      QCOMPARE(reply.runtime, std::string("fake"));
      // Its own process group: a terminal's Ctrl-C reaches maple, not the runner.
      QVERIFY(std::stol(reply.runtimeVersion) != static_cast<long>(getpgrp()));
    }
  }

  void crashingRunnerIsNamed() {
    CommandRunner r({"/bin/sh", kRunners + "/crash_runner.sh"}, 10);
    const auto msg = errorOf([&] { r.request(request()); });
    QVERIFY2(msg.contains("crash_runner.sh") && msg.contains("signal 11") && msg.contains("about to crash"),
             qPrintable(msg));
  }

  void hangingRunnerTimesOut() {
    CommandRunner r({"/bin/sh", kRunners + "/hang_runner.sh"}, 0.5);
    const auto msg = errorOf([&] { r.request(request()); });
    QVERIFY2(msg.contains("hang_runner.sh") && msg.contains("did not answer within 0.5 s"), qPrintable(msg));
  }

  void earlyExitIsReported() {
    CommandRunner r({"/bin/sh", kRunners + "/exit_runner.sh"}, 10);
    const auto msg = errorOf([&] { r.request(request()); });
    QVERIFY2(msg.contains("exited with status 3"), qPrintable(msg));
  }

  void garbageIsRejected() {
    CommandRunner r({"/bin/sh", kRunners + "/garbage_runner.sh"}, 10);
    const auto msg = errorOf([&] { r.request(request()); });
    QVERIFY2(msg.contains("garbage_runner.sh") && msg.contains("not a JSON line") && msg.contains("Loading model"),
             qPrintable(msg));
  }

  void badRepliesAreRejected() {
    const std::string ok = R"("runtime":"x","runtime_version":"1")";
    QVERIFY(replyRunnerError(R"({"latencies_ms":[1.5,-2],)" + ok + "}").find("latency 1 is -2") != std::string::npos);
    QVERIFY(replyRunnerError(R"({"latencies_ms":[1.5,0],)" + ok + "}").find("latency 1 is 0") != std::string::npos);
    QVERIFY(replyRunnerError(R"({"latencies_ms":[1.5,"fast"],)" + ok + "}").find("not a number") != std::string::npos);
    QVERIFY(replyRunnerError(R"({"latencies_ms":[1.5,NaN],)" + ok + "}").find("not a JSON line") != std::string::npos);
    // 60,000 levels deep (100,000 crashed `maple measure`): refused on the text, never parsed.
    const auto deep = replyRunnerError("{\"latencies_ms\":" + std::string(60000, '[') + std::string(60000, ']') + "}");
    QVERIFY2(deep.find("JSON nests deeper than 64 levels") != std::string::npos, deep.c_str());
    QVERIFY(replyRunnerError(R"({"latencies_ms":[1.5],)" + ok + "}").find("asked for 2 timed runs, got 1") !=
            std::string::npos);
    QVERIFY(replyRunnerError("{" + ok + "}").find("no \"latencies_ms\"") != std::string::npos);
    QVERIFY(replyRunnerError(R"({"latencies_ms":[1,2]})").find("no \"runtime\"") != std::string::npos);
    QVERIFY(replyRunnerError(R"([1,2])").find("expected a JSON object") != std::string::npos);
    QVERIFY(replyRunnerError(R"({"error":"model file missing"})").find("reported an error: model file missing") !=
            std::string::npos);
  }

  void restartsAfterAFailure() {
    // The reply runner answers nonsense for repetitions != 2, then works again once restarted.
    CommandRunner r({"/bin/sh", kRunners + "/reply_runner.sh", R"({"latencies_ms":[1,2],"runtime":"x","runtime_version":"1"})"}, 10);
    QVERIFY(!errorOf([&] { r.request(request(3)); }).isEmpty());
    QCOMPARE(r.request(request(2)).latenciesMs.size(), size_t(2));
  }

  void missingProgramIsNamed() {
    CommandRunner r({"/nonexistent/runner"}, 10);
    const auto msg = errorOf([&] { r.request(request()); });
    QVERIFY2(msg.contains("cannot start runner '/nonexistent/runner'") || msg.contains("status 127"), qPrintable(msg));
  }

  // #15 item 5: a cancel ends a hung runner and the child it started in its own session at once.
  void cancelEndsAHungRunnersTree() {
    QTemporaryDir dir;
    const auto pidFile = dir.filePath("pids");
    CommandRunner r({"/bin/sh", kRunners + "/setsid_runner.sh", pidFile.toStdString(), "hang"}, 300);
    // Cancel once the runner and its child run (they wrote their pids).
    std::chrono::steady_clock::time_point t0;
    r.setCancelCheck([&] {
      if (t0 == std::chrono::steady_clock::time_point{} && QFile::exists(pidFile)) t0 = std::chrono::steady_clock::now();
      return t0 != std::chrono::steady_clock::time_point{};
    });
    ErrorKind kind = ErrorKind::Usage;
    try {
      r.request(request());
    } catch (const Error& e) {
      kind = e.kind();
    }
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    QVERIFY(t0 != std::chrono::steady_clock::time_point{});
    QVERIFY(kind == ErrorKind::Cancelled);
    QVERIFY2(took < 2.5, qPrintable(QString::number(took))); // from the cancel to the runner's tree ended
    const auto pids = maple::testing::waitForPids(pidFile, 0);
    QCOMPARE(pids.size(), size_t(2));
    QVERIFY(maple::testing::allGoneWithin(pids, 0));
  }

  void timeoutEndsSetsidChildren() {
    QTemporaryDir dir;
    const auto pidFile = dir.filePath("pids");
    CommandRunner r({"/bin/sh", kRunners + "/setsid_runner.sh", pidFile.toStdString(), "hang"}, 3);
    QVERIFY(errorOf([&] { r.request(request()); }).contains("did not answer within 3 s"));
    const auto pids = maple::testing::waitForPids(pidFile, 0);
    QCOMPARE(pids.size(), size_t(2));
    QVERIFY(maple::testing::allGoneWithin(pids, 0));
  }

  // The runner exits and its setsid() child is orphaned: re-parented to us, and still ended.
  void orphanedSetsidChildIsEnded() {
    QTemporaryDir dir;
    const auto pidFile = dir.filePath("pids");
    CommandRunner r({"/bin/sh", kRunners + "/setsid_runner.sh", pidFile.toStdString(), "exit"}, 10);
    QVERIFY(errorOf([&] { r.request(request()); }).contains("exited with status 3"));
    const auto pids = maple::testing::waitForPids(pidFile, 0);
    QCOMPARE(pids.size(), size_t(2));
    QVERIFY(maple::testing::allGoneWithin(pids, 0));
  }

  void destructorEndsTheTree() {
    QTemporaryDir dir;
    const auto pidFile = dir.filePath("pids");
    std::vector<pid_t> pids;
    const auto t0 = std::chrono::steady_clock::now();
    {
      CommandRunner r({"/bin/sh", kRunners + "/setsid_runner.sh", pidFile.toStdString(), "answer"}, 10);
      QCOMPARE(r.request(request()).latenciesMs.size(), size_t(3));
      pids = maple::testing::waitForPids(pidFile);
      QVERIFY(!maple::testing::allGoneWithin(pids, 0));
    }
    QVERIFY(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(3));
    QCOMPARE(pids.size(), size_t(2));
    QVERIFY(maple::testing::allGoneWithin(pids, 0));
  }

  void pytorchRunner() {
    if (system("/usr/bin/python3 -c 'import torch' 2>/dev/null") != 0)
      QSKIP("python3-torch is not installed for /usr/bin/python3 (apt-get install python3-torch)");
    CommandRunner r({"/usr/bin/python3", std::string(MAPLE_SOURCE_DIR) + "/runners/pytorch_runner.py"}, 120);
    RunnerRequest req = request(3);
    req.batch = 2;
    const auto reply = r.request(req);
    QCOMPARE(reply.latenciesMs.size(), size_t(3));
    for (double t : reply.latenciesMs) QVERIFY(t > 0);
    QCOMPARE(reply.runtime, std::string("pytorch"));
    QVERIFY(!reply.runtimeVersion.empty());
    // A malformed architecture is an error reply, and the runner keeps serving afterwards.
    req.arch = "|conv~0|";
    const auto msg = errorOf([&] { r.request(req); });
    QVERIFY2(msg.contains("reported an error") && msg.contains("3 node groups"), qPrintable(msg));
    req.arch = kArch;
    QCOMPARE(r.request(req).latenciesMs.size(), size_t(3));
    // The request's space chooses the network: an FBNet string runs as FBNet, a bad block or an
    // unknown space is an error reply naming it.
    req.space = "fbnet";
    req.arch = searchspace::fbnetSpace().format(searchspace::fbnetSpace().sample(1, 5).front());
    QCOMPARE(r.request(req).latenciesMs.size(), size_t(3));
    req.arch.replace(0, req.arch.find('-'), "k7_e1");
    const auto badBlock = errorOf([&] { r.request(req); });
    QVERIFY2(badBlock.contains("unknown block 'k7_e1' at layer 1"), qPrintable(badBlock));
    req.space = "ofa";
    const auto badSpace = errorOf([&] { r.request(req); });
    QVERIFY2(badSpace.contains("runs the search spaces nb201, fbnet, not 'ofa'"), qPrintable(badSpace));
  }
};

QTEST_GUILESS_MAIN(TestCommandRunner)
#include "test_command_runner.moc"
