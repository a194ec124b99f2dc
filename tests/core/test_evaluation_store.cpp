// Evaluations are stored compactly (packed arrays per evaluation and device): they reload as
// written, damaged arrays are refused with the evaluation named, a point costs a few bytes, and
// projects of schema 2 (one row per point) are packed when opened.
#include "common/error.hpp"
#include "store/evaluations.hpp"
#include "store/project.hpp"
#include "store/schema.hpp"
#include "test_support.hpp"

#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

using namespace maple;

namespace {

long long scalar(store::Database& db, const std::string& sql) {
  auto st = db.prepare(sql);
  st.step();
  return st.int64(0);
}

// Two devices and `archs` architectures, written straight into the tables (schema 1 columns).
void addDevicesAndArchs(store::Database& db, int archs) {
  db.exec("INSERT INTO devices (id, name, provenance, created_at) VALUES (1, 'a', 'test', 'now'), (2, 'b', 'test', 'now')");
  auto st = db.prepare("INSERT INTO architectures (id, search_space, cell_code, arch_str) VALUES (?1, 'nb201', ?1, 'x' || ?1)");
  for (int i = 1; i <= archs; ++i) {
    st.bind(1, i).run();
    st.reset();
  }
}

std::vector<store::EvaluationPrediction> predictions(int archs) {
  std::vector<store::EvaluationPrediction> out;
  for (std::int64_t d = 1; d <= 2; ++d)
    for (int a = 1; a <= archs; a += 1 + (a % 3)) // gaps in the ids, as a device measured on a subset has
      out.push_back({d, a, 0.25 + a / 7.0, 0.5 + a / 3.0 * static_cast<double>(d), a % 11 == 0});
  return out;
}

void checkSame(const std::vector<store::EvaluationPrediction>& got, const std::vector<store::EvaluationPrediction>& want) {
  QCOMPARE(got.size(), want.size());
  for (size_t i = 0; i < got.size(); ++i) {
    QCOMPARE(got[i].deviceId, want[i].deviceId);
    QCOMPARE(got[i].architectureId, want[i].architectureId);
    QCOMPARE(got[i].predictedMs, static_cast<double>(static_cast<float>(want[i].predictedMs)));
    QCOMPARE(got[i].measuredMs, static_cast<double>(static_cast<float>(want[i].measuredMs)));
    QCOMPARE(got[i].isShot, want[i].isShot);
  }
}

store::EvaluationToSave evaluation(int archs) {
  store::EvaluationToSave e;
  e.row.method = "m";
  e.row.descriptorKind = "k";
  e.row.protocol = "full";
  e.row.shots = 3;
  e.row.metricsJson = "{}";
  e.predictions = predictions(archs);
  return e;
}

} // namespace

class TestEvaluationStore : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

