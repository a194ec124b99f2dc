#include "cli/commands.hpp"
#include "store/project.hpp"

#include <iostream>

namespace maple::cli {

void addNewCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("new", "Create an empty project file (refuses to overwrite)");
  auto file = std::make_shared<std::string>();
  cmd->add_option("FILE", *file, "Project file to create, e.g. lab.maple")->required();
  cmd->callback([file] {
    auto project = store::Project::create(*file);
    std::cout << "created " << project.path() << " (schema " << project.schemaVersion() << ")\n";
  });
}

} // namespace maple::cli
