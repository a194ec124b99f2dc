#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "dataset/data_sets.hpp"

#include <chrono>
#include <iostream>

namespace maple::cli {

void addImportCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("import", "Import a latency data set into a project (all or nothing)");
  struct Opts {
    std::string project, path, format = "help-nb201";
    bool json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project file")->required();
  cmd->add_option("PATH", o->path,
                  "The table (help-nb201: nb201_latency_ms.csv, help-fbnet: fbnet_latency_ms.csv), or the folder "
                  "holding it (and devices.csv)")
      ->required();
  cmd->add_option("--format", o->format,
                  "Data set format: help-nb201 (NAS-Bench-201, the default) or help-fbnet (FBNet); one project may "
                  "hold both, and a device named in both is one device")
      ->check(CLI::IsMember(dataset::formatNames()));
  cmd->add_flag("--json", o->json, "Print the result as JSON");
  cmd->callback([o] {
    auto project = store::Project::open(o->project);
    const auto t0 = std::chrono::steady_clock::now();
    auto result = dataset::importDataSet(project, o->path, dataset::parseFormat(o->format), [](const dataset::ImportProgress& p) {
      progressLine("importing: " + std::to_string(p.rowsWritten) + " / " + std::to_string(p.rowsTotal) +
                       " latency rows",
                   p.rowsWritten == p.rowsTotal);
      return true;
    });
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    if (o->json) {
      printJson({{"devices", result.devices},
                 {"architectures", result.architectures},
                 {"samples_added", result.samplesAdded},
                 {"samples_existing", result.samplesExisting},
                 {"specs_found", result.specsFound},
                 {"seconds", secs}});
      return;
    }
    std::cout << "imported " << result.devices << " devices, " << result.architectures << " architectures, "
              << result.samplesAdded << " new latency rows (" << result.samplesExisting
              << " already present) in " << fmt(secs, 3) << " s"
              << (result.specsFound ? "; device specs from devices.csv" : "; no devices.csv found beside it")
              << "\n";
  });
}

} // namespace maple::cli
