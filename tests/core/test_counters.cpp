// Counting on this machine: software events on known work (these run everywhere, the CI's KVM guest
// included), the no-PMU path with its exact words, the multiplexing arithmetic, generic encodings
// against libpfm4's own, and hardware counting where a PMU exists (skipped with the reason otherwise).
#include "common/error.hpp"
#include "counters/counter_set.hpp"
#include "counters/encoding.hpp"
#include "counters/pmu.hpp"
#include "counters/probe.hpp"
#include "test_support.hpp"

#include <QtTest>

#include <perfmon/pfmlib_perf_event.h>
#include <sys/mman.h>

#include <chrono>
#include <cmath>
#include <cstring>
#include <ctime>
#include <thread>

using namespace maple;
using namespace maple::counters;

namespace {

double threadCpuNs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e9 + ts.tv_nsec;
}

// Spins for wallMs of wall time; the volatile sink keeps the loop from being optimised away.
void busy(double wallMs) {
  volatile std::uint64_t sink = 0;
  const auto end = std::chrono::steady_clock::now() + std::chrono::duration<double, std::milli>(wallMs);
  while (std::chrono::steady_clock::now() < end)
    for (int i = 0; i < 1000; ++i) sink = sink + i;
}

// Spins until the thread has used cpuMs of CPU time, however loaded the machine is.
void busyCpu(double cpuMs) {
  volatile std::uint64_t sink = 0;
  const double end = threadCpuNs() + cpuMs * 1e6;
  while (threadCpuNs() < end)
    for (int i = 0; i < 1000; ++i) sink = sink + i;
}

Reading countOne(const std::string& event, const std::function<void()>& work, bool inherit = true) {
  CounterSet set({encodeEvent(event, defaultScope())}, inherit);
  set.enable();
  work();
  set.disable();
  return set.read().at(0);
}

} // namespace

class TestCounters : public QObject {
  Q_OBJECT

private slots:
  void taskClockMatchesBusyLoop() {
    double cpu0 = 0, cpu1 = 0, wallNs = 0;
    const auto r = countOne("task-clock", [&] {
      const auto t0 = std::chrono::steady_clock::now();
      cpu0 = threadCpuNs();
      busyCpu(200);
      cpu1 = threadCpuNs();
      wallNs = std::chrono::duration<double, std::nano>(std::chrono::steady_clock::now() - t0).count();
    });
    QVERIFY(r.counted());
    QCOMPARE(r.scale, 1.0);
    const double cpu = cpu1 - cpu0;
    // The loop ran until it had 200 ms of CPU: task-clock must show those 200 ms (the thread CPU
    // clock measures the same time) and can never exceed the wall time around them. On an idle
    // core the three agree; a loaded machine only stretches the wall time.
    QVERIFY2(cpu >= 200e6, qPrintable(QString("thread CPU time %1 ns").arg(cpu)));
    QVERIFY2(std::abs(r.value - cpu) < 0.05 * cpu + 2e6,
             qPrintable(QString("task-clock %1 ns, thread CPU time %2 ns").arg(r.value).arg(cpu)));
    QVERIFY2(r.value <= wallNs * 1.01 + 2e6, qPrintable(QString("task-clock %1 ns, wall %2 ns").arg(r.value).arg(wallNs)));
    qInfo("task-clock %.1f ms for a 200 ms CPU busy loop over %.1f ms of wall time", r.value / 1e6, wallNs / 1e6);
  }

