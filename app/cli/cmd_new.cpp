#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "store/project.hpp"

#include <iostream>

namespace maple::cli {

void addNewCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("new", "Create an empty project file (refuses to overwrite)");
  auto file = std::make_shared<std::string>();
  auto json = std::make_shared<bool>(false);
  cmd->add_option("FILE", *file, "Project file to create, e.g. lab.maple")->required();
  cmd->add_flag("--json", *json, "Print the result as JSON");
  cmd->callback([file, json] {
    auto project = store::Project::create(*file);
    if (*json) {
      printJson({{"created", project.path()}, {"schema", project.schemaVersion()}});
      return;
    }
    std::cout << "created " << project.path() << " (schema " << project.schemaVersion() << ")\n";
  });
}

} // namespace maple::cli
