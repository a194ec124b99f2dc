// The shared input guards: bounded JSON parsing, whole-file reads that refuse FIFOs and oversized
// files, the text made safe for a terminal, and the settings a message names as its fix.
#include "common/error.hpp"
#include "common/file_read.hpp"
#include "common/json_parse.hpp"
#include "common/setting.hpp"
#include "common/text.hpp"

#include <QtTest>

#include <sys/stat.h>

using namespace maple;

namespace {

QString errorText(const std::function<void()>& f, ErrorKind expected) {
  try {
    f();
  } catch (const Error& e) {
    if (e.kind() != expected) return "wrong kind: " + QString(e.what());
    return e.what();
  }
  return "no error";
}

std::string nested(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

} // namespace

class TestCommonInput : public QObject {
  Q_OBJECT
  QTemporaryDir dir_;

private slots:
  void jsonParsesWithinLimits() {
    // (Not a raw string literal: moc 6.4 loses the class after one holding these brackets.)
    const auto j = parseJson("{\"a\": [1, {\"b\": \"x]]]}\"}], \"c\": \"\\\"[[\"}", "doc");
    QCOMPARE(j["a"][1]["b"].get<std::string>(), std::string("x]]]}"));
    QCOMPARE(j["c"].get<std::string>(), std::string("\"[["));
    // Exactly the limit parses; brackets inside strings do not count.
    QVERIFY(parseJson(nested(64), "doc").is_array());
    QCOMPARE(jsonTooDeepAt("\"" + std::string(1000, '[') + "\"", 64), std::string_view::npos);
  }

  void jsonRefusesDeepNestingBeforeBuilding() {
    // 1,000,000 levels: checked on the text, so nothing deep is ever built or copied.
    const auto msg = errorText([] { parseJson(nested(1000000), "runner reply"); }, ErrorKind::BadInput);
    QVERIFY2(msg.startsWith("runner reply: JSON nests deeper than 64 levels (at byte 64)"), qPrintable(msg));
    QCOMPARE(jsonTooDeepAt(nested(65), 64), size_t(64));
    QCOMPARE(jsonTooDeepAt("{\"m\":" + nested(70) + "}", 64), size_t(68));
  }

  void jsonRefusesOversizedAndMalformed() {
    auto msg = errorText([] { parseJson(std::string(100, ' '), "f.json", {50, 64}); }, ErrorKind::BadInput);
    QVERIFY2(msg == "f.json: JSON of 100 bytes exceeds the limit of 50 bytes", qPrintable(msg));
    msg = errorText([] { parseJson("{\"a\": ", "f.json"); }, ErrorKind::BadInput);
    QVERIFY2(msg.startsWith("f.json: not valid JSON: parse error at line 1, column 7"), qPrintable(msg));
  }

  void readRefusesFifoWithoutBlocking() {
    const auto fifo = dir_.filePath("pipe").toStdString();
    QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
    // No writer ever opens the FIFO: a blocking open would hang here.
    const auto msg = errorText([&] { readRegularFile(fifo, 100, "descriptor file"); }, ErrorKind::BadInput);
    QVERIFY2(msg.contains("is not a regular file") && msg.contains("pipe"), qPrintable(msg));
  }

  void readRefusesOversizedDevicesAndLoops() {
    auto msg = errorText([] { readRegularFile("/dev/zero", 1 << 20, "architecture list"); }, ErrorKind::BadInput);
    QVERIFY2(msg.contains("is not a regular file"), qPrintable(msg));
    const auto big = dir_.filePath("big").toStdString();
    QFile f(QString::fromStdString(big));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'x'));
    f.close();
    msg = errorText([&] { readRegularFile(big, 1000, "descriptor file"); }, ErrorKind::BadInput);
    QVERIFY2(msg.contains("4096 bytes is larger than a descriptor file can be (at most 1000)"), qPrintable(msg));
    QCOMPARE(readRegularFile(big, 4096, "descriptor file").size(), size_t(4096));
    const auto loop = dir_.filePath("loop").toStdString();
    QCOMPARE(::symlink(loop.c_str(), loop.c_str()), 0);
    msg = errorText([&] { readRegularFile(loop, 100, "descriptor file"); }, ErrorKind::Io);
    QVERIFY2(msg.contains("symlink loop"), qPrintable(msg));
  }

  void printableEscapesControlBytesAndClips() {
    QCOMPARE(text::printable("ok \xC3\xA9 \x1b[31mred\x07"), std::string("ok \xC3\xA9 \\x1B[31mred\\x07"));
    QCOMPARE(text::printable("bad \xFF\xC3"), std::string("bad \\xFF\\xC3"));
    const auto clipped = text::printable(std::string(100000, 'a'), 100);
    QCOMPARE(clipped, std::string(100, 'a') + "... (99900 more bytes not shown)");
    QVERIFY(text::validUtf8("caf\xC3\xA9"));
    QVERIFY(!text::validUtf8("caf\xE9"));
    QVERIFY(!text::validUtf8("\xED\xA0\x80")); // a UTF-16 surrogate
    QVERIFY(!text::validUtf8("\xC0\xAF"));     // overlong '/'
  }

  void settingsRenderPerFace() {
    // One marked message, three faces: the CLI's option, plain words, and any renderer.
    const std::string m = "no shot: use " + setting("shots", "1") + " or more, or " + setting("descriptor", "specs") +
                          "; and allow " + setting("allow-software");
    QCOMPARE(QString::fromStdString(optionSettings(m)),
             QStringLiteral("no shot: use --shots 1 or more, or --descriptor specs; and allow --allow-software"));
    QCOMPARE(QString::fromStdString(plainSettings(m)),
             QStringLiteral("no shot: use shots 1 or more, or descriptor specs; and allow allow software"));
    QCOMPARE(QString::fromStdString(renderSettings(m, [](std::string_view k, std::string_view v) {
               return "<" + std::string(k) + "=" + std::string(v) + ">";
             })),
             QStringLiteral("no shot: use <shots=1> or more, or <descriptor=specs>; and allow <allow-software=>"));
    // The mark survives concatenation and a wrapped message; text without one is untouched.
    const std::string wrapped = "[while measuring x] " + m;
    QVERIFY(optionSettings(wrapped).find("--descriptor specs") != std::string::npos);
    QCOMPARE(QString::fromStdString(optionSettings("a -- b")), QStringLiteral("a -- b"));
    // A half mark (a clipped message) is left as it is rather than misread.
    const std::string half = m.substr(0, m.find('\x1f'));
    QCOMPARE(QString::fromStdString(plainSettings(half)), QString::fromStdString(half));
    // Keys are one vocabulary: an unknown one is a programming error.
    QVERIFY_THROWS_EXCEPTION(std::logic_error, setting("no-such-setting"));
    for (auto key : settingKeys()) QVERIFY(optionSettings(setting(key, "v")) == "--" + std::string(key) + " v");
  }
};

QTEST_GUILESS_MAIN(TestCommonInput)
#include "test_common_input.moc"
