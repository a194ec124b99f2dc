// maple predict: latencies from a predictor file for a device of a project or a descriptor file.
#include "cli/commands.hpp"
#include "cli/descriptor_file.hpp"
#include "cli/list_file.hpp"
#include "cli/output.hpp"
#include "cli/predictor_support.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "services/descriptors.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"

#include <iostream>
#include <map>
#include <optional>

namespace maple::cli {
namespace {

struct Opts {
  std::string predictor, project, device, descriptorFile, arch, archsFile;
  bool all = false, csv = false, json = false;
};

// The data set's own index of an architecture (NAS-Bench-201's, HELP's FBNet list position) and
// back: from the project when one is given, else from the predictor file's index table (nb201).
struct IndexOf {
  std::map<long long, searchspace::Genotype> genotypeOf;
  // Keyed by the choices' bytes as a string: a map keyed by the byte vector trips GCC 12's
  // -Wstringop-overread at -O3 (a false positive in its three-way compare), failing Release builds.
  std::map<std::string, long long> indexOf;
  static std::string key(const searchspace::Genotype& g) { return {g.choices.begin(), g.choices.end()}; }
  bool empty() const { return genotypeOf.empty(); }
  void add(long long index, const searchspace::Genotype& g) {
    genotypeOf.emplace(index, g);
    indexOf.emplace(key(g), index);
  }
  std::string text(const searchspace::Genotype& g) const {
    auto it = indexOf.find(key(g));
    return it == indexOf.end() ? std::string() : std::to_string(it->second);
  }
};

// A project may know only some indices (a partial table was imported).
IndexOf indexOfProject(store::Project& project, const searchspace::SearchSpace& space) {
  IndexOf map;
  for (const auto& a : store::listArchitectures(project, space))
    if (a.spaceIndex) map.add(*a.spaceIndex, a.arch.genotype);
  return map;
}

IndexOf indexOfFile(const predictfile::PredictorFile& file, const searchspace::SearchSpace& space) {
  IndexOf map;
  for (size_t i = 0; i < file.indexTable.size(); ++i) map.add(static_cast<long long>(i), space.fromIndex(file.indexTable[i]));
  return map;
}

searchspace::Genotype parseArch(const searchspace::SearchSpace& space, std::string_view t, const IndexOf& indexOf,
                                const std::string& where) {
  if (auto i = text::parseInt(t)) {
    if (indexOf.empty())
      fail(ErrorKind::Usage, where + "architecture index " + std::string(t) +
                                 " needs an index table: this predictor file carries none, so give --project (whose imported "
                                 "table maps indices) or the architecture string");
    if (auto it = indexOf.genotypeOf.find(*i); it != indexOf.genotypeOf.end()) return it->second;
    badInput(where + "architecture index " + std::string(t) + " is not in the index table");
  }
  try {
    return space.parse(t);
  } catch (const Error& e) {
    badInput(where + e.what());
  }
}

searchspace::ArchitectureSet selectArchs(const Opts& o, const searchspace::SearchSpace& space, const IndexOf& indexOf) {
  searchspace::ArchitectureSet set{&space, {}};
  if (o.all) {
    if (!space.size())
      fail(ErrorKind::Usage, "--all predicts every architecture of an enumerable space; " + std::string(space.name()) +
                                 " is not one: list architectures in --archs-file");
    set.genotypes = space.enumerate();
  } else if (!o.arch.empty()) {
    set.genotypes.push_back(parseArch(space, o.arch, indexOf, "--arch: "));
  } else {
    for (const auto& line : readListFile(o.archsFile, "--archs-file"))
      set.genotypes.push_back(parseArch(space, line.text, indexOf, o.archsFile + ":" + std::to_string(line.number) + ": "));
    if (set.empty()) fail(ErrorKind::Usage, o.archsFile + " lists no architectures (one string or index per line)");
  }
  return set;
}

} // namespace

void addPredictCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("predict", "Predict latencies (ms) with a predictor file");
  auto o = std::make_shared<Opts>();
  cmd->add_option("--predictor", o->predictor, "Predictor file (.maplepred)")->required();
  auto* project = cmd->add_option("--project", o->project, "Project holding the device");
  auto* device = cmd->add_option("--device", o->device, "Device of the project to predict for");
  auto* descr = cmd->add_option("--descriptor", o->descriptorFile, "Descriptor file (JSON, as maple descriptor writes it; see /usr/share/doc/maple/predictor-file.md)");
  auto* arch = cmd->add_option("--arch", o->arch, "One architecture of the predictor's search space: string, or the data set's index (with --project, or a NAS-Bench-201 predictor file made from the whole table)");
  auto* archs = cmd->add_option("--archs-file", o->archsFile, "Architectures, one string or index per line");
  auto* all = cmd->add_flag("--all", o->all, "Every architecture of the space (NAS-Bench-201: 15,625)");
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

    const auto& space = searchspace::space(predictor->searchSpace());
    IndexOf indexOf;
    std::optional<store::Project> proj;
    if (!o->project.empty()) {
      proj.emplace(store::Project::open(o->project));
      indexOf = indexOfProject(*proj, space);
    } else {
      indexOf = indexOfFile(file, space);
    }
    const auto archs = selectArchs(*o, space, indexOf);

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
        target.device = o->device;
        target.descriptor = services::deviceDescriptor(*proj, std::string(space.name()), o->device, predictor->descriptorKind());
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
    const auto ms = predictor->predictMs(archs, &spread);

    // The space's own index (nb201: the cell code); empty where the space has none.
    auto codeText = [&](size_t i) {
      const auto code = space.index(archs.genotypes[i]);
      return code ? std::to_string(*code) : std::string();
    };
    if (o->json) {
      nlohmann::json rows = nlohmann::json::array();
      for (size_t i = 0; i < archs.size(); ++i) {
        nlohmann::json r{{"arch", archs.canonical(i)}, {"predicted_ms", ms[i]}};
        if (auto code = space.index(archs.genotypes[i])) r["code"] = *code;
        if (auto idx = indexOf.text(archs.genotypes[i]); !idx.empty()) r["index"] = std::stoll(idx);
        if (!spread.empty()) r["spread"] = spread[i];
        rows.push_back(std::move(r));
      }
      printJson({{"device", forDevice},
                 {"search_space", space.name()},
                 {"method", predictor->method()},
                 {"shots", latenciesUsed},
                 {"predictions", rows}});
      return;
    }
    if (o->csv) {
      std::string out = "arch,code,index,predicted_ms,spread\n";
      for (size_t i = 0; i < archs.size(); ++i)
        out += archs.canonical(i) + "," + codeText(i) + "," + indexOf.text(archs.genotypes[i]) + "," + fmt(ms[i], 6) + "," +
               (spread.empty() ? "" : fmt(spread[i], 4)) + "\n";
      std::cout << out;
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (size_t i = 0; i < archs.size(); ++i) {
      const auto idx = indexOf.text(archs.genotypes[i]);
      rows.push_back({archs.canonical(i), idx.empty() ? "-" : idx, fmt(ms[i], 5),
                      spread.empty() ? "-" : fmt(spread[i], 3)});
    }
    printTable({"ARCH", "INDEX", "PREDICTED_MS", "SPREAD"}, rows);
    std::cout << "for " << forDevice << ", using " << latenciesUsed << " latencies measured on it (shots)\n";
  });
}

} // namespace maple::cli
