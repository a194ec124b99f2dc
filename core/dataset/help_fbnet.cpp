#include "dataset/help_fbnet.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "dataset/table_file.hpp"
#include "searchspace/space.hpp"

#include <unordered_map>

namespace maple::dataset {
namespace {

std::vector<std::string> readHeader(const std::string& path, std::string_view line) {
  auto header = text::split(text::trim(line), ',');
  if (header.size() < 3 || header[0] != "idx" || header[1] != "arch_str")
    badLine(path, 1, "wrong header: expected 'idx,arch_str,<device>,...' (the HELP FBNet latency table)");
  std::vector<std::string> devices;
  for (std::size_t c = 2; c < header.size(); ++c) {
    auto name = std::string(text::trim(header[c]));
    if (name.empty()) badLine(path, 1, "device column " + std::to_string(c + 1) + " has no name");
    for (const auto& d : devices)
      if (d == name) badLine(path, 1, "device column '" + name + "' appears twice");
    devices.push_back(std::move(name));
  }
  return devices;
}

void readLatencies(const std::string& path, long line, const std::vector<std::string_view>& fields,
                   const std::vector<std::string>& devices, std::vector<double>& ms) {
  for (std::size_t d = 0; d < devices.size(); ++d) {
    auto field = text::trim(fields[d + 2]);
    if (field.empty()) badLine(path, line, "no latency for device '" + devices[d] + "'");
    auto v = text::parseDouble(field);
    if (!v) badLine(path, line, "latency '" + std::string(field) + "' for '" + devices[d] + "' is not a number");
    if (*v <= 0) badLine(path, line, "latency " + std::string(field) + " ms for '" + devices[d] + "' is not positive");
    ms.push_back(*v);
  }
}

} // namespace

FbnetTable readFbnetTable(const std::string& path) {
  const std::string data = readWhole(path);
  const auto rows = lines(data);
  if (rows.empty()) badLine(path, 1, "the file is empty; expected a header 'idx,arch_str,<device>,...'");
  const auto& space = searchspace::fbnetSpace();
  FbnetTable t;
  t.path = path;
  t.devices = readHeader(path, rows[0]);
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
    readLatencies(path, line, fields, t.devices, t.ms);
  }
  if (t.index.empty()) badLine(path, 2, "the table has a header but no rows");
  return t;
}

} // namespace maple::dataset
