#include "descriptor/from_capture.hpp"

#include <cmath>
#include <optional>

namespace maple::descriptor {
namespace {

bool isHardware(const counters::Capture& c, const std::string& event) {
  for (const auto& e : c.events)
    if (e.event == event) return e.hardware && e.counted;
  return false;
}

std::string stepsCounted(const counters::Capture& c) {
  return std::to_string(c.steps.size()) + " of " + std::to_string(c.plannedSteps) + " workload steps";
}

std::string provenance(const counters::Capture& c, const std::string& device) {
  return "capture " + std::to_string(c.id) + " of " + device + ": workload " + c.workload + " x" +
         std::to_string(c.repeats) + " on " + (c.engine.empty() ? "?" : c.engine) + ", scope " +
         (c.scope.empty() ? "unknown" : c.scope) + ", source " + c.source +
         (c.partial ? ", partial: " + stepsCounted(c) : "");
}

// Per-step kinds keep their meaning when steps are missing: the absent entries are simply absent.
void notePartial(const counters::Capture& c, const std::string& kind, std::vector<std::string>& notes) {
  if (c.partial)
    notes.push_back(kind + ": from the " + stepsCounted(c) + " counted before the stop; the others are absent");
}

void add(Descriptor& d, const std::string& name, double v) {
  if (!std::isfinite(v)) return; // a zero denominator leaves the entry out rather than faking it
  d.names.push_back(name);
  d.values.push_back(v);
}

std::optional<Descriptor> counterDescriptor(const counters::Capture& c, const std::string& device,
                                            std::vector<std::string>& notes) {
  if (c.softwareOnly) {
    notes.push_back("counters, counters-edge: no hardware event was counted in this capture");
    return std::nullopt;
  }
  if (c.partial) {
    notes.push_back("counters: the capture stopped after " + stepsCounted(c) +
                    "; rates over part of the workload would not compare with a complete capture's");
    return std::nullopt;
  }
  auto total = [&](const std::string& e) -> std::optional<double> {
    auto it = c.totals.find(e);
    if (it == c.totals.end() || !c.counted(e)) return std::nullopt;
    return it->second;
  };
  const auto inst = total("instructions"), cyc = total("cycles");
  if (!inst || !cyc || *inst <= 0 || *cyc <= 0) {
    notes.push_back("counters: needs instructions and cycles, which this capture did not count");
    return std::nullopt;
  }
  Descriptor d{"counters", 1, {}, {}, provenance(c, device), 0};
  add(d, "ipc", *inst / *cyc);
  for (const auto& e : c.events) {
    if (!e.hardware || !e.counted || e.event == "instructions" || e.event == "cycles") continue;
    const auto v = total(e.event);
    if (!v) continue;
    if (e.event.rfind("stalled-cycles", 0) == 0) add(d, e.event + "_per_cycle", *v / *cyc);
    else add(d, e.event + "_per_kilo_instruction", 1000.0 * *v / *inst);
  }
  const std::pair<const char*, const char*> ratios[] = {{"cache-misses", "cache-references"},
                                                        {"branch-misses", "branch-instructions"},
                                                        {"L1-dcache-load-misses", "L1-dcache-loads"},
                                                        {"LLC-load-misses", "LLC-loads"}};
  const char* ratioNames[] = {"cache-misses_per_reference", "branch-misses_per_branch",
                              "L1-dcache-load-misses_per_load", "LLC-load-misses_per_load"};
  for (size_t i = 0; i < 4; ++i) {
    const auto num = total(ratios[i].first), den = total(ratios[i].second);
    if (num && den && *den > 0) add(d, ratioNames[i], *num / *den);
  }
  if (const auto clock = total("task-clock"); clock && *clock > 0) add(d, "ghz", *cyc / *clock);
  return d;
}

std::optional<Descriptor> edgeDescriptor(const counters::Capture& c, const std::string& device,
                                         std::vector<std::string>& notes) {
  if (c.softwareOnly) return std::nullopt;
  if (c.steps.empty()) {
    notes.push_back("counters-edge: needs per-step counts and latencies; an imported perf stat capture has none");
    return std::nullopt;
  }
  Descriptor d{"counters-edge", 1, {}, {}, provenance(c, device), 0};
  for (const auto& s : c.steps) {
    const double us = s.meanMs * 1000.0;
    for (const auto& e : c.events)
      if (isHardware(c, e.event))
        if (auto it = s.perRun.find(e.event); it != s.perRun.end() && us > 0)
          add(d, s.name + "/" + e.event + "_per_us", it->second / us);
  }
  if (d.values.empty()) {
    notes.push_back("counters-edge: no hardware event was counted per step");
    return std::nullopt;
  }
  notePartial(c, d.kind, notes);
  return d;
}

std::optional<Descriptor> softwareDescriptor(const counters::Capture& c, const std::string& device,
                                             std::vector<std::string>& notes) {
  if (!c.softwareOnly) return std::nullopt;
  if (c.steps.empty()) {
    notes.push_back("software-timing: needs per-step latencies; an imported perf stat capture has none");
    return std::nullopt;
  }
  Descriptor d{"software-timing", 1, {}, {}, provenance(c, device) + "; no hardware counters", 0};
  for (const auto& s : c.steps) {
    add(d, s.name + "/ms", s.medianMs);
    auto per = [&](const std::string& e) -> std::optional<double> {
      auto it = s.perRun.find(e);
      return it == s.perRun.end() ? std::nullopt : std::optional<double>(it->second);
    };
    if (auto v = per("task-clock"); v && s.meanMs > 0) add(d, s.name + "/cpu_per_wall", *v / (s.meanMs * 1e6));
    if (auto v = per("page-faults"); v && s.meanMs > 0) add(d, s.name + "/page-faults_per_ms", *v / s.meanMs);
    if (auto v = per("context-switches"); v && s.meanMs > 0)
      add(d, s.name + "/context-switches_per_ms", *v / s.meanMs);
  }
  notePartial(c, d.kind, notes);
  return d;
}

} // namespace

Reduction reduceCapture(const counters::Capture& c, const std::string& deviceName) {
  Reduction r;
  for (auto make : {counterDescriptor, edgeDescriptor, softwareDescriptor})
    if (auto d = make(c, deviceName, r.notes)) r.descriptors.push_back(std::move(*d));
  return r;
}

} // namespace maple::descriptor
