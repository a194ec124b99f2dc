#pragma once
// Counter captures in the project file: counters' Capture value mapped onto store/captures.hpp. The event
// statuses go to events_json; host conditions, engine, scope, planned and completed steps and
// totals to conditions_json; whether it stopped early to the partial column; the streamed readings
// to capture_samples.
#include "counters/capture.hpp"
#include "store/project.hpp"

#include <optional>

namespace maple::store {

// One transaction; returns the capture id (also written to capture.id).
std::int64_t saveCapture(Project& project, std::int64_t deviceId, counters::Capture& capture);
// BadInput when the id is unknown or its JSON is malformed.
counters::Capture loadCapture(Project& project, std::int64_t captureId);

} // namespace maple::store
