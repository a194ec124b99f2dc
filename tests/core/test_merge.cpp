// Merging devices from another project file: rows, ids and refusals.
#include "store/descriptors.hpp"
#include "common/error.hpp"
#include "store/captures.hpp"
#include "store/device_launcher.hpp"
#include "descriptor/descriptor.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"
#include "store/merge.hpp"
#include "test_support.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace maple;

namespace {

// A project with one device per name, each with `archs` latencies, a capture (board-b's stopped
// early) and a descriptor.
std::string makeProject(const QTemporaryDir& dir, const char* file, const std::vector<std::string>& devices, int archs) {
  const auto path = dir.filePath(file).toStdString();
  auto p = store::Project::create(path);
  store::Transaction tx(p.db());
  store::LatencyWriter writer(p);
  const auto source = store::ensureSource(p, "test", std::string("test:") + file, "made by test_merge");
  for (size_t d = 0; d < devices.size(); ++d) {
    hardware::Device dev;
    dev.name = devices[d];
    dev.family = "cpu";
    dev.cores = 4;
    dev.provenance = "test";
    const auto id = store::upsertDevice(p, dev);
    for (int a = 0; a < archs; ++a) {
      store::LatencySample s;
      s.deviceId = id;
      s.architectureId = writer.architecture(searchspace::nb201Architecture(nb201::cellFromCode(a * 31)), a);
      s.latencyMs = 1.0 + a + 100.0 * static_cast<double>(d);
      writer.sample(source, s);
    }
  }
  tx.commit();
  for (const auto& name : devices) {
    const auto id = store::requireDevice(p, name).id;
    // Strings moved in: GCC 12 at -O3 takes assigning short literals to a default-built row's
    // strings for reads of uninitialised memory (-Wmaybe-uninitialized).
    store::CaptureRow c;
    c.deviceId = id;
    c.workload = std::string("nb201-ops");
    c.eventsJson = std::string("[]");
    c.source = std::string("test");
    c.startedAt = std::string("2026-01-01T00:00:00Z");
    c.partial = name == "board-b";
    const auto captureId = store::saveCapture(p, c, {{1.0, "task-clock", 5.0, 1.0, {}, {}}, {2.0, "task-clock", 9.0, 1.0, {}, {}}});
    store::saveDescriptor(p, id, {"software-timing", 1, {"op/none/ms"}, {1.5}, "test", 0}, captureId);
  }
  return path;
}

} // namespace

class TestMerge : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

