// maple eval: train a predictor on some devices, adapt it to each test device from k seeded shots,
// score it, and store the evaluation (services::evaluateDevices).
#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "descriptor/descriptor.hpp"
#include "predict/shot_policy.hpp"
#include "services/evaluations.hpp"

#include <cmath>
#include <iostream>

namespace maple::cli {
namespace {

struct Opts {
  std::string project, space, train, test, shots = "3,10", method, descriptor = "reference-latency", protocol = "full",
              shotPolicy = predict::shotPolicyName(predict::kNewDeviceShotPolicy);
  int seeds = 1, threads = 0;
  std::uint64_t seed = 1;
  bool json = false;
};

std::vector<std::string> deviceList(const std::string& text, const char* option) {
  std::vector<std::string> out;
  for (auto part : text::split(text, ',')) {
    const auto name = std::string(text::trim(part));
    if (name.empty()) fail(ErrorKind::Usage, std::string(option) + ": empty device name (write it like A,B,C)");
    if (std::find(out.begin(), out.end(), name) != out.end())
      fail(ErrorKind::Usage, std::string(option) + " lists " + text::quote(name) + " twice");
    out.push_back(name);
  }
  return out;
}

std::vector<int> shotList(const std::string& text) {
  std::vector<int> out;
  for (auto part : text::split(text, ',')) {
    auto v = text::parseInt(text::trim(part));
    if (!v || *v < 0 || *v > 100000)
      fail(ErrorKind::Usage, "--shots: '" + std::string(part) + "' is not a shot count (write it like 3,10)");
    out.push_back(static_cast<int>(*v));
  }
  return out;
}

void printText(const predict::EvalResult& r, const std::vector<std::int64_t>& ids) {
  const auto policy = r.options.shotPolicy;
  std::cout << "method " << r.options.method << ", descriptor " << r.options.descriptorKind << ", protocol "
            << predict::protocolName(r.options.protocol) << ", shot policy " << predict::shotPolicyName(policy)
            << (predict::isDeterministic(policy) ? " (deterministic: every seed measures the same shots)" : "") << ", "
            << r.options.seeds << " seed(s); mean over seeds (sd: over seeds of the device mean)\n";
  std::vector<std::vector<std::string>> rows;
  auto row = [](int k, const std::string& name, const predict::Metrics& m) {
    return std::vector<std::string>{std::to_string(k), name,           fmt(m.acc1),     fmt(m.acc5),
                                    fmt(m.acc10),      fmt(m.rmseMs),  fmt(m.mape, 2),  fmt(m.spearman),
                                    fmt(m.kendall)};
  };
  auto coverage = [](const predict::Metrics& m) {
    return m.coverage68 ? fmt(*m.coverage68) + "/" + fmt(*m.coverage95) : std::string("-");
  };
  for (const auto& s : r.results) {
    for (const auto& [name, m] : s.devices) rows.push_back(row(s.shots, name, m)), rows.back().push_back(coverage(m));
    rows.push_back(row(s.shots, "mean", s.mean));
    rows.back().push_back(coverage(s.mean));
    if (r.options.seeds > 1) rows.push_back(row(s.shots, "sd", s.sd)), rows.back().push_back(coverage(s.sd));
  }
  printTable({"shots", "device", "acc1", "acc5", "acc10", "rmse_ms", "mape_%", "spearman", "kendall", "cover68/95"}, rows);
  if (!ids.empty())
    std::cout << "stored " << ids.size() << " evaluation(s), ids " << ids.front() << ".." << ids.back() << "\n";
}

} // namespace

void addEvalCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand(
      "eval", "Evaluate a predictor: train on some devices, adapt to each test device from k seeded shots, score");
  auto o = std::make_shared<Opts>();
  std::string methods, kinds;
  for (const auto& m : predict::methodNames()) methods += (methods.empty() ? "" : ", ") + m;
  for (const auto& k : descriptor::kinds()) kinds += (kinds.empty() ? "" : ", ") + k;
  cmd->add_option("--project", o->project, "Project file")->required();
  addSpaceOption(cmd, o->space);
  cmd->add_option("--train-devices", o->train, "Devices to train on, comma-separated")->required();
  cmd->add_option("--test-devices", o->test, "Unseen devices to adapt to and score, comma-separated")->required();
  cmd->add_option("--shots", o->shots, "Latencies measured on each test device, comma-separated (default 3,10)");
  cmd->add_option("--shot-policy", o->shotPolicy,
                  "How the k shots are chosen: random (seeded draw), reference (HELP's reference architectures "
                  "first), design (an optimal design from the pool alone; default). reference and design are "
                  "deterministic");
  cmd->add_option("--seeds", o->seeds, "Seeded shot draws per shot count (default 1)");
  cmd->add_option("--seed", o->seed, "First seed (default 1)");
  cmd->add_option("--method", o->method, "Method: " + methods + " (default " + predict::defaultMethod() + ")");
  cmd->add_option("--descriptor", o->descriptor, "Descriptor kind: " + kinds + " (default reference-latency)");
  cmd->add_option("--protocol", o->protocol,
                  "full: all architectures; help: HELP's query set, indices 900..1899 without each device's "
                  "fastest and slowest 10 % (default full)");
  cmd->add_option("--threads", o->threads, "Threads (default 0: all)")->check(threadRange());
  cmd->add_flag("--json", o->json, "Print the results as JSON");
  cmd->footer("Exit codes: 0 done, 1 usage, 2 bad project or data, 130 interrupted (nothing stored).\n"
              "Shots are counted honestly: with --descriptor reference-latency the descriptor is built from the "
              "reference architectures among the shots only; see the accuracy notes in /usr/share/doc/maple.");
  cmd->callback([o] {
    predict::EvalOptions e;
    e.method = o->method;
    e.descriptorKind = o->descriptor;
    e.protocol = predict::parseProtocol(o->protocol);
    e.trainDevices = deviceList(o->train, "--train-devices");
    e.testDevices = deviceList(o->test, "--test-devices");
    e.shots = shotList(o->shots);
    e.shotPolicy = predict::parseShotPolicy(o->shotPolicy);
    e.seeds = o->seeds;
    e.seed = o->seed;
    e.threads = o->threads;
    auto project = store::Project::open(o->project);
    InterruptGuard guard;
    int lastPercent = -1;
    std::string lastStage;
    const auto [result, ids] = services::evaluateDevices(project, e, o->space, [&](double f, const std::string& stage) {
      const int percent = static_cast<int>(std::floor(100 * f));
      const auto head = stage.substr(0, stage.find(':'));
      if (percent != lastPercent || head != lastStage) progressLine("eval: " + std::to_string(percent) + "% " + stage, f >= 1);
      lastPercent = percent;
      lastStage = head;
      return !InterruptGuard::interrupted();
    });
    if (o->json) printJson(predict::toJson(result));
    else printText(result, ids);
  });
}

} // namespace maple::cli
