#include "dataset/help_fbnet.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "dataset/table_file.hpp"
#include "searchspace/space.hpp"

#include <unordered_map>

namespace maple::dataset {
namespace {
constexpr const char* kTableName = "fbnet_latency_ms.csv";
} // namespace

FbnetTable readFbnetTable(const std::string& path) {
  const std::string data = readWhole(path);
  const auto rows = lines(data);
  if (rows.empty()) badLine(path, 1, "the file is empty; expected a header 'idx,arch_str,<device>,...'");
  const auto& space = searchspace::fbnetSpace();
  FbnetTable t;
  t.path = path;
  t.devices = readDeviceColumns(path, rows[0], "the HELP FBNet latency table");
  std::unordered_map<long long, long> idxLine;
  std::unordered_map<std::string, long> archLine;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const long line = static_cast<long>(r + 1);
    auto fields = text::split(text::trim(rows[r]), ',');
    if (fields.size() != t.devices.size() + 2)
      badLine(path, line, "has " + std::to_string(fields.size()) + " fields, the header has " +
                              std::to_string(t.devices.size() + 2));
    auto idx = text::parseInt(fields[0]);
    if (!idx || *idx < 0 || *idx > 1'000'000'000)
      badLine(path, line, "idx '" + std::string(fields[0]) + "' is not a non-negative integer");
    if (auto [it, fresh] = idxLine.emplace(*idx, line); !fresh)
      badLine(path, line, "idx " + std::to_string(*idx) + " appears twice (first at line " + std::to_string(it->second) + ")");
    std::string arch;
    try {
      arch = space.canonical(fields[1]);
    } catch (const Error& e) {
      badLine(path, line, e.what());
    }
    if (auto [it, fresh] = archLine.emplace(arch, line); !fresh)
      badLine(path, line, "architecture " + arch + " appears twice (first at line " + std::to_string(it->second) + ")");
    t.index.push_back(static_cast<int>(*idx));
    t.archs.push_back(std::move(arch));
    for (std::size_t d = 0; d < t.devices.size(); ++d) t.ms.push_back(readLatencyField(path, line, fields[d + 2], t.devices[d]));
  }
  if (t.index.empty()) badLine(path, 2, "the table has a header but no rows");
  return t;
}

// HELP's row index is the data set's (FBNet is not enumerable: no cell code); it is stored as the
// architecture's space_index, which a project imported before it was stored gains on re-import.
ImportResult importHelpFbnet(store::Project& project, const std::string& path, const ImportProgressFn& progress) {
  auto t = readFbnetTable(tablePathOf(path, kTableName));
  ImportTable table;
  table.path = t.path;
  table.space = searchspace::fbnetSpace().name();
  table.sourceKey = "import:help-fbnet";
  table.sourceDescription =
      "FBNet latency table published by HELP (Lee et al., NeurIPS 2021; github.com/HayeonLee/HELP, data/fbnet; "
      "originally HW-NAS-Bench, CIFAR-100 setting), read from " + t.path;
  table.devices = std::move(t.devices);
  table.architectures.reserve(t.archs.size());
  for (std::size_t r = 0; r < t.archs.size(); ++r)
    table.architectures.push_back({std::move(t.archs[r]), std::nullopt, t.index[r]});
  table.ms = std::move(t.ms);
  return writeImport(project, table, progress);
}

} // namespace maple::dataset
