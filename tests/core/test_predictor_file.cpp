// The .maplepred format: round trip, atomic write, and hostile files (every truncation, every bit
// flip, forged lengths, oversized, newer, wrong search space or space version, forged headers and
// architecture strings): always a BadInput, never a crash.
#include "common/error.hpp"
#include "predictfile/checksum.hpp"
#include "predictfile/predictor_file.hpp"
#include "predictor_file_sample.hpp"
#include "searchspace/nb201.hpp"
#include "test_support.hpp"

#include <QDir>
#include <QTemporaryDir>
#include <QtTest>

#include <algorithm>
#include <fcntl.h>
#include <functional>
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

// The file with its header changed by `edit`, its length and checksum made to match: what a hostile
// writer makes, which only the header's own checks can refuse.
Bytes withHeader(const Bytes& b, const std::function<void(nlohmann::json&)>& edit) {
  const auto h = static_cast<std::ptrdiff_t>(headerLength(b));
  auto header = nlohmann::json::parse(b.begin() + 16, b.begin() + 16 + h);
  edit(header);
  const auto text = header.dump();
  Bytes out(b.begin(), b.begin() + 12);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<std::uint8_t>(text.size() >> (8 * i)));
  out.insert(out.end(), text.begin(), text.end());
  out.insert(out.end(), b.begin() + 16 + h, b.end());
  reseal(out);
  return out;
}

