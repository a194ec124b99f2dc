#include "store/counter_captures.hpp"

#include "common/error.hpp"
#include "common/json_parse.hpp"
#include "store/captures.hpp"

#include <nlohmann/json.hpp>

namespace maple::store {
namespace {

nlohmann::json stepsJson(const std::vector<counters::StepResult>& steps) {
  auto arr = nlohmann::json::array();
  for (const auto& s : steps)
    arr.push_back({{"name", s.name}, {"kind", s.kind}, {"runs", s.runs}, {"median_ms", s.medianMs},
                   {"mean_ms", s.meanMs}, {"min_ms", s.minMs}, {"per_run", s.perRun}, {"scale", s.scale}});
  return arr;
}

} // namespace

std::int64_t saveCapture(Project& project, std::int64_t deviceId, counters::Capture& c) {
  auto events = nlohmann::json::array();
  for (const auto& e : c.events)
    events.push_back({{"event", e.event}, {"hardware", e.hardware}, {"counted", e.counted}, {"encoding", e.encoding},
                      {"reason", e.reason}, {"fix", e.fix}});
  nlohmann::json conditions{{"host", c.hostJson.empty() ? nlohmann::json::object() : parseJson(c.hostJson, "capture host record")},
                            {"engine", c.engine},
                            {"scope", c.scope},
                            {"software_only", c.softwareOnly},
                            {"planned_steps", c.plannedSteps},
                            {"steps", stepsJson(c.steps)},
                            {"totals", c.totals}};
  CaptureRow row{0, deviceId, c.workload, c.repeats, events.dump(), conditions.dump(), c.source,
                        c.startedAt, c.durationMs, c.partial};
  std::vector<CaptureSampleRow> samples;
  samples.reserve(c.samples.size());
  for (const auto& s : c.samples)
    samples.push_back({s.tMs, s.event, s.reading.value, s.reading.scale,
                       static_cast<std::int64_t>(s.reading.enabledNs), static_cast<std::int64_t>(s.reading.runningNs)});
  c.id = saveCapture(project, row, samples);
  return c.id;
}

counters::Capture loadCapture(Project& project, std::int64_t captureId) {
  auto row = findCapture(project, captureId);
  if (!row) badInput(project.path() + ": no capture with id " + std::to_string(captureId));
  counters::Capture c;
  c.id = row->id;
  c.workload = row->workload;
  c.source = row->source;
  c.repeats = row->repeats.value_or(0);
  c.startedAt = row->startedAt;
  c.durationMs = row->durationMs.value_or(0);
  c.partial = row->partial;
  try {
    for (const auto& e : parseJson(row->eventsJson, project.path() + ": capture " + std::to_string(captureId) + " events"))
      c.events.push_back({e.at("event"), e.at("hardware"), e.at("counted"), e.value("encoding", ""),
                          e.value("reason", ""), e.value("fix", "")});
    if (!row->conditionsJson.empty()) {
      const auto j = parseJson(row->conditionsJson, project.path() + ": capture " + std::to_string(captureId) + " conditions");
      c.hostJson = j.value("host", nlohmann::json::object()).dump();
      c.engine = j.value("engine", "");
      c.scope = j.value("scope", "");
      c.softwareOnly = j.value("software_only", false);
      c.plannedSteps = j.value("planned_steps", 0);
      c.totals = j.value("totals", std::map<std::string, double>{});
      for (const auto& s : j.value("steps", nlohmann::json::array()))
        c.steps.push_back({s.at("name"), s.at("kind"), s.at("runs"), s.at("median_ms"), s.at("mean_ms"),
                           s.at("min_ms"), s.at("per_run").get<std::map<std::string, double>>(),
                           s.at("scale").get<std::map<std::string, double>>()});
    }
  } catch (const nlohmann::json::exception& e) {
    badInput(project.path() + ": capture " + std::to_string(captureId) + " is malformed (" + e.what() + ")");
  }
  for (const auto& s : loadCaptureSamples(project, captureId)) {
    counters::Reading r;
    r.value = s.value;
    r.scale = s.scale;
    r.enabledNs = static_cast<std::uint64_t>(s.timeEnabledNs.value_or(0));
    r.runningNs = static_cast<std::uint64_t>(s.timeRunningNs.value_or(0));
    r.raw = static_cast<std::uint64_t>(s.value / (s.scale > 0 ? s.scale : 1) + 0.5);
    c.samples.push_back({s.tMs, s.event, r});
  }
  return c;
}

} // namespace maple::store
