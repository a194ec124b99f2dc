// Model-specific encoding with libpfm4 forced to a known PMU (LIBPFM_FORCE_PMU=skl, set by CTest),
// so the result does not depend on the CPU the tests run on.
#include "common/error.hpp"
#include "counters/encoding.hpp"
#include "counters/pmu.hpp"
#include "test_support.hpp"

#include <QtTest>

using namespace maple;
using namespace maple::counters;

class TestCountersForcedPmu : public QObject {
  Q_OBJECT

private slots:
  void initTestCase() {
    if (qgetenv("LIBPFM_FORCE_PMU") != "skl") QSKIP("run through CTest, which sets LIBPFM_FORCE_PMU=skl");
  }

  void forcedPmuIsTheOnlyCorePmu() {
    const auto pmus = listPmus();
    auto it = std::find_if(pmus.begin(), pmus.end(), [](const auto& p) { return p.name == "skl"; });
    QVERIFY(it != pmus.end());
    QCOMPARE(QString::fromStdString(it->type), QString("core"));
    QCOMPARE(QString::fromStdString(it->description), QString("Intel Skylake"));
    QVERIFY(it->genericCounters >= 4);
    QCOMPARE(it->fixedCounters, 3);
    QCOMPARE(coreCounterCount(), it->genericCounters);
  }

  void modelSpecificEventEncodesToRawConfig() {
    const auto e = encodeEvent("INST_RETIRED:ANY_P", Scope::User);
    QCOMPARE(e.attr.type, std::uint32_t(PERF_TYPE_RAW));
    QCOMPARE(e.attr.config, std::uint64_t(0xc0)); // event 0xc0, umask 0x00
    QCOMPARE(e.attr.exclude_kernel, 1ull);
    QCOMPARE(QString::fromStdString(e.pmu), QString("skl"));
    QVERIFY(e.hardware);
    QVERIFY2(QString::fromStdString(e.encoding).startsWith("skl::INST_RETIRED:ANY_P"), e.encoding.c_str());
    QCOMPARE(encodeEvent("INST_RETIRED:ANY_P", Scope::UserAndKernel).attr.exclude_kernel, 0ull);
  }

  void counterMaskAndUmaskLandInConfig() {
    // CYCLE_ACTIVITY:STALLS_L2_MISS = event 0xa3, umask 0x05, cmask 5 (bits 24..31).
    const auto e = encodeEvent("skl::CYCLE_ACTIVITY:STALLS_L2_MISS", Scope::User);
    QCOMPARE(e.attr.type, std::uint32_t(PERF_TYPE_RAW));
    QCOMPARE(e.attr.config, std::uint64_t(0x050005a3));
  }

  void genericNamesStillEncode() {
    // libpfm4's perf PMU is hidden under LIBPFM_FORCE_PMU; the fixed table is not.
    const auto e = encodeEvent("LLC-load-misses", Scope::User);
    QCOMPARE(e.attr.type, std::uint32_t(PERF_TYPE_HW_CACHE));
  }

  void eventsOfTheForcedPmuAreListed() {
    const auto events = listPmuEvents("skl");
    auto it = std::find_if(events.begin(), events.end(), [](const auto& e) { return e.name == "skl::INST_RETIRED"; });
    QVERIFY(it != events.end());
    QVERIFY(std::find(it->umasks.begin(), it->umasks.end(), "ANY_P") != it->umasks.end());
  }

  void wrongUmaskIsRefused() {
    MAPLE_VERIFY_ERROR(encodeEvent("INST_RETIRED:NOT_A_UMASK", Scope::User), ErrorKind::BadInput,
                       "INST_RETIRED:NOT_A_UMASK");
  }
};

QTEST_GUILESS_MAIN(TestCountersForcedPmu)
#include "test_counters_forced_pmu.moc"
