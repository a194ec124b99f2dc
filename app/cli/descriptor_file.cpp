#include "cli/descriptor_file.hpp"
#include "common/json_parse.hpp"

#include "common/error.hpp"
#include "common/file_read.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <set>

namespace maple::cli {
namespace {
constexpr std::size_t kMaxDescriptorFileBytes = 16u << 20; // thousands of counters fit in far less
}

DescriptorFile readDescriptorFile(const std::string& path) {
  const auto j = parseJson(readRegularFile(path, kMaxDescriptorFileBytes, "descriptor file"), path);
  auto bad = [&](const std::string& why) {
    badInput(path + ": " + why + " (expected {\"maple_descriptor\": 1, \"kind\": ..., \"names\": [...], \"values\": [...]})");
  };
  if (!j.is_object()) bad("not a JSON object");
  if (!j.contains("maple_descriptor") || !j["maple_descriptor"].is_number_integer()) bad("no 'maple_descriptor' format number");
  if (j["maple_descriptor"].get<long long>() != 1)
    bad("descriptor file format " + j["maple_descriptor"].dump() + " is not known to this build (it reads 1)");
  if (!j.contains("kind") || !j["kind"].is_string()) bad("'kind' is missing or not a string");
  if (!j.contains("names") || !j["names"].is_array()) bad("'names' is missing or not an array");
  if (!j.contains("values") || !j["values"].is_array()) bad("'values' is missing or not an array");
  if (j["names"].size() != j["values"].size())
    bad(std::to_string(j["names"].size()) + " names but " + std::to_string(j["values"].size()) + " values");
  DescriptorFile f;
  f.device = j.contains("device") && j["device"].is_string() ? j["device"].get<std::string>() : "";
  auto& d = f.descriptor;
  d.kind = j["kind"].get<std::string>();
  d.version = j.contains("version") && j["version"].is_number_integer() ? j["version"].get<int>() : 1;
  d.provenance = "descriptor file " + path;
  std::set<std::string> seen;
  for (size_t i = 0; i < j["names"].size(); ++i) {
    const auto& n = j["names"][i];
    const auto& v = j["values"][i];
    if (!n.is_string() || n.get<std::string>().empty()) bad("name " + std::to_string(i) + " is not a non-empty string");
    if (!v.is_number() || !std::isfinite(v.get<double>())) bad("value of " + text::quote(n.get<std::string>()) + " is not a finite number");
    if (!seen.insert(n.get<std::string>()).second) bad("name " + text::quote(n.get<std::string>()) + " appears twice");
    d.names.push_back(n.get<std::string>());
    d.values.push_back(v.get<double>());
  }
  if (d.names.empty()) bad("the descriptor has no values");
  return f;
}

void writeDescriptorFile(const std::string& path, const DescriptorFile& file) {
  const auto& d = file.descriptor;
  const nlohmann::json j{{"maple_descriptor", 1}, {"device", file.device}, {"kind", d.kind}, {"version", d.version},
                         {"names", d.names},      {"values", d.values},    {"provenance", d.provenance}};
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    out << j.dump(2) << "\n";
    out.flush();
    if (!out) {
      std::remove(tmp.c_str());
      fail(ErrorKind::Io, "cannot write " + text::quote(path) + ": check the folder exists, is writable and has space");
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    fail(ErrorKind::Io, "cannot write " + text::quote(path) + ": the file could not be put in place");
  }
}

} // namespace maple::cli
