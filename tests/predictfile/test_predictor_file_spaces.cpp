// Predictor files of real predictors. Format 2 on both spaces: every method's predictions survive
// save and load bit for bit, the header records the space, its version and the feature layout,
// and the pool travels as canonical strings; a feature layout this build does not compute is
// refused at restore. Format 1: a file written before format 2 (tests/predictfile/data) still
// predicts the numbers it predicted when it was written; so does a maple file of a build that
// standardised latencies over the whole pool (before per-device levels).
#include "common/error.hpp"
#include "predict/features.hpp"
#include "predictfile/checksum.hpp"
#include "predictfile/from_predictor.hpp"
#include "../core/test_support.hpp"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>
#include <fstream>

using namespace maple;

namespace {

const std::string kData = MAPLE_TEST_DATA;

// A device's latency: per-position costs of the chosen op, scaled by the device's speed, plus a
// memory-bound term: additive, so every method has something to learn.
double syntheticMs(const searchspace::Genotype& g, double speed, double mem) {
  double ms = 0.2 * mem;
  for (size_t p = 0; p < g.choices.size(); ++p) ms += 0.01 * (1.0 + static_cast<double>(g.choices[p] * (p % 3 + 1))) / speed;
  return ms;
}

descriptor::Descriptor specs(double speed, double mem) {
  return {"specs", 1, {"ln_speed", "ln_mem"}, {std::log(speed), std::log(mem)}, "synthetic", 0};
}

// Four devices over `archs`, and an unseen fifth as the target with three of its latencies as shots.
struct Setup {
  predict::TrainingPool pool;
  predict::Target target;
};

Setup setup(const searchspace::ArchitectureSet& archs) {
  Setup s;
  s.pool.descriptorKind = "specs";
  s.pool.architectures = archs;
  const double speeds[] = {1.0, 2.0, 4.0, 8.0}, mems[] = {1.0, 0.5, 2.0, 1.5};
  for (int d = 0; d < 4; ++d) {
    s.pool.devices.push_back("synthetic" + std::to_string(d));
    s.pool.descriptors.push_back(specs(speeds[d], mems[d]));
    std::vector<double> ms;
    for (const auto& g : archs.genotypes) ms.push_back(syntheticMs(g, speeds[d], mems[d]));
    s.pool.latencyMs.push_back(ms);
  }
  s.target = {"unseen", specs(3.0, 1.2), {}, "listed"};
  for (size_t i : {size_t(3), size_t(9), size_t(27)})
    s.target.shots.push_back({archs.genotypes[i], 1.1 * syntheticMs(archs.genotypes[i], 3.0, 1.2)});
  return s;
}

// Trains and adapts every method, writes the adapted predictor, reads it back and checks the file
// records the space and predicts exactly what the live predictor does.
void checkEveryMethodRoundTrips(const searchspace::ArchitectureSet& poolArchs, const searchspace::ArchitectureSet& unseen) {
  QTemporaryDir dir;
  const auto s = setup(poolArchs);
  const auto& space = *poolArchs.space;
  for (const auto& method : predict::methodNames()) {
    const auto adapted = predict::train(method, s.pool, {1, 1})->adapt(s.target);
    const auto path = dir.filePath(QString::fromStdString(method) + ".maplepred").toStdString();
    predictfile::writePredictorFile(path, predictfile::fileFromPredictor(*adapted, {}));
    const auto file = predictfile::readPredictorFile(path);
    QCOMPARE(file.formatVersion, 2u);
    const auto header = predictfile::headerJson(file);
    QCOMPARE(header["search_space"].get<std::string>(), std::string(space.name()));
    QCOMPARE(header["space_version"].get<int>(), 1);
    QCOMPARE(header["feature_layout"].get<std::vector<std::string>>(), predict::featureNames(space));
    QVERIFY2(file.state.architectures.at("pool.architectures") == poolArchs.genotypes, method.c_str());
    QVERIFY2(!file.state.arrays.count("pool.cell_codes"), method.c_str());
    const auto back = predict::restore(file.state);
    QCOMPARE(back->searchSpace(), space.name());
    QVERIFY2(back->predictMs(unseen) == adapted->predictMs(unseen), method.c_str()); // bit-identical
    QVERIFY2(back->predictMs(poolArchs) == adapted->predictMs(poolArchs), method.c_str());
    QCOMPARE(back->adaptedOn().size(), s.target.shots.size());
  }
}

std::string restoreError(const predict::ModelState& state) {
  try {
    predict::restore(state);
  } catch (const Error& e) {
    return e.kind() == ErrorKind::BadInput ? e.what() : "wrong kind: " + std::string(e.what());
  }
  return {};
}

// The checked-in format-1 file (lowrank, adapted to "unseen" on three listed shots, written at
// 44c2459) and what it predicted then: "cell-code ms" per line.
const std::string kFormatOne = kData + "/format1-lowrank-adapted.maplepred";
std::vector<std::pair<int, double>> formatOneExpected() {
  std::ifstream in(kData + "/format1-lowrank-adapted.expected.txt");
  std::vector<std::pair<int, double>> rows;
  int code = 0;
  double ms = 0;
  while (in >> code >> ms) rows.emplace_back(code, ms);
  return rows;
}

// The checked-in maple file of 0d7872a (one pool-wide y_centre / y_scale; trained on 4 devices of
// every 50th NAS-Bench-201 row, adapted to pixel2 on 5 designed shots) and what that build's
// `maple predict` printed for it: "architecture ms" per line.
const std::string kPoolWideMaple = kData + "/format2-maple-adapted.maplepred";
std::vector<std::pair<std::string, double>> poolWideMapleExpected() {
  std::ifstream in(kData + "/format2-maple-adapted.expected.txt");
  std::vector<std::pair<std::string, double>> rows;
  std::string arch;
  double ms = 0;
  while (in >> arch >> ms) rows.emplace_back(arch, ms);
  return rows;
}

} // namespace

