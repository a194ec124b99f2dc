#pragma once
// The range of one inference's latency every reader accepts (CSV tables, runner replies, stored
// samples). Outside it a value is a unit mistake or a forgery (1e308 ms, 1e-300 ms), not a time.
#include <cmath>

namespace maple {

inline constexpr double kMinLatencyMs = 1e-6; // 1 ns, below any timer's resolution
inline constexpr double kMaxLatencyMs = 1e7;  // 2.8 hours for one inference

inline bool plausibleLatencyMs(double ms) { return std::isfinite(ms) && ms >= kMinLatencyMs && ms <= kMaxLatencyMs; }

} // namespace maple
