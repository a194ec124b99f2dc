// The .maplepred format: round trip, atomic write, and hostile files (every truncation, every bit
// flip, forged lengths, oversized, newer, wrong search space): always a BadInput, never a crash.
#include "common/error.hpp"
#include "predictfile/checksum.hpp"
#include "predictfile/predictor_file.hpp"
#include "predictor_file_sample.hpp"
#include "searchspace/nb201.hpp"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fcntl.h>
#include <unistd.h>

using namespace maple;
using predictfile::decode;
using predictfile::encode;

namespace {

using Bytes = std::vector<std::uint8_t>;

// Rewrites the trailing CRC so a forged change reaches the structural checks behind it.
void reseal(Bytes& b) {
  const auto crc = predictfile::crc32(b.data(), b.size() - 4);
  for (int i = 0; i < 4; ++i) b[b.size() - 4 + i] = static_cast<std::uint8_t>(crc >> (8 * i));
}

template <class T> void poke(Bytes& b, size_t at, T v) {
  for (size_t i = 0; i < sizeof(T); ++i) b[at + i] = static_cast<std::uint8_t>(v >> (8 * i));
}

// The message of the BadInput that decoding raises; fails the test on success or another kind.
QString refusal(const Bytes& b) {
  try {
    decode(b, "f.maplepred");
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::BadInput) return "wrong kind: " + QString(e.what());
    return QString::fromStdString(e.what());
  }
  return {};
}

size_t headerLength(const Bytes& b) { return b[12] | b[13] << 8 | b[14] << 16 | size_t(b[15]) << 24; }

} // namespace

class TestPredictorFile : public QObject {
  Q_OBJECT
private slots:
  void roundTripKeepsEverything() {
    const auto f = testing::samplePredictorFile();
    const auto back = decode(encode(f), "mem");
    QCOMPARE(back.formatVersion, predictfile::kFormatVersion);
    QCOMPARE(back.state.meta, f.state.meta);
    QVERIFY(back.state.arrays == f.state.arrays); // bit-exact doubles
    QCOMPARE(back.targetDevice, f.targetDevice);
    QCOMPARE(back.evaluation, f.evaluation);
    QCOMPARE(predictfile::toJson(back.created), predictfile::toJson(f.created));
    const auto s = predictfile::summarise(back);
    QCOMPARE(s.method, std::string("test-linear"));
    QCOMPARE(s.descriptorVersion, 2);
    QCOMPARE(s.trainingDevices, (std::vector<std::string>{"alpha", "beta"}));
  }

