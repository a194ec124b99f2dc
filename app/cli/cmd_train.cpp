// maple train / maple adapt: make predictor files from a project's devices.
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "cli/predictor_support.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "predict/metrics.hpp"
#include "predict/pool.hpp"
#include "predict/shot_policy.hpp"
#include "descriptor/from_data.hpp"
#include "store/devices.hpp"
#include "store/latencies.hpp"
#include "store/predictors.hpp"

#include <algorithm>
#include <cmath>
#include <iostream>
#include <random>

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

void writeAndMaybeSave(const predictfile::PredictorFile& file, const std::string& out, store::Project& project,
                       const std::string& saveAs) {
  predictfile::writePredictorFile(out, file);
  if (!saveAs.empty()) store::savePredictor(project, saveAs, file);
}

// The device's measured latencies: the shots of `maple adapt`.
struct Measured {
  std::vector<predict::Shot> shots;
  std::vector<std::optional<int>> spaceIndex;
};
Measured measuredOn(store::Project& project, const std::string& device) {
  const auto m = store::loadLatencyMatrix(project, {device});
  Measured out;
  for (size_t a = 0; a < m.architectures.size(); ++a) {
    const double ms = m.at(a, 0);
    if (std::isnan(ms)) continue;
    out.shots.push_back({m.architectures[a].cell, ms});
    out.spaceIndex.push_back(m.architectures[a].spaceIndex);
  }
  return out;
}

} // namespace

void addTrainCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("train", "Train a predictor on a pool of the project's devices and write a .maplepred file");
  struct Opts {
    std::string project, devices, method, kind = "reference-latency", out, save;
    std::uint64_t seed = 1;
    int threads = 0;
    bool force = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project file")->required();
  cmd->add_option("--train-devices", o->devices, "Devices to train on, comma-separated")->required();
  cmd->add_option("--method", o->method, "Method (default: the best on the harness)");
  cmd->add_option("--descriptor", o->kind, "Descriptor kind the predictor uses")->capture_default_str();
  cmd->add_option("--out", o->out, "Predictor file to write (.maplepred)")->required();
  cmd->add_option("--save", o->save, "Also store it in the project under this name");
  cmd->add_option("--seed", o->seed, "Random seed")->capture_default_str();
  cmd->add_option("--threads", o->threads, "Threads (0: all)")->capture_default_str();
  cmd->add_flag("--force", o->force, "Replace --out if it exists");
  cmd->callback([o] {
    checkOutput(o->out, o->force);
    const auto method = o->method.empty() ? predict::defaultMethod() : o->method;
    auto project = store::Project::open(o->project);
    const auto devices = deviceList(o->devices);
    const auto pool = predict::loadTrainingPool(project, devices, o->kind);
    InterruptGuard interrupt;
    auto predictor = predict::train(method, pool, {o->seed, o->threads}, progressOnStderr("training " + method));
    predictfile::Creation created;
    created.project = project.path();
    created.provenance = "maple train --method " + method + " --descriptor " + o->kind + " --train-devices " +
                         o->devices + " --seed " + std::to_string(o->seed);
    writeAndMaybeSave(predictfile::fileFromPredictor(*predictor, created), o->out, project, o->save);
    std::cout << "wrote " << o->out << ": " << method << " on " << devices.size() << " devices ("
              << o->kind << " descriptors)\n";
  });
}

void addAdaptCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("adapt", "Adapt a predictor file to a device from its measured latencies in a project");
  struct Opts {
    std::string predictor, project, device, out, save, shotPolicy = predict::shotPolicyName(predict::kNewDeviceShotPolicy);
    int shots = -1;
    std::uint64_t seed = 1;
    bool force = false, json = false;
  };
  auto o = std::make_shared<Opts>();
  cmd->add_option("--predictor", o->predictor, "Pool-trained predictor file")->required();
  cmd->add_option("--project", o->project, "Project holding the device's latencies")->required();
  cmd->add_option("--device", o->device, "Device to adapt to")->required();
  cmd->add_option("--out", o->out, "Adapted predictor file to write")->required();
  cmd->add_option("--shots", o->shots,
                  "Use this many of the measured latencies in total, the descriptor's included; the rest score the "
                  "result (default: all)");
  cmd->add_option("--shot-policy", o->shotPolicy,
                  "Which of them with --shots: design (default, an optimal design under the predictor's pool prior), "
                  "reference (HELP's reference architectures first) or random (seeded)")
      ->capture_default_str();
  cmd->add_option("--seed", o->seed, "Seed of the random shot policy")->capture_default_str();
  cmd->add_option("--save", o->save, "Also store it in the project under this name");
  cmd->add_flag("--force", o->force, "Replace --out if it exists");
  cmd->add_flag("--json", o->json, "Print the result as JSON");
  cmd->callback([o] {
    checkOutput(o->out, o->force);
    const auto policy = predict::parseShotPolicy(o->shotPolicy);
    const auto parentFile = predictfile::readPredictorFile(o->predictor);
    const auto parent = fromFile(parentFile, o->predictor);
    if (!parent->targetDevice().empty())
      fail(ErrorKind::Usage, o->predictor + " is already adapted to " + text::quote(parent->targetDevice()) +
                                 ": adapt the pool-trained predictor it came from");
    auto project = store::Project::open(o->project);
    store::requireDevice(project, o->device);
    auto measured = measuredOn(project, o->device);
    if (measured.shots.empty())
      badInput("device " + text::quote(o->device) + " has no measured latencies in " + project.path() +
               ": measure some first (maple measure) or import them");
    // Shots: N of the measured latencies chosen by the policy (all when no N); the others are
    // held out to score the adaptation. Every latency the adaptation uses is one of the N: a
    // reference-latency descriptor is built from the shots alone.
    const size_t k = o->shots < 0 ? measured.shots.size() : std::min(measured.shots.size(), static_cast<size_t>(o->shots));
    if (k == 0) fail(ErrorKind::Usage, "--shots must be 1 or more");
    std::vector<nb201::Cell> cells;
    for (const auto& s : measured.shots) cells.push_back(s.cell);
    auto order = k == measured.shots.size() ? std::vector<size_t>{}
                                            : predict::chooseShots(policy, parent.get(), {cells, measured.spaceIndex}, k, o->seed);
    if (order.empty())
      for (size_t i = 0; i < k; ++i) order.push_back(i);
    std::vector<bool> used(measured.shots.size(), false);
    std::vector<predict::Shot> shots;
    std::vector<std::optional<int>> shotIndex;
    for (size_t i : order) used[i] = true, shots.push_back(measured.shots[i]), shotIndex.push_back(measured.spaceIndex[i]);
    for (size_t i = 0; i < used.size(); ++i)
      if (!used[i]) order.push_back(i);
    std::optional<descriptor::Descriptor> stored;
    if (parent->descriptorKind() != descriptor::kReferenceLatency)
      stored = predict::deviceDescriptor(project, o->device, parent->descriptorKind());
    const auto target = predict::targetFromShots(o->device, parent->descriptorKind(), std::move(shots), shotIndex,
                                                 stored ? &*stored : nullptr, policy);
    InterruptGuard interrupt;
    auto adapted = parent->adapt(target, progressOnStderr("adapting to " + o->device));

    nlohmann::json evaluation{{"device", o->device}, {"shots", k}, {"shot_policy", target.shotPolicy}, {"scored", order.size() - k}};
    if (k < order.size()) {
      std::vector<nb201::Cell> heldOut;
      std::vector<double> truth;
      for (size_t i = k; i < order.size(); ++i) {
        heldOut.push_back(measured.shots[order[i]].cell);
        truth.push_back(measured.shots[order[i]].latencyMs);
      }
      evaluation["metrics"] = predict::toJson(predict::computeMetrics(adapted->predictMs(heldOut), truth));
      evaluation["scored_on"] = "the device's measured architectures not used as shots";
    }
    predictfile::Creation created;
    created.project = project.path();
    created.provenance = "maple adapt --device " + o->device + " --shots " + std::to_string(k) + " --shot-policy " +
                         o->shotPolicy + " --seed " + std::to_string(o->seed) + " from " + o->predictor;
    created.parent = predictfile::toJson(parentFile.created);
    writeAndMaybeSave(predictfile::fileFromPredictor(*adapted, created, evaluation), o->out, project, o->save);
    if (o->json) {
      printJson({{"out", o->out}, {"evaluation", evaluation}});
      return;
    }
    std::cout << "wrote " << o->out << ": " << adapted->method() << " adapted to " << o->device << " with " << k
              << " shots (" << (k == measured.shots.size() ? std::string("all measured") : target.shotPolicy) << ")";
    if (evaluation.contains("metrics"))
      std::cout << "; on the other " << order.size() - k << " measured: MAPE " << fmt(evaluation["metrics"]["mape"].get<double>(), 3)
                << " %, Spearman " << fmt(evaluation["metrics"]["spearman"].get<double>(), 4);
    std::cout << "\n";
  });
}

} // namespace maple::cli