  void pageFaultsRiseWithFreshPages() {
    constexpr size_t kPages = 2048;
    const size_t page = static_cast<size_t>(sysconf(_SC_PAGESIZE));
    auto touch = [&](bool write) {
      void* mem = mmap(nullptr, kPages * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
      QVERIFY(mem != MAP_FAILED);
      madvise(mem, kPages * page, MADV_NOHUGEPAGE); // one fault per page, not per 2 MiB
      auto* p = static_cast<volatile char*>(mem);
      if (write)
        for (size_t i = 0; i < kPages; ++i) p[i * page] = 1;
      munmap(mem, kPages * page);
    };
    const auto idle = countOne("page-faults", [&] { touch(false); });
    const auto fresh = countOne("page-faults", [&] { touch(true); });
    QVERIFY(idle.counted() && fresh.counted());
    QVERIFY2(fresh.value >= 0.95 * kPages, qPrintable(QString("%1 faults for %2 pages").arg(fresh.value).arg(kPages)));
    QVERIFY2(fresh.value > idle.value + 0.9 * kPages,
             qPrintable(QString("touched %1, untouched %2").arg(fresh.value).arg(idle.value)));
  }

  void inheritCountsThreadsCreatedAfterOpening() {
    double childCpu = 0;
    auto work = [&] {
      std::thread t([&] {
        busyCpu(100);
        childCpu = threadCpuNs();
      });
      t.join();
    };
    const auto with = countOne("task-clock", work, true);
    const double inherited = childCpu;
    const auto without = countOne("task-clock", work, false);
    QVERIFY2(with.value >= 0.9 * inherited, qPrintable(QString("%1 ns counted, child ran %2 ns").arg(with.value).arg(inherited)));
    QVERIFY2(without.value < 0.5 * childCpu, qPrintable(QString("%1 ns counted without inherit").arg(without.value)));
  }

  void scaleArithmetic() {
    const auto full = scaleReading(1000, 5'000'000, 5'000'000);
    QCOMPARE(full.value, 1000.0);
    QCOMPARE(full.scale, 1.0);
    const auto quarter = scaleReading(1000, 4'000'000, 1'000'000); // ran a quarter of the time
    QCOMPARE(quarter.scale, 4.0);
    QCOMPARE(quarter.value, 4000.0);
    QCOMPARE(quarter.raw, std::uint64_t(1000));
    const auto never = scaleReading(0, 4'000'000, 0);
    QVERIFY(!never.counted());
    QVERIFY(std::isnan(never.value)); // never a silent zero
    const auto odd = scaleReading(700, 10, 20); // running > enabled: left unscaled
    QCOMPARE(odd.scale, 1.0);
    QCOMPARE(odd.value, 700.0);
    // An interval is scaled by its own enabled/running ratio, not the cumulative one.
    // A later reading below an earlier one is a reset counter: an error, never a zero delta.
    try {
      difference(scaleReading(1000, 10'000, 5'000), scaleReading(3000, 4'000, 1'000));
      QFAIL("a counter that went backwards gave a delta");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("went backwards"), e.what());
    }
    const auto d = difference(scaleReading(3000, 10'000, 5'000), scaleReading(1000, 4'000, 1'000));
    QCOMPARE(d.raw, std::uint64_t(2000));
    QCOMPARE(d.enabledNs, std::uint64_t(6000));
    QCOMPARE(d.runningNs, std::uint64_t(4000));
    QCOMPARE(d.scale, 1.5);
    QCOMPARE(d.value, 3000.0);
  }

  void genericEncodings() {
    const auto cyc = encodeEvent("cycles", Scope::User);
    QCOMPARE(cyc.attr.type, std::uint32_t(PERF_TYPE_HARDWARE));
    QCOMPARE(cyc.attr.config, std::uint64_t(PERF_COUNT_HW_CPU_CYCLES));
    QCOMPARE(cyc.attr.exclude_kernel, 1ull);
    QVERIFY(cyc.hardware);
    QCOMPARE(cyc.attr.size, std::uint32_t(sizeof(perf_event_attr)));
    const auto l1 = encodeEvent("L1-dcache-load-misses", Scope::UserAndKernel);
    QCOMPARE(l1.attr.type, std::uint32_t(PERF_TYPE_HW_CACHE));
    QCOMPARE(l1.attr.config, std::uint64_t(PERF_COUNT_HW_CACHE_L1D | PERF_COUNT_HW_CACHE_OP_READ << 8 |
                                           PERF_COUNT_HW_CACHE_RESULT_MISS << 16));
    QCOMPARE(l1.attr.exclude_kernel, 0ull);
    const auto tc = encodeEvent("task-clock", Scope::User);
    QCOMPARE(tc.attr.type, std::uint32_t(PERF_TYPE_SOFTWARE));
    QCOMPARE(tc.attr.config, std::uint64_t(PERF_COUNT_SW_TASK_CLOCK));
    QVERIFY(!tc.hardware);
  }

  // Our fixed table must agree with libpfm4's perf PMU wherever libpfm4 knows the name.
  void genericTableAgreesWithLibpfm() {
    ensureLibpfm();
    int compared = 0;
    for (const auto& name : mapleHardwareEvents()) {
      perf_event_attr a;
      std::memset(&a, 0, sizeof a);
      a.size = sizeof a;
      pfm_perf_encode_arg_t arg;
      std::memset(&arg, 0, sizeof arg);
      arg.size = sizeof arg;
      arg.attr = &a;
      if (pfm_get_os_event_encoding(name.c_str(), PFM_PLM3, PFM_OS_PERF_EVENT_EXT, &arg) != PFM_SUCCESS) continue;
      const auto ours = encodeEvent(name, Scope::User);
      QCOMPARE(ours.attr.type, a.type);
      QCOMPARE(ours.attr.config, a.config);
      ++compared;
    }
    if (compared == 0) QSKIP("libpfm4's perf PMU is not present here (LIBPFM_FORCE_PMU set?)");
  }

