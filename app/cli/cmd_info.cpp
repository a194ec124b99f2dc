#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "store/project.hpp"

#include <iostream>

namespace maple::cli {

void addInfoCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("info", "Summarise a project file");
  auto project = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("--project", *project, "Project file")->required();
  cmd->add_flag("--json", *json, "Print as JSON");
  cmd->callback([project, json] {
    auto p = store::Project::open(*project);
    auto i = store::projectInfo(p);
    if (*json) {
      printJson({{"path", i.path},
                 {"schema_version", i.schemaVersion},
                 {"file_bytes", i.fileBytes},
                 {"devices", i.devices},
                 {"architectures", i.architectures},
                 {"latency_samples", i.latencySamples},
                 {"spaces", spacesJson(i.spaces)},
                 {"captures", i.captures},
                 {"descriptors", i.descriptors},
                 {"predictors", i.predictors},
                 {"evaluations", i.evaluations}});
      return;
    }
    std::cout << "project         " << i.path << "\n"
              << "schema version  " << i.schemaVersion << "\n"
              << "file size       " << fmt(i.fileBytes / 1048576.0, 3) << " MiB\n"
              << "devices         " << i.devices << "\n"
              << "architectures   " << i.architectures << "\n"
              << "latency samples " << i.latencySamples << "\n";
    for (const auto& s : i.spaces) // "  nb201         15625 architectures, 421875 latency samples"
      std::cout << "  " << s.space << std::string(s.space.size() < 14 ? 14 - s.space.size() : 1, ' ') << s.architectures
                << " architectures, " << s.latencySamples << " latency samples\n";
    std::cout << "captures        " << i.captures << "\n"
              << "descriptors     " << i.descriptors << "\n"
              << "predictors      " << i.predictors << "\n"
              << "evaluations     " << i.evaluations << "\n";
  });
}

} // namespace maple::cli
