#include "dataset/help_import.hpp"

#include "common/error.hpp"
#include "common/latency_bounds.hpp"
#include "common/text.hpp"
#include "dataset/table_file.hpp"
#include "store/latencies.hpp"

#include <filesystem>
#include <map>

namespace maple::dataset {
namespace fs = std::filesystem;
namespace {

constexpr const char* kSpecsName = "devices.csv";

// Family of a data-set device column: HELP's names carry it.
std::string familyOf(const std::string& name) {
  static const std::map<std::string, std::string> fixed{
      {"eyeriss", "asic"}, {"fpga", "fpga"}, {"raspi4", "embedded"}};
  if (auto it = fixed.find(name); it != fixed.end()) return it->second;
  for (const char* p : {"pixel", "samsung", "essential"})
    if (name.rfind(p, 0) == 0) return "mobile";
  for (const char* p : {"gold", "silver"})
    if (name.rfind(p, 0) == 0) return "cpu";
  if (name.find('_') != std::string::npos) return "gpu";
  return "unknown";
}

std::optional<int> batchOf(const std::string& name) {
  auto pos = name.rfind('_');
  if (familyOf(name) != "gpu" || pos == std::string::npos) return std::nullopt;
  auto v = text::parseInt(name.substr(pos + 1));
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

std::map<std::string, hardware::Device> specsBeside(const std::string& tablePath, bool& found) {
  const auto specsPath = (fs::path(tablePath).parent_path() / kSpecsName).string();
  std::map<std::string, hardware::Device> specs;
  std::error_code ec;
  found = fs::exists(specsPath, ec);
  if (found)
    for (auto& d : readDeviceSpecs(specsPath)) specs[d.name] = std::move(d);
  return specs;
}

// Upserts every column's device, marked imported from the table; returns their ids in column order.
std::vector<std::int64_t> writeDevices(store::Project& project, const ImportTable& table,
                                       const std::map<std::string, hardware::Device>& specs) {
  std::vector<std::int64_t> ids;
  for (const auto& name : table.devices) {
    hardware::Device d;
    if (auto it = specs.find(name); it != specs.end()) d = it->second;
    d.name = name;
    if (d.family.empty() || d.family == "unknown") d.family = familyOf(name);
    if (!d.batchSize) d.batchSize = batchOf(name);
    d.provenance = "imported from " + table.path + (d.provenance.empty() ? "" : "; " + d.provenance);
    ids.push_back(store::upsertDevice(project, d));
  }
  return ids;
}

} // namespace

std::vector<hardware::Device> readDeviceSpecs(const std::string& path) {
  const std::string data = readWhole(path);
  // Quoted fields may hold commas but no line breaks in this sheet, so lines are records.
  const auto rows = lines(data);
  if (rows.empty()) badLine(path, 1, "the file is empty; expected a header starting with 'device'");
  auto header = text::splitCsv(rows[0]);
  if (!header || header->empty() || (*header)[0] != "device")
    badLine(path, 1, "wrong header: the first column must be 'device'");
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header->size(); ++i) col[(*header)[i]] = i;
  std::vector<hardware::Device> out;
  for (size_t r = 1; r < rows.size(); ++r) {
    const long line = static_cast<long>(r + 1);
    auto f = text::splitCsv(rows[r]);
    if (!f) badLine(path, line, "unterminated quoted field");
    if (f->size() != header->size())
      badLine(path, line, "has " + std::to_string(f->size()) + " fields, the header has " + std::to_string(header->size()));
    auto get = [&](const char* name) -> std::string {
      auto it = col.find(name);
      return it == col.end() ? std::string() : std::string(text::trim((*f)[it->second]));
    };
    auto num = [&](const char* name) -> std::optional<double> {
      auto s = get(name);
      if (s.empty()) return std::nullopt;
      auto v = text::parseDouble(s);
      if (!v) badLine(path, line, std::string("column '") + name + "': '" + s + "' is not a number");
      if (*v < 0) badLine(path, line, std::string("column '") + name + "': " + s + " is negative");
      return v;
    };
    auto integer = [&](const char* name) -> std::optional<int> {
      auto v = num(name);
      return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
    };
    hardware::Device d;
    d.name = get("device");
    if (d.name.empty()) badLine(path, line, "the device name is empty");
    d.family = get("family").empty() ? familyOf(d.name) : get("family");
    d.hardware = get("hardware");
    d.vendor = get("vendor");
    d.microarchitecture = get("microarchitecture");
    d.memoryType = get("memory_type");
    d.runtime = get("runtime_if_known");
    d.cores = integer("cores");
    d.smCount = integer("sm_count");
    d.batchSize = integer("batch_size");
    d.baseClockMhz = num("base_clock_mhz");
    d.boostClockMhz = num("boost_clock_mhz");
    d.peakFp32Gflops = num("peak_fp32_gflops");
    d.memoryBandwidthGbs = num("memory_bandwidth_gbs");
    d.memoryGb = num("memory_gb");
    d.l2CacheKb = num("l2_cache_kb");
    d.l3CacheKb = num("l3_cache_kb");
    d.tdpW = num("tdp_w");
    std::string notes = get("notes");
    if (auto c = get("confidence"); !c.empty()) notes = "identification confidence: " + c + ". " + notes;
    if (auto m = get("measured_or_estimated"); !m.empty()) notes = "latencies " + m + ". " + notes;
    d.notes = notes;
    d.provenance = "spec sheet " + path + (get("source").empty() ? "" : " (sources: " + get("source") + ")");
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<std::string> readDeviceColumns(const std::string& path, std::string_view line, std::string_view table) {
  auto header = text::split(text::trim(line), ',');
  if (header.size() < 3 || header[0] != "idx" || header[1] != "arch_str")
    badLine(path, 1, "wrong header: expected 'idx,arch_str,<device>,...' (" + std::string(table) + ")");
  std::vector<std::string> devices;
  for (std::size_t c = 2; c < header.size(); ++c) {
    auto name = std::string(text::trim(header[c]));
    if (name.empty()) badLine(path, 1, "device column " + std::to_string(c + 1) + " has no name");
    if (auto why = store::deviceNameProblem(name); !why.empty())
      badLine(path, 1, "device column " + std::to_string(c + 1) + ": " + why);
    for (const auto& d : devices)
      if (d == name) badLine(path, 1, "device column '" + name + "' appears twice");
    devices.push_back(std::move(name));
  }
  return devices;
}

double readLatencyField(const std::string& path, long line, std::string_view raw, const std::string& device) {
  const auto field = text::trim(raw);
  if (field.empty()) badLine(path, line, "no latency for device '" + device + "'");
  auto v = text::parseDouble(field);
  if (!v) badLine(path, line, "latency '" + std::string(field) + "' for '" + device + "' is not a number");
  if (*v <= 0) badLine(path, line, "latency " + std::string(field) + " ms for '" + device + "' is not positive");
  if (!plausibleLatencyMs(*v))
    badLine(path, line, "latency " + std::string(field) + " ms for '" + device + "' is outside 1e-6 .. 1e7 ms (a unit mistake?)");
  return *v;
}

std::string tablePathOf(const std::string& path, const char* tableName) {
  std::error_code ec;
  return fs::is_directory(path, ec) ? (fs::path(path) / tableName).string() : path;
}

ImportResult writeImport(store::Project& project, const ImportTable& table, const ImportProgressFn& progress) {
  ImportResult result;
  const auto specs = specsBeside(table.path, result.specsFound);
  const store::ForeignKeyLookupsSuspended bulk(project);
  store::Transaction tx(project.db());
  const auto sourceId = store::ensureSource(project, table.sourceKey, table.sourceKey, table.sourceDescription);
  const auto deviceIds = writeDevices(project, table, specs);
  result.devices = static_cast<int>(deviceIds.size());

  const auto archIds = store::ensureArchitectures(project, table.space, table.architectures);
  result.architectures = static_cast<long>(archIds.size());

  // Device-major order appends to the (device, architecture, source) index instead of scattering.
  store::ImportedColumnWriter columns(project);
  ImportProgress prog{0, static_cast<long>(table.ms.size())};
  const size_t nd = table.devices.size();
  for (size_t d = 0; d < nd; ++d) {
    const long added = columns.write(sourceId, deviceIds[d], batchOf(table.devices[d]), archIds, table.ms.data() + d, nd);
    result.samplesAdded += added;
    result.samplesExisting += static_cast<long>(archIds.size()) - added;
    prog.rowsWritten += static_cast<long>(archIds.size());
    if (progress && !progress(prog)) fail(ErrorKind::Cancelled, "import cancelled; the project is unchanged");
  }
  tx.commit();
  return result;
}

} // namespace maple::dataset
