#pragma once
// The values `maple agent` sends back, as JSON and back again: the host's detection, one
// measurement with its conditions, a capture, and what the host can count. Reading is strict: a
// missing or mistyped field is BadInput naming it, so a corrupt reply never becomes a stored row.
#include "counters/capture.hpp"
#include "counters/pmu.hpp"
#include "counters/probe.hpp"
#include "measure/conditions.hpp"
#include "measure/host.hpp"
#include "measure/protocol.hpp"

#include <nlohmann/json.hpp>

#include <vector>

namespace maple::remote {

nlohmann::json toJson(const measure::HostInfo& h);
measure::HostInfo hostFromJson(const nlohmann::json& j);

nlohmann::json toJson(const measure::Measurement& m);
measure::Measurement measurementFromJson(const nlohmann::json& j);

nlohmann::json toJson(const measure::Protocol& p);
measure::Protocol protocolFromJson(const nlohmann::json& j);

nlohmann::json toJson(const counters::Capture& c);
counters::Capture captureFromJson(const nlohmann::json& j);

struct Counting {
  counters::Capability capability;
  std::vector<counters::PmuInfo> pmus;
  std::string libpfmVersion;
};
nlohmann::json toJson(const Counting& c);
Counting countingFromJson(const nlohmann::json& j);

} // namespace maple::remote
