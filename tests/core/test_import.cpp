#include "common/error.hpp"
#include "dataset/data_sets.hpp"
#include "dataset/help_fbnet.hpp"
#include "dataset/help_nb201.hpp"
#include "fbnet_table.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"
#include "test_support.hpp"

#include <QtTest>

#include <fstream>

using namespace maple;
using maple::testing::digest;
using maple::testing::writeFile;

namespace {
const char* kHeader = "idx,arch_str,devA,devB\n";
const char* kRow0 = "0,|avg_pool_3x3~0|+|nor_conv_1x1~0|skip_connect~1|+|nor_conv_1x1~0|skip_connect~1|skip_connect~2|,1.5,2.5\n";
const char* kRow1 = "1,|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|,3.0,4.0\n";

std::int64_t count(store::Project& p, const char* table) {
  auto st = p.db().prepare(std::string("SELECT count(*) FROM ") + table);
  st.step();
  return st.int64(0);
}

const store::SpaceCounts* spaceOf(const std::vector<store::SpaceCounts>& spaces, const char* name) {
  for (const auto& s : spaces)
    if (s.space == name) return &s;
  return nullptr;
}

store::DeviceSummary summaryOf(store::Project& p, const std::string& name) {
  for (auto& s : store::listDeviceSummaries(p))
    if (s.device.name == name) return s;
  return {};
}

std::string fbnetDataDir() { return std::string(MAPLE_DATA_DIR) + "/help-fbnet"; }
bool haveFbnetDataSet() { return QFile::exists(QString::fromStdString(fbnetDataDir() + "/fbnet_latency_ms.csv")); }
} // namespace

class TestImport : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  int n_ = 0;

  std::string freshProject() { return dir_.filePath(QString("p%1.maple").arg(n_++)).toStdString(); }

  QString csv(const QByteArray& body, const char* name = "nb201_latency_ms.csv") {
    const QString sub = dir_.filePath(QString("d%1").arg(n_++));
    QDir().mkpath(sub);
    const QString p = sub + "/" + name;
    writeFile(p, body);
    return p;
  }