// Where `text` first occurs in the file (the test fails when it does not).
size_t offsetOf(const Bytes& b, std::string_view text) {
  const auto at = std::search(b.begin(), b.end(), text.begin(), text.end());
  if (at == b.end()) qFatal("'%s' is not in the file", std::string(text).c_str());
  return static_cast<size_t>(at - b.begin());
}

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
    QVERIFY(back.state.architectures == f.state.architectures);
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
    MAPLE_VERIFY_ERROR(predictfile::codeOfIndex(f, 0), ErrorKind::Usage, "no NAS-Bench-201 index table");
    for (int i = 0; i < nb201::kSpaceSize; ++i) f.indexTable.push_back((i * 7 + 3) % nb201::kSpaceSize);
    auto bytes = encode(f);
    const auto back = decode(bytes, "mem");
    QVERIFY(back.indexTable == f.indexTable);
    QVERIFY(back.state.arrays == f.state.arrays); // the table is not a model array
    QCOMPARE(predictfile::codeOfIndex(back, 2), 17);
    QCOMPARE(predictfile::indexOfCode(back)[17], 2);
    MAPLE_VERIFY_ERROR(predictfile::codeOfIndex(back, nb201::kSpaceSize), ErrorKind::BadInput, "");
    // Forge index 1 onto index 0's code: still a checksum-valid file, but not a permutation.
    const std::string name(predictfile::kIndexTableArray);
    const auto at = std::search(bytes.begin(), bytes.end(), name.begin(), name.end()) - bytes.begin();
    const size_t values = static_cast<size_t>(at) + name.size() + 1 + 8;
    std::copy_n(bytes.begin() + static_cast<std::ptrdiff_t>(values), 8, bytes.begin() + static_cast<std::ptrdiff_t>(values + 8));
    reseal(bytes);
    QVERIFY2(refusal(bytes).contains("maps two indices to cell code 3"), qPrintable(refusal(bytes)));
    f.indexTable.resize(3);
    MAPLE_VERIFY_ERROR(encode(f), ErrorKind::Usage, ""); // a partial table
  }

  void headerIsSelfDescribing() {
    const auto h = predictfile::headerJson(testing::samplePredictorFile());
    QCOMPARE(h["descriptor"]["kind"], "reference-latency");
    QVERIFY(h["descriptor"].contains("normalisation"));
    QCOMPARE(h["descriptor"]["names"][1], "ref2_ln_ms");
    QVERIFY(h.contains("feature_scaling"));
    QCOMPARE(h["space_version"], 1);
    QCOMPARE(h["feature_layout"][1], "ln_macs");
    QCOMPARE(h["target_device"], "gamma");
    QCOMPARE(h["created"]["parent"]["host"], "trainer");
    QVERIFY(!h["model"].contains("method")); // lifted, not duplicated
    QVERIFY(!h["model"].contains("feature_layout"));
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

  // A file written by format 1 must keep loading in every later build: as space version 1, with no
  // feature layout (format 1 did not record one) and no architecture lists (the sample had no pool).
  void formatOneFileLoads() {
    const auto path = std::string(MAPLE_TEST_DATA) + "/format1.maplepred";
    const auto f = predictfile::readPredictorFile(path);
    auto want = testing::samplePredictorFile();
    want.state.meta.erase("feature_layout");
    QCOMPARE(f.formatVersion, 1u);
    QCOMPARE(f.state.meta, want.state.meta);
    QVERIFY(f.state.architectures.empty());
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
    const size_t listsAt = 16 + h;
    b = full;
    poke<std::uint32_t>(b, listsAt, 0xFFFFFFFFu);
    reseal(b);
    QVERIFY2(refusal(b).contains("architecture list count 4294967295 does not fit"), qPrintable(refusal(b)));
    // The list "pool.architectures" (18 bytes): its entry count, then its first entry's length.
    const size_t entriesAt = listsAt + 4 + 2 + 18;
    b = full;
    poke<std::uint32_t>(b, entriesAt, 0x7FFFFFFFu);
    reseal(b);
    QVERIFY2(refusal(b).contains("list 'pool.architectures' claims 2147483647 architectures"), qPrintable(refusal(b)));
    for (std::uint16_t length : {std::uint16_t(0), std::uint16_t(5000)}) {
      b = full;
      poke<std::uint16_t>(b, entriesAt + 4, length);
      reseal(b);
      QVERIFY2(refusal(b).contains("architecture 0 of list 'pool.architectures' has a length of"), qPrintable(refusal(b)));
    }
    // The first array ("layer0.W", 8 bytes) follows the array count; its element count follows
    // its name and type.
    const size_t countAt = offsetOf(full, "layer0.W") - 2 - 4;
    b = full;
    poke<std::uint32_t>(b, countAt, 0xFFFFFFFFu);
    reseal(b);
    QVERIFY2(refusal(b).contains("array count"), qPrintable(refusal(b)));
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
    poke<std::uint32_t>(b, 8, 3);
    QCOMPARE(refusal(b), QString("f.maplepred: written by a newer MAPLE (format 3, this build reads up to 2): "
                                 "upgrade MAPLE Workbench to read it"));
    reseal(b);
    QVERIFY(refusal(b).contains("newer MAPLE"));
    poke<std::uint32_t>(b, 8, 0);
    reseal(b);
    QVERIFY(refusal(b).contains("format version 0"));
  }

  void wrongSpaceOrForeignFileIsRefused() {
    const auto full = encode(testing::samplePredictorFile());
    const auto unknown = refusal(withHeader(full, [](nlohmann::json& h) { h["search_space"] = "ofa"; }));
    QCOMPARE(unknown, QString("f.maplepred: the predictor is for search space 'ofa', which this build does not know "
                              "(known: 'nb201', 'fbnet')"));
    QVERIFY(refusal(Bytes{'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm'}).contains("not a MAPLE predictor file"));
    auto f = testing::samplePredictorFile();
    f.state.meta["search_space"] = "ofa";
    QVERIFY_THROWS_EXCEPTION(Error, encode(f)); // this build writes only spaces it can read back
    f = testing::samplePredictorFile();
    f.state.meta.erase("method");
    QVERIFY_THROWS_EXCEPTION(Error, encode(f));
    f = testing::samplePredictorFile();
    f.state.arrays["bad"] = {std::nan("")};
    QVERIFY_THROWS_EXCEPTION(Error, encode(f));
  }

  // A space version other than this build's: newer asks for an upgrade, older for retraining.
  void otherSpaceVersionIsRefused() {
    const auto full = encode(testing::samplePredictorFile());
    QCOMPARE(refusal(withHeader(full, [](nlohmann::json& h) { h["space_version"] = 2; })),
             QString("f.maplepred: the predictor is for nb201 version 2, this build knows version 1: upgrade MAPLE "
                     "Workbench to read it"));
    QVERIFY(refusal(withHeader(full, [](nlohmann::json& h) { h["space_version"] = 0; })).contains("retrain it"));
    QVERIFY(refusal(withHeader(full, [](nlohmann::json& h) { h["space_version"] = "1"; }))
                .contains("'space_version' is missing or not an integer"));
  }

  // Format 2's header must record the feature layout, as names.
  void featureLayoutIsRequired() {
    const auto full = encode(testing::samplePredictorFile());
    QVERIFY(refusal(withHeader(full, [](nlohmann::json& h) { h.erase("feature_layout"); }))
                .contains("'feature_layout' is missing or not an array"));
    QVERIFY(refusal(withHeader(full, [](nlohmann::json& h) { h["feature_layout"][0] = 7; }))
                .contains("'feature_layout' holds an empty or non-string name"));
    auto f = testing::samplePredictorFile();
    f.state.meta.erase("feature_layout");
    MAPLE_VERIFY_ERROR(encode(f), ErrorKind::Usage, "no 'feature_layout'");
  }

  // Architecture strings must parse in the header's space and be written canonically.
  void forgedArchitectureStringsAreRefused() {
    const auto full = encode(testing::samplePredictorFile());
    const auto& nb201 = searchspace::nb201Space();
    const auto first = nb201.format(nb201.fromIndex(0));
    const size_t at = offsetOf(full, first);
    auto b = full;
    const std::string wrongOp = "|nor_conv_9x9~0|";
    std::copy(wrongOp.begin(), wrongOp.end(), b.begin() + static_cast<std::ptrdiff_t>(at));
    reseal(b);
    QVERIFY2(refusal(b).startsWith("f.maplepred: architecture 0 of list 'pool.architectures' is not an architecture of nb201: "),
             qPrintable(refusal(b)));
    // Read as fbnet, the nb201 strings are not architectures at all.
    QVERIFY(refusal(withHeader(full, [](nlohmann::json& h) { h["search_space"] = "fbnet"; }))
                .contains("is not an architecture of fbnet"));
    // A leading space parses (the parser trims) but is not the canonical spelling.
    b = full;
    b.insert(b.begin() + static_cast<std::ptrdiff_t>(at), ' ');
    poke<std::uint16_t>(b, at - 2, static_cast<std::uint16_t>(first.size() + 1));
    reseal(b);
    QCOMPARE(refusal(b), QString::fromStdString("f.maplepred: architecture 0 of list 'pool.architectures' is not canonical: ' " +
                                                first + "' is written '" + first + "'"));
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
    MAPLE_VERIFY_ERROR(predictfile::readPredictorFile(path), ErrorKind::BadInput, "oversized");
    QVERIFY_THROWS_EXCEPTION(Error, predictfile::readPredictorFile(dir.filePath("missing").toStdString()));
  }
};

QTEST_GUILESS_MAIN(TestPredictorFile)
#include "test_predictor_file.moc"
