#include "dataset/data_sets.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "dataset/help_fbnet.hpp"
#include "dataset/help_nb201.hpp"

#include <array>
#include <filesystem>

namespace maple::dataset {
namespace fs = std::filesystem;
namespace {

struct FormatInfo {
  Format format;
  const char* name;
  const char* table; // the file name the data set gives its table
};
constexpr std::array<FormatInfo, 2> kFormats{{{Format::HelpNb201, "help-nb201", "nb201_latency_ms.csv"},
                                              {Format::HelpFbnet, "help-fbnet", "fbnet_latency_ms.csv"}}};

std::string knownFormats() {
  std::string out;
  for (const auto& f : kFormats) out += (out.empty() ? "" : ", ") + std::string(f.name);
  return out;
}

} // namespace

std::vector<std::string> formatNames() {
  std::vector<std::string> out;
  for (const auto& f : kFormats) out.emplace_back(f.name);
  return out;
}

Format parseFormat(const std::string& name) {
  for (const auto& f : kFormats)
    if (name == f.name) return f.format;
  fail(ErrorKind::Usage, "unknown data-set format " + text::quote(name) + " (known: " + knownFormats() + ")");
}

Format detectFormat(const std::string& path) {
  std::error_code ec;
  const bool folder = fs::is_directory(path, ec);
  std::vector<FormatInfo> found;
  for (const auto& f : kFormats)
    if (folder ? fs::exists(fs::path(path) / f.table, ec) : fs::path(path).filename() == f.table) found.push_back(f);
  if (found.size() == 1) return found[0].format;
  std::string tables;
  for (const auto& f : kFormats) tables += (tables.empty() ? "" : " or ") + std::string(f.table);
  if (found.empty())
    fail(ErrorKind::Usage, text::quote(path) + (folder ? " holds neither " : " is neither ") + tables +
                               ": choose the folder of one data set");
  fail(ErrorKind::Usage, text::quote(path) + " holds both tables: keep each data set in its own folder and import them one by one");
}

ImportResult importDataSet(store::Project& project, const std::string& path, Format format,
                           const ImportProgressFn& progress) {
  return format == Format::HelpFbnet ? importHelpFbnet(project, path, progress) : importHelpNb201(project, path, progress);
}

} // namespace maple::dataset