private slots:
  void fullDataSet() {
    if (!maple::testing::haveDataSet()) QSKIP("the public data set is not at ../shared/data/help-nb201");
    const auto path = freshProject();
    auto p = store::Project::create(path);
    auto r = dataset::importHelpNb201(p, maple::testing::dataDir());
    QCOMPARE(r.devices, 27);
    QCOMPARE(r.architectures, 15625L);
    QCOMPARE(r.samplesAdded, 421875L);
    QVERIFY(r.specsFound);
    QCOMPARE(count(p, "devices"), std::int64_t(27));
    QCOMPARE(count(p, "architectures"), std::int64_t(15625));
    QCOMPARE(count(p, "latency_samples"), std::int64_t(421875));

    // Every row's idx maps to its own string; every sample has provenance.
    std::ifstream in(maple::testing::dataDir() + "/nb201_latency_ms.csv");
    std::string line;
    std::getline(in, line);
    int row = 0;
    while (std::getline(in, line)) {
      auto first = line.find(','), second = line.find(',', first + 1);
      auto arch = store::architectureByIndex(p, searchspace::nb201Space(), row);
      QVERIFY(arch);
      QCOMPARE(arch->arch.canonical(), line.substr(first + 1, second - first - 1));
      ++row;
    }
    QCOMPARE(row, 15625);
    auto src = p.db().prepare("SELECT count(*) FROM latency_samples s JOIN sources o ON o.id = s.source_id "
                              "WHERE o.description LIKE '%HELP%'");
    src.step();
    QCOMPARE(src.int64(0), std::int64_t(421875));

    // Specs come from devices.csv; batch and family from the column names.
    auto gpu = store::findDevice(p, "1080ti_32").value();
    QCOMPARE(gpu.family, std::string("gpu"));
    QCOMPARE(gpu.batchSize.value(), 32);
    QCOMPARE(gpu.cores.value(), 3584);
    QCOMPARE(gpu.peakFp32Gflops.value(), 11340.0);
    QVERIFY(gpu.provenance.find("devices.csv") != std::string::npos);
    QCOMPARE(store::findDevice(p, "raspi4")->family, std::string("sbc")); // the spec sheet's word wins

    // The first row's value for a known column, straight from the file.
    auto m = store::loadLatencyMatrix(p, searchspace::nb201Space(), {"1080ti_1"});
    QCOMPARE(m.architectures[0].spaceIndex.value(), 0);
    QVERIFY(qFuzzyCompare(m.at(0, 0), 10.75437068939209));

    // A re-import changes nothing.
    auto again = dataset::importHelpNb201(p, maple::testing::dataDir() + "/nb201_latency_ms.csv");
    QCOMPARE(again.samplesAdded, 0L);
    QCOMPARE(again.samplesExisting, 421875L);
    QCOMPARE(count(p, "latency_samples"), std::int64_t(421875));
    QCOMPARE(count(p, "devices"), std::int64_t(27));
    QCOMPARE(count(p, "sources"), std::int64_t(1));
  }

  void smallTableWithoutSpecs() {
    auto p = store::Project::create(freshProject());
    const auto file = csv(QByteArray(kHeader) + kRow0 + kRow1);
    auto r = dataset::importHelpNb201(p, file.toStdString());
    QCOMPARE(r.samplesAdded, 4L);
    QVERIFY(!r.specsFound);
    QCOMPARE(count(p, "devices"), std::int64_t(2));
  }

  void badTablesAreRejectedWithLineAndNothingWritten_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    QTest::newRow("wrong header") << QByteArray("id,arch,devA\n") << ":1: wrong header";
    QTest::newRow("non-numeric") << (QByteArray(kHeader) + kRow0 + QByteArray(kRow1).replace("3.0", "abc"))
                                 << ":3: latency 'abc' for 'devA' is not a number";
    QTest::newRow("negative") << (QByteArray(kHeader) + QByteArray(kRow0).replace("2.5", "-2.5"))
                              << ":2: latency -2.5 ms for 'devB' is not positive";
    QTest::newRow("zero") << (QByteArray(kHeader) + QByteArray(kRow0).replace("1.5", "0"))
                          << ":2: latency 0 ms for 'devA' is not positive";
    QTest::newRow("missing value") << (QByteArray(kHeader) + QByteArray(kRow0).replace(",2.5", ","))
                                   << ":2: no latency for device 'devB'";
    QTest::newRow("missing field") << (QByteArray(kHeader) + QByteArray(kRow0).replace(",2.5", ""))
                                   << ":2: has 3 fields, the header has 4";
    QTest::newRow("bad arch") << (QByteArray(kHeader) + QByteArray(kRow0).replace("nor_conv_1x1~0", "conv_5x5~0"))
                              << ":2: invalid NAS-Bench-201 cell";
    QTest::newRow("unknown op named") << (QByteArray(kHeader) + QByteArray(kRow0).replace("nor_conv_1x1~0", "conv_5x5~0"))
                                      << "node 2, edge 1: unknown op 'conv_5x5'";
    QTest::newRow("duplicate idx") << (QByteArray(kHeader) + kRow0 + QByteArray(kRow1).replace("1,|", "0,|"))
                                   << ":3: idx 0 appears twice";
    QTest::newRow("idx out of range") << (QByteArray(kHeader) + QByteArray(kRow0).replace("0,|", "15625,|"))
                                      << ":2: idx '15625' is not an index in 0..15624";
    QTest::newRow("empty") << QByteArray() << ":1: the file is empty";
    QTest::newRow("header only") << QByteArray(kHeader) << "has a header but no rows";
    QTest::newRow("nan") << (QByteArray(kHeader) + QByteArray(kRow0).replace("1.5", "nan"))
                         << ":2: latency 'nan' for 'devA' is not a number";
  }
  void badTablesAreRejectedWithLineAndNothingWritten() {
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const auto path = freshProject();
    { store::Project::create(path); }
    const auto before = digest(QString::fromStdString(path));
    const auto file = csv(body);
    auto p = store::Project::open(path);
    try {
      dataset::importHelpNb201(p, file.toStdString());
      QFAIL("accepted a bad table");
    } catch (const Error& e) {
      const QString msg = e.what();
      QCOMPARE(e.kind(), ErrorKind::BadInput);
      QVERIFY2(msg.startsWith(file) && msg.contains(expected), qPrintable(msg));
    }
    QCOMPARE(count(p, "devices"), std::int64_t(0));
    QCOMPARE(count(p, "latency_samples"), std::int64_t(0));
    QCOMPARE(count(p, "architectures"), std::int64_t(0));
    QCOMPARE(digest(QString::fromStdString(path)), before);
  }

  void badSpecSheetIsRejected() {
    const auto file = csv(QByteArray(kHeader) + kRow0);
    writeFile(QFileInfo(file).dir().filePath("devices.csv"),
              "device,family,cores,peak_fp32_gflops\ndevA,cpu,4,100\ndevB,gpu,many,200\n");
    auto p = store::Project::create(freshProject());
    try {
      dataset::importHelpNb201(p, QFileInfo(file).dir().path().toStdString());
      QFAIL("accepted a bad spec sheet");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("devices.csv:3: column 'cores': 'many' is not a number"), e.what());
    }
    QCOMPARE(count(p, "devices"), std::int64_t(0));
  }

  void specSheetFillsDevices() {
    const auto file = csv(QByteArray(kHeader) + kRow0);
    writeFile(QFileInfo(file).dir().filePath("devices.csv"),
              "device,family,hardware,cores,peak_fp32_gflops\ndevA,cpu,\"Xeon, 8 cores\",8,100\n");
    auto p = store::Project::create(freshProject());
    dataset::importHelpNb201(p, QFileInfo(file).dir().path().toStdString());
    auto a = store::findDevice(p, "devA").value();
    QCOMPARE(a.hardware, std::string("Xeon, 8 cores"));
    QCOMPARE(a.cores.value(), 8);
    QVERIFY(!store::findDevice(p, "devB")->cores);
  }

  void cancelWritesNothing() {
    if (!maple::testing::haveDataSet()) QSKIP("the public data set is not at ../shared/data/help-nb201");
    auto p = store::Project::create(freshProject());
    int calls = 0;
    bool progressSane = true;
    const auto progress = [&](const dataset::ImportProgress& pr) {
      progressSane = progressSane && pr.rowsWritten > 0 && pr.rowsWritten <= pr.rowsTotal;
      return ++calls < 3;
    };
    MAPLE_VERIFY_ERROR(dataset::importHelpNb201(p, maple::testing::dataDir(), progress), ErrorKind::Cancelled, "");
    QCOMPARE(calls, 3);
    QVERIFY(progressSane);
    QCOMPARE(count(p, "latency_samples"), std::int64_t(0));
    QCOMPARE(count(p, "devices"), std::int64_t(0));
  }

  // devA is in both tables: one device with latencies in two spaces; fbonly has FBNet ones only.
  void bothSpacesInOneProject() {
    auto p = store::Project::create(freshProject());
    const auto nb = csv(QByteArray(kHeader) + kRow0 + kRow1);
    const auto fb = csv(maple::testing::syntheticFbnetTable({"devA", "fbonly"}, 30), "fbnet_latency_ms.csv");
    QCOMPARE(dataset::importDataSet(p, nb.toStdString(), dataset::Format::HelpNb201).samplesAdded, 4L);
    const auto r = dataset::importDataSet(p, QFileInfo(fb).dir().path().toStdString(), dataset::Format::HelpFbnet);
    QCOMPARE(r.devices, 2);
    QCOMPARE(r.architectures, 30L);
    QCOMPARE(r.samplesAdded, 60L);
    QCOMPARE(count(p, "devices"), std::int64_t(3));
    QCOMPARE(count(p, "sources"), std::int64_t(2));

    const auto info = store::projectInfo(p);
    QCOMPARE(info.spaces.size(), size_t{2});
    QCOMPARE(spaceOf(info.spaces, "nb201")->architectures, std::int64_t(2));
    QCOMPARE(spaceOf(info.spaces, "nb201")->latencySamples, std::int64_t(4));
    QCOMPARE(spaceOf(info.spaces, "fbnet")->architectures, std::int64_t(30));
    QCOMPARE(spaceOf(info.spaces, "fbnet")->latencySamples, std::int64_t(60));

    const auto devA = summaryOf(p, "devA"), fbonly = summaryOf(p, "fbonly");
    QCOMPARE(devA.measuredIn("nb201"), std::int64_t(2));
    QCOMPARE(devA.measuredIn("fbnet"), std::int64_t(30));
    QCOMPARE(devA.measuredArchitectures, std::int64_t(32));
    QCOMPARE(fbonly.measuredIn("nb201"), std::int64_t(0));
    QCOMPARE(fbonly.measuredIn("fbnet"), std::int64_t(30));
    // The one-probe query agrees with the counts: fbonly has no NAS-Bench-201 latency, devB no FBNet one.
    QCOMPARE(store::devicesMeasuredIn(p, "nb201"), (std::vector<std::string>{"devA", "devB"}));
    QCOMPARE(store::devicesMeasuredIn(p, "fbnet"), (std::vector<std::string>{"devA", "fbonly"}));
    QVERIFY(store::devicesMeasuredIn(p, "nope").empty());
    QVERIFY(fbonly.imported && devA.imported);
    QVERIFY(fbonly.device.provenance.rfind("imported from " + fb.toStdString(), 0) == 0);
    // NAS-Bench-201's readers see their two architectures only.
    QCOMPARE(store::listArchitectures(p, searchspace::nb201Space()).size(), size_t{2});
    QCOMPARE(store::loadLatencyMatrix(p, searchspace::nb201Space(), {"devA"}).architectures.size(), size_t{2});
    // FBNet rows are keyed by their canonical string (no code) and carry HELP's row idx.
    auto st = p.db().prepare("SELECT count(*) FROM architectures WHERE search_space = 'fbnet' AND cell_code IS NULL "
                             "AND space_index IS NOT NULL");
    st.step();
    QCOMPARE(st.int64(0), std::int64_t(30));
    const auto row7 = store::architectureByIndex(p, searchspace::fbnetSpace(), 7);
    QVERIFY(row7);
    QCOMPARE(row7->arch.canonical(), searchspace::fbnetSpace().format(searchspace::fbnetSpace().sample(30, 7)[7]));
    QCOMPARE(store::largestDatasetIndex(p, searchspace::fbnetSpace()), std::optional<std::int64_t>(29));

    // Re-importing either adds nothing.
    const auto again = dataset::importHelpFbnet(p, fb.toStdString());
    QCOMPARE(again.samplesAdded, 0L);
    QCOMPARE(again.samplesExisting, 60L);
    QCOMPARE(dataset::importHelpNb201(p, nb.toStdString()).samplesAdded, 0L);
    QCOMPARE(count(p, "latency_samples"), std::int64_t(64));
    QCOMPARE(count(p, "architectures"), std::int64_t(32));
  }

  // A project imported before HELP's FBNet idx was stored (space_index NULL): re-importing fills
  // the index in place, adding no architecture and no sample.
  void fbnetReimportFillsTheMissingIndex() {
    auto p = store::Project::create(freshProject());
    const auto fb = csv(maple::testing::syntheticFbnetTable({"d1", "d2"}, 12), "fbnet_latency_ms.csv");
    dataset::importHelpFbnet(p, fb.toStdString());
    p.db().exec("UPDATE architectures SET space_index = NULL WHERE search_space = 'fbnet'");
    QVERIFY(!store::largestDatasetIndex(p, searchspace::fbnetSpace()));
    const auto ids = count(p, "architectures");
    const auto again = dataset::importHelpFbnet(p, fb.toStdString());
    QCOMPARE(again.samplesAdded, 0L);
    QCOMPARE(again.samplesExisting, 24L);
    QCOMPARE(count(p, "architectures"), ids);
    QCOMPARE(count(p, "latency_samples"), std::int64_t(24));
    const auto listed = store::listArchitectures(p, searchspace::fbnetSpace());
    QCOMPARE(listed.size(), size_t{12});
    for (size_t r = 0; r < listed.size(); ++r) QCOMPARE(listed[r].spaceIndex, std::optional<int>(static_cast<int>(r)));
  }

  void badFbnetTableWritesNothing_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const auto good = maple::testing::syntheticFbnetTable({"devA"}, 3);
    QByteArray badBlock = good;
    const auto first = badBlock.indexOf("\n0,") + 3;
    badBlock.replace(first, badBlock.indexOf('-', first) - first, "k7_e1");
    QTest::newRow("bad block") << badBlock << ":2: ";
    QTest::newRow("zero latency") << good.left(good.lastIndexOf(',') + 1) + "0\n" << ":4: latency 0 ms for 'devA' is not positive";
    QTest::newRow("implausible") << good.left(good.lastIndexOf(',') + 1) + "1e9\n" << ":4: latency 1e9 ms for 'devA' is outside";
    QTest::newRow("device name") << QByteArray(good).replace("devA", "dev\x01") << ":1: device column 3";
  }
  void badFbnetTableWritesNothing() {
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    const auto path = freshProject();
    { store::Project::create(path); }
    const auto before = digest(QString::fromStdString(path));
    const auto file = csv(body, "fbnet_latency_ms.csv");
    {
      auto p = store::Project::open(path);
      try {
        dataset::importHelpFbnet(p, file.toStdString());
        QFAIL("accepted a bad table");
      } catch (const Error& e) {
        QCOMPARE(e.kind(), ErrorKind::BadInput);
        QVERIFY2(QString(e.what()).startsWith(file) && QString(e.what()).contains(expected), e.what());
      }
      QCOMPARE(count(p, "devices"), std::int64_t(0));
    }
    QCOMPARE(digest(QString::fromStdString(path)), before);
  }

  void fbnetCancelWritesNothing() {
    auto p = store::Project::create(freshProject());
    const auto fb = csv(maple::testing::syntheticFbnetTable({"d1", "d2", "d3"}, 40), "fbnet_latency_ms.csv");
    const auto progress = [](const dataset::ImportProgress& pr) { return pr.rowsWritten < 80; };
    MAPLE_VERIFY_ERROR(dataset::importHelpFbnet(p, fb.toStdString(), progress), ErrorKind::Cancelled, "");
    QCOMPARE(count(p, "latency_samples"), std::int64_t(0));
    QCOMPARE(count(p, "architectures"), std::int64_t(0));
    QCOMPARE(count(p, "devices"), std::int64_t(0));
  }

  void formatsAreNamedAndDetected() {
    QCOMPARE(dataset::formatNames(), (std::vector<std::string>{"help-nb201", "help-fbnet"}));
    QVERIFY(dataset::parseFormat("help-fbnet") == dataset::Format::HelpFbnet);
    QVERIFY_THROWS_EXCEPTION(Error, dataset::parseFormat("help-ofa"));
    const auto fb = csv(maple::testing::syntheticFbnetTable({"d1"}, 2), "fbnet_latency_ms.csv");
    QVERIFY(dataset::detectFormat(fb.toStdString()) == dataset::Format::HelpFbnet);
    QVERIFY(dataset::detectFormat(QFileInfo(fb).dir().path().toStdString()) == dataset::Format::HelpFbnet);
    writeFile(QFileInfo(fb).dir().filePath("nb201_latency_ms.csv"), QByteArray(kHeader) + kRow0);
    try {
      dataset::detectFormat(QFileInfo(fb).dir().path().toStdString());
      QFAIL("guessed one of two tables");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("holds both"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(Error, dataset::detectFormat(dir_.path().toStdString()));
  }

  // Both published tables: 16 device names are shared, 4 (the _64 GPUs) are FBNet's alone.
  void bothFullDataSets() {
    MAPLE_REQUIRE_DATA_SET();
    if (!haveFbnetDataSet()) QSKIP("the FBNet data set is not at ../shared/data/help-fbnet");
    auto p = store::Project::create(freshProject());
    dataset::importHelpNb201(p, maple::testing::dataDir());
    const auto r = dataset::importHelpFbnet(p, fbnetDataDir());
    QCOMPARE(r.devices, 20);
    QCOMPARE(r.architectures, 5000L);
    QCOMPARE(r.samplesAdded, 100000L);
    QVERIFY(r.specsFound);
    QCOMPARE(count(p, "devices"), std::int64_t(31));
    const auto info = store::projectInfo(p);
    QCOMPARE(spaceOf(info.spaces, "nb201")->latencySamples, std::int64_t(421875));
    QCOMPARE(spaceOf(info.spaces, "fbnet")->latencySamples, std::int64_t(100000));
    const auto only = summaryOf(p, "1080ti_64");
    QCOMPARE(only.measuredIn("fbnet"), std::int64_t(5000));
    QCOMPARE(only.measuredIn("nb201"), std::int64_t(0));
    QCOMPARE(only.device.batchSize.value(), 64);
    QCOMPARE(only.device.cores.value(), 3584);
    const auto both = summaryOf(p, "1080ti_1");
    QCOMPARE(both.measuredIn("fbnet"), std::int64_t(5000));
    QCOMPARE(both.measuredIn("nb201"), std::int64_t(15625));
    QCOMPARE(dataset::importHelpFbnet(p, fbnetDataDir()).samplesAdded, 0L);
  }

  void missingFileIsIoError() {
    auto p = store::Project::create(freshProject());
    try {
      dataset::importHelpNb201(p, dir_.filePath("absent.csv").toStdString());
      QFAIL("imported a missing file");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Io);
      QVERIFY2(QString(e.what()).contains("cannot open CSV table") && QString(e.what()).contains("absent.csv") &&
                   QString(e.what()).contains("No such file"),
               e.what());
    }
  }
};

QTEST_APPLESS_MAIN(TestImport)
#include "test_import.moc"