  void unknownEventIsRefusedByName() {
    MAPLE_VERIFY_ERROR(encodeEvent("NO_SUCH_EVENT_XYZ", Scope::User), ErrorKind::BadInput,
                       "'NO_SUCH_EVENT_XYZ' cannot be encoded");
  }

  void explanationsNameTheFix() {
    const auto noPmu = explainOpenError(ENOENT, true, false, 2, Scope::User);
    QCOMPARE(QString::fromStdString(noPmu.reason),
             QString("this machine exposes no hardware PMU: hardware counters cannot be read here"));
    const auto p3 = explainOpenError(EACCES, true, true, 3, Scope::User);
    QVERIFY(QString::fromStdString(p3.reason).contains("kernel.perf_event_paranoid=3"));
    QVERIFY(QString::fromStdString(p3.fix).contains("sysctl kernel.perf_event_paranoid=1"));
    QVERIFY(QString::fromStdString(p3.fix).contains("CAP_PERFMON"));
    const auto kernel = explainOpenError(EACCES, false, true, 2, Scope::UserAndKernel);
    QVERIFY(QString::fromStdString(kernel.reason).contains("kernel mode"));
    const auto unmapped = explainOpenError(ENOENT, true, true, 2, Scope::User);
    QVERIFY(QString::fromStdString(unmapped.reason).contains("no counter for this event"));
  }

  void probeReportsMachineFacts() {
    const auto cap = probe({"task-clock", "cycles"});
    // The kernel's own file, read here independently of the code under test.
    QFile file("/proc/sys/kernel/perf_event_paranoid");
    QVERIFY(file.open(QIODevice::ReadOnly));
    bool ok = false;
    const int level = file.readAll().trimmed().toInt(&ok);
    QVERIFY(ok);
    QCOMPARE(cap.paranoid, level);
    QVERIFY(cap.paranoidReadable);
    // A missing file is unknown, not a made-up level.
    QVERIFY(!readParanoidLevel("/nonexistent/perf_event_paranoid").has_value());
    QVERIFY(std::find(cap.kernelSources.begin(), cap.kernelSources.end(), "software") != cap.kernelSources.end());
    QCOMPARE(cap.events.size(), size_t(2));
    QVERIFY2(cap.events[0].available, cap.events[0].reason.c_str()); // software events open everywhere
    QVERIFY(!cap.hardwarePmuNote.empty());
  }

  void noHardwarePmuGivesEnoentWithExactMessage() {
    const auto cap = probe({"cycles", "instructions", "LLC-load-misses"});
    if (cap.hardwarePmu) QSKIP("this machine has a hardware PMU; the no-PMU path needs one without (a KVM guest)");
    for (const auto& e : cap.events) {
      QVERIFY(!e.available);
      QCOMPARE(e.error, ENOENT);
      QCOMPARE(QString::fromStdString(e.errorName), QString("ENOENT"));
      QCOMPARE(QString::fromStdString(e.reason), QString(kNoHardwarePmu));
      QVERIFY(QString::fromStdString(e.fix).contains("pmu=on"));
    }
    MAPLE_VERIFY_ERROR(CounterSet set({encodeEvent("cycles", Scope::User)}), ErrorKind::Io, "'cycles' (ENOENT)");
  }

  void hardwareCountersCountWork() {
    if (!probe({}).hardwarePmu) QSKIP("this machine exposes no hardware PMU: hardware counters cannot be read here");
    CounterSet set({encodeEvent("instructions", defaultScope()), encodeEvent("cycles", defaultScope())});
    set.enable();
    busy(50);
    set.disable();
    const auto r = set.read();
    QVERIFY(r[0].counted() && r[1].counted());
    QVERIFY2(r[0].value > 1e6, qPrintable(QString("%1 instructions").arg(r[0].value)));
    QVERIFY(r[1].value > 1e6);
  }

  void discoveryListsPmus() {
    const auto pmus = listPmus();
    QVERIFY(!pmus.empty());
    QVERIFY(!libpfmVersion().empty());
    try {
      listPmuEvents("no_such_pmu");
      QFAIL("listed a PMU that does not exist");
    } catch (const Error& e) {
      QVERIFY(QString(e.what()).contains("present:"));
    }
    const auto events = listPmuEvents(pmus.front().name);
    QCOMPARE(static_cast<int>(events.size()), pmus.front().events);
  }
};

QTEST_GUILESS_MAIN(TestCounters)
#include "test_counters.moc"
