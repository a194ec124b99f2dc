// maple measure: time architectures of a search space on this machine (or a remote device) and
// store the latencies with the conditions they were measured under. Each sample is committed as it
// completes, so Ctrl-C (or a runner failure) keeps every finished one.
#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "cli/interrupt.hpp"
#include "cli/list_file.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "measure/pinning.hpp"
#include "services/devices.hpp"
#include "services/measure.hpp"
#include "services/remote.hpp"
#include "services/spaces.hpp"
#include "store/latencies.hpp"

#include <iostream>

namespace maple::cli {
namespace {

struct Opts {
  std::string project, device, engine, archs, archsFile, pin, remote, space;
  std::vector<std::string> arch;
  int batch = 1, threads = 1, repeats = 100, warmup = 5;
  double timeout = 300;
  std::uint64_t seed = 42;
  bool json = false;
};

using services::ArchToMeasure;

// ---- architectures ------------------------------------------------------------------------------
[[noreturn]] void noIndices(store::Project& project, const searchspace::SearchSpace& space, const std::string& where) {
  const std::string name(space.name());
  badInput(where + "project " + text::quote(project.path()) + " has no " + name +
           " data-set indices yet: import the data set first (maple import --project " + project.path() +
           " PATH/TO/help-" + name + "), or list architecture strings in --archs-file");
}

// The architecture at data-set index `index` of `space` (NAS-Bench-201's official index, HELP's
// FBNet row idx): BadInput naming the index and the fix when the project lacks it.
ArchToMeasure byIndex(store::Project& project, const searchspace::SearchSpace& space, long long index, const std::string& where) {
  const bool nb201 = &space == &searchspace::nb201Space();
  if (nb201 && (index < 0 || index >= nb201::kSpaceSize))
    fail(ErrorKind::Usage, where + "architecture index " + std::to_string(index) + " is outside NAS-Bench-201's 0.." +
                               std::to_string(nb201::kSpaceSize - 1));
  if (auto a = store::architectureByIndex(project, space, index)) return {a->arch, index};
  const std::string name(space.name());
  if (!store::largestDatasetIndex(project, space)) noIndices(project, space, where);
  badInput(where + "architecture index " + std::to_string(index) + " is not in project " + text::quote(project.path()) +
           " (its imported " + name + " table lacks it): give the architecture string in --archs-file instead");
}

// " (it is an fbnet architecture: add --space fbnet)" when `text` parses in another space.
std::string otherSpaceHint(const searchspace::SearchSpace& space, const std::string& text) {
  for (auto name : searchspace::spaceNames()) {
    const auto& other = searchspace::space(name);
    if (&other == &space) continue;
    try {
      other.parse(text);
      return " (it is an " + std::string(name) + " architecture: add --space " + std::string(name) + ")";
    } catch (const Error&) {
      // not of this space either
    }
  }
  return {};
}

std::vector<ArchToMeasure> resolveTargets(store::Project& project, const searchspace::SearchSpace& space, const Opts& o) {
  const bool nb201 = &space == &searchspace::nb201Space();
  std::vector<ArchToMeasure> out;
  if (!o.archs.empty()) {
    // Every index is looked up before anything is measured, so a missing one writes nothing. A space
    // without a fixed size is bounded by the largest index its imported table holds.
    std::optional<std::int64_t> largest = nb201::kSpaceSize - 1;
    if (!nb201 && !(largest = store::largestDatasetIndex(project, space))) noIndices(project, space, "--archs: ");
    std::vector<long long> indices;
    try {
      indices = text::parseIndexList(o.archs, *largest);
    } catch (const Error& e) {
      badInput(std::string("--archs: ") + e.what() + " (write it like 0,17,100-120)");
    }
    for (auto i : indices) out.push_back(byIndex(project, space, i, "--archs: "));
  }
  for (const auto& t : o.arch) {
    try {
      out.push_back({searchspace::parseArchitecture(space, t), std::nullopt});
    } catch (const Error& e) {
      badInput(std::string("--arch: ") + e.what() + otherSpaceHint(space, t));
    }
  }
  if (!o.archsFile.empty()) {
    // An integer line is a data-set index (as --archs takes), in every space: no architecture string is one.
    const std::string lineHolds = nb201 ? "an index 0..15624 or an architecture string"
                                        : "a data-set index or an " + std::string(space.name()) + " architecture string";
    for (const auto& [n, t] : readListFile(o.archsFile, "--archs-file")) {
      if (auto i = text::parseInt(t)) {
        out.push_back(byIndex(project, space, *i, o.archsFile + ":" + std::to_string(n) + ": "));
        continue;
      }
      try {
        out.push_back({searchspace::parseArchitecture(space, t), std::nullopt});
      } catch (const Error& e) {
        badLine(o.archsFile, n, std::string(e.what()) + otherSpaceHint(space, t) + " (each line holds " + lineHolds + ")");
      }
    }
  }
  if (out.empty()) fail(ErrorKind::Usage, "no architectures to measure: give --archs 0,17,123, --arch STRING or a non-empty --archs-file");
  // One sample per architecture and run: drop repeats, keeping the first.
  std::vector<ArchToMeasure> unique;
  for (auto& t : out) {
    bool seen = false;
    for (const auto& u : unique) seen = seen || u.arch == t.arch;
    if (seen) std::cerr << "note: " << t.arch.canonical() << " is listed more than once; measuring it once\n";
    else unique.push_back(t);
  }
  return unique;
}

// ---- output -------------------------------------------------------------------------------------
nlohmann::json sampleJson(const services::MeasuredTarget& d, const Opts& o, const services::MeasureOutcome& out) {
  const auto& s = d.measurement.summary;
  return {{"arch_index", d.target.datasetIndex ? nlohmann::json(*d.target.datasetIndex) : nlohmann::json(nullptr)},
          {"space", d.target.arch.spaceName()},
          {"arch", d.target.arch.canonical()},
          {"latency_ms", s.medianMs},
          {"iqr_ms", s.iqrMs()},
          {"q1_ms", s.q1Ms},
          {"q3_ms", s.q3Ms},
          {"min_ms", s.minMs},
          {"max_ms", s.maxMs},
          {"repetitions", s.count},
          {"warmup", d.measurement.warmup},
          {"stable", d.measurement.stable},
          {"high_spread", !d.summary.spreadWarning.empty()},
          {"warnings", d.measurement.warnings},
          {"batch", o.batch},
          {"threads", out.threads},
          {"engine", out.engine},
          {"engine_version", out.engineVersion}};
}

std::string archLabel(const ArchToMeasure& t) {
  return t.datasetIndex ? "#" + std::to_string(*t.datasetIndex) : t.arch.canonical();
}

void report(const Opts& o, const services::MeasureOutcome& out) {
  if (o.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& d : out.stored) arr.push_back(sampleJson(d, o, out));
    printJson({{"device", o.device},
               {"engine", out.engine},
               {"engine_version", out.engineVersion},
               {"source_id", out.sourceId},
               {"interrupted", out.stopped},
               {"samples", arr}});
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& d : out.stored)
    rows.push_back({archLabel(d.target), fmt(d.summary.medianMs, 4), fmt(d.summary.iqrMs, 3),
                    std::to_string(d.summary.repetitions), d.summary.stable ? "yes" : "no"});
  if (!rows.empty()) printTable({"ARCH", "MEDIAN_MS", "IQR_MS", "RUNS", "STABLE"}, rows);
  std::cout << out.message << "\n";
}

void run(const Opts& o) {
  services::MeasureRequest request;
  request.protocol = services::protocolFor(o.repeats, o.warmup);
  if (o.batch < 1 || o.batch > 4096) fail(ErrorKind::Usage, "--batch must lie in 1..4096");
  if (o.threads < 0) fail(ErrorKind::Usage, "--threads must be 0 (all CPUs) or more");
  if (o.engine.empty()) fail(ErrorKind::Usage, "--engine is empty: use cpu, cuda or command:'PROGRAM ARGS'");

  auto project = store::Project::open(o.project);
  services::requireWritableDevice(project, o.device, "measuring into");
  request.device = o.device;
  const auto& space = services::resolveSpace(project, o.space);
  request.targets = resolveTargets(project, space, o);

  const auto launcher = services::launcherFor(project, o.device, o.remote);
  if (!launcher.empty() && !o.pin.empty())
    fail(ErrorKind::Usage, "--pin pins this machine's CPUs: it does not apply to a remote device");
  std::optional<measure::ScopedCpuPin> pin;
  if (!o.pin.empty()) {
    request.pinnedCpus = measure::parseCpuList(o.pin);
    pin.emplace(request.pinnedCpus);
  }
  // Ctrl-C, SIGTERM or SIGHUP (cli/interrupt.hpp): an in-process engine finishes the current sample,
  // then stops; a runner or launcher is ended at once with its whole process tree (the samples
  // before are kept).
  InterruptGuard interrupt; // before a runner or launcher starts: a signal meanwhile still stops it
  // Threads 0 on a remote device: every CPU of the device (services::measureOnDevice).
  const int threads = o.threads > 0 || !launcher.empty() ? o.threads : static_cast<int>(measure::allowedCpus().size());
  request.engine = {o.engine, o.batch, threads, o.seed, o.timeout, &InterruptGuard::interrupted};
  const auto n = request.targets.size();
  auto label = [&](size_t i) {
    return "[" + std::to_string(i + 1) + "/" + std::to_string(n) + "] " + archLabel(request.targets[i]);
  };
  services::MeasureEvents events;
  events.onNotice = [](const std::string& notice) { std::cerr << notice << "\n"; };
  events.onProgress = [&](size_t i, const measure::MeasureProgress& p) {
    progressLine(label(i) + ": " + std::to_string(p.runsDone) + "/" + std::to_string(p.maxRuns) + " runs, median " +
                 fmt(p.medianMs, 4) + " ms");
    return true;
  };
  size_t current = 0;
  events.onStored = [&](size_t i, const services::MeasuredTarget& d) {
    current = i + 1;
    const auto& s = d.summary;
    progressLine(label(i) + ": " + fmt(s.medianMs, 4) + " ms (IQR " + fmt(s.iqrMs, 3) + " ms, " +
                     std::to_string(s.repetitions) + " runs" +
                     (s.stable                                             ? ""
                      : s.repetitions <= request.protocol.blockSize ? ", one block: stability not checked"
                                                                    : ", not stable") +
                     ")",
                 true);
    for (const auto& w : s.warnings) std::cerr << "  warning: " << w << "\n";
  };
  events.stopRequested = [] { return InterruptGuard::interrupted(); };
  services::MeasureOutcome out;
  try {
    out = services::measureOnDevice(project, request, launcher, events); // kept with the device: later runs name it alone
  } catch (const Error&) {
    if (current < n) progressLine(label(current) + ": failed", true);
    throw;
  }
  report(o, out);
  if (out.stopped)
    fail(ErrorKind::Cancelled, "interrupted: " + std::to_string(out.stored.size()) + " of " + std::to_string(n) +
                                   " samples measured and kept; run again with the remaining architectures");
}

} // namespace

void addMeasureCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("measure", "Measure architectures' latencies on this machine or a remote device and store them");
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project file")->required();
  cmd->add_option("--device", o->device, "Device to store the samples under (created from this machine if new)")->required();
  cmd->add_option("--engine", o->engine,
                  "cpu, cuda, or command:'PROGRAM ARGS' (an external runner speaking JSON lines, "
                  "e.g. command:'/usr/bin/python3 /usr/share/doc/maple/examples/pytorch_runner.py')")
      ->required();
  auto* archs = cmd->add_option("--archs", o->archs, "Data-set indices of the space (NAS-Bench-201's index, HELP's FBNet row idx), e.g. 0,17,100-120 (needs the imported table)");
  auto* arch = cmd->add_option("--arch", o->arch, "Architecture strings of the space, e.g. an FBNet k3_e1-skip-...-k5_e6");
  auto* file = cmd->add_option("--archs-file", o->archsFile,
                               "File with one architecture string or data-set index (as --archs) of the space per line");
  archs->excludes(file, arch);
  arch->excludes(archs, file);
  file->excludes(archs, arch);
  addSpaceOption(cmd, o->space);
  cmd->add_option("--batch", o->batch, "Batch size (default 1)");
  cmd->add_option("--threads", o->threads, "Threads (default 1; 0: every CPU this process may use)")->check(threadRange());
  cmd->add_option("--repeats", o->repeats, "Most timed runs per architecture (default 100; stops earlier once the median is stable)");
  cmd->add_option("--warmup", o->warmup, "Untimed runs before timing (default 5)");
  cmd->add_option("--pin", o->pin, "Pin to these CPUs, e.g. 0-3 (the engine's threads and a runner inherit it)");
  // A day at most: a larger value (1e18, inf) overflows the deadline's clock arithmetic.
  cmd->add_option("--timeout", o->timeout, "Seconds a runner may take to answer one request (default 300, at most 86400)")
      ->check(CLI::Range(0.001, 86400.0));
  cmd->add_option("--remote", o->remote,
                  "Measure on a remote device through this launcher, e.g. 'ssh pi@board maple agent' (run without a "
                  "shell; kept with the device, so later runs can name the device alone; /usr/share/doc/maple/remote.md)");
  cmd->add_option("--seed", o->seed, "Seed of the weights and input (default 42)");
  cmd->add_flag("--json", o->json, "Print the samples as JSON");
  cmd->callback([o] {
    if (o->archs.empty() && o->arch.empty() && o->archsFile.empty())
      fail(ErrorKind::Usage, "say what to measure: --archs 0,17,123, --arch STRING or --archs-file FILE");
    run(*o);
  });
}

} // namespace maple::cli