private slots:
  void mergesDevicesWithEverythingTheyOwn() {
    const auto into = makeProject(dir_, "into.maple", {"here"}, 5);
    const auto other = makeProject(dir_, "other.maple", {"board-a", "board-b", "here"}, 8);
    auto p = store::Project::open(into);
    int calls = 0;
    const auto r = store::mergeDevices(p, other, {}, [&](int, int total) {
      ++calls;
      return total == 3;
    });
    QCOMPARE(r.devicesAdded, (std::vector<std::string>{"board-a", "board-b"}));
    QCOMPARE(r.devicesSkipped, std::vector<std::string>{"here"});
    QCOMPARE(r.latencySamples, 16L);
    QCOMPARE(r.captures, 2L);
    QCOMPARE(r.descriptors, 2L);
    QVERIFY(calls >= 3);

    const auto m = store::loadLatencyMatrix(p, searchspace::nb201Space(), {"here", "board-a", "board-b"});
    QCOMPARE(m.architectures.size(), size_t{8}); // 5 shared + 3 new, matched by cell
    for (size_t a = 0; a < 8; ++a) {
      QCOMPARE(m.at(a, 1), 1.0 + static_cast<double>(m.architectures[a].spaceIndex.value()));
      QCOMPARE(m.at(a, 2), 101.0 + static_cast<double>(m.architectures[a].spaceIndex.value()));
    }
    QVERIFY(std::isnan(m.at(7, 0))); // "here" kept its own 5 and gained nothing

    // Descriptors point at the merged capture, whose samples came along.
    const auto boardA = store::requireDevice(p, "board-a").id;
    const auto captures = store::listCaptures(p, boardA);
    QCOMPARE(captures.size(), size_t{1});
    QCOMPARE(store::loadCaptureSamples(p, captures[0].id).size(), size_t{2});
    QVERIFY(!captures[0].partial);
    QVERIFY(store::listCaptures(p, store::requireDevice(p, "board-b").id).at(0).partial); // stays marked
    auto st = p.db().prepare("SELECT capture_id FROM descriptors WHERE device_id = ?1");
    st.bind(1, boardA);
    QVERIFY(st.step());
    QCOMPARE(st.int64(0), captures[0].id);

    // A second merge adds nothing.
    const auto again = store::mergeDevices(p, other);
    QVERIFY(again.devicesAdded.empty());
    QCOMPARE(again.devicesSkipped.size(), size_t{3});
  }

  // A remote device stays reachable by name after a merge: its launcher comes along.
  void mergedRemoteDeviceKeepsItsLauncher() {
    const auto into = makeProject(dir_, "into4.maple", {"x"}, 1);
    const auto other = makeProject(dir_, "other4.maple", {"pi", "local"}, 1);
    {
      auto o = store::Project::open(other);
      store::setDeviceLauncher(o, "pi", "ssh pi@board maple agent");
    }
    auto p = store::Project::open(into);
    QCOMPARE(store::mergeDevices(p, other).devicesAdded.size(), size_t{2});
    QCOMPARE(store::deviceLauncher(p, "pi").value_or("(none)"), std::string("ssh pi@board maple agent"));
    QVERIFY(!store::deviceLauncher(p, "local")); // a device without one stays without
  }

  // FBNet rows have no cell code: merged architectures match by space and string, so a device's
  // latencies in both spaces arrive, and an FBNet architecture both projects hold is stored once.
  void latenciesOfBothSpacesMerge() {
    const auto into = makeProject(dir_, "into-fb.maple", {"here"}, 3);
    const auto other = makeProject(dir_, "other-fb.maple", {"board"}, 4);
    const std::vector<std::string> fbnet{"skip-k3_e1", "k5_e6-skip", "k3_e3_g2-k5_e1"};
    auto addFbnet = [&](const std::string& path, const std::string& device, size_t archs) {
      auto p = store::Project::open(path);
      store::Transaction tx(p.db());
      store::LatencyWriter writer(p);
      const auto source = store::ensureSource(p, "test", "test:fbnet", "made by test_merge");
      for (size_t a = 0; a < archs; ++a) {
        store::LatencySample s;
        s.deviceId = store::requireDevice(p, device).id;
        s.architectureId = writer.architecture("fbnet", fbnet[a]);
        s.latencyMs = 50.0 + static_cast<double>(a);
        writer.sample(source, s);
      }
      tx.commit();
    };
    addFbnet(into, "here", 1);
    addFbnet(other, "board", 3);
    auto p = store::Project::open(into);
    QCOMPARE(store::mergeDevices(p, other).latencySamples, 7L);
    const auto info = store::projectInfo(p);
    QCOMPARE(info.spaces.size(), size_t{2});
    QCOMPARE(info.spaces[0].space, std::string("fbnet"));
    QCOMPARE(info.spaces[0].architectures, std::int64_t(3));
    QCOMPARE(info.spaces[0].latencySamples, std::int64_t(4));
    QCOMPARE(info.spaces[1].architectures, std::int64_t(4));
    auto st = p.db().prepare("SELECT l.latency_ms FROM latency_samples l JOIN architectures a ON a.id = l.architecture_id "
                             "JOIN devices d ON d.id = l.device_id WHERE d.name = 'board' AND a.arch_str = ?1");
    st.bind(1, fbnet[2]);
    QVERIFY(st.step());
    QCOMPARE(st.real(0), 52.0);
  }

  void namedDevicesOnlyAndUnknownNames() {
    const auto into = makeProject(dir_, "into2.maple", {"x"}, 2);
    const auto other = makeProject(dir_, "other2.maple", {"a", "b"}, 2);
    auto p = store::Project::open(into);
    QCOMPARE(store::mergeDevices(p, other, {"b"}).devicesAdded, std::vector<std::string>{"b"});
    QVERIFY(!store::findDevice(p, "a"));
    MAPLE_VERIFY_ERROR(store::mergeDevices(p, other, {"zz"}), ErrorKind::BadInput, "it has: a, b");
  }

  void cancelAndBadFilesLeaveTheProjectAsItWas() {
    const auto into = makeProject(dir_, "into3.maple", {"x"}, 2);
    const auto other = makeProject(dir_, "other3.maple", {"a", "b"}, 2);
    auto p = store::Project::open(into);
    const auto progress = [](int done, int) { return done < 1; };
    MAPLE_VERIFY_ERROR(store::mergeDevices(p, other, {}, progress), ErrorKind::Cancelled, "");
    QCOMPARE(store::listDevices(p).size(), size_t{1});

    const auto junk = dir_.filePath("junk.maple").toStdString();
    QFile f(QString::fromStdString(junk));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("not sqlite at all");
    f.close();
    QVERIFY_THROWS_EXCEPTION(Error, store::mergeDevices(p, junk));
    MAPLE_VERIFY_ERROR(store::mergeDevices(p, into), ErrorKind::Usage, "");
    QCOMPARE(store::listDevices(p).size(), size_t{1});
  }
};

QTEST_GUILESS_MAIN(TestMerge)
#include "test_merge.moc"
