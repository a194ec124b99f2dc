// maple train / adapt / predict / predictors as users run them, on a small synthetic table that
// holds HELP's reference architectures (so reference-latency descriptors exist) plus 300 others.
#include "../core/test_support.hpp"
#include "additive_table.hpp"
#include "cli_runner.hpp"
#include "searchspace/nb201.hpp"

#include <QFile>
#include <QJsonArray>
#include <QtEndian>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <cmath>

using maple::testing::CliResult;
using maple::testing::runCli;
namespace nb201 = maple::nb201;

namespace {

using maple::testing::referenceCodes;
using maple::testing::latency;

// HELP's second reference (index 431 in HELP's table; in the additive table its index is its code).
int refCode() { return referenceCodes()[1]; }
QString refArch() { return QString::fromStdString(nb201::toString(nb201::cellFromCode(refCode()))); }
constexpr int kHelpIndex[] = {11982, 431, 55, 9, 14451, 8636, 9881, 13479, 6196, 1462};

} // namespace

class TestPredictCli : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  QString path(const QString& name) { return dir_.filePath(name); }
  QString project() { return path("p.maple"); }
  static QJsonObject json(const CliResult& r) { return QJsonDocument::fromJson(r.out.toUtf8()).object(); }

  CliResult ok(const QStringList& args) {
    auto r = runCli(args);
    if (r.exitCode != 0) qWarning() << args << "->" << r.exitCode << r.err;
    return r;
  }

