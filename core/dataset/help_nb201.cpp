#include "dataset/help_nb201.hpp"

#include "common/error.hpp"
#include "common/file_read.hpp"
#include "common/latency_bounds.hpp"
#include "common/text.hpp"
#include "dataset/table_file.hpp"
#include "store/latencies.hpp"

#include <filesystem>
#include <map>

namespace maple::dataset {
namespace fs = std::filesystem;
namespace {

constexpr const char* kTableName = "nb201_latency_ms.csv";
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

} // namespace

LatencyTable readLatencyTable(const std::string& path) {
  const std::string data = readWhole(path);
  const auto rows = lines(data);
  if (rows.empty()) badLine(path, 1, "the file is empty; expected a header 'idx,arch_str,<device>,...'");
  LatencyTable t;
  t.path = path;
  auto header = text::split(text::trim(rows[0]), ',');
  if (header.size() < 3 || header[0] != "idx" || header[1] != "arch_str")
    badLine(path, 1, "wrong header: expected 'idx,arch_str,<device>,...' (the HELP NAS-Bench-201 latency table)");
  for (size_t c = 2; c < header.size(); ++c) {
    auto name = std::string(text::trim(header[c]));
    if (name.empty()) badLine(path, 1, "device column " + std::to_string(c + 1) + " has no name");
    if (auto why = store::deviceNameProblem(name); !why.empty())
      badLine(path, 1, "device column " + std::to_string(c + 1) + ": " + why);
    for (const auto& d : t.devices)
      if (d == name) badLine(path, 1, "device column '" + name + "' appears twice");
    t.devices.push_back(name);
  }
  const size_t nd = t.devices.size();
  std::vector<bool> seen(nb201::kSpaceSize, false);
  std::vector<int> lineOfCell(nb201::kSpaceSize, 0); // one architecture, one row: a second idx is refused
  t.index.reserve(rows.size());
  t.cells.reserve(rows.size());
  t.ms.reserve(rows.size() * nd);
  for (size_t r = 1; r < rows.size(); ++r) {
    const long line = static_cast<long>(r + 1);
    auto fields = text::split(text::trim(rows[r]), ',');
    if (fields.size() != nd + 2)
      badLine(path, line, "has " + std::to_string(fields.size()) + " fields, the header has " + std::to_string(nd + 2));
    auto idx = text::parseInt(fields[0]);
    if (!idx || *idx < 0 || *idx >= nb201::kSpaceSize)
      badLine(path, line, "idx '" + std::string(fields[0]) + "' is not an index in 0..15624");
    if (seen[*idx]) badLine(path, line, "idx " + std::to_string(*idx) + " appears twice");
    seen[*idx] = true;
    try {
      t.cells.push_back(nb201::parseCell(fields[1]));
    } catch (const Error& e) {
      badLine(path, line, e.what());
    }
    auto& first = lineOfCell[static_cast<size_t>(nb201::cellCode(t.cells.back()))];
    if (first != 0)
      badLine(path, line, "architecture " + text::quote(text::printable(fields[1], 200)) + " already appears on line " +
                              std::to_string(first) + " under another idx; each architecture needs one row");
    first = static_cast<int>(line);
    t.index.push_back(static_cast<int>(*idx));
    for (size_t d = 0; d < nd; ++d) {
      auto field = text::trim(fields[d + 2]);
      if (field.empty()) badLine(path, line, "no latency for device '" + t.devices[d] + "'");
      auto v = text::parseDouble(field);
      if (!v) badLine(path, line, "latency '" + std::string(field) + "' for '" + t.devices[d] + "' is not a number");
      if (*v <= 0)
        badLine(path, line, "latency " + std::string(field) + " ms for '" + t.devices[d] + "' is not positive");
      if (!plausibleLatencyMs(*v))
        badLine(path, line, "latency " + std::string(field) + " ms for '" + t.devices[d] +
                                "' is outside 1e-6 .. 1e7 ms (a unit mistake?)");
      t.ms.push_back(*v);
    }
  }
  if (t.index.empty()) badLine(path, 2, "the table has a header but no rows");
  return t;
}

std::vector<store::Device> readDeviceSpecs(const std::string& path) {
  const std::string data = readWhole(path);
  // Quoted fields may hold commas but no line breaks in this sheet, so lines are records.
  const auto rows = lines(data);
  if (rows.empty()) badLine(path, 1, "the file is empty; expected a header starting with 'device'");
  auto header = text::splitCsv(rows[0]);
  if (!header || header->empty() || (*header)[0] != "device")
    badLine(path, 1, "wrong header: the first column must be 'device'");
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < header->size(); ++i) col[(*header)[i]] = i;
  std::vector<store::Device> out;
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
    store::Device d;
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

ImportResult importHelpNb201(store::Project& project, const std::string& path,
                             const std::function<bool(const ImportProgress&)>& progress) {
  std::string tablePath = path;
  std::error_code ec;
  if (fs::is_directory(path, ec)) tablePath = (fs::path(path) / kTableName).string();
  const auto table = readLatencyTable(tablePath);
  const auto specsPath = (fs::path(tablePath).parent_path() / kSpecsName).string();
  std::map<std::string, store::Device> specs;
  ImportResult result;
  if (fs::exists(specsPath, ec)) {
    for (auto& d : readDeviceSpecs(specsPath)) specs[d.name] = std::move(d);
    result.specsFound = true;
  }

  const std::string when = text::nowIso8601();
  const store::ForeignKeyLookupsSuspended bulk(project);
  store::Transaction tx(project.db());
  const auto sourceId = store::ensureSource(
      project, "import:help-nb201", "import:help-nb201",
      "NAS-Bench-201 latency table published by HELP (Lee et al., NeurIPS 2021; github.com/HayeonLee/HELP, "
      "data/nasbench201/latency), read from " + tablePath + "; raspi4, pixel3, eyeriss and fpga columns from "
      "HW-NAS-Bench (eyeriss and fpga simulated)");
  std::vector<std::int64_t> deviceIds;
  std::vector<std::optional<int>> batches;
  for (const auto& name : table.devices) {
    store::Device d;
    if (auto it = specs.find(name); it != specs.end()) d = it->second;
    d.name = name;
    if (d.family.empty() || d.family == "unknown") d.family = familyOf(name);
    if (!d.batchSize) d.batchSize = batchOf(name);
    d.provenance = "imported from " + tablePath + (d.provenance.empty() ? "" : "; " + d.provenance);
    deviceIds.push_back(store::upsertDevice(project, d));
    batches.push_back(batchOf(name));
  }
  result.devices = static_cast<int>(deviceIds.size());

  store::LatencyWriter writer(project);
  std::vector<std::int64_t> archIds;
  archIds.reserve(table.cells.size());
  for (size_t r = 0; r < table.cells.size(); ++r) archIds.push_back(writer.architecture(table.cells[r], table.index[r]));

  // Device-major order appends to the (device, architecture, source) index instead of scattering.
  store::ImportedColumnWriter columns(project);
  ImportProgress prog{0, static_cast<long>(table.ms.size())};
  const size_t nd = table.devices.size();
  for (size_t d = 0; d < nd; ++d) {
    const long added = columns.write(sourceId, deviceIds[d], batches[d], when, archIds, table.ms.data() + d, nd);
    result.samplesAdded += added;
    result.samplesExisting += static_cast<long>(archIds.size()) - added;
    prog.rowsWritten += static_cast<long>(archIds.size());
    if (progress && !progress(prog)) fail(ErrorKind::Cancelled, "import cancelled; the project is unchanged");
  }
  result.architectures = static_cast<long>(table.cells.size());
  tx.commit();
  return result;
}

} // namespace maple::dataset
