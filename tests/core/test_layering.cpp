// The widgets are a face over the core services: they never talk to SQLite or perf_event directly
// nor open a transaction (ARCHITECTURE.md). This scans every file under widgets/ and fails naming
// each file and line that does. And the core speaks no face's syntax: a message that names a
// setting as its fix marks it (common/setting.hpp) instead of spelling a CLI flag, which the
// workbench would show verbatim; this scans every string literal under core/. And the module graph
// points one way: the domain modules (plain values and the methods on them) include nothing that
// reads or writes a project or a data set; evaluation/ and services/ above them do that.
#include <QTest>

#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace {

const std::regex kForbidden(R"(#\s*include\s*[<"](sqlite3\.h|linux/perf_event\.h)[>"]|\bstore::Transaction\b)");

// "file:line: text" for every line of `text` that `pattern` matches.
std::vector<std::string> matchingLines(const std::string& file, std::istream& text, const std::regex& pattern) {
  std::vector<std::string> out;
  std::string line;
  for (int n = 1; std::getline(text, line); ++n)
    if (std::regex_search(line, pattern)) out.push_back(file + ":" + std::to_string(n) + ": " + line);
  return out;
}

std::vector<std::string> violations(const std::string& file, std::istream& text) {
  return matchingLines(file, text, kForbidden);
}

// A string literal that spells a long option ("... --descriptor specs"), outside comments.
const std::regex kFlagInLiteral(R"re("([^"]*[\s('`])?--[a-z][a-z-]+)re");

// Literals that quote another tool's options, which no setting of ours stands for.
bool quotesAnotherTool(const std::string& line) {
  return line.find("(-A, --per-core)") != std::string::npos; // perf stat's layouts, refused by name
}

std::vector<std::string> flagLiterals(const std::string& file, std::istream& text) {
  std::vector<std::string> out;
  std::string line;
  for (int n = 1; std::getline(text, line); ++n) {
    const auto code = line.substr(0, line.find("//"));
    if (std::regex_search(code, kFlagInLiteral) && !quotesAnotherTool(line))
      out.push_back(file + ":" + std::to_string(n) + ": " + line);
  }
  return out;
}

// The modules below persistence, and what they must not include.
const std::vector<std::string> kDomainModules{"searchspace", "hardware", "descriptor", "sampling", "predict", "measure", "counters", "engine"};
// A plain literal: moc misreads this pattern as a raw string.
const std::regex kPersistenceInclude("#\\s*include\\s*\"(store|dataset|evaluation|services)/");

std::vector<std::string> persistenceIncludes(const std::string& file, std::istream& text) {
  return matchingLines(file, text, kPersistenceInclude);
}

const std::regex kMeasureInclude("#\\s*include\\s*\"measure/");

// The lines of core/MODULE/ files (every module given) that match `pattern`; `files` counts those read.
std::vector<std::string> includesIn(const std::vector<std::string>& modules, const std::regex& pattern, int& files) {
  std::vector<std::string> found;
  for (const auto& module : modules) {
    const auto dir = std::filesystem::path(MAPLE_SOURCE_DIR) / "core" / module;
    if (!std::filesystem::is_directory(dir)) {
      found.push_back(dir.string() + ": no such module");
      continue;
    }
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      std::ifstream in(entry.path());
      for (auto& v : matchingLines(entry.path().lexically_relative(MAPLE_SOURCE_DIR).string(), in, pattern)) found.push_back(v);
    }
  }
  return found;
}

std::string listed(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += "\n  " + l;
  return out;
}

} // namespace

class TestLayering : public QObject {
  Q_OBJECT
private slots:
  void scannerFindsEachForbiddenUse() {
    std::istringstream bad("#include <sqlite3.h>\n#include \"linux/perf_event.h\"\nint x;\n  store::Transaction tx(db);\n");
    const auto found = violations("fixture", bad);
    QCOMPARE(found.size(), size_t(3));
    QCOMPARE(QString::fromStdString(found[2]), QStringLiteral("fixture:4:   store::Transaction tx(db);"));
    std::istringstream fine("#include \"services/capture.hpp\"\n// a Transaction is opened by the services\n");
    QVERIFY(violations("fixture", fine).empty());
  }

