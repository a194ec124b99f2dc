#include "store/descriptors.hpp"

#include "common/error.hpp"
#include "common/json_parse.hpp"
#include "common/text.hpp"

#include <nlohmann/json.hpp>

namespace maple::store {

std::int64_t saveDescriptor(Project& project, std::int64_t deviceId, const descriptor::Descriptor& d,
                            std::optional<std::int64_t> captureId) {
  if (d.names.size() != d.values.size())
    fail(ErrorKind::Usage, "descriptor '" + d.kind + "' has " + std::to_string(d.names.size()) + " names and " +
                               std::to_string(d.values.size()) + " values");
  nlohmann::json j{{"names", d.names}, {"values", d.values}, {"provenance", d.provenance}, {"shots_used", d.shotsUsed}};
  auto st = project.db().prepare(
      "INSERT INTO descriptors (device_id, kind, version, capture_id, values_json, created_at) VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, deviceId).bind(2, d.kind).bind(3, d.version).bind(4, captureId).bind(5, j.dump()).bind(6, text::nowIso8601());
  st.run();
  return project.db().lastInsertId();
}

void saveCaptureDescriptors(Project& project, std::int64_t deviceId, const std::vector<descriptor::Descriptor>& made,
                            std::int64_t captureId) {
  for (const auto& d : made)
    saveDescriptor(project, deviceId, d, captureId > 0 ? std::optional<std::int64_t>(captureId) : std::nullopt);
}

std::optional<descriptor::Descriptor> latestDescriptor(Project& project, std::int64_t deviceId, const std::string& kind) {
  auto st = project.db().prepare(
      "SELECT version, values_json FROM descriptors WHERE device_id = ? AND kind = ? ORDER BY id DESC LIMIT 1");
  st.bind(1, deviceId).bind(2, kind);
  if (!st.step()) return std::nullopt;
  descriptor::Descriptor d;
  d.kind = kind;
  d.version = static_cast<int>(st.int64(0));
  try {
    auto j = parseJson(st.text(1), project.path() + ": descriptor '" + kind + "'");
    d.names = j.at("names").get<std::vector<std::string>>();
    d.values = j.at("values").get<std::vector<double>>();
    d.provenance = j.value("provenance", "");
    d.shotsUsed = j.value("shots_used", 0);
  } catch (const nlohmann::json::exception& e) {
    badInput(project.path() + ": descriptor '" + kind + "' of device " + std::to_string(deviceId) +
             " is malformed (" + e.what() + ")");
  }
  if (d.names.size() != d.values.size())
    badInput(project.path() + ": descriptor '" + kind + "' has mismatched names and values");
  return d;
}

} // namespace maple::store
