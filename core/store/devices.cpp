#include "store/devices.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

namespace maple::store {
namespace {

constexpr const char* kColumns =
    "id, name, family, hardware, vendor, microarchitecture, memory_type, runtime, provenance, notes, "
    "cores, sm_count, batch_size, base_clock_mhz, boost_clock_mhz, peak_fp32_gflops, "
    "memory_bandwidth_gbs, memory_gb, l1d_cache_kb, l2_cache_kb, l3_cache_kb, tdp_w, created_at";

std::optional<int> optInt(const Statement& st, int col) {
  auto v = st.optInt64(col);
  return v ? std::optional<int>(static_cast<int>(*v)) : std::nullopt;
}

hardware::Device readDevice(const Statement& st) {
  hardware::Device d;
  d.id = st.int64(0);
  d.name = st.text(1);
  d.family = st.text(2);
  d.hardware = st.text(3);
  d.vendor = st.text(4);
  d.microarchitecture = st.text(5);
  d.memoryType = st.text(6);
  d.runtime = st.text(7);
  d.provenance = st.text(8);
  d.notes = st.text(9);
  d.cores = optInt(st, 10);
  d.smCount = optInt(st, 11);
  d.batchSize = optInt(st, 12);
  d.baseClockMhz = st.optReal(13);
  d.boostClockMhz = st.optReal(14);
  d.peakFp32Gflops = st.optReal(15);
  d.memoryBandwidthGbs = st.optReal(16);
  d.memoryGb = st.optReal(17);
  d.l1dCacheKb = st.optReal(18);
  d.l2CacheKb = st.optReal(19);
  d.l3CacheKb = st.optReal(20);
  d.tdpW = st.optReal(21);
  d.createdAt = st.text(22);
  return d;
}

std::optional<std::string> nonEmpty(const std::string& s) {
  return s.empty() ? std::nullopt : std::optional<std::string>(s);
}

} // namespace

std::vector<hardware::Device> listDevices(Project& project) {
  auto st = project.db().prepare(std::string("SELECT ") + kColumns + " FROM devices ORDER BY name");
  std::vector<hardware::Device> out;
  while (st.step()) out.push_back(readDevice(st));
  return out;
}

std::int64_t DeviceSummary::measuredIn(std::string_view space) const {
  for (const auto& s : spaces)
    if (s.space == space) return s.architectures;
  return 0;
}

std::vector<DeviceSummary> listDeviceSummaries(Project& project) {
  std::vector<DeviceSummary> out;
  auto counts = project.db().prepare(
      "SELECT a.search_space, count(DISTINCT l.architecture_id), count(*) FROM latency_samples l "
      "JOIN architectures a ON a.id = l.architecture_id WHERE l.device_id = ? GROUP BY a.search_space "
      "ORDER BY a.search_space");
  auto kinds = project.db().prepare("SELECT DISTINCT kind FROM descriptors WHERE device_id = ? ORDER BY kind");
  for (auto& d : listDevices(project)) {
    DeviceSummary s{d, 0, 0, isImported(project, d), {}, {}};
    counts.bind(1, d.id);
    while (counts.step()) {
      s.spaces.push_back({counts.text(0), counts.int64(1), counts.int64(2)});
      s.measuredArchitectures += counts.int64(1);
      s.latencySamples += counts.int64(2);
    }
    counts.reset();
    kinds.bind(1, d.id);
    while (kinds.step()) s.descriptorKinds.push_back(kinds.text(0));
    kinds.reset();
    out.push_back(std::move(s));
  }
  return out;
}

std::vector<std::string> devicesMeasuredIn(Project& project, std::string_view space) {
  auto st = project.db().prepare(
      "SELECT d.name FROM devices d WHERE EXISTS (SELECT 1 FROM latency_samples l JOIN architectures a "
      "ON a.id = l.architecture_id WHERE l.device_id = d.id AND a.search_space = ?) ORDER BY d.name");
  st.bind(1, space);
  std::vector<std::string> out;
  while (st.step()) out.push_back(st.text(0));
  return out;
}

std::optional<hardware::Device> findDevice(Project& project, const std::string& name) {
  auto st = project.db().prepare(std::string("SELECT ") + kColumns + " FROM devices WHERE name = ?");
  st.bind(1, name);
  if (!st.step()) return std::nullopt;
  return readDevice(st);
}

bool isImported(Project& project, const hardware::Device& device) {
  if (device.provenance.rfind("imported from ", 0) == 0) return true;
  auto st = project.db().prepare(
      "SELECT EXISTS (SELECT 1 FROM latency_samples l JOIN sources s ON s.id = l.source_id "
      "WHERE l.device_id = ?1 AND s.kind LIKE 'import:%')");
  st.bind(1, device.id);
  st.step();
  return st.int64(0) != 0;
}

hardware::Device requireDevice(Project& project, const std::string& name) {
  if (auto d = findDevice(project, name)) return *d;
  std::string known;
  for (const auto& d : listDevices(project)) known += (known.empty() ? "" : ", ") + d.name;
  badInput("no device named '" + name + "' in " + project.path() +
           (known.empty() ? " (the project has no devices yet)" : " (known: " + known + ")"));
}

std::string deviceNameProblem(const std::string& name) {
  if (name.empty()) return "the device name is empty";
  if (name.size() > 200) return "the device name is longer than 200 bytes";
  if (!text::validUtf8(name)) return "the device name " + text::quote(text::printable(name)) + " is not valid UTF-8";
  for (unsigned char c : name)
    if (c < 0x20 || c == 0x7F)
      return "the device name " + text::quote(text::printable(name)) + " holds a control character";
  return {};
}

std::int64_t upsertDevice(Project& project, const hardware::Device& d) {
  if (auto why = deviceNameProblem(d.name); !why.empty()) badInput(why + "; name devices with printable text");
  auto& db = project.db();
  auto st = db.prepare(
      "INSERT INTO devices (name, family, hardware, vendor, microarchitecture, memory_type, runtime, "
      "provenance, notes, cores, sm_count, batch_size, base_clock_mhz, boost_clock_mhz, peak_fp32_gflops, "
      "memory_bandwidth_gbs, memory_gb, l1d_cache_kb, l2_cache_kb, l3_cache_kb, tdp_w, created_at) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22) "
      "ON CONFLICT(name) DO UPDATE SET "
      "family = CASE WHEN family = 'unknown' THEN excluded.family ELSE family END, "
      "hardware = coalesce(hardware, excluded.hardware), vendor = coalesce(vendor, excluded.vendor), "
      "microarchitecture = coalesce(microarchitecture, excluded.microarchitecture), "
      "memory_type = coalesce(memory_type, excluded.memory_type), runtime = coalesce(runtime, excluded.runtime), "
      "notes = coalesce(notes, excluded.notes), cores = coalesce(cores, excluded.cores), "
      "sm_count = coalesce(sm_count, excluded.sm_count), batch_size = coalesce(batch_size, excluded.batch_size), "
      "base_clock_mhz = coalesce(base_clock_mhz, excluded.base_clock_mhz), "
      "boost_clock_mhz = coalesce(boost_clock_mhz, excluded.boost_clock_mhz), "
      "peak_fp32_gflops = coalesce(peak_fp32_gflops, excluded.peak_fp32_gflops), "
      "memory_bandwidth_gbs = coalesce(memory_bandwidth_gbs, excluded.memory_bandwidth_gbs), "
      "memory_gb = coalesce(memory_gb, excluded.memory_gb), l1d_cache_kb = coalesce(l1d_cache_kb, excluded.l1d_cache_kb), "
      "l2_cache_kb = coalesce(l2_cache_kb, excluded.l2_cache_kb), l3_cache_kb = coalesce(l3_cache_kb, excluded.l3_cache_kb), "
      "tdp_w = coalesce(tdp_w, excluded.tdp_w)");
  st.bind(1, d.name).bind(2, d.family).bind(3, nonEmpty(d.hardware)).bind(4, nonEmpty(d.vendor));
  st.bind(5, nonEmpty(d.microarchitecture)).bind(6, nonEmpty(d.memoryType)).bind(7, nonEmpty(d.runtime));
  st.bind(8, d.provenance.empty() ? std::string("manual") : d.provenance).bind(9, nonEmpty(d.notes));
  st.bind(10, d.cores).bind(11, d.smCount).bind(12, d.batchSize).bind(13, d.baseClockMhz);
  st.bind(14, d.boostClockMhz).bind(15, d.peakFp32Gflops).bind(16, d.memoryBandwidthGbs).bind(17, d.memoryGb);
  st.bind(18, d.l1dCacheKb).bind(19, d.l2CacheKb).bind(20, d.l3CacheKb).bind(21, d.tdpW);
  st.bind(22, text::nowIso8601());
  st.run();
  auto id = db.prepare("SELECT id FROM devices WHERE name = ?");
  id.bind(1, d.name);
  id.step();
  return id.int64(0);
}

} // namespace maple::store
