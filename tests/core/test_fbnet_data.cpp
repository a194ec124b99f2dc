// The FBNet latency-table reader: the published file, and every kind of bad line.
#include "dataset/help_fbnet.hpp"

#include "common/error.hpp"
#include "test_support.hpp"

#include <QtTest>

using namespace maple;

namespace {

const QByteArray kArch = "k3_e1-k3_e1_g2-k3_e3-k3_e6-k5_e1-k5_e1_g2-k5_e3-k5_e6-skip-skip-skip-skip-skip-skip-skip-skip-"
                         "skip-skip-skip-skip-skip-skip";

} // namespace

class TestFbnetData : public QObject {
  Q_OBJECT
private slots:
  void publishedTable() {
    const std::string path = std::string(MAPLE_DATA_DIR) + "/help-fbnet/fbnet_latency_ms.csv";
    if (!QFile::exists(QString::fromStdString(path))) QSKIP("the FBNet data set is not beside the checkout");
    const auto t = dataset::readFbnetTable(path);
    QCOMPARE(t.devices.size(), std::size_t(20));
    QCOMPARE(t.archs.size(), std::size_t(5000));
    QCOMPARE(t.ms.size(), std::size_t(5000 * 20));
    QCOMPARE(t.index.front(), 0);
    QCOMPARE(t.index.back(), 4999);
    QCOMPARE(t.devices.front(), std::string("1080ti_1"));
  }

  void smallTable() {
    QTemporaryDir dir;
    const QString path = dir.filePath("t.csv");
    testing::writeFile(path, "idx,arch_str,a,b\n0," + kArch + ",1.5,31\r\n7, " + QByteArray(kArch).replace("k3_e1-", "k5_e6-") + " ,2,0.25\n");
    const auto t = dataset::readFbnetTable(path.toStdString());
    QCOMPARE(t.index, (std::vector<int>{0, 7}));
    QCOMPARE(t.ms, (std::vector<double>{1.5, 31, 2, 0.25}));
    QVERIFY(t.archs[1].rfind("k5_e6-k3_e1_g2-", 0) == 0);
  }

  void badLines_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("expected");
    const QByteArray head = "idx,arch_str,a,b\n";
    QTest::newRow("empty") << QByteArray() << ":1: the file is empty";
    QTest::newRow("header") << QByteArray("id,arch,a\n") << ":1: wrong header";
    QTest::newRow("device twice") << QByteArray("idx,arch_str,a,a\n") << ":1: device column 'a' appears twice";
    QTest::newRow("no rows") << head << ":2: the table has a header but no rows";
    QTest::newRow("fields") << head + "0," + kArch + ",1\n" << ":2: has 3 fields, the header has 4";
    QTest::newRow("idx") << head + "x," + kArch + ",1,2\n" << ":2: idx 'x' is not a non-negative integer";
    QTest::newRow("idx twice") << head + "3," + kArch + ",1,2\n3," + QByteArray(kArch).replace("k3_e3", "k3_e6") + ",1,2\n"
                               << ":3: idx 3 appears twice (first at line 2)";
    QTest::newRow("arch twice") << head + "0," + kArch + ",1,2\n1," + kArch + ",1,2\n" << ":3: architecture k3_e1-";
    QTest::newRow("bad block") << head + "0," + QByteArray(kArch).replace("k5_e3", "k7_e3") + ",1,2\n"
                               << ":2: invalid FBNet architecture";
    QTest::newRow("missing ms") << head + "0," + kArch + ",1,\n" << ":2: no latency for device 'b'";
    QTest::newRow("text ms") << head + "0," + kArch + ",fast,2\n" << ":2: latency 'fast' for 'a' is not a number";
    QTest::newRow("negative") << head + "0," + kArch + ",1,-2\n" << ":2: latency -2 ms for 'b' is not positive";
    QTest::newRow("infinite") << head + "0," + kArch + ",inf,2\n" << ":2: latency 'inf' for 'a' is not a number";
  }

  void badLines() {
    QFETCH(QByteArray, body);
    QFETCH(QString, expected);
    QTemporaryDir dir;
    const QString path = dir.filePath("t.csv");
    testing::writeFile(path, body);
    try {
      dataset::readFbnetTable(path.toStdString());
      QFAIL("accepted a bad table");
    } catch (const Error& e) {
      const QString m = QString::fromStdString(e.what());
      QVERIFY2(m.startsWith(path + ":") && m.contains(expected), qPrintable(m));
      QCOMPARE(e.kind(), ErrorKind::BadInput);
    }
  }

  void badBlockNamesLayer() {
    QTemporaryDir dir;
    const QString path = dir.filePath("t.csv");
    testing::writeFile(path, "idx,arch_str,a\n0," + QByteArray(kArch).replace("k5_e3", "k7_e3") + ",1\n");
    try {
      dataset::readFbnetTable(path.toStdString());
      QFAIL("accepted k7_e3");
    } catch (const Error& e) {
      QVERIFY2(QString(e.what()).contains("layer 7 (column 43): unknown block 'k7_e3'"), e.what());
    }
  }

  void missingFile() {
    MAPLE_VERIFY_ERROR(dataset::readFbnetTable("/nonexistent/fbnet.csv"), ErrorKind::Io, "");
  }
};

QTEST_GUILESS_MAIN(TestFbnetData)
#include "test_fbnet_data.moc"
