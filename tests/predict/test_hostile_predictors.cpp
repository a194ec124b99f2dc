// Checksum-valid but hostile predictor files: every shape is checked against what the method
// indexes, JSON nesting is bounded, forged values are refused, and the C API's open restores and
// checks the whole predictor. A real predictor of every method (a small synthetic pool) is the
// starting point of each forgery.
#include "common/error.hpp"
#include "maple/maple_predictor.h"
#include "predictfile/checksum.hpp"
#include "predictfile/from_predictor.hpp"
#include "../core/test_support.hpp"

#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace maple;

namespace {

predict::TrainingPool smallPool() {
  predict::TrainingPool pool;
  pool.descriptorKind = "specs";
  const double speeds[] = {1.0, 2.0, 4.0, 8.0};
  for (int c = 0; c < nb201::kSpaceSize; c += 61) pool.architectures.push_back(searchspace::nb201Architecture(nb201::cellFromCode(c)));
  for (int d = 0; d < 4; ++d) {
    pool.devices.push_back("d" + std::to_string(d));
    pool.descriptors.push_back({"specs", 1, {"ln_speed"}, {std::log(speeds[d])}, "test", 0});
    std::vector<double> ms;
    for (const auto& g : pool.architectures.genotypes) {
      const auto cell = searchspace::cellOf(g);
      double v = 0.1;
      for (auto op : cell.ops) v += (op == nb201::Op::Conv3x3 ? 1.0 : 0.2) / speeds[d];
      ms.push_back(v);
    }
    pool.latencyMs.push_back(ms);
  }
  return pool;
}

predict::Target target(const predict::TrainingPool& pool) {
  return {"t", {"specs", 1, {"ln_speed"}, {std::log(3.0)}, "test", 0}, {{pool.architectures.genotypes[1], 1.0}, {pool.architectures.genotypes[2], 2.0}}, "random"};
}

QString restoreError(const predict::ModelState& s) {
  try {
    auto p = predict::restore(s);
    if (p->targetDevice().empty()) p = p->adapt(target(smallPool()));
    p->predictMs(searchspace::nb201Set(std::vector<nb201::Cell>{nb201::cellFromCode(5)}));
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::BadInput) return "wrong kind: " + QString(e.what());
    return e.what();
  }
  return "restored and predicted";
}

std::string writeFile(const QTemporaryDir& dir, const char* name, const predictfile::PredictorFile& f) {
  const auto path = dir.filePath(name).toStdString();
  predictfile::writePredictorFile(path, f);
  return path;
}

} // namespace

class TestHostilePredictors : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;
  const predict::TrainingPool pool_ = smallPool();

  predict::ModelState adaptedState(const std::string& method) const {
    return predict::train(method, pool_, {1, 1})->adapt(target(pool_))->state();
  }

