#include "common/error.hpp"
#include "common/text.hpp"
#include "searchspace/nb201.hpp"

#include <QtTest>

#include <fstream>
#include <set>

using namespace maple;
using namespace maple::nb201;

class TestNb201 : public QObject {
  Q_OBJECT

  static QString parseError(const char* s) {
    try {
      parseCell(s);
    } catch (const Error& e) {
      return QString::fromStdString(e.what());
    }
    return {};
  }

private slots:
  void roundTrip() {
    const std::string s = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|";
    Cell c = parseCell(s);
    QCOMPARE(toString(c), s);
    QCOMPARE(c.op(1, 0), Op::Conv3x3);
    QCOMPARE(c.op(2, 1), Op::AvgPool3x3);
    QCOMPARE(c.op(3, 2), Op::SkipConnect);
  }

  void everyCodeRoundTrips() {
    std::set<std::string> strings;
    for (int code = 0; code < kSpaceSize; ++code) {
      Cell c = cellFromCode(code);
      QCOMPARE(cellCode(c), code);
      auto s = toString(c);
      QVERIFY(parseCell(s) == c);
      strings.insert(s);
    }
    QCOMPARE(int(strings.size()), kSpaceSize);
    QVERIFY_THROWS_EXCEPTION(Error, cellFromCode(kSpaceSize));
    QVERIFY_THROWS_EXCEPTION(Error, cellFromCode(-1));
  }

  void errorsNameThePlace_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("two groups") << "|none~0|+|none~0|none~1|" << "found 2 node groups";
    QTest::newRow("unknown op") << "|none~0|+|none~0|conv~1|+|none~0|none~1|none~2|" << "node 2, edge 2: unknown op 'conv'";
    QTest::newRow("wrong input") << "|none~0|+|none~0|none~1|+|none~0|none~2|none~2|" << "node 3, edge 2: input 2 where 1 is expected";
    QTest::newRow("edge count") << "|none~0|+|none~0|+|none~0|none~1|none~2|" << "node 2: has 1 incoming edges, needs 2";
    QTest::newRow("no tilde") << "|none0|+|none~0|none~1|+|none~0|none~1|none~2|" << "node 1, edge 1: 'none0' is not op~input";
    QTest::newRow("bad input") << "|none~x|+|none~0|none~1|+|none~0|none~1|none~2|" << "node 1, edge 1: input 'x' is not a number";
    QTest::newRow("no bars") << "none~0+|none~0|none~1|+|none~0|none~1|none~2|" << "node 1: group 'none~0' must start and end with '|'";
    QTest::newRow("empty") << "" << "found 1 node groups";
  }
  void errorsNameThePlace() {
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const auto msg = parseError(text.toUtf8().constData());
    QVERIFY2(msg.contains(expected), qPrintable(msg));
  }

  void oneHotHasOneBitPerEdge() {
    Cell c = cellFromCode(1234);
    auto v = oneHot(c);
    for (int e = 0; e < kEdges; ++e) {
      float sum = 0;
      for (int o = 0; o < kOps; ++o) sum += v[e * kOps + o];
      QCOMPARE(sum, 1.0f);
      QCOMPARE(v[e * kOps + static_cast<int>(c.ops[e])], 1.0f);
    }
  }

  void livenessPrunesDeadEdges() {
    // Node 1 feeds nothing (all its outgoing edges are none): its incoming conv is dead.
    auto c = parseCell("|nor_conv_3x3~0|+|skip_connect~0|none~1|+|none~0|none~1|nor_conv_1x1~2|");
    auto l = liveness(c);
    QVERIFY(!l.edgeLive[0]);
    QVERIFY(l.edgeLive[1]);
    QVERIFY(l.edgeLive[5]);
    // Node 2 has no input data: the conv out of it does no data-dependent work.
    auto d = parseCell("|skip_connect~0|+|none~0|none~1|+|skip_connect~0|none~1|nor_conv_3x3~2|");
    auto m = liveness(d);
    QVERIFY(!m.nodeHasData[2]);
    QVERIFY(!m.edgeLive[5]);
    QVERIFY(m.edgeLive[3]);
    QVERIFY(!m.edgeLive[0]); // node 1 reaches nothing
  }

  // The data set's idx column and strings agree with our parser on every row.
  void dataSetStringsParse() {
    const std::string path = std::string(MAPLE_DATA_DIR) + "/help-nb201/nb201_latency_ms.csv";
    std::ifstream in(path);
    if (!in) QSKIP(qPrintable(QString("data set not found at %1").arg(QString::fromStdString(path))));
    std::string line;
    std::getline(in, line);
    int rows = 0;
    std::set<int> codes;
    while (std::getline(in, line)) {
      auto f = text::split(line, ',');
      QCOMPARE(text::parseInt(f[0]).value(), rows);
      Cell c = parseCell(f[1]);
      QCOMPARE(toString(c), std::string(f[1]));
      codes.insert(cellCode(c));
      ++rows;
    }
    QCOMPARE(rows, kSpaceSize);
    QCOMPARE(int(codes.size()), kSpaceSize);
  }
};

QTEST_APPLESS_MAIN(TestNb201)
#include "test_nb201.moc"
