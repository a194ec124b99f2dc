// maple train: make a predictor file from a project's devices (services::trainPredictor; maple adapt:
// cmd_adapt.cpp).
#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "cli/predictor_support.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "services/predictors.hpp"

#include <algorithm>
#include <iostream>

namespace maple::cli {
namespace {

std::vector<std::string> deviceList(const std::string& csv) {
  std::vector<std::string> out;
  for (auto part : text::split(csv, ',')) {
    const auto name = std::string(text::trim(part));
    if (name.empty()) continue;
    if (std::find(out.begin(), out.end(), name) != out.end())
      fail(ErrorKind::Usage, "--train-devices lists " + text::quote(name) + " twice");
    out.push_back(name);
  }
  if (out.empty()) fail(ErrorKind::Usage, "--train-devices is empty: list devices like 1080ti_1,gold_6240,pixel3");
  return out;
}

} // namespace

void addTrainCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("train", "Train a predictor on a pool of the project's devices and write a .maplepred file");
  struct Opts {
    std::string project, space, devices, method, kind = "reference-latency", out, save;
    std::uint64_t seed = 1;
    int threads = 0;
    bool force = false, json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project file")->required();
  addSpaceOption(cmd, o->space);
  cmd->add_flag("--json", o->json, "Print the result as JSON");
  cmd->add_option("--train-devices", o->devices, "Devices to train on, comma-separated")->required();
  cmd->add_option("--method", o->method, "Method (default: the best on the harness)");
  cmd->add_option("--descriptor", o->kind, "Descriptor kind the predictor uses")->capture_default_str();
  cmd->add_option("--out", o->out, "Predictor file to write (.maplepred)")->required();
  cmd->add_option("--save", o->save, "Also store it in the project under this name");
  cmd->add_option("--seed", o->seed, "Random seed")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Threads (0: all)")->capture_default_str()->check(threadRange());
  cmd->add_flag("--force", o->force, "Replace --out if it exists");
  cmd->callback([o] {
    checkOutput(o->out, o->force);
    auto project = store::Project::open(o->project);
    services::TrainRequest request;
    request.space = o->space;
    request.devices = deviceList(o->devices);
    request.method = o->method;
    request.descriptorKind = o->kind;
    request.seed = o->seed;
    request.threads = o->threads;
    request.storeAs = o->save;
    const auto method = o->method.empty() ? predict::defaultMethod() : o->method;
    request.provenance = "maple train --method " + method + " --descriptor " + o->kind + " --train-devices " +
                         o->devices + " --seed " + std::to_string(o->seed);
    InterruptGuard interrupt;
    const auto trained = services::trainPredictor(project, request, progressOnStderr("training " + method));
    predictfile::writePredictorFile(o->out, trained.file);
    const auto& devices = request.devices;
    if (o->json) {
      printJson({{"out", o->out}, {"method", method}, {"descriptor", o->kind}, {"train_devices", devices}});
      return;
    }
    std::cout << "wrote " << o->out << ": " << method << " on " << devices.size() << " devices ("
              << o->kind << " descriptors)\n";
  });
}

} // namespace maple::cli