class TestPredictorFileSpaces : public QObject {
  Q_OBJECT
private slots:
  void fbnetFileRoundTripsEveryMethod() {
    const auto& fbnet = searchspace::fbnetSpace();
    const auto all = fbnet.sample(220, 7);
    checkEveryMethodRoundTrips({&fbnet, {all.begin(), all.begin() + 180}}, {&fbnet, {all.begin() + 180, all.end()}});
  }

  void nb201FileRoundTripsEveryMethod() {
    const auto& nb201 = searchspace::nb201Space();
    searchspace::ArchitectureSet pool{&nb201, {}}, unseen{&nb201, {}};
    for (std::int64_t c = 0; c < 15625; ++c) (c % 61 == 0 ? pool : unseen).genotypes.push_back(nb201.fromIndex(c));
    unseen.genotypes.resize(200);
    checkEveryMethodRoundTrips(pool, unseen);
  }

  void formatOneFilePredictsAsWritten() {
    const auto file = predictfile::readPredictorFile(kFormatOne);
    QCOMPARE(file.formatVersion, 1u);
    QCOMPARE(file.state.meta["space_version"].get<int>(), 1);
    const auto& nb201 = searchspace::nb201Space();
    const auto& pool = file.state.architectures.at("pool.architectures"); // from its cell codes
    QCOMPARE(pool.size(), size_t(257));
    QVERIFY(pool[1] == nb201.fromIndex(61));
    QVERIFY(!file.state.arrays.count("pool.cell_codes"));
    const auto expected = formatOneExpected();
    QCOMPARE(expected.size(), size_t(5));
    searchspace::ArchitectureSet archs{&nb201, {}};
    for (const auto& [code, ms] : expected) archs.genotypes.push_back(nb201.fromIndex(code));
    const auto p = predict::restore(file.state);
    const auto rewritten = predict::restore(predictfile::decode(predictfile::encode(file), "v2").state);
    const auto ms = p->predictMs(archs), again = rewritten->predictMs(archs);
    for (size_t i = 0; i < expected.size(); ++i) {
      QCOMPARE(ms[i], expected[i].second);
      QCOMPARE(again[i], expected[i].second); // and rewritten as format 2
    }
  }

