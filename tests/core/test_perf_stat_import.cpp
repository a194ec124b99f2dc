// `perf stat -x,` files from another machine: both layouts, perf's markers, and malformed lines
// rejected with file:line: reason. The good files are verbatim perf 6.1 output.
#include "common/error.hpp"
#include "counters/perf_stat_import.hpp"
#include "test_support.hpp"

#include <QtTest>

#include <cmath>

using namespace maple;
using namespace maple::counters;
using maple::testing::writeFile;

class TestPerfStatImport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  std::string file(const char* name, const QByteArray& text) {
    const auto path = dir_.filePath(name);
    writeFile(path, text);
    return path.toStdString();
  }

  QString importError(const char* name, const QByteArray& text) {
    const auto path = file(name, text);
    try {
      importPerfStatCsv(path, "w");
    } catch (const Error& e) {
      if (e.kind() != ErrorKind::BadInput) return "wrong kind: " + QString(e.what());
      return QString(e.what()).remove(QString::fromStdString(path));
    }
    return "imported";
  }

  static const EventStatus& status(const Capture& c, const std::string& event) {
    for (const auto& e : c.events)
      if (e.event == event) return e;
    throw std::runtime_error("no status for " + event);
  }

private slots:
  void plainLayoutOnAnEdgeBoard() {
    const auto path = file("plain.csv",
                           "# started on Sat Nov 21 14:30:00 2026\n"
                           "\n"
                           "1.08,msec,task-clock,1082500,100.00,0.010,CPUs utilized\n"
                           "75,,page-faults,1082500,100.00,69.284,K/sec\n"
                           "<not supported>,,stalled-cycles-frontend,0,100.00,,\n"
                           "2000000,,cycles:u,500000,50.00,,\n"
                           "3000000,,instructions:u,1000000,100.00,1.50,insn per cycle\n"
                           "1,,context-switches,1082500,100.00,923.788,/sec\n");
    const auto c = importPerfStatCsv(path, "nb201-reference");
    QCOMPARE(QString::fromStdString(c.source), QString::fromStdString("perf-stat-csv:" + path));
    QCOMPARE(c.events.size(), size_t(6));
    QCOMPARE(c.totals.at("task-clock"), 1.08e6); // msec -> ns
    QCOMPARE(c.totals.at("page-faults"), 75.0);
    QCOMPARE(c.totals.at("cycles"), 2e6); // "cycles:u" is cycles; perf's value is already scaled
    QVERIFY(!c.softwareOnly);
    const auto& stall = status(c, "stalled-cycles-frontend");
    QVERIFY(!stall.counted);
    QVERIFY(QString::fromStdString(stall.reason).contains("<not supported>"));
    QVERIFY(!c.totals.count("stalled-cycles-frontend")); // never a zero
    QVERIFY(!status(c, "task-clock").hardware);
    QVERIFY(status(c, "instructions").hardware);
    // The multiplexing scale comes back from the percentage: ran 50% -> scale 2.
    for (const auto& s : c.samples)
      if (s.event == "cycles") {
        QCOMPARE(s.reading.scale, 2.0);
        QCOMPARE(s.reading.runningNs, std::uint64_t(500000));
        QCOMPARE(s.reading.enabledNs, std::uint64_t(1000000));
        QCOMPARE(s.reading.raw, std::uint64_t(1000000));
      }
  }

  void intervalLayoutIsSummed() {
    const auto path = file("interval.csv",
                           "     0.103788989,0.75,msec,task-clock,752790,100.00,0.008,CPUs utilized\n"
                           "     0.103788989,73,,page-faults,752790,100.00,96.973,K/sec\n"
                           "     0.103788989,<not supported>,,cycles,0,100.00,,\n"
                           "     0.207804806,<not counted>,msec,task-clock,0,100.00,,\n"
                           "     0.207804806,<not counted>,,page-faults,0,100.00,,\n"
                           "     0.207804806,<not supported>,,cycles,0,100.00,,\n"
                           "     0.251650135,0.08,msec,task-clock,80329,100.00,0.001,CPUs utilized\n"
                           "     0.251650135,0,,page-faults,80329,100.00,0.000,/sec\n"
                           "     0.251650135,<not supported>,,cycles,0,100.00,,\n");
    const auto c = importPerfStatCsv(path, "w");
    QVERIFY(std::abs(c.totals.at("task-clock") - 0.83e6) < 1);
    QCOMPARE(c.totals.at("page-faults"), 73.0);
    QVERIFY(!status(c, "cycles").counted);
    QVERIFY(c.softwareOnly);
    QCOMPARE(c.durationMs, 251.650135);
    // Cumulative series, one point per counted interval.
    std::vector<double> tc;
    for (const auto& s : c.samples)
      if (s.event == "task-clock") tc.push_back(s.reading.value);
    QCOMPARE(tc.size(), size_t(2));
    QVERIFY(tc[1] > tc[0]);
  }

  void malformedLinesNameFileAndLine() {
    QCOMPARE(importError("a.csv", "1.0,msec,task-clock,100,100.00\nabc,,cycles,100,100.00\n"),
             QString(":2: value 'abc' is not a number, <not counted> or <not supported>"));
    QCOMPARE(importError("b.csv", "1,2\n"),
             QString(":1: expected at least value,unit,event (perf stat -x, output), got 2 field(s)"));
    QCOMPARE(importError("c.csv", "5,,cycles,100,100.00\n6,,cycles,100,100.00\n"),
             QString(":2: event 'cycles' appears twice (mixed runs in one file?)"));
    QCOMPARE(importError("d.csv", "5,,cycles,100,150.00\n"), QString(":1: percentage running '150.00' is not 0..100"));
    QCOMPARE(importError("e.csv", "5,,cycles,-3,100.00\n"), QString(":1: run time '-3' is not a count of nanoseconds"));
    QCOMPARE(importError("f.csv", "0.1,5,,cycles,100,100.00\n7,,cycles,100,100.00\n"),
             QString(":2: layout differs from the first data line (time,value,unit,event,...)"));
    QVERIFY(importError("g.csv", "CPU0,5,,cycles,100,100.00\n").contains(":1: no event name where perf stat -x, puts it"));
    QVERIFY(importError("h.csv", "# only a comment\n\n").contains(": no counter lines"));
  }

  // Values no counter can hold, names no event has, time that runs backwards, nothing counted.
  void impossibleValuesAreRefused() {
    QCOMPARE(importError("neg.csv", "-5,,cycles,100,100.00\n"),
             QString(":1: value -5 of 'cycles' is negative or larger than a 64-bit counter holds"));
    QCOMPARE(importError("big.csv", "1e308,,cycles,100,100.00\n"),
             QString(":1: value 1e308 of 'cycles' is negative or larger than a 64-bit counter holds"));
    QVERIFY(importError("nul.csv", QByteArray("5,,cyc\0les,100,100.00\n", 23)).contains(": holds NUL bytes"));
    QCOMPARE(importError("ctl.csv", "5,,cyc\x1bles,100,100.00\n"),
             QString(":1: event name 'cyc\\x1Bles' contains a space or a control character"));
    QVERIFY(importError("back.csv", "2.0,5,,cycles,100,100.00\n1.0,6,,cycles,100,100.00\n").contains(":2: time stamp 1.0 s goes back"));
    QVERIFY(importError("none.csv", "<not counted>,,cycles,0,0.00,,\n<not supported>,,instructions,0,0.00,,\n")
                .contains("counted none of its 2 events"));
  }

  void missingFileIsAnIoError() {
    MAPLE_VERIFY_ERROR(importPerfStatCsv(dir_.filePath("absent.csv").toStdString(), "w"), ErrorKind::Io, "");
  }
};

QTEST_GUILESS_MAIN(TestPerfStatImport)
#include "test_perf_stat_import.moc"
