#include "counters/reading.hpp"

#include <limits>

namespace maple::counters {

Reading scaleReading(std::uint64_t raw, std::uint64_t enabledNs, std::uint64_t runningNs) {
  Reading r{raw, enabledNs, runningNs, 0, 1};
  if (runningNs == 0) {
    r.value = std::numeric_limits<double>::quiet_NaN();
    return r;
  }
  r.scale = runningNs >= enabledNs ? 1.0 : static_cast<double>(enabledNs) / static_cast<double>(runningNs);
  r.value = static_cast<double>(raw) * r.scale;
  return r;
}

Reading difference(const Reading& later, const Reading& earlier) {
  auto sub = [](std::uint64_t a, std::uint64_t b) { return a >= b ? a - b : 0; };
  return scaleReading(sub(later.raw, earlier.raw), sub(later.enabledNs, earlier.enabledNs),
                      sub(later.runningNs, earlier.runningNs));
}

} // namespace maple::counters