private slots:
  void initTestCase() {
    maple::testing::writeFile(path("table.csv"), maple::testing::additiveTable(300, 52));
    QCOMPARE(ok({"new", project()}).exitCode, 0);
    QCOMPARE(ok({"import", "--project", project(), path("table.csv")}).exitCode, 0);
    // Every test function uses these two files, so each gets them here whatever ran before it.
    auto train = ok({"train", "--project", project(), "--train-devices", "devA,devB,devC", "--out", path("pool.maplepred"),
                     "--save", "pool"});
    QCOMPARE(train.exitCode, 0);
    QVERIFY2(train.err.contains("training"), qPrintable(train.err)); // progress on stderr
    QCOMPARE(ok({"adapt", "--predictor", path("pool.maplepred"), "--project", project(), "--device", "devD", "--shots",
                 "20", "--out", path("d.maplepred")}).exitCode, 0);
  }

  void trainAdaptPredict() {
    auto again = runCli({"train", "--project", project(), "--train-devices", "devA,devB", "--out", path("pool.maplepred")});
    QCOMPARE(again.exitCode, 1);
    QVERIFY(again.err.contains("refusing to overwrite"));
    QCOMPARE(runCli({"train", "--project", project(), "--train-devices", "devA,nosuch", "--out", path("x.maplepred")}).exitCode, 2);
    QCOMPARE(runCli({"train", "--project", project(), "--train-devices", "devA,devB", "--method", "nosuch", "--out",
                     path("x.maplepred")}).exitCode, 1);

    auto adapt = ok({"adapt", "--predictor", path("pool.maplepred"), "--project", project(), "--device", "devD",
                     "--shots", "20", "--out", path("d2.maplepred"), "--json"});
    QCOMPARE(adapt.exitCode, 0);
    const auto eval = json(adapt)["evaluation"].toObject();
    QCOMPARE(eval["shots"].toInt(), 20);
    QCOMPARE(eval["shot_policy"].toString(), QString("design"));
    QCOMPARE(eval["scored"].toInt(), 290);
    // The table is exactly additive in the operations and devD is devA at a third of the speed: a
    // predictor adapted from 20 shots ranks the held-out 290 almost perfectly.
    const auto metrics = eval["metrics"].toObject();
    QVERIFY2(metrics["spearman"].toDouble() > 0.95, qPrintable(QString::number(metrics["spearman"].toDouble())));
    QVERIFY2(metrics["acc10"].toDouble() > 0.8, qPrintable(QString::number(metrics["acc10"].toDouble())));
    // The file records the 20 architectures it was adapted on, and nothing else was used.
    QFile predictorFile(path("d.maplepred"));
    QVERIFY(predictorFile.open(QIODevice::ReadOnly));
    const QByteArray bytes = predictorFile.readAll();
    const auto headerBytes = qFromLittleEndian<quint32>(bytes.constData() + 12); // docs/predictor-file.md
    const auto header = QJsonDocument::fromJson(bytes.mid(16, static_cast<int>(headerBytes))).object();
    const auto adaptedOn = header["model"].toObject()["adapted_on"].toObject();
    QCOMPARE(adaptedOn["shot_policy"].toString(), QString("design"));
    QCOMPARE(adaptedOn["shots"].toArray().size(), 20);
    auto twice = runCli({"adapt", "--predictor", path("d.maplepred"), "--project", project(), "--device", "devC", "--out",
                         path("e.maplepred")});
    QCOMPARE(twice.exitCode, 1);
    QVERIFY2(twice.err.contains("already adapted"), qPrintable(twice.err));

    auto all = ok({"predict", "--predictor", path("d.maplepred"), "--project", project(), "--device", "devD", "--all", "--csv"});
    QCOMPARE(all.exitCode, 0);
    const auto lines = all.out.trimmed().split('\n');
    QCOMPARE(lines.size(), 15626);
    QCOMPARE(lines[0], QString("arch,code,index,predicted_ms,spread"));
    for (int i = 1; i < lines.size(); ++i) QVERIFY(lines[i].split(',')[3].toDouble() > 0);
    // The adapted file alone predicts the same numbers, without the project it came from.
    auto alone = ok({"predict", "--predictor", path("d.maplepred"), "--all", "--csv"});
    QVERIFY2(alone.exitCode == 0, qPrintable(alone.err));
    const auto aloneLines = alone.out.trimmed().split('\n');
    QCOMPARE(aloneLines.size(), lines.size());
    for (int i = 1; i < lines.size(); i += 997) {
      const auto a = lines[i].split(','), b = aloneLines[i].split(',');
      QCOMPARE(b[0], a[0]);
      QCOMPARE(b[3], a[3]);
    }
    maple::testing::writeFile(path("two.txt"), lines[1].split(',')[0].toUtf8() + "\n" + lines[2].split(',')[0].toUtf8() + "\n");
    auto file = ok({"predict", "--predictor", path("d.maplepred"), "--archs-file", path("two.txt"), "--csv"});
    QVERIFY2(file.exitCode == 0, qPrintable(file.err));
    QCOMPARE(file.out.trimmed().split('\n').size(), 3);
    QCOMPARE(file.out.trimmed().split('\n')[1].split(',')[3], lines[1].split(',')[3]);
    auto byIndex = runCli({"predict", "--predictor", path("d.maplepred"), "--arch", "5"});
    QCOMPARE(byIndex.exitCode, 1);
    QVERIFY2(byIndex.err.contains("this predictor file carries none"), qPrintable(byIndex.err)); // a partial table maps nothing
    auto pool = runCli({"predict", "--predictor", path("pool.maplepred"), "--all"});
    QCOMPARE(pool.exitCode, 1);
    QVERIFY2(pool.err.contains("say for which device"), qPrintable(pool.err));
    auto other = runCli({"predict", "--predictor", path("d.maplepred"), "--project", project(), "--device", "devA", "--all"});
    QCOMPARE(other.exitCode, 1);
    QVERIFY(other.err.contains("adapted to 'devD'"));
  }

  // A predictor made in a project that imported the whole table carries NAS-Bench-201's index
  // order: the file alone then predicts by index, as the project would.
  void wholeTableGivesTheFileAnIndexTable() {
    auto indexCode = [](int index) { return (index * 7 + 3) % nb201::kSpaceSize; }; // a permutation of the codes
    QByteArray csv = "idx,arch_str,devA,devB,devC\n";
    for (int i = 0; i < nb201::kSpaceSize; ++i) {
      csv += QByteArray::number(i) + "," + QByteArray::fromStdString(nb201::toString(nb201::cellFromCode(indexCode(i))));
      for (int d = 0; d < 3; ++d) csv += "," + QByteArray::number(latency(indexCode(i), d), 'g', 17);
      csv += "\n";
    }
    maple::testing::writeFile(path("whole.csv"), csv);
    const QString whole = path("whole.maple");
    QCOMPARE(ok({"new", whole}).exitCode, 0);
    QCOMPARE(ok({"import", "--project", whole, path("whole.csv")}).exitCode, 0);
    QCOMPARE(ok({"adapt", "--project", whole, "--device", "devC", "--train-devices", "devA,devB", "--shots", "10",
                 "--out", path("whole-c.maplepred")}).exitCode, 0);
    for (int index : {0, 5, 15624}) {
      auto byIndex = ok({"predict", "--predictor", path("whole-c.maplepred"), "--arch", QString::number(index), "--json"});
      QVERIFY2(byIndex.exitCode == 0, qPrintable(byIndex.err));
      const QString arch = QString::fromStdString(nb201::toString(nb201::cellFromCode(indexCode(index))));
      auto byString = ok({"predict", "--predictor", path("whole-c.maplepred"), "--arch", arch, "--json"});
      QCOMPARE(byIndex.out, byString.out); // same architecture, same index in the output
      QVERIFY2(byIndex.out.contains("\"index\": " + QString::number(index)) || byIndex.out.contains("\"index\":" + QString::number(index)),
               qPrintable(byIndex.out));
    }
    auto outside = runCli({"predict", "--predictor", path("whole-c.maplepred"), "--arch", "15625"});
    QCOMPARE(outside.exitCode, 2);
    QVERIFY2(outside.err.contains("not in the index table"), qPrintable(outside.err));
  }

  // Without --predictor, maple adapt trains on the project (services::adaptToDevice), stores the
  // adapted predictor under the device and writes the file that predicts on its own.
  void adaptTrainsOnTheProjectAndStores() {
    auto r = ok({"adapt", "--project", project(), "--device", "devD", "--train-devices", "devA,devB", "--shots", "10",
                 "--save", "d-local", "--out", path("trained-d.maplepred"), "--json"});
    QCOMPARE(r.exitCode, 0);
    const auto j = json(r);
    QCOMPARE(j["predictor"].toString(), QString("d-local"));
    QCOMPARE(j["train_devices"].toArray().size(), 2);
    QCOMPARE(j["evaluation"].toObject()["shots"].toInt(), 10);
    QCOMPARE(j["evaluation"].toObject()["scored"].toInt(), 300);
    auto listed = ok({"predictors", "--project", project(), "--json"});
    QVERIFY2(listed.out.contains("d-local"), qPrintable(listed.out));
    auto taken = runCli({"adapt", "--project", project(), "--device", "devD", "--save", "d-local"});
    QCOMPARE(taken.exitCode, 1); // never two predictors under one name
    auto alone = ok({"predict", "--predictor", path("trained-d.maplepred"), "--all", "--csv"});
    QCOMPARE(alone.exitCode, 0);
    QCOMPARE(alone.out.trimmed().split('\n').size(), 15626);
    auto many = runCli({"adapt", "--project", project(), "--device", "devD", "--shots", "400"});
    QCOMPARE(many.exitCode, 2);
    QVERIFY2(many.err.contains("which has 310 measured architectures"), qPrintable(many.err));
  }

  // A pool-trained predictor bound through a descriptor file predicts what it predicts for the
  // project's device with the same descriptor.
  void descriptorFileMatchesProjectDevice() {
    QJsonArray names, values;
    for (size_t k = 0; k < 10; ++k) {
      names.append(QString("ref%1_ln_ms").arg(kHelpIndex[k]));
      values.append(std::log(latency(referenceCodes()[k], 3)));
    }
    QJsonObject d{{"maple_descriptor", 1}, {"device", "devD"}, {"kind", "reference-latency"}, {"version", 1},
                  {"names", names}, {"values", values}};
    maple::testing::writeFile(path("devD.json"), QJsonDocument(d).toJson());
    auto viaFile = ok({"predict", "--predictor", path("pool.maplepred"), "--descriptor", path("devD.json"), "--arch",
                       refArch(), "--json"});
    auto viaProject = ok({"predict", "--predictor", path("pool.maplepred"), "--project", project(), "--device", "devD",
                          "--arch", QString::number(refCode()), "--json"});
    QCOMPARE(viaFile.exitCode, 0);
    QCOMPARE(viaProject.exitCode, 0);
    const auto a = json(viaFile)["predictions"].toArray()[0].toObject();
    const auto b = json(viaProject)["predictions"].toArray()[0].toObject();
    QCOMPARE(a["arch"], b["arch"]);
    QCOMPARE(b["index"].toInt(), refCode());
    QVERIFY(a["predicted_ms"].toDouble() > 0);
    QCOMPARE(a["predicted_ms"].toDouble(), b["predicted_ms"].toDouble());

    auto index = runCli({"predict", "--predictor", path("pool.maplepred"), "--descriptor", path("devD.json"), "--arch", "431"});
    QCOMPARE(index.exitCode, 1);
    QVERIFY(index.err.contains("give --project"));
    d["kind"] = "specs";
    maple::testing::writeFile(path("specs.json"), QJsonDocument(d).toJson());
    auto kind = runCli({"predict", "--predictor", path("pool.maplepred"), "--descriptor", path("specs.json"), "--all"});
    QCOMPARE(kind.exitCode, 1);
    QVERIFY(kind.err.contains("'specs' descriptor"));
    maple::testing::writeFile(path("broken.json"), "{\"maple_descriptor\": 1, \"kind\": \"x\"");
    QCOMPARE(runCli({"predict", "--predictor", path("pool.maplepred"), "--descriptor", path("broken.json"), "--all"}).exitCode, 2);
    QCOMPARE(runCli({"predict", "--predictor", path("pool.maplepred"), "--descriptor", path("devD.json")}).exitCode, 1);
  }

  void importExportKeepsTheFile() {
    QCOMPARE(ok({"new", path("q.maple")}).exitCode, 0);
    QCOMPARE(ok({"predictors", "--project", path("q.maple"), "--import", path("d.maplepred"), "--name", "shared"}).exitCode, 0);
    auto list = ok({"predictors", "--project", path("q.maple"), "--json"});
    const auto p = json(list)["predictors"].toArray()[0].toObject();
    QCOMPARE(p["name"].toString(), QString("shared"));
    QVERIFY(p["imported"].toObject()["from"].toString().endsWith("d.maplepred"));
    QCOMPARE(p["header"].toObject()["created"].toObject()["project"].toString(), project()); // where it was made
    QCOMPARE(p["header"].toObject()["target_device"].toString(), QString("devD"));
    QCOMPARE(ok({"predictors", "--project", path("q.maple"), "--export", "shared", "--out", path("back.maplepred")}).exitCode, 0);
    QCOMPARE(maple::testing::digest(path("back.maplepred")), maple::testing::digest(path("d.maplepred")));
    auto stored = ok({"predictors", "--project", project()});
    QVERIFY2(stored.out.contains("pool"), qPrintable(stored.out)); // train --save
  }

  void hostilePredictorFiles() {
    QFile f(path("pool.maplepred"));
    QVERIFY(f.open(QIODevice::ReadOnly));
    const auto bytes = f.readAll();
    maple::testing::writeFile(path("cut.maplepred"), bytes.left(bytes.size() / 2));
    auto cut = runCli({"predict", "--predictor", path("cut.maplepred"), "--descriptor", path("devD.json"), "--all"});
    QCOMPARE(cut.exitCode, 2);
    QVERIFY2(cut.err.contains("checksum mismatch"), qPrintable(cut.err));
    auto newer = bytes;
    newer[8] = 9;
    maple::testing::writeFile(path("newer.maplepred"), newer);
    auto n = runCli({"predict", "--predictor", path("newer.maplepred"), "--descriptor", path("devD.json"), "--all"});
    QCOMPARE(n.exitCode, 2);
    QVERIFY2(n.err.contains("written by a newer MAPLE (format 9, this build reads up to 2)"), qPrintable(n.err));
    QCOMPARE(runCli({"predictors", "--project", project(), "--import", path("cut.maplepred")}).exitCode, 2);
  }
};

QTEST_GUILESS_MAIN(TestPredictCli)
#include "test_predict_cli.moc"
