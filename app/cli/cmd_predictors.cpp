// maple predictors: list the predictors a project holds; import and export predictor files.
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/predictor_support.hpp"
#include "common/error.hpp"
#include "store/predictors.hpp"

#include <iostream>

namespace maple::cli {

void addPredictorsCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("predictors", "List a project's predictors; import or export predictor files");
  struct Opts {
    std::string project, importFile, exportName, out, name;
    bool json = false, force = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project file")->required();
  auto* imp = cmd->add_option("--import", o->importFile, "Store this .maplepred file in the project (provenance kept)");
  auto* exp = cmd->add_option("--export", o->exportName, "Write the stored predictor of this name to --out");
  cmd->add_option("--name", o->name, "Name for --import (default: the file's stem)")->needs(imp);
  cmd->add_option("--out", o->out, "File for --export")->needs(exp);
  cmd->add_flag("--force", o->force, "Replace --out if it exists (never a project)")->needs(exp);
  cmd->add_flag("--json", o->json, "Print the list as JSON");
  imp->excludes(exp);
  cmd->callback([o] {
    auto project = store::Project::open(o->project);
    if (!o->importFile.empty()) {
      // Only a file whose predictor can be rebuilt is stored ("[15625, 0]" shapes decode but crash).
      fromFile(predictfile::readPredictorFile(o->importFile), o->importFile);
      const auto id = store::importPredictorFile(project, o->importFile, o->name);
      std::cout << "imported " << o->importFile << " as predictor " << id << "\n";
      return;
    }
    if (!o->exportName.empty()) {
      if (o->out.empty()) fail(ErrorKind::Usage, "--export needs --out FILE.maplepred");
      checkOutput(o->out, o->force);
      store::exportPredictorFile(project, o->exportName, o->out);
      std::cout << "wrote " << o->out << "\n";
      return;
    }
    const auto list = store::listPredictors(project);
    if (o->json) {
      nlohmann::json arr = nlohmann::json::array();
      for (const auto& p : list)
        arr.push_back({{"id", p.id}, {"name", p.name}, {"method", p.method}, {"descriptor_kind", p.descriptorKind},
                       {"stored_at", p.createdAt}, {"header", p.header}, {"imported", p.imported}});
      printJson({{"predictors", arr}});
      return;
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : list) {
      const auto& h = p.header;
      const auto target = h.value("target_device", nlohmann::json());
      const auto created = h.value("created", nlohmann::json::object());
      rows.push_back({p.name, p.method, p.descriptorKind, target.is_string() ? target.get<std::string>() : "-",
                      std::to_string(h.value("training_devices", nlohmann::json::array()).size()),
                      created.value("host", "-") + " " + created.value("time", ""),
                      p.imported.is_null() ? "-" : p.imported.value("from", "-")});
    }
    printTable({"NAME", "METHOD", "DESCRIPTOR", "TARGET", "TRAIN_DEVICES", "CREATED", "IMPORTED_FROM"}, rows);
  });
}

} // namespace maple::cli
