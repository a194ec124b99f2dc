#include "dataset/help_nb201.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "dataset/table_file.hpp"

namespace maple::dataset {
namespace {
constexpr const char* kTableName = "nb201_latency_ms.csv";
} // namespace

LatencyTable readLatencyTable(const std::string& path) {
  const std::string data = readWhole(path);
  const auto rows = lines(data);
  if (rows.empty()) badLine(path, 1, "the file is empty; expected a header 'idx,arch_str,<device>,...'");
  LatencyTable t;
  t.path = path;
  t.devices = readDeviceColumns(path, rows[0], "the HELP NAS-Bench-201 latency table");
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
    for (size_t d = 0; d < nd; ++d) t.ms.push_back(readLatencyField(path, line, fields[d + 2], t.devices[d]));
  }
  if (t.index.empty()) badLine(path, 2, "the table has a header but no rows");
  return t;
}

ImportResult importHelpNb201(store::Project& project, const std::string& path, const ImportProgressFn& progress) {
  auto t = readLatencyTable(tablePathOf(path, kTableName));
  ImportTable table;
  table.path = t.path;
  table.space = nb201::kSpaceName;
  table.sourceKey = "import:help-nb201";
  table.sourceDescription =
      "NAS-Bench-201 latency table published by HELP (Lee et al., NeurIPS 2021; github.com/HayeonLee/HELP, "
      "data/nasbench201/latency), read from " + t.path + "; raspi4, pixel3, eyeriss and fpga columns from "
      "HW-NAS-Bench (eyeriss and fpga simulated)";
  table.devices = std::move(t.devices);
  table.architectures.reserve(t.cells.size());
  for (size_t r = 0; r < t.cells.size(); ++r)
    table.architectures.push_back({nb201::toString(t.cells[r]), nb201::cellCode(t.cells[r]), t.index[r]});
  table.ms = std::move(t.ms);
  return writeImport(project, table, progress);
}

} // namespace maple::dataset
