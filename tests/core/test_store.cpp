#include "common/error.hpp"
#include "store/captures.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"
#include "store/project.hpp"
#include "store/schema.hpp"
#include "test_support.hpp"

#include <QtTest>

#include <cmath>
#include <sys/stat.h>
#include <unistd.h>

using namespace maple;
using namespace maple::store;
using maple::testing::digest;

class TestStore : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

  std::string path(const char* name) { return dir_.filePath(name).toStdString(); }

  static QString openError(const std::string& p, ErrorKind expected = ErrorKind::BadInput) {
    try {
      Project::open(p);
    } catch (const Error& e) {
      if (e.kind() != expected) return "wrong kind: " + QString::fromStdString(e.what());
      return QString::fromStdString(e.what());
    }
    return "opened without error";
  }

  static std::int64_t count(Project& p, const char* table) {
    auto st = p.db().prepare(std::string("SELECT count(*) FROM ") + table);
    st.step();
    return st.int64(0);
  }

private slots:
  void createSetsIdentityAndSchema() {
    auto p = Project::create(path("a.maple"));
    QCOMPARE(p.schemaVersion(), currentSchemaVersion());
    auto st = p.db().prepare("PRAGMA application_id");
    QVERIFY(st.step());
    QCOMPARE(st.int64(0), std::int64_t(kApplicationId));
    auto wal = p.db().prepare("PRAGMA journal_mode");
    QVERIFY(wal.step());
    QCOMPARE(wal.text(0), std::string("wal"));
    auto fk = p.db().prepare("PRAGMA foreign_keys");
    QVERIFY(fk.step());
    QCOMPARE(fk.int64(0), std::int64_t(1));
  }

  void createRefusesExisting() {
    Project::create(path("b.maple"));
    MAPLE_VERIFY_ERROR(Project::create(path("b.maple")), ErrorKind::Usage, "already exists");
  }

  void reopenKeepsData() {
    {
      auto p = Project::create(path("c.maple"));
      hardware::Device d;
      d.name = "board";
      d.cores = 4;
      upsertDevice(p, d);
    }
    auto p = Project::open(path("c.maple"));
    auto d = findDevice(p, "board");
    QVERIFY(d);
    QCOMPARE(d->cores.value(), 4);
  }

  void missingFileIsIoError() {
    auto msg = openError(path("nope.maple"), ErrorKind::Io);
    QVERIFY2(msg.contains("no such project file") && msg.contains("maple new"), qPrintable(msg));
  }

  void foreignFilesAreRefusedUntouched_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");
    QTest::newRow("text") << QByteArray("idx,arch_str\n0,x\n") << "not an SQLite database";
    QTest::newRow("empty") << QByteArray() << "not an SQLite database";
    QByteArray fakeHeader("SQLite format 3");
    fakeHeader.append('\0');
    fakeHeader.append(QByteArray(200, 'x'));
    // 'x' bytes where the application_id lives (offset 68): 0x78787878.
    QTest::newRow("garbage after header") << fakeHeader << "not a MAPLE project (SQLite application_id is 2021161080";
  }
  void foreignFilesAreRefusedUntouched() {
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    const QString p = dir_.filePath(QString("foreign_%1.maple").arg(QTest::currentDataTag()).replace(' ', '_'));
    maple::testing::writeFile(p, bytes);
    const auto before = digest(p);
    const auto msg = openError(p.toStdString());
    QVERIFY2(msg.contains(expected) && msg.contains(p), qPrintable(msg));
    QCOMPARE(digest(p), before);
  }

  void otherSqliteDatabaseIsRefusedUntouched() {
    const auto p = path("other.db");
    {
      Database db(p, Database::Mode::Create);
      db.exec("CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    }
    const auto before = digest(QString::fromStdString(p));
    const auto msg = openError(p);
    QVERIFY2(msg.contains("not a MAPLE project") && msg.contains("application_id"), qPrintable(msg));
    QCOMPARE(digest(QString::fromStdString(p)), before);
  }

  void newerSchemaIsRefusedUntouched() {
    const auto p = path("newer.maple");
    {
      auto proj = Project::create(p);
      proj.db().exec("PRAGMA journal_mode = DELETE");
      proj.db().exec("PRAGMA user_version = 999");
    }
    const auto before = digest(QString::fromStdString(p));
    const auto msg = openError(p);
    QVERIFY2(msg.contains("newer") && msg.contains("999") && msg.contains("upgrade"), qPrintable(msg));
    QCOMPARE(digest(QString::fromStdString(p)), before);
  }

  void corruptFileIsRefusedUntouched() {
    const auto p = path("corrupt.maple");
    {
      auto proj = Project::create(p);
      Transaction tx(proj.db());
      for (int i = 0; i < 2000; ++i) {
        hardware::Device d;
        d.name = "device-" + std::to_string(i);
        d.notes = std::string(100, 'n');
        upsertDevice(proj, d);
      }
      tx.commit();
      proj.db().exec("PRAGMA journal_mode = DELETE"); // checkpoint everything into the main file
    }
    QFile f(QString::fromStdString(p));
    QVERIFY(f.open(QIODevice::ReadWrite));
    const qint64 size = f.size();
    QVERIFY(size > 65536);
    // Overwrite the middle of the file (b-tree pages of the devices table) with a pattern.
    f.seek(size / 2);
    f.write(QByteArray(16384, char(0xA5)));
    f.close();
    const auto before = digest(QString::fromStdString(p));
    const auto msg = openError(p);
    QVERIFY2(msg.contains("corrupt") || msg.contains("malformed"), qPrintable(msg));
    QCOMPARE(digest(QString::fromStdString(p)), before);
  }

  // pragma user_version=-7 once read steps[-1]; every negative version is a corrupt file.
  void negativeSchemaIsRefusedUntouched_data() {
    QTest::addColumn<int>("version");
    for (int v : {-1, -7, -100, -2147483647 - 1}) QTest::newRow(std::to_string(v).c_str()) << v;
  }
  void negativeSchemaIsRefusedUntouched() {
    QFETCH(int, version);
    const auto p = path(("negative" + std::to_string(version) + ".maple").c_str());
    {
      auto proj = Project::create(p);
      proj.db().exec("PRAGMA journal_mode = DELETE");
      proj.db().exec("PRAGMA user_version = " + std::to_string(version));
    }
    const auto before = digest(QString::fromStdString(p));
    const auto msg = openError(p);
    QVERIFY2(msg.contains("corrupt") && msg.contains("schema version " + QString::number(version) + " is negative"),
             qPrintable(msg));
    QCOMPARE(digest(QString::fromStdString(p)), before);
    QVERIFY(!QFile::exists(QString::fromStdString(p + "-wal")) && !QFile::exists(QString::fromStdString(p + "-shm")));
  }

  // A refused file gets no -wal/-shm beside it: even a WAL-mode foreign database is only read.
  void refusedFilesLeaveNoLitter() {
    const auto p = path("foreign-wal.db");
    {
      Database db(p, Database::Mode::Create);
      db.exec("PRAGMA journal_mode = WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1)");
    }
    QVERIFY(!QFile::exists(QString::fromStdString(p + "-wal")));
    const auto msg = openError(p);
    QVERIFY2(msg.contains("application_id is 0"), qPrintable(msg));
    QVERIFY(!QFile::exists(QString::fromStdString(p + "-wal")));
    QVERIFY(!QFile::exists(QString::fromStdString(p + "-shm")));
  }

  void specialFilesAndLoopsAreNamed() {
    const auto fifo = path("fifo.maple");
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    auto msg = openError(fifo); // no writer: a blocking open would hang here
    QVERIFY2(msg.contains("not a regular file"), qPrintable(msg));
    const auto loop = path("loop.maple");
    QCOMPARE(::symlink(loop.c_str(), loop.c_str()), 0);
    msg = openError(loop, ErrorKind::Io);
    QVERIFY2(msg.contains("symbolic link loop") && !msg.contains("no such"), qPrintable(msg));
    msg = openError(dir_.path().toStdString());
    QVERIFY2(msg.contains("is a folder"), qPrintable(msg));
  }

  void specialNamesAreNotCreated_data() {
    QTest::addColumn<QString>("name");
    QTest::newRow("empty") << "";
    QTest::newRow("memory") << ":memory:";
    QTest::newRow("uri") << "file:x.maple?mode=memory";
  }
  void specialNamesAreNotCreated() {
    QFETCH(QString, name);
    MAPLE_VERIFY_ERROR(Project::create(name.toStdString()), ErrorKind::Usage, "maple new my.maple");
  }

  // An index that disagrees with its table (what flipped bits in index pages amount to) passes
  // quick_check but not the open check, so a re-import cannot add duplicates through it.
  void damagedIndexIsRefused() {
    const auto p = path("index.maple");
    std::string sql;
    std::int64_t root = 0;
    {
      auto proj = Project::create(p);
      LatencyWriter w(proj);
      for (int c = 0; c < 50; ++c) w.architecture(searchspace::nb201Architecture(nb201::cellFromCode(c)), c);
      {
        auto st = proj.db().prepare("SELECT rootpage, sql FROM sqlite_master WHERE name = 'architectures_by_index'");
        QVERIFY(st.step());
        root = st.int64(0);
        sql = st.text(1);
      }
      proj.db().exec("PRAGMA journal_mode = DELETE");
    }
    // Hide the index from SQLite, change a row behind its back, then put the index back.
    {
      Database db(p, Database::Mode::ReadWrite);
      db.exec("PRAGMA writable_schema = ON; DELETE FROM sqlite_master WHERE name = 'architectures_by_index'");
    }
    {
      Database db(p, Database::Mode::ReadWrite);
      db.exec("UPDATE architectures SET space_index = 9999 WHERE space_index = 7");
      auto st = db.prepare("PRAGMA writable_schema = ON");
      st.step();
      auto put = db.prepare("INSERT INTO sqlite_master VALUES ('index', 'architectures_by_index', 'architectures', ?, ?)");
      put.bind(1, root).bind(2, sql);
      put.run();
    }
    {
      Database db(p, Database::Mode::ReadOnly);
      auto quick = db.prepare("PRAGMA quick_check");
      QVERIFY(quick.step());
      QCOMPARE(quick.text(0), std::string("ok")); // the gap the open check closes
    }
    const auto before = digest(QString::fromStdString(p));
    const auto msg = openError(p);
    QVERIFY2(msg.contains("corrupt") && msg.contains("architectures_by_index"), qPrintable(msg));
    QCOMPARE(digest(QString::fromStdString(p)), before);
  }

  void olderSchemaIsMigrated() {
    const auto p = path("v0.maple");
    {
      Database db(p, Database::Mode::Create);
      db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
    }
    auto proj = Project::open(p);
    QCOMPARE(proj.schemaVersion(), currentSchemaVersion());
    QCOMPARE(count(proj, "devices"), std::int64_t(0));
  }

  void schemaOneCapturesMigrateAsComplete() {
    const auto p = path("v1.maple");
    {
      Database db(p, Database::Mode::Create);
      db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      db.exec(migrations().at(0));
      db.exec("PRAGMA user_version = 1");
      db.exec("INSERT INTO devices (name, provenance, created_at) VALUES ('old', 'test', '2025-01-01T00:00:00Z')");
      db.exec("INSERT INTO captures (device_id, workload, events_json, source, started_at) "
              "VALUES (1, 'nb201-ops', '[]', 'perf_event', '2025-01-01T00:00:00Z')");
    }
    auto proj = Project::open(p);
    QCOMPARE(proj.schemaVersion(), currentSchemaVersion());
    const auto captures = listCaptures(proj);
    QCOMPARE(captures.size(), size_t{1});
    QVERIFY(!captures[0].partial); // written before captures could stop early: complete
    try {
      proj.db().exec("UPDATE captures SET partial = 2");
      QFAIL("stored a partial flag that is neither 0 nor 1");
    } catch (const Error&) {
    }
  }

  // A project written by schema 4 (made here by its own migrations, as the old build made it):
  // migration 5 rebuilds the architectures table keyed by (space, string); every row keeps its id,
  // so the latencies and evaluation points pointing at them still resolve, and foreign keys stay on.
  void schemaFourProjectKeepsRowsIdsAndLatencies() {
    const auto p = path("v4.maple");
    const std::vector<int> codes{42, 7, 15624}, ids{3, 9, 120};
    {
      Database db(p, Database::Mode::Create);
      db.exec("PRAGMA application_id = " + std::to_string(kApplicationId));
      for (int v = 0; v < 4; ++v) db.exec(migrations().at(static_cast<size_t>(v)));
      db.exec("PRAGMA user_version = 4");
      db.exec("INSERT INTO devices (id, name, provenance, created_at) VALUES (5, 'old', 'test', '2025-01-01T00:00:00Z')");
      db.exec("INSERT INTO sources (id, kind, key, description, created_at) VALUES (2, 'test', 'test:v4', 'v4', 'x')");
      auto arch = db.prepare("INSERT INTO architectures (id, search_space, cell_code, arch_str, space_index) "
                             "VALUES (?1, 'nb201', ?2, ?3, ?4)");
      auto sample = db.prepare("INSERT INTO latency_samples (device_id, architecture_id, source_id, latency_ms) "
                               "VALUES (5, ?1, 2, ?2)");
      for (size_t i = 0; i < codes.size(); ++i) {
        arch.bind(1, ids[i]).bind(2, codes[i]).bind(3, nb201::toString(nb201::cellFromCode(codes[i])));
        arch.bind(4, i == 1 ? std::optional<int>() : std::optional<int>(static_cast<int>(i) * 10));
        arch.run();
        arch.reset();
        sample.bind(1, ids[i]).bind(2, 1.5 + static_cast<double>(i));
        sample.run();
        sample.reset();
      }
      db.exec("INSERT INTO evaluations (id, method, descriptor_kind, protocol, shots, seed, metrics_json, created_at) "
              "VALUES (1, 'opcost', 'specs', 'full', 3, 1, '{}', 'x')");
      db.exec("INSERT INTO evaluation_points (evaluation_id, device_id, points, architecture_ids, predicted_ms, "
              "measured_ms) VALUES (1, 5, 1, x'03000000', x'0000803f', x'0000803f')");
    }
    auto proj = Project::open(p);
    QCOMPARE(proj.schemaVersion(), currentSchemaVersion());
    auto& db = proj.db();
    auto rows = db.prepare("SELECT id, cell_code, arch_str, space_index FROM architectures ORDER BY id");
    for (size_t i = 0; i < codes.size(); ++i) {
      QVERIFY(rows.step());
      QCOMPARE(rows.int64(0), std::int64_t(ids[i]));
      QCOMPARE(rows.int64(1), std::int64_t(codes[i]));
      QCOMPARE(rows.text(2), nb201::toString(nb201::cellFromCode(codes[i])));
      QCOMPARE(rows.optInt64(3).has_value(), i != 1);
    }
    QVERIFY(!rows.step());
    const auto latencies = deviceLatencies(proj, 5);
    QCOMPARE(latencies.size(), size_t{3});
    for (size_t i = 0; i < codes.size(); ++i) {
      QCOMPARE(latencies[i].architectureId, std::int64_t(ids[i]));
      QCOMPARE(latencies[i].medianMs, 1.5 + static_cast<double>(i));
    }
    QCOMPARE(architectureByIndex(proj, searchspace::nb201Space(), 20)->id, std::int64_t(120));
    QCOMPARE(count(proj, "evaluation_points"), std::int64_t(1));
    auto fkCheck = db.prepare("PRAGMA foreign_key_check");
    QVERIFY(!fkCheck.step());
    auto fk = db.prepare("PRAGMA foreign_keys");
    QVERIFY(fk.step());
    QCOMPARE(fk.int64(0), std::int64_t(1));
    // The references still point at the rebuilt table: a sample of a missing architecture is refused.
    QVERIFY_THROWS_EXCEPTION(Error, db.exec("INSERT INTO latency_samples (device_id, architecture_id, source_id, "
                                            "latency_ms) VALUES (5, 4, 2, 1.0)"));
    // Writers find the migrated rows by string; a space without codes fits beside them.
    LatencyWriter w(proj);
    QCOMPARE(w.architecture(searchspace::nb201Architecture(nb201::cellFromCode(7)), 5), std::int64_t(9));
    QCOMPARE(architectureByIndex(proj, searchspace::nb201Space(), 5)->id, std::int64_t(9));
    const auto fbnet = w.architecture("fbnet", "skip-skip");
    QVERIFY(fbnet > 120);
    QCOMPARE(w.architecture("fbnet", "skip-skip"), fbnet);
    QCOMPARE(count(proj, "architectures"), std::int64_t(4));
    auto integrity = db.prepare("PRAGMA integrity_check");
    QVERIFY(integrity.step());
    QCOMPARE(integrity.text(0), std::string("ok"));
  }

  void upsertFillsOnlyEmptyFields() {
    auto p = Project::create(path("upsert.maple"));
    hardware::Device a;
    a.name = "x";
    a.cores = 8;
    const auto id = upsertDevice(p, a);
    hardware::Device b;
    b.name = "x";
    b.cores = 2;
    b.memoryGb = 16;
    b.family = "cpu";
    QCOMPARE(upsertDevice(p, b), id);
    auto d = findDevice(p, "x").value();
    QCOMPARE(d.cores.value(), 8);      // kept
    QCOMPARE(d.memoryGb.value(), 16.0); // filled
    QCOMPARE(d.family, std::string("cpu"));
    QCOMPARE(count(p, "devices"), std::int64_t(1));
  }

  void requireDeviceNamesKnownDevices() {
    auto p = Project::create(path("req.maple"));
    hardware::Device a;
    a.name = "alpha";
    upsertDevice(p, a);
    try {
      requireDevice(p, "beta");
      QFAIL("found a device that does not exist");
    } catch (const Error& e) {
      QVERIFY(QString(e.what()).contains("'beta'"));
      QVERIFY(QString(e.what()).contains("alpha"));
    }
  }

  void samplesAreUniquePerSourceAndValidated() {
    auto p = Project::create(path("samples.maple"));
    hardware::Device d;
    d.name = "dev";
    const auto dev = upsertDevice(p, d);
    LatencyWriter w(p);
    const auto arch = w.architecture(searchspace::nb201Architecture(nb201::cellFromCode(42)), 7);
    QCOMPARE(w.architecture(searchspace::nb201Architecture(nb201::cellFromCode(42))), arch);
    const auto src = ensureSource(p, "test", "test:1", "unit test");
    QCOMPARE(ensureSource(p, "test", "test:1", "again"), src);
    LatencySample s;
    s.deviceId = dev;
    s.architectureId = arch;
    s.latencyMs = 1.5;
    QVERIFY(w.sample(src, s));
    QVERIFY(!w.sample(src, s));
    s.latencyMs = -1;
    const auto src2 = ensureSource(p, "test", "test:2", "unit test");
    QVERIFY_THROWS_EXCEPTION(Error, w.sample(src2, s));
    QCOMPARE(count(p, "latency_samples"), std::int64_t(1));
    QCOMPARE(architectureByIndex(p, searchspace::nb201Space(), 7)->id, arch);
    QVERIFY(!architectureByIndex(p, searchspace::nb201Space(), 8));
  }

  // One value per architecture: the median of its samples (an even count averages the middle two).
  void matrixTakesTheMedianAndMarksMissing() {
    auto p = Project::create(path("matrix.maple"));
    // Names moved in: GCC 12 at -O3 takes assigning a short literal to a default-built Device's
    // name for a read of uninitialised memory (-Wmaybe-uninitialized).
    hardware::Device d1, d2;
    d1.name = std::string("d1");
    d2.name = std::string("d2");
    const auto id1 = upsertDevice(p, d1);
    upsertDevice(p, d2);
    LatencyWriter w(p);
    const auto a0 = w.architecture(searchspace::nb201Architecture(nb201::cellFromCode(0)), 0);
    w.architecture(searchspace::nb201Architecture(nb201::cellFromCode(1)), 1);
    LatencySample s{id1, a0, 2.0, {}, {}, {}, {}, "", "", ""};
    w.sample(ensureSource(p, "m", "m:1", "first"), s);
    s.latencyMs = 3.0;
    w.sample(ensureSource(p, "m", "m:2", "second"), s);
    QCOMPARE(loadLatencyMatrix(p, searchspace::nb201Space(), {"d1"}).at(0, 0), 2.5);
    s.latencyMs = 10.0;
    w.sample(ensureSource(p, "m", "m:3", "third, an outlier"), s);
    auto m = loadLatencyMatrix(p, searchspace::nb201Space(), {"d1", "d2"});
    QCOMPARE(m.architectures.size(), size_t(2));
    QCOMPARE(m.at(0, 0), 3.0);
    QVERIFY(std::isnan(m.at(1, 0)));
    QVERIFY(std::isnan(m.at(0, 1)));
    QVERIFY_THROWS_EXCEPTION(Error, loadLatencyMatrix(p, searchspace::nb201Space(), {"nope"}));
  }

  void transactionRollsBackUnlessCommitted() {
    auto p = Project::create(path("tx.maple"));
    {
      Transaction tx(p.db());
      hardware::Device d;
      d.name = "temp";
      upsertDevice(p, d);
    }
    QCOMPARE(count(p, "devices"), std::int64_t(0));
  }

  void nestedTransactionsAreSavepoints() {
    auto p = Project::create(path("nested.maple"));
    auto add = [&](const char* name) {
      hardware::Device d;
      d.name = name;
      upsertDevice(p, d);
    };
    {
      Transaction outer(p.db());
      add("kept");
      {
        Transaction inner(p.db());
        add("undone");
      } // the inner part alone rolls back
      {
        Transaction inner(p.db());
        add("inner");
        inner.commit();
      }
      outer.commit();
    }
    QCOMPARE(count(p, "devices"), std::int64_t(2));
    QVERIFY(!findDevice(p, "undone"));
    {
      Transaction outer(p.db());
      Transaction inner(p.db());
      add("lost");
      inner.commit();
    } // an inner commit is undone with its outer transaction
    QVERIFY(!findDevice(p, "lost"));
    QCOMPARE(count(p, "devices"), std::int64_t(2));
  }

  void infoCountsTables() {
    auto p = Project::create(path("info.maple"));
    hardware::Device d;
    d.name = "one";
    upsertDevice(p, d);
    auto i = projectInfo(p);
    QCOMPARE(i.devices, std::int64_t(1));
    QCOMPARE(i.schemaVersion, currentSchemaVersion());
    QVERIFY(i.fileBytes > 0);
  }
};

QTEST_APPLESS_MAIN(TestStore)
#include "test_store.moc"