  // The NAS-Bench-201 index table travels beside the model, outside its arrays, and a forged one
  // (checksum-valid) is refused.
  void indexTableTravelsAndIsChecked() {
    auto f = testing::samplePredictorFile();
    try {
      predictfile::codeOfIndex(f, 0);
      QFAIL("a file without a table mapped an index");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Usage);
      QVERIFY2(std::string(e.what()).find("no NAS-Bench-201 index table") != std::string::npos, e.what());
    }
    for (int i = 0; i < nb201::kSpaceSize; ++i) f.indexTable.push_back((i * 7 + 3) % nb201::kSpaceSize);
    auto bytes = encode(f);
    const auto back = decode(bytes, "mem");
    QVERIFY(back.indexTable == f.indexTable);
    QVERIFY(back.state.arrays == f.state.arrays); // the table is not a model array
    QCOMPARE(predictfile::codeOfIndex(back, 2), 17);
    QCOMPARE(predictfile::indexOfCode(back)[17], 2);
    try {
      predictfile::codeOfIndex(back, nb201::kSpaceSize);
      QFAIL("an index past the space was mapped");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::BadInput);
    }
    // Forge index 1 onto index 0's code: still a checksum-valid file, but not a permutation.
    const std::string name(predictfile::kIndexTableArray);
    const auto at = std::search(bytes.begin(), bytes.end(), name.begin(), name.end()) - bytes.begin();
    const size_t values = static_cast<size_t>(at) + name.size() + 1 + 8;
    std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(values), 8, bytes.begin() + static_cast<std::ptrdiff_t>(values + 8));
    reseal(bytes);
    QVERIFY2(refusal(bytes).contains("maps two indices to cell code 3"), qPrintable(refusal(bytes)));
    f.indexTable.resize(3);
    try {
      encode(f);
      QFAIL("a partial table was written");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::Usage);
    }
  }

  void headerIsSelfDescribing() {
    const auto h = predictfile::headerJson(testing::samplePredictorFile());
    QCOMPARE(h["descriptor"]["kind"], "reference-latency");
    QVERIFY(h["descriptor"].contains("normalisation"));
    QCOMPARE(h["descriptor"]["names"][1], "ref2_ln_ms");
    QVERIFY(h.contains("feature_scaling"));
    QCOMPARE(h["target_device"], "gamma");
    QCOMPARE(h["created"]["parent"]["host"], "trainer");
    QVERIFY(!h["model"].contains("method")); // lifted, not duplicated
    QVERIFY(h["model"].contains("hyperparameters"));
  }

  void writeIsAtomicAndReadable() {
    QTemporaryDir dir;
    const auto path = dir.filePath("p.maplepred").toStdString();
    predictfile::writePredictorFile(path, testing::samplePredictorFile());
    predictfile::writePredictorFile(path, testing::samplePredictorFile()); // replaces
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{"p.maplepred"}); // no temp left
    QCOMPARE(predictfile::readPredictorFile(path).targetDevice, std::string("gamma"));
    QVERIFY_THROWS_EXCEPTION(Error, predictfile::writePredictorFile(dir.filePath("none/p.maplepred").toStdString(),
                                                                    testing::samplePredictorFile()));
  }

  // A file written by format 1 must keep loading in every later build.
  void formatOneFileLoads() {
    const auto path = std::string(MAPLE_TEST_DATA) + "/format1.maplepred";
    const auto f = predictfile::readPredictorFile(path);
    const auto want = testing::samplePredictorFile();
    QCOMPARE(f.formatVersion, 1u);
    QCOMPARE(f.state.meta, want.state.meta);
    QVERIFY(f.state.arrays == want.state.arrays);
    QCOMPARE(f.created.provenance, want.created.provenance);
  }

  void everyTruncationIsRefused() {
    const auto full = encode(testing::samplePredictorFile());
    for (size_t n = 0; n < full.size(); ++n) {
      const auto why = refusal(Bytes(full.begin(), full.begin() + static_cast<long>(n)));
      if (why.isEmpty() || why.startsWith("wrong kind")) QFAIL(qPrintable(QString("prefix %1: %2").arg(n).arg(why)));
    }
    QVERIFY(refusal(Bytes(full.begin(), full.begin() + 4)).contains("truncated"));
    QVERIFY(refusal(Bytes(full.begin(), full.end() - 1)).contains("checksum mismatch"));
  }

  void everyBitFlipIsRefused() {
    const auto full = encode(testing::samplePredictorFile());
    for (size_t i = 0; i < full.size(); ++i)
      for (int bit = 0; bit < 8; ++bit) {
        auto b = full;
        b[i] ^= static_cast<std::uint8_t>(1u << bit);
        if (refusal(b).isEmpty()) QFAIL(qPrintable(QString("flip of byte %1 bit %2 was accepted").arg(i).arg(bit)));
      }
  }

  // With the checksum forged to match, every flipped byte must still be refused or decode to
  // something well-formed; the sanitizer builds turn any out-of-bounds read into a failure.
  void resealedCorruptionNeverCrashes() {
    const auto full = encode(testing::samplePredictorFile());
    int refused = 0;
    for (size_t i = 0; i + 4 < full.size(); ++i)
      for (std::uint8_t x : {0x01, 0x80, 0xFF}) {
        auto b = full;
        b[i] ^= x;
        reseal(b);
        const auto why = refusal(b);
        if (why.startsWith("wrong kind")) QFAIL(qPrintable(why));
        refused += why.isEmpty() ? 0 : 1;
      }
    QVERIFY(refused > 0);
  }

  void forgedLengthsAreRefused() {
    const auto full = encode(testing::samplePredictorFile());
    const size_t h = headerLength(full);
    auto b = full;
    poke<std::uint32_t>(b, 12, 0xFFFFFFFFu);
    reseal(b);
    QVERIFY2(refusal(b).contains("exceeds the 16 MiB limit"), qPrintable(refusal(b)));
    b = full;
    poke<std::uint32_t>(b, 12, static_cast<std::uint32_t>(h + full.size()));
    reseal(b);
    QVERIFY2(refusal(b).contains("truncated: header"), qPrintable(refusal(b)));
    const size_t countAt = 16 + h;
    b = full;
    poke<std::uint32_t>(b, countAt, 0xFFFFFFFFu);
    reseal(b);
    QVERIFY2(refusal(b).contains("array count"), qPrintable(refusal(b)));
    // The first array ("layer0.W", 8 bytes) has its element count after name and type.
    const size_t lengthAt = countAt + 4 + 2 + 8 + 1;
    b = full;
    poke<std::uint64_t>(b, lengthAt, 1ull << 61);
    reseal(b);
    QVERIFY2(refusal(b).contains("claims"), qPrintable(refusal(b)));
    b = full;
    b.insert(b.end() - 4, {0, 0, 0});
    reseal(b);
    QVERIFY2(refusal(b).contains("unexpected bytes"), qPrintable(refusal(b)));
  }

  void newerVersionIsRefusedWithUpgradeAdvice() {
    auto b = encode(testing::samplePredictorFile());
    poke<std::uint32_t>(b, 8, 2);
    QCOMPARE(refusal(b), QString("f.maplepred: written by a newer MAPLE (format 2, this build reads up to 1): "
                                 "upgrade MAPLE Workbench to read it"));
    reseal(b);
    QVERIFY(refusal(b).contains("newer MAPLE"));
    poke<std::uint32_t>(b, 8, 0);
    reseal(b);
    QVERIFY(refusal(b).contains("format version 0"));
  }

  void wrongSpaceOrForeignFileIsRefused() {
    auto f = testing::samplePredictorFile();
    f.state.meta["search_space"] = "ofa";
    const auto unknown = refusal(encode(f));
    QVERIFY2(unknown.contains("search space 'ofa'") && unknown.contains("'nb201', 'fbnet'"), qPrintable(unknown));
    QVERIFY(refusal(Bytes{'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm'}).contains("not a MAPLE predictor file"));
    f = testing::samplePredictorFile();
    f.state.meta.erase("method");
    QVERIFY_THROWS_EXCEPTION(Error, encode(f));
    f = testing::samplePredictorFile();
    f.state.arrays["bad"] = {std::nan("")};
    QVERIFY_THROWS_EXCEPTION(Error, encode(f));
  }

  void malformedHeaderFieldsAreRefused() {
    auto f = testing::samplePredictorFile();
    f.state.meta["descriptor_names"] = {1, 2};
    QVERIFY2(refusal(encode(f)).contains("'descriptor.names' holds a non-string"), qPrintable(refusal(encode(f))));
    f = testing::samplePredictorFile();
    f.state.meta["training_devices"] = "alpha";
    QVERIFY(refusal(encode(f)).contains("'training_devices' is missing or not an array"));
  }

  void oversizedFileIsRefusedBeforeReading() {
    QTemporaryDir dir;
    const auto path = dir.filePath("big.maplepred").toStdString();
    const int fd = ::open(path.c_str(), O_CREAT | O_WRONLY, 0644);
    QVERIFY(fd >= 0);
    QCOMPARE(::ftruncate(fd, static_cast<off_t>(predictfile::kMaxFileBytes + 1)), 0); // sparse: no disk used
    ::close(fd);
    try {
      predictfile::readPredictorFile(path);
      QFAIL("an oversized file was read");
    } catch (const Error& e) {
      QCOMPARE(e.kind(), ErrorKind::BadInput);
      QVERIFY(QString(e.what()).contains("oversized"));
    }
    QVERIFY_THROWS_EXCEPTION(Error, predictfile::readPredictorFile(dir.filePath("missing").toStdString()));
  }
};

QTEST_GUILESS_MAIN(TestPredictorFile)
#include "test_predictor_file.moc"
