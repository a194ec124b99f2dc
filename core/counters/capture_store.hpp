#pragma once
// Captures in the project file: the Capture value type mapped onto store/captures.hpp. The event
// statuses go to events_json; host conditions, engine, scope, planned and completed steps and
// totals to conditions_json; whether it stopped early to the partial column; the streamed readings
// to capture_samples.
#include "counters/capture.hpp"
#include "store/project.hpp"

#include <optional>

namespace maple::counters {

// One transaction; returns the capture id (also written to capture.id).
std::int64_t saveCapture(store::Project& project, std::int64_t deviceId, Capture& capture);
// BadInput when the id is unknown or its JSON is malformed.
Capture loadCapture(store::Project& project, std::int64_t captureId);

} // namespace maple::counters