private slots:
  void reloadsAsWrittenAndIsSmall() {
    const auto path = dir_.filePath("small.maple").toStdString();
    auto p = store::Project::create(path);
    addDevicesAndArchs(p.db(), 40000);
    p.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const auto pagesBefore = scalar(p.db(), "PRAGMA page_count");
    const auto e = evaluation(40000);
    const auto id = store::saveEvaluations(p, {e}).at(0);
    checkSame(store::loadEvaluationPredictions(p, id), e.predictions);
    QCOMPARE(store::countEvaluationPredictions(p, id), static_cast<long>(e.predictions.size()));
    const auto one = store::loadEvaluationPredictions(p, id, 2);
    QCOMPARE(one.size(), e.predictions.size() / 2);
    QCOMPARE(one.front().deviceId, std::int64_t{2});
    p.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    const double bytesPerPoint = static_cast<double>((scalar(p.db(), "PRAGMA page_count") - pagesBefore) *
                                                     scalar(p.db(), "PRAGMA page_size")) /
                                 static_cast<double>(e.predictions.size());
    qInfo("%.1f bytes per stored point", bytesPerPoint);
    QVERIFY2(bytesPerPoint < 12, qPrintable(QString::number(bytesPerPoint)));
  }

  void damagedArraysAreRefused() {
    auto p = store::Project::create(dir_.filePath("damaged.maple").toStdString());
    addDevicesAndArchs(p.db(), 100);
    const auto id = store::saveEvaluations(p, {evaluation(100)}).at(0);
    for (const char* damage : {"UPDATE evaluation_points SET predicted_ms = x'0000' WHERE device_id = 2",
                               "UPDATE evaluation_points SET architecture_ids = x'ff' WHERE device_id = 2",
                               "UPDATE evaluation_points SET shot_positions = x'7f' WHERE device_id = 2"}) {
      store::Transaction tx(p.db());
      p.db().exec(damage);
      MAPLE_VERIFY_ERROR(store::loadEvaluationPredictions(p, id), ErrorKind::BadInput,
                         "evaluation " + std::to_string(id) + "'s points of device id 2 is damaged");
    } // rolled back: the next damage starts from intact arrays
    QCOMPARE(store::loadEvaluationPredictions(p, id).size(), evaluation(100).predictions.size());
  }

  // Its space is read off its points: listed per space in the workbench, with no column to migrate.
  void spaceIsReadOffThePoints() {
    auto p = store::Project::create(dir_.filePath("spaces.maple").toStdString());
    addDevicesAndArchs(p.db(), 100);
    auto none = evaluation(100);
    none.predictions.clear();
    const auto ids = store::saveEvaluations(p, {evaluation(100), none});
    QCOMPARE(store::findEvaluation(p, ids[0])->space, std::string("nb201"));
    QCOMPARE(store::findEvaluation(p, ids[1])->space, std::string());
    p.db().exec("UPDATE architectures SET search_space = 'fbnet'");
    QCOMPARE(store::listEvaluationRows(p).at(1).space, std::string("fbnet"));
    // Damaged ids leave the space unknown; the listing still works (loading names the damage).
    p.db().exec("UPDATE evaluation_points SET architecture_ids = x'ff'");
    QCOMPARE(store::listEvaluationRows(p).at(1).space, std::string());
  }

  // A schema-2 project with per-point rows opens as the current schema with the same points, packed.
  void legacyRowsArePackedOnOpen() {
    const auto path = dir_.filePath("legacy.maple").toStdString();
    const auto want = predictions(3000);
    {
      store::Database db(path, store::Database::Mode::Create);
      db.exec("PRAGMA application_id = " + std::to_string(store::kApplicationId));
      store::Transaction tx(db);
      db.exec(store::migrations()[0]);
      db.exec(store::migrations()[1]);
      db.exec("PRAGMA user_version = 2");
      addDevicesAndArchs(db, 3000);
      db.exec("INSERT INTO evaluations (id, method, descriptor_kind, protocol, shots, seed, metrics_json, created_at) "
              "VALUES (7, 'm', 'k', 'full', 3, 1, '{}', 'then')");
      auto st = db.prepare("INSERT INTO evaluation_predictions VALUES (7, ?1, ?2, ?3, ?4, ?5)");
      for (const auto& w : want) {
        st.bind(1, w.deviceId).bind(2, w.architectureId).bind(3, w.predictedMs).bind(4, w.measuredMs).bind(5, w.isShot ? 1 : 0);
        st.run();
        st.reset();
      }
      tx.commit();
    }
    const auto legacyBytes = std::filesystem::file_size(path);
    auto p = store::Project::open(path);
    QCOMPARE(p.schemaVersion(), store::currentSchemaVersion());
    QCOMPARE(scalar(p.db(), "SELECT count(*) FROM evaluation_predictions"), 0LL);
    checkSame(store::loadEvaluationPredictions(p, 7), want);
    QCOMPARE(store::findEvaluation(p, 7)->name, std::string());
    p.db().exec("PRAGMA wal_checkpoint(TRUNCATE)");
    QVERIFY2(std::filesystem::file_size(path) < legacyBytes,
             qPrintable(QString("%1 -> %2 bytes").arg(legacyBytes).arg(std::filesystem::file_size(path))));
  }
};

QTEST_GUILESS_MAIN(TestEvaluationStore)
#include "test_evaluation_store.moc"