  void widgetsUseNoStoreInternals() {
    const auto dir = std::filesystem::path(MAPLE_SOURCE_DIR) / "widgets";
    QVERIFY2(std::filesystem::is_directory(dir), dir.string().c_str());
    std::vector<std::string> found;
    int files = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(dir)) {
      if (!entry.is_regular_file()) continue;
      ++files;
      std::ifstream in(entry.path());
      for (auto& v : violations(entry.path().lexically_relative(MAPLE_SOURCE_DIR).string(), in)) found.push_back(v);
    }
    QVERIFY(files > 0);
    std::string message;
    for (const auto& v : found) message += "\n  " + v;
    QVERIFY2(found.empty(), ("widgets/ must call core services instead:" + message).c_str());
  }

  void moduleScannerFindsPersistenceIncludes() {
    std::istringstream bad("#include \"store/project.hpp\"\n# include \"dataset/help_nb201.hpp\"\n#include \"predict/harness.hpp\"\n");
    QCOMPARE(persistenceIncludes("fixture", bad).size(), size_t(2));
    std::istringstream fine("#include \"searchspace/space.hpp\"\n// store/ persists it\n");
    QVERIFY(persistenceIncludes("fixture", fine).empty());
  }

  void domainModulesReadNoProject() {
    int files = 0;
    const auto found = includesIn(kDomainModules, kPersistenceInclude, files);
    QVERIFY(files > 20);
    QVERIFY2(found.empty(), ("a domain module reads a project or data set; move that to evaluation/ or services/:" + listed(found)).c_str());
  }

  // measure/ drives the engines; an engine that included measure/ again would make the two one module.
  void enginesIncludeNoMeasure() {
    int files = 0;
    const auto found = includesIn({"engine"}, kMeasureInclude, files);
    QVERIFY(files > 10);
    QVERIFY2(found.empty(), ("an engine includes measure/; share plain values through hardware/ instead:" + listed(found)).c_str());
  }

  void flagScannerFindsSpelledOptions() {
    std::istringstream bad("  fail(Usage, \"use --shots 1 or more\");\n  x = \"(--allow-software)\";\n");
    QCOMPARE(flagLiterals("fixture", bad).size(), size_t(2));
    std::istringstream fine("  fail(Usage, \"use \" + setting(\"shots\", \"1\"));\n  // --shots in a comment\n"
                            "  x = \"a -- b\";\n");
    QVERIFY(flagLiterals("fixture", fine).empty());
  }

  void coreMessagesMarkSettingsInsteadOfFlags() {
    // The widgets' own texts are held to the same rule: a GUI user has no flags to type.
    std::vector<std::string> found;
    int files = 0;
    for (const char* part : {"core", "widgets"}) {
      for (const auto& entry : std::filesystem::recursive_directory_iterator(std::filesystem::path(MAPLE_SOURCE_DIR) / part)) {
        const auto ext = entry.path().extension();
        if (!entry.is_regular_file() || (ext != ".cpp" && ext != ".hpp")) continue;
        ++files;
        std::ifstream in(entry.path());
        for (auto& v : flagLiterals(entry.path().lexically_relative(MAPLE_SOURCE_DIR).string(), in)) found.push_back(v);
      }
    }
    QVERIFY(files > 50);
    std::string message;
    for (const auto& v : found) message += "\n  " + v;
    QVERIFY2(found.empty(), ("core/ or widgets/ spell CLI flags; name the setting with maple::setting(key, value):" + message).c_str());
  }
};

QTEST_APPLESS_MAIN(TestLayering)
#include "test_layering.moc"
