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

// A capture without its samples: they travel on their own, as they are read.
nlohmann::json toJson(const counters::Capture& c);
counters::Capture captureFromJson(const nlohmann::json& j);

// One interval's readings as "samples" messages, each at most `maxLineBytes` on the wire (a
// reading too long for any line goes alone, for the client to refuse), and the readings of one.
std::vector<nlohmann::json> samplesMessages(const std::vector<counters::Sample>& batch, std::size_t maxLineBytes);
std::vector<counters::Sample> samplesFromJson(const nlohmann::json& message);

struct Counting {
  counters::Capability capability;
  std::vector<counters::PmuInfo> pmus;
  std::string libpfmVersion;
};
nlohmann::json toJson(const Counting& c);
Counting countingFromJson(const nlohmann::json& j);

} // namespace maple::remote
