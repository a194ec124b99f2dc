// A capture on the wire: its events, per-step counts and timings in the answer, and the time
// series it streams while it is read.
#include "remote/wire.hpp"

#include "remote/protocol.hpp"
#include "remote/wire_fields.hpp"

namespace maple::remote {

using nlohmann::json;
using namespace field;

namespace {

json doubles(const std::map<std::string, double>& m) {
  json o = json::object();
  for (const auto& [k, v] : m) o[k] = v;
  return o;
}

std::map<std::string, double> doublesFrom(const json& j, const char* key) {
  const auto& o = at(j, key);
  if (!o.is_object()) badInput(std::string("the agent's \"") + key + "\" is not an object");
  std::map<std::string, double> m;
  for (const auto& [k, v] : o.items()) m[k] = num(o, k.c_str(), true);
  return m;
}

std::uint64_t u64(const json& j, const char* key) {
  const auto& v = at(j, key);
  if (!v.is_number_unsigned() && !(v.is_number_integer() && v.get<long long>() >= 0))
    badInput(std::string("the agent's \"") + key + "\" is not a count");
  return v.get<std::uint64_t>();
}

json sampleJson(const counters::Sample& s) {
  const auto& r = s.reading;
  return {{"t_ms", s.tMs}, {"event", s.event}, {"raw", r.raw}, {"enabled_ns", r.enabledNs},
          {"running_ns", r.runningNs}, {"value", r.value}, {"scale", r.scale}};
}

counters::Sample sampleFrom(const json& j) {
  counters::Sample s;
  s.tMs = num(j, "t_ms");
  s.event = str(j, "event");
  s.reading.raw = u64(j, "raw");
  s.reading.enabledNs = u64(j, "enabled_ns");
  s.reading.runningNs = u64(j, "running_ns");
  s.reading.value = num(j, "value", true);
  s.reading.scale = num(j, "scale", true);
  return s;
}

json stepJson(const counters::StepResult& s) {
  return {{"name", s.name}, {"kind", s.kind}, {"runs", s.runs}, {"median_ms", s.medianMs}, {"mean_ms", s.meanMs},
          {"min_ms", s.minMs}, {"per_run", doubles(s.perRun)}, {"scale", doubles(s.scale)}};
}

counters::StepResult stepFrom(const json& j) {
  counters::StepResult s;
  s.name = str(j, "name");
  s.kind = str(j, "kind");
  s.runs = integer(j, "runs");
  s.medianMs = num(j, "median_ms");
  s.meanMs = num(j, "mean_ms");
  s.minMs = num(j, "min_ms");
  s.perRun = doublesFrom(j, "per_run");
  s.scale = doublesFrom(j, "scale");
  return s;
}

json eventJson(const counters::EventStatus& e) {
  return {{"event", e.event}, {"hardware", e.hardware}, {"counted", e.counted}, {"encoding", e.encoding},
          {"reason", e.reason}, {"fix", e.fix}};
}

counters::EventStatus eventFrom(const json& j) {
  return {str(j, "event"), boolean(j, "hardware"), boolean(j, "counted"), str(j, "encoding"), str(j, "reason"),
          str(j, "fix")};
}

} // namespace

json toJson(const counters::Capture& c) {
  json events = json::array(), steps = json::array();
  for (const auto& e : c.events) events.push_back(eventJson(e));
  for (const auto& s : c.steps) steps.push_back(stepJson(s));
  return {{"workload", c.workload}, {"engine", c.engine}, {"source", c.source}, {"repeats", c.repeats},
          {"scope", c.scope}, {"software_only", c.softwareOnly}, {"partial", c.partial},
          {"planned_steps", c.plannedSteps}, {"events", events}, {"steps", steps},
          {"totals", doubles(c.totals)}, {"host_json", c.hostJson}, {"started_at", c.startedAt},
          {"duration_ms", c.durationMs}};
}

counters::Capture captureFromJson(const json& j) {
  counters::Capture c;
  c.workload = str(j, "workload");
  c.engine = str(j, "engine");
  c.source = str(j, "source");
  c.repeats = integer(j, "repeats");
  c.scope = str(j, "scope");
  c.softwareOnly = boolean(j, "software_only");
  c.partial = boolean(j, "partial");
  c.plannedSteps = integer(j, "planned_steps");
  for (const auto& e : array(j, "events")) c.events.push_back(eventFrom(e));
  for (const auto& s : array(j, "steps")) c.steps.push_back(stepFrom(s));
  c.totals = doublesFrom(j, "totals");
  c.hostJson = str(j, "host_json");
  c.startedAt = str(j, "started_at");
  c.durationMs = num(j, "duration_ms");
  return c;
}

std::vector<json> samplesMessages(const std::vector<counters::Sample>& batch, std::size_t maxLineBytes) {
  const auto envelope = lineOf({{"op", "samples"}, {"samples", json::array()}}).size();
  std::vector<json> out;
  std::size_t bytes = 0;
  for (const auto& s : batch) {
    auto one = sampleJson(s);
    const auto size = lineOf(one).size() + 1; // and its comma
    if (out.empty() || bytes + size > maxLineBytes) {
      out.push_back({{"op", "samples"}, {"samples", json::array()}});
      bytes = envelope;
    }
    out.back()["samples"].push_back(std::move(one));
    bytes += size;
  }
  return out;
}

std::vector<counters::Sample> samplesFromJson(const json& message) {
  std::vector<counters::Sample> out;
  for (const auto& s : array(message, "samples")) out.push_back(sampleFrom(s));
  if (out.empty()) badInput("the agent's \"samples\" is empty");
  return out;
}

} // namespace maple::remote
