// maple descriptor: write a device's hardware descriptor to a file, for `maple predict --descriptor`,
// the C API's maple_predictor_bind and the Python module (predictors bound to a device elsewhere).
#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/descriptor_file.hpp"
#include "cli/output.hpp"
#include "cli/predictor_support.hpp"
#include "services/descriptors.hpp"

#include <iostream>

namespace maple::cli {

void addDescriptorCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("descriptor", "Write a device's hardware descriptor from a project to a JSON file");
  struct Opts {
    std::string project, space, device, kind = "reference-latency", out;
    bool force = false, json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project file")->required();
  cmd->add_option("--device", o->device, "Device whose descriptor to write")->required();
  addSpaceOption(cmd, o->space);
  cmd->add_option("--kind", o->kind, "Descriptor kind (reference-latency, specs, counters, ...)")->capture_default_str();
  cmd->add_option("--out", o->out, "Descriptor file to write (.json)")->required();
  cmd->add_flag("--force", o->force, "Replace --out if it exists");
  cmd->add_flag("--json", o->json, "Print the descriptor as JSON too");
  cmd->callback([o] {
    checkOutput(o->out, o->force);
    auto project = store::Project::open(o->project);
    DescriptorFile f{o->device, services::deviceDescriptor(project, o->space, o->device, o->kind)};
    writeDescriptorFile(o->out, f);
    if (o->json) {
      printJson({{"out", o->out}, {"device", o->device}, {"kind", f.descriptor.kind}, {"names", f.descriptor.names},
                 {"values", f.descriptor.values}});
      return;
    }
    std::cout << "wrote " << o->out << ": " << f.descriptor.kind << " descriptor of " << o->device << " ("
              << f.descriptor.values.size() << " values)\n";
  });
}

} // namespace maple::cli
