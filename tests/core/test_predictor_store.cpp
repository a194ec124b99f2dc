// Predictors in a project: save, list, load, export, and import into another project with the
// file's provenance kept byte for byte.
#include "common/error.hpp"
#include "predictor_file_sample.hpp"
#include "store/predictors.hpp"
#include "test_support.hpp"

#include <QtTest>

using namespace maple;

class TestPredictorStore : public QObject {
  Q_OBJECT
private slots:
  void saveListLoad() {
    QTemporaryDir dir;
    auto project = store::Project::create(dir.filePath("a.maple").toStdString());
    const auto f = testing::samplePredictorFile();
    store::savePredictor(project, "mine", f);
    const auto list = store::listPredictors(project);
    QCOMPARE(list.size(), size_t(1));
    QCOMPARE(list[0].name, std::string("mine"));
    QCOMPARE(list[0].method, std::string("test-linear"));
    QCOMPARE(list[0].descriptorKind, std::string("reference-latency"));
    QCOMPARE(list[0].header["target_device"], "gamma");
    QVERIFY(list[0].imported.is_null());
    const auto back = store::loadPredictor(project, "mine");
    QCOMPARE(back.state.meta, f.state.meta);
    QVERIFY(back.state.arrays == f.state.arrays);
    MAPLE_VERIFY_ERROR(store::savePredictor(project, "mine", f), ErrorKind::Usage, "");
    MAPLE_VERIFY_ERROR(store::loadPredictor(project, "other"), ErrorKind::BadInput, "stored: mine");
  }

  void importKeepsProvenanceAndExportGivesTheSameFile() {
    QTemporaryDir dir;
    const auto original = dir.filePath("shared.maplepred");
    predictfile::writePredictorFile(original.toStdString(), testing::samplePredictorFile());
    auto b = store::Project::create(dir.filePath("b.maple").toStdString());
    store::importPredictorFile(b, original.toStdString());
    const auto list = store::listPredictors(b);
    QCOMPARE(list.size(), size_t(1));
    QCOMPARE(list[0].name, std::string("shared")); // the file's stem
    QVERIFY(QString::fromStdString(list[0].imported["from"].get<std::string>()).endsWith("shared.maplepred"));
    QCOMPARE(list[0].header["created"]["host"], "builder"); // who made it, not who imported it
    QCOMPARE(list[0].header["created"]["project"], "/data/pool.maple");
    const auto exported = dir.filePath("again.maplepred");
    store::exportPredictorFile(b, "shared", exported.toStdString());
    QCOMPARE(testing::digest(exported), testing::digest(original));
  }

  void damagedFileIsNotImported() {
    QTemporaryDir dir;
    auto bytes = predictfile::encode(testing::samplePredictorFile());
    bytes[40] ^= 0x10;
    const auto path = dir.filePath("bad.maplepred");
    testing::writeFile(path, QByteArray(reinterpret_cast<const char*>(bytes.data()), static_cast<int>(bytes.size())));
    auto p = store::Project::create(dir.filePath("c.maple").toStdString());
    QVERIFY_THROWS_EXCEPTION(Error, store::importPredictorFile(p, path.toStdString()));
    QVERIFY(store::listPredictors(p).empty());
  }
};

QTEST_GUILESS_MAIN(TestPredictorStore)
#include "test_predictor_store.moc"
