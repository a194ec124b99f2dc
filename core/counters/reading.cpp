#include "counters/reading.hpp"

#include "common/error.hpp"

#include <limits>
#include <string>

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
  // Counters and their times only grow: a smaller later reading is a reset or a corrupt read, and
  // a zero in its place would be a made-up measurement.
  auto sub = [](std::uint64_t a, std::uint64_t b, const char* what) {
    if (a < b)
      fail(ErrorKind::Io, std::string("a counter's ") + what + " went backwards between two readings (" +
                              std::to_string(b) + " then " + std::to_string(a) +
                              "): the counter was reset or read wrongly; capture again");
    return a - b;
  };
  return scaleReading(sub(later.raw, earlier.raw, "count"), sub(later.enabledNs, earlier.enabledNs, "enabled time"),
                      sub(later.runningNs, earlier.runningNs, "running time"));
}

} // namespace maple::counters
