// maple adapt: adapt a predictor to a device from its measured latencies (services/adapt.hpp):
// trained here on the project's other devices, or a pool-trained file given with --predictor. The
// measured architectures not used as shots score it.
#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "cli/predictor_support.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "services/adapt.hpp"
#include "services/measure.hpp"
#include "predict/shot_policy.hpp"

#include <iostream>

namespace maple::cli {
namespace {

struct Opts {
  std::string predictor, project, space, device, trainDevices, method, kind = "reference-latency", out, save,
      shotPolicy = predict::shotPolicyName(predict::kNewDeviceShotPolicy);
  int shots = -1, threads = 0;
  std::uint64_t seed = 1;
  bool force = false, json = false;
};

std::vector<std::string> deviceList(const std::string& csv) {
  std::vector<std::string> out;
  for (auto part : text::split(csv, ','))
    if (!text::trim(part).empty()) out.emplace_back(text::trim(part));
  if (out.empty()) fail(ErrorKind::Usage, "--train-devices is empty: list devices like 1080ti_1,gold_6240,pixel3");
  return out;
}

void report(const Opts& o, const services::AdaptResult& r, const store::Project& project) {
  if (o.json) {
    printJson({{"out", o.out}, {"predictor", r.predictorId ? nlohmann::json(r.predictorName) : nlohmann::json(nullptr)},
               {"train_devices", r.trainDevices}, {"evaluation", r.file.evaluation}});
    return;
  }
  std::cout << r.method << " adapted to " << o.device << " with " << r.shots.size() << " shots";
  if (r.metrics)
    std::cout << "; on the other " << r.heldOut.size() << " measured: within 10 % " << fmt(100 * r.metrics->acc10, 3)
              << " %, MAPE " << fmt(r.metrics->mape, 3) << " %, Spearman " << fmt(r.metrics->spearman, 4);
  std::cout << "\n";
  if (!o.out.empty()) std::cout << "wrote " << o.out << "\n";
  if (r.predictorId) std::cout << "stored as " << text::quote(r.predictorName) << " in " << project.path() << "\n";
}

void run(const Opts& o) {
  if (!o.out.empty()) checkOutput(o.out, o.force);
  auto project = store::Project::open(o.project);
  services::AdaptRequest r;
  r.target = o.device;
  r.space = o.space;
  r.seed = o.seed;
  r.shotPolicy = predict::parseShotPolicy(o.shotPolicy);
  r.threads = o.threads;
  r.predictorName = o.save;
  if (!o.predictor.empty()) {
    if (!o.trainDevices.empty() || !o.method.empty())
      fail(ErrorKind::Usage, "--predictor brings its method and training devices: drop --train-devices and --method");
    const auto parentFile = predictfile::readPredictorFile(o.predictor);
    r.parent = fromFile(parentFile, o.predictor);
    if (!r.parent->targetDevice().empty())
      fail(ErrorKind::Usage, o.predictor + " is already adapted to " + text::quote(r.parent->targetDevice()) +
                                 ": adapt the pool-trained predictor it came from");
    r.parentCreated = predictfile::toJson(parentFile.created);
    r.store = !o.save.empty();
  } else {
    if (!o.trainDevices.empty()) r.trainDevices = deviceList(o.trainDevices);
    r.method = o.method;
    r.descriptorKind = o.kind;
  }
  r.shots = o.shots >= 0 ? o.shots : o.predictor.empty() ? 10 : 0;
  r.provenance = "maple adapt --device " + o.device + (o.predictor.empty() ? "" : " from " + o.predictor);
  InterruptGuard interrupt;
  const auto result = services::adaptToDevice(project, r, progressOnStderr("adapting to " + o.device));
  if (!o.out.empty()) predictfile::writePredictorFile(o.out, result.file);
  report(o, result, project);
}

} // namespace

void addAdaptCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand(
      "adapt", "Adapt a predictor to a device from its measured latencies and store it in the project (held-out "
               "measurements score it)");
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project holding the device's latencies")->required();
  cmd->add_option("--device", o->device, "Device to adapt to")->required();
  addSpaceOption(cmd, o->space);
  cmd->add_option("--predictor", o->predictor,
                  "Adapt this pool-trained predictor file instead of training one on the project's other devices");
  cmd->add_option("--train-devices", o->trainDevices,
                  "Devices to train on, comma-separated (default: every other device with latencies, less the "
                  "target's same-chip siblings when it is imported)");
  cmd->add_option("--method", o->method, "Method (default: the best on the harness)");
  cmd->add_option("--descriptor", o->kind, "Descriptor kind")->capture_default_str();
  cmd->add_option("--shots", o->shots,
                  "Measured architectures to adapt from; the rest score the result (default 10; with --predictor, all)");
  cmd->add_option("--shot-policy", o->shotPolicy,
                  "Which measured architectures are the shots: design (an optimal design under the pool's prior), "
                  "reference (HELP's reference architectures first) or random (seeded); every latency used is one of them")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the random shot policy and the training")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Threads (0: all)")->capture_default_str();
  cmd->add_option("--save", o->save,
                  "Store it in the project under this name (default: a generated name; with --predictor, not stored "
                  "unless named)");
  cmd->add_option("--out", o->out, "Also write the adapted predictor file (.maplepred)");
  cmd->add_flag("--force", o->force, "Replace --out if it exists");
  cmd->add_flag("--json", o->json, "Print the result as JSON");
  cmd->callback([o] {
    if (!o->predictor.empty() && o->out.empty() && o->save.empty())
      fail(ErrorKind::Usage, "say where the adapted predictor goes: --out FILE and/or --save NAME");
    run(*o);
  });
}

} // namespace maple::cli