  void poolWideMapleFilePredictsAsWritten() {
    const auto file = predictfile::readPredictorFile(kPoolWideMaple);
    QVERIFY(file.state.meta.at("hyperparameters").contains("y_centre")); // the older form
    QVERIFY(!file.state.arrays.count("mlp.device_centre"));
    const auto expected = poolWideMapleExpected();
    QCOMPARE(expected.size(), size_t(5));
    const auto& nb201 = searchspace::nb201Space();
    searchspace::ArchitectureSet archs{&nb201, {}};
    for (const auto& row : expected) archs.genotypes.push_back(searchspace::parseArchitecture(nb201, row.first).genotype);
    const auto p = predict::restore(file.state);
    const auto rewritten = predict::restore(predictfile::decode(predictfile::encode(file), "rewritten").state);
    const auto ms = p->predictMs(archs), again = rewritten->predictMs(archs);
    for (size_t i = 0; i < expected.size(); ++i) {
      // float MLP: a summation order of another build may move the last bits, nothing more
      QVERIFY2(std::abs(ms[i] / expected[i].second - 1) < 1e-12, qPrintable(QString::number(ms[i], 'g', 17)));
      QCOMPARE(again[i], ms[i]); // and the same once encoded and decoded again
    }
  }

  // A format-1 pool entry that is no cell code (checksum forged to match) is refused by name.
  void formatOneForgedCellCodeIsRefused() {
    auto bytes = predictfile::readFileBytes(kFormatOne);
    const std::string name = "pool.cell_codes"; // the array's name, after the header (which names its shape)
    const size_t headerEnd = 16 + (bytes[12] | bytes[13] << 8 | bytes[14] << 16 | size_t(bytes[15]) << 24);
    const auto at = std::search(bytes.begin() + static_cast<std::ptrdiff_t>(headerEnd), bytes.end(), name.begin(), name.end());
    QVERIFY(at != bytes.end());
    const auto firstValue = at + static_cast<std::ptrdiff_t>(name.size() + 1 + 8);
    const double forged = 0.5;
    std::memcpy(&*firstValue, &forged, sizeof forged);
    const auto crc = predictfile::crc32(bytes.data(), bytes.size() - 4);
    for (int i = 0; i < 4; ++i) bytes[bytes.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
    MAPLE_VERIFY_ERROR(predictfile::decode(bytes, "old.maplepred"), ErrorKind::BadInput,
                       "old.maplepred: the pool holds 0.500000, which is not a cell code of nb201");
  }

  // Weights trained on other feature columns would mispredict silently: refused, naming the first
  // feature that differs, or the counts.
  void otherFeatureLayoutIsRefused() {
    const auto& fbnet = searchspace::fbnetSpace();
    const auto s = setup({&fbnet, fbnet.sample(60, 3)});
    QTemporaryDir dir;
    const auto path = dir.filePath("f.maplepred").toStdString();
    auto file = predictfile::fileFromPredictor(*predict::train("ridge", s.pool, {1, 1}), {});
    file.state.meta["feature_layout"][3] = "onehot0:k9_e9";
    predictfile::writePredictorFile(path, file);
    const auto renamed = restoreError(predictfile::readPredictorFile(path).state);
    QVERIFY2(renamed.find("feature 3 is 'onehot0:k9_e9' there, '" + predict::featureNames(fbnet)[3] + "' here") !=
                 std::string::npos,
             renamed.c_str());
    QVERIFY2(renamed.find(": retrain it with this build") != std::string::npos, renamed.c_str());
    file.state.meta["feature_layout"].push_back("ln_latency_of_the_future");
    file.state.meta["feature_layout"][3] = predict::featureNames(fbnet)[3];
    predictfile::writePredictorFile(path, file);
    const auto longer = restoreError(predictfile::readPredictorFile(path).state);
    const auto count = std::to_string(predict::featureCount(fbnet));
    QVERIFY2(longer.find("trained on " + std::to_string(predict::featureCount(fbnet) + 1) +
                         " architecture features of fbnet, this build computes " + count + ": retrain") != std::string::npos,
             longer.c_str());
  }
};

QTEST_GUILESS_MAIN(TestPredictorFileSpaces)
#include "test_predictor_file_spaces.moc"
