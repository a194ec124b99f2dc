// The core's one work-sharing loop: every index once, the first error rethrown, a stop flag obeyed,
// nested calls without deadlock, the same pooled threads call after call, and the CPU count taken
// from the affinity mask.
#include "common/cpus.hpp"
#include "common/parallel_for.hpp"

#include <QtTest>

#include <sched.h>

#include <stdexcept>
#include <thread>
#include <vector>

using namespace maple;

namespace {
thread_local bool tSeen = false; // this thread has run reusesItsThreadsAcrossCalls' loop
}

class TestParallelFor : public QObject {
  Q_OBJECT

private slots:
  void runsEveryIndexOnce() {
    for (int threads : {0, 1, 2, 7}) {
      std::vector<std::atomic<int>> hits(1000);
      parallelFor(hits.size(), threads, [&](size_t i) { ++hits[i]; });
      for (const auto& h : hits) QCOMPARE(h.load(), 1);
    }
    parallelFor(0, 0, [](size_t) { QFAIL("no index to run"); });
  }

  void rethrowsTheFirstErrorAndStopsPulling() {
    std::atomic<int> ran{0};
    try {
      parallelFor(500, 1, [&](size_t i) {
        ++ran;
        if (i == 3) throw std::runtime_error("index 3 failed");
      });
      QFAIL("the error was swallowed");
    } catch (const std::runtime_error& e) {
      QCOMPARE(QString(e.what()), QString("index 3 failed"));
    }
    QCOMPARE(ran.load(), 4); // one thread: nothing after the failing index
  }

  void obeysTheStopFlag() {
    std::atomic<bool> stop{false};
    std::atomic<int> ran{0};
    parallelFor(
        100, 1, [&](size_t i) { ++ran, stop = stop || i == 9; }, &stop);
    QCOMPARE(ran.load(), 10);
  }

  void nestedCallsFinish() {
    std::atomic<long> sum{0};
    parallelFor(16, 0, [&](size_t i) { parallelFor(200, 0, [&](size_t j) { sum += static_cast<long>(i * j); }); });
    QCOMPARE(sum.load(), 120L * 19900L); // (0 + .. + 15) * (0 + .. + 199)
  }

  void reusesItsThreadsAcrossCalls() {
    // A loop that started threads per call would meet a fresh thread (fresh thread_local state;
    // thread ids are recycled, so they would not tell) in nearly every call.
    std::atomic<int> threadsSeen{0};
    for (int call = 0; call < 30; ++call)
      parallelFor(64, 4, [&](size_t) {
        std::this_thread::sleep_for(std::chrono::microseconds(50));
        if (!tSeen) tSeen = true, ++threadsSeen;
      });
    QVERIFY2(threadsSeen <= 1 + parallelWorkers(),
             qPrintable(QString("%1 threads ran the loop, the pool has %2 + the caller").arg(threadsSeen.load()).arg(parallelWorkers())));
    QVERIFY(parallelWorkers() <= availableCpus() - 1);
  }

  void countsTheCpusOfTheAffinityMask() {
    cpu_set_t all;
    QCOMPARE(sched_getaffinity(0, sizeof(all), &all), 0);
    if (CPU_COUNT(&all) < 2) QSKIP("one CPU in this process's affinity mask: nothing to narrow");
    int first = 0;
    while (!CPU_ISSET(first, &all)) ++first;
    cpu_set_t one;
    CPU_ZERO(&one);
    CPU_SET(first, &one);
    QCOMPARE(sched_setaffinity(0, sizeof(one), &one), 0);
    const int narrowed = availableCpus();
    QCOMPARE(sched_setaffinity(0, sizeof(all), &all), 0);
    QCOMPARE(narrowed, 1);
    QCOMPARE(availableCpus(), CPU_COUNT(&all));
  }
};

QTEST_APPLESS_MAIN(TestParallelFor)
#include "test_parallel_for.moc"
