// maple predict: latencies from a predictor file for a device of a project or a descriptor file.
#include "cli/commands.hpp"
#include "cli/descriptor_file.hpp"
#include "cli/list_file.hpp"
#include "cli/output.hpp"
#include "cli/predictor_support.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "predict/pool.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <iostream>
#include <optional>

namespace maple::cli {
namespace {

struct Opts {
  std::string predictor, project, device, descriptorFile, arch, archsFile;
  bool all = false, csv = false, json = false;
};

// NAS-Bench-201's own index <-> cell code, from the project when one is given, else from the
// predictor file's index table.
struct IndexOf {
  std::vector<int> codeOf; // index -> cell code; -1 where a project has not imported that index
  std::vector<int> ofCode; // cell code -> index; -1 for a code without one
  bool empty() const { return codeOf.empty(); }
  static std::optional<int> at(const std::vector<int>& v, long long i) {
    if (i < 0 || i >= static_cast<long long>(v.size()) || v[static_cast<size_t>(i)] < 0) return std::nullopt;
    return v[static_cast<size_t>(i)];
  }
};

// A project may know only some indices (a partial table was imported).
IndexOf indexOfProject(store::Project& project) {
  IndexOf map;
  for (const auto& a : store::listArchitectures(project))
    if (a.spaceIndex) {
      if (*a.spaceIndex < 0 || *a.spaceIndex >= nb201::kSpaceSize)
        badInput(project.path() + " holds NAS-Bench-201 index " + std::to_string(*a.spaceIndex) +
                 ", outside the space (a damaged project: import the table into a new one)");
      const auto index = static_cast<size_t>(*a.spaceIndex);
      if (map.codeOf.size() <= index) map.codeOf.resize(index + 1, -1);
      map.codeOf[index] = nb201::cellCode(a.cell);
    }
  map.ofCode.assign(map.codeOf.empty() ? 0 : nb201::kSpaceSize, -1);
  for (size_t i = 0; i < map.codeOf.size(); ++i)
    if (map.codeOf[i] >= 0) map.ofCode[static_cast<size_t>(map.codeOf[i])] = static_cast<int>(i);
  return map;
}

nb201::Cell parseArch(std::string_view t, const IndexOf& indexOf, const std::string& where) {
  if (auto i = text::parseInt(t)) {
    if (indexOf.empty())
      fail(ErrorKind::Usage, where + "architecture index " + std::string(t) +
                                 " needs an index table: this predictor file carries none, so give --project (whose imported "
                                 "table maps indices) or the architecture string");
    if (auto code = IndexOf::at(indexOf.codeOf, *i)) return nb201::cellFromCode(*code);
    badInput(where + "architecture index " + std::string(t) + " is not in the index table");
  }
  try {
    return nb201::parseCell(t);
  } catch (const Error& e) {
    badInput(where + e.what());
  }
}

std::vector<nb201::Cell> selectArchs(const Opts& o, const IndexOf& indexOf) {
  std::vector<nb201::Cell> cells;
  if (o.all) {
    cells.reserve(nb201::kSpaceSize);
    for (int c = 0; c < nb201::kSpaceSize; ++c) cells.push_back(nb201::cellFromCode(c));
  } else if (!o.arch.empty()) {
    cells.push_back(parseArch(o.arch, indexOf, "--arch: "));
  } else {
    for (const auto& line : readListFile(o.archsFile, "--archs-file"))
      cells.push_back(parseArch(line.text, indexOf, o.archsFile + ":" + std::to_string(line.number) + ": "));
    if (cells.empty()) fail(ErrorKind::Usage, o.archsFile + " lists no architectures (one string or index per line)");
  }
  return cells;
}

} // namespace

void addPredictCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("predict", "Predict latencies (ms) with a predictor file");
  auto o = std::make_shared<Opts>();
  cmd->add_option("--predictor", o->predictor, "Predictor file (.maplepred)")->required();
  auto* project = cmd->add_option("--project", o->project, "Project holding the device");
  auto* device = cmd->add_option("--device", o->device, "Device of the project to predict for");
  auto* descr = cmd->add_option("--descriptor", o->descriptorFile, "Descriptor file (JSON, as maple descriptor writes it; see /usr/share/doc/maple/predictor-file.md)");
  auto* arch = cmd->add_option("--arch", o->arch, "One architecture: string, or NAS-Bench-201 index (with --project, or a predictor file made from the whole table)");
  auto* archs = cmd->add_option("--archs-file", o->archsFile, "Architectures, one string or index per line");
  auto* all = cmd->add_flag("--all", o->all, "Every architecture of the space (15,625)");
  auto* csv = cmd->add_flag("--csv", o->csv, "CSV output");
  auto* json = cmd->add_flag("--json", o->json, "JSON output");
  device->needs(project);
  descr->excludes(device);
  arch->excludes(archs)->excludes(all);
  archs->excludes(all);
  csv->excludes(json);
  cmd->callback([o] {
    if (o->arch.empty() && o->archsFile.empty() && !o->all)
      fail(ErrorKind::Usage, "say what to predict: --arch STR, --archs-file FILE or --all");
    const auto file = predictfile::readPredictorFile(o->predictor);
    auto predictor = fromFile(file, o->predictor);
    // An adapted predictor knows its device: it needs neither a project nor a descriptor.
    const bool adapted = !predictor->targetDevice().empty();
    if (!adapted && o->device.empty() == o->descriptorFile.empty())
      fail(ErrorKind::Usage, "say for which device: --project P --device NAME, or --descriptor FILE "
                             "(a predictor adapted to a device, e.g. by maple adapt, needs neither)");
    if (adapted && !o->descriptorFile.empty())
      fail(ErrorKind::Usage, o->predictor + " is adapted to " + text::quote(predictor->targetDevice()) +
                                 " and predicts for it alone: drop --descriptor");

    IndexOf indexOf;
    std::optional<store::Project> proj;
    if (!o->project.empty()) {
      proj.emplace(store::Project::open(o->project));
      indexOf = indexOfProject(*proj);
    } else {
      indexOf = {file.indexTable, predictfile::indexOfCode(file)};
    }
    const auto cells = selectArchs(*o, indexOf);

    // An adapted predictor predicts for its own device; a pool-trained one is adapted with no shot
    // from the device's descriptor (whose latencies, for reference-latency, count as shots).
    std::string forDevice = predictor->targetDevice();
    // Every latency measured on the device that this prediction uses: an adapted predictor's shots,
    // or the latencies a reference-latency descriptor is made of.
    size_t latenciesUsed = predictor->adaptedOn().size();
    if (!forDevice.empty()) {
      if (!o->device.empty() && o->device != forDevice)
        fail(ErrorKind::Usage, o->predictor + " is adapted to " + text::quote(forDevice) + ", not " +
                                   text::quote(o->device) + ": use the pool-trained predictor, or --device " + forDevice);
    } else {
      predict::Target target;
      if (!o->device.empty()) {
        store::requireDevice(*proj, o->device);
        target.device = o->device;
        target.descriptor = predict::deviceDescriptor(*proj, o->device, predictor->descriptorKind());
      } else {
        auto d = readDescriptorFile(o->descriptorFile);
        target.device = d.device.empty() ? o->descriptorFile : d.device;
        target.descriptor = std::move(d.descriptor);
      }
      checkDescriptor(*predictor, file, target.descriptor,
                      o->device.empty() ? o->descriptorFile : "device " + text::quote(o->device));
      predictor = predictor->adapt(target);
      forDevice = target.device;
      latenciesUsed = target.descriptor.kind == "reference-latency" ? target.descriptor.values.size()
                                                                     : static_cast<size_t>(target.descriptor.shotsUsed);
    }
    std::vector<double> spread;
    const auto ms = predictor->predictMs(cells, &spread);

    auto indexText = [&](const nb201::Cell& c) {
      const auto index = IndexOf::at(indexOf.ofCode, nb201::cellCode(c));
      return index ? std::to_string(*index) : std::string();
    };
    if (o->json) {
      nlohmann::json rows = nlohmann::json::array();
      for (size_t i = 0; i < cells.size(); ++i) {
        nlohmann::json r{{"arch", nb201::toString(cells[i])}, {"code", nb201::cellCode(cells[i])}, {"predicted_ms", ms[i]}};
        if (auto idx = indexText(cells[i]); !idx.empty()) r["index"] = std::stoi(idx);
        if (!spread.empty()) r["spread"] = spread[i];
        rows.push_back(std::move(r));
      }
      printJson({{"device", forDevice},
                 {"method", predictor->method()},
                 {"shots", latenciesUsed},
                 {"predictions", rows}});
      return;
    }
    if (o->csv) {
      std::string out = "arch,code,index,predicted_ms,spread\n";
      for (size_t i = 0; i < cells.size(); ++i)
        out += nb201::toString(cells[i]) + "," + std::to_string(nb201::cellCode(cells[i])) + "," + indexText(cells[i]) +
               "," + fmt(ms[i], 6) + "," + (spread.empty() ? "" : fmt(spread[i], 4)) + "\n";
      std::cout << out;
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < cells.size(); ++i) {
      const auto idx = indexText(cells[i]);
      rows.push_back({nb201::toString(cells[i]), idx.empty() ? "-" : idx, fmt(ms[i], 5),
                      spread.empty() ? "-" : fmt(spread[i], 3)});
    }
    printTable({"ARCH", "INDEX", "PREDICTED_MS", "SPREAD"}, rows);
    std::cout << "for " << forDevice << ", using " << latenciesUsed << " latencies measured on it (shots)\n";
  });
}

} // namespace maple::cli