private slots:
  // An empty pool (once a [15625, 0] cell-code array, whose first read crashed) or one holding an
  // architecture of another space.
  void emptyOrForeignPoolIsRefused() {
    for (const auto& method : predict::methodNames()) {
      auto s = adaptedState(method);
      s.architectures["pool.architectures"].clear();
      QVERIFY2(restoreError(s).contains("no devices or no architectures"), qPrintable(QString::fromStdString(method) + ": " + restoreError(s)));
      s = adaptedState(method);
      s.architectures["pool.architectures"][0].choices.push_back(0);
      QVERIFY2(restoreError(s).contains("pool holds an architecture that is not of nb201"),
               qPrintable(QString::fromStdString(method) + ": " + restoreError(s)));
    }
  }

  void overflowingShapesAreRefused() {
    auto s = adaptedState("ridge");
    s.meta["shapes"]["pool.ln_latency"] = {4294967296LL, 4294967296LL}; // the product wraps to 0 in 64 bits
    s.arrays["pool.ln_latency"].clear();
    QVERIFY2(restoreError(s).contains("not the 4294967296 x 4294967296 its shape says"), qPrintable(restoreError(s)));
  }

  void forgedValuesAreRefused() {
    auto zeroScale = adaptedState("lowrank");
    zeroScale.meta["descriptor_normalisation"]["scale"] = {0.0};
    QVERIFY2(restoreError(zeroScale).contains("descriptor scale of 'ln_speed' is 0"), qPrintable(restoreError(zeroScale)));
    auto hugeWeights = adaptedState("ridge");
    for (auto& v : hugeWeights.arrays["ridge.beta"]) v = 1e308;
    QVERIFY2(restoreError(hugeWeights).contains("non-finite latency"), qPrintable(restoreError(hugeWeights)));
    auto rank = adaptedState("lowrank");
    rank.meta["hyperparameters"]["rank"] = -3;
    QVERIFY2(restoreError(rank).contains("rank is out of range"), qPrintable(restoreError(rank)));
    auto wrongType = adaptedState("ridge");
    wrongType.meta["adapted"]["offset"] = "a string";
    QVERIFY2(restoreError(wrongType).contains("malformed"), qPrintable(restoreError(wrongType)));
  }

  // A model object nested 100,000 deep overflowed the stack in the JSON copy; now the header's
  // text is refused before any JSON is built.
  void deepHeaderIsRefusedBeforeParsing() {
    auto f = predictfile::fileFromPredictor(*predict::train("ridge", pool_, {1, 1}), {});
    auto bytes = predictfile::encode(f);
    const std::string deep = std::string(100000, '[') + std::string(100000, ']');
    // Rebuild the file with "deep": [[[...]]] inside the model object, resealed with a valid CRC.
    std::string header(bytes.begin() + 16, bytes.begin() + 16 + (bytes[12] | bytes[13] << 8 | bytes[14] << 16));
    const auto at = header.find("\"model\":{") + 9;
    header.insert(at, "\"deep\":" + deep + ",");
    std::vector<std::uint8_t> forged(bytes.begin(), bytes.begin() + 12);
    for (int i = 0; i < 4; ++i) forged.push_back(static_cast<std::uint8_t>(header.size() >> (8 * i)));
    forged.insert(forged.end(), header.begin(), header.end());
    const size_t rest = 16 + (bytes[12] | bytes[13] << 8 | bytes[14] << 16);
    forged.insert(forged.end(), bytes.begin() + static_cast<std::ptrdiff_t>(rest), bytes.end() - 4);
    const auto crc = predictfile::crc32(forged.data(), forged.size());
    for (int i = 0; i < 4; ++i) forged.push_back(static_cast<std::uint8_t>(crc >> (8 * i)));
    MAPLE_VERIFY_ERROR(predictfile::decode(forged, "deep.maplepred"), ErrorKind::BadInput,
                       "deep.maplepred: header: JSON nests deeper than 64 levels");
    // The same file through the C API: refused at open, no crash.
    const auto path = dir_.filePath("deep.maplepred").toStdString();
    predictfile::writeFileBytes(path, forged);
    QVERIFY(maple_predictor_open(path.c_str()) == nullptr);
    QVERIFY2(QString(maple_last_error()).contains("nests deeper"), maple_last_error());
  }

  // "Opens and fully validates": a file whose arrays do not fit its method fails at open.
  void capiOpenRestoresAndChecksEverything() {
    auto f = predictfile::fileFromPredictor(*predict::train("lowrank", pool_, {1, 1}), {});
    f.state.architectures["pool.architectures"].clear();
    const auto bad = writeFile(dir_, "zero.maplepred", f);
    QVERIFY(maple_predictor_open(bad.c_str()) == nullptr);
    QVERIFY2(QString(maple_last_error()).contains("cannot be rebuilt"), maple_last_error());

    auto forged = predictfile::fileFromPredictor(*predict::train("ridge", pool_, {1, 1})->adapt(target(pool_)), {});
    for (auto& v : forged.state.arrays["ridge.beta"]) v = 1e308;
    const auto overflow = writeFile(dir_, "overflow.maplepred", forged);
    QVERIFY(maple_predictor_open(overflow.c_str()) == nullptr);
    QVERIFY2(QString(maple_last_error()).contains("non-finite latency"), maple_last_error());

    const auto good = writeFile(dir_, "pool.maplepred", predictfile::fileFromPredictor(*predict::train("lowrank", pool_, {1, 1}), {}));
    maple_predictor* p = maple_predictor_open(good.c_str());
    QVERIFY2(p, maple_last_error());
    const char* names[] = {"ln_speed"};
    for (double v : {std::nan(""), HUGE_VAL, -HUGE_VAL}) {
      QCOMPARE(maple_predictor_bind(p, "x", names, &v, 1), -1);
      QVERIFY2(QString(maple_last_error()).contains("not a finite number"), maple_last_error());
    }
    const double ok = 1.0;
    QCOMPARE(maple_predictor_bind(p, "x", names, &ok, 1), 0);
    maple_predictor_close(p);
  }
};

QTEST_GUILESS_MAIN(TestHostilePredictors)
#include "test_hostile_predictors.moc"
