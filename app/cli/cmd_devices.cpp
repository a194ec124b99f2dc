// maple devices: list the project's devices, or add a remote device (--add-remote NAME --remote
// LAUNCHER): its agent's detection becomes the device, and the launcher is kept with it.
#include "cli/commands.hpp"
#include "cli/interrupt.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "services/devices.hpp"
#include "services/remote.hpp"
#include "store/devices.hpp"

#include <iostream>

namespace maple::cli {
namespace {

template <class T> nlohmann::json opt(const std::optional<T>& v) {
  return v ? nlohmann::json(*v) : nlohmann::json(nullptr);
}

nlohmann::json toJson(const store::DeviceSummary& s) {
  const auto& d = s.device;
  return {{"name", d.name},
          {"family", d.family},
          {"hardware", d.hardware},
          {"vendor", d.vendor},
          {"microarchitecture", d.microarchitecture},
          {"cores", opt(d.cores)},
          {"sm_count", opt(d.smCount)},
          {"batch_size", opt(d.batchSize)},
          {"base_clock_mhz", opt(d.baseClockMhz)},
          {"boost_clock_mhz", opt(d.boostClockMhz)},
          {"peak_fp32_gflops", opt(d.peakFp32Gflops)},
          {"memory_type", d.memoryType},
          {"memory_bandwidth_gbs", opt(d.memoryBandwidthGbs)},
          {"memory_gb", opt(d.memoryGb)},
          {"l1d_cache_kb", opt(d.l1dCacheKb)},
          {"l2_cache_kb", opt(d.l2CacheKb)},
          {"l3_cache_kb", opt(d.l3CacheKb)},
          {"tdp_w", opt(d.tdpW)},
          {"runtime", d.runtime},
          {"provenance", d.provenance},
          {"latency_samples", s.latencySamples},
          {"spaces", spacesJson(s.spaces)},
          {"descriptor_kinds", s.descriptorKinds}};
}

struct Opts {
  std::string project, addRemote, remote;
  double timeout = 60;
  bool json = false;
};

void list(const Opts& o) {
  auto p = store::Project::open(o.project);
  auto devices = store::listDeviceSummaries(p);
  if (o.json) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& s : devices) arr.push_back(toJson(s));
    printJson({{"devices", arr}});
    return;
  }
  std::vector<std::vector<std::string>> rows;
  for (const auto& s : devices) {
    const auto& d = s.device;
    rows.push_back({d.name, d.family, d.hardware.empty() ? "-" : d.hardware, fmt(d.cores), fmt(d.batchSize),
                    fmt(d.peakFp32Gflops, 6), fmt(d.memoryBandwidthGbs, 4), std::to_string(s.latencySamples),
                    spacesText(s.spaces)});
  }
  printTable({"NAME", "FAMILY", "HARDWARE", "CORES", "BATCH", "PEAK_GFLOPS", "MEM_GB/S", "SAMPLES", "ARCHITECTURES"}, rows);
}

// Connects first (nothing is written when the device cannot be reached), then adds the device.
void addRemote(const Opts& o) {
  if (o.remote.empty()) fail(ErrorKind::Usage, "--add-remote needs --remote 'LAUNCHER', e.g. --remote 'ssh pi@board maple agent'");
  auto p = store::Project::open(o.project);
  if (text::trim(o.addRemote).empty()) badInput("--add-remote: name the device to add, e.g. --add-remote pi4");
  InterruptGuard interrupt; // Ctrl-C ends the launcher
  std::cerr << "connecting via " << text::quote(o.remote) << "\n";
  const auto check = services::checkRemoteDevice(o.remote, o.timeout, &InterruptGuard::interrupted);
  const auto added = services::addRemoteDevice(p, o.addRemote, check.host, o.remote);
  const auto& h = check.host;
  const auto& cap = check.counting.capability;
  if (o.json) {
    printJson({{"added", added},
               {"launcher", o.remote},
               {"agent", check.agentVersion},
               {"hostname", h.hostname},
               {"cpu_model", h.cpuModel},
               {"logical_cpus", h.logicalCpus},
               {"kernel", h.kernel},
               {"hardware_pmu", cap.hardwarePmu},
               {"perf_event_paranoid", cap.paranoid}});
    return;
  }
  std::cout << "host " << h.hostname << ": " << h.cpuModel << ", " << h.logicalCpus << " logical CPUs, kernel "
            << h.kernel << " (" << check.agentVersion << ")\nhardware PMU: " << (cap.hardwarePmu ? "yes" : "no")
            << " (" << cap.hardwarePmuNote << "), perf_event_paranoid " << cap.paranoid << "\n";
  for (const auto& n : added) std::cout << "added device " << text::quote(n) << " reached through " << text::quote(o.remote) << "\n";
}

} // namespace

void addDevicesCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("devices", "List the project's devices, or add a remote device");
  auto o = std::make_shared<Opts>();
  cmd->add_option("--project", o->project, "Project file")->required();
  auto* add = cmd->add_option("--add-remote", o->addRemote,
                              "Add a remote device under this name: its agent's detection, kept with --remote's launcher");
  auto* remote = cmd->add_option("--remote", o->remote,
                                 "With --add-remote: the launcher that reaches `maple agent` on the device, e.g. "
                                 "'ssh pi@board maple agent' (run without a shell; /usr/share/doc/maple/remote.md)");
  auto* timeout = cmd->add_option("--timeout", o->timeout, "With --add-remote: seconds to wait for each reply (default 60)")
                      ->check(CLI::Range(0.001, 86400.0));
  remote->needs(add);
  timeout->needs(add);
  cmd->add_flag("--json", o->json, "Print as JSON");
  cmd->callback([o, add] { add->count() > 0 ? addRemote(*o) : list(*o); });
}

} // namespace maple::cli
