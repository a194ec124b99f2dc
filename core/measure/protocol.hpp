#pragma once
// The measurement protocol: warm-up, then blocks of timed runs until the median is stable or a
// maximum is reached.
//
// Stopping rule: runs come in blocks of `blockSize`. After each block the median of all runs so far
// is compared with the median before that block; once at least `minRepeats` runs are done and the
// relative change is at most `stableTolerance`, the median is stable and measuring stops. Otherwise
// it stops at `maxRepeats` and the result says it was not stable.
#include "measure/stats.hpp"

#include <functional>
#include <string>
#include <vector>

namespace maple::measure {

struct Protocol {
  int warmup = 5;
  int minRepeats = 10;
  int maxRepeats = 100;
  int blockSize = 10;
  double stableTolerance = 0.01; // relative change of the median over the last block
  double highSpread = 0.10;      // IQR / median above this gives a warning
  void validate() const;         // Usage error naming the bad setting
};

// Something that can be timed: runs `warmup` untimed passes, then `repetitions` timed ones, and
// returns each timed run in milliseconds. An engine's prepared network and an external runner both
// fit (see samplers.hpp).
class Sampler {
public:
  virtual ~Sampler() = default;
  virtual std::vector<double> sample(int warmup, int repetitions) = 0;
};

struct Measurement {
  Summary summary;
  std::vector<double> runsMs; // every timed run, in order
  int warmup = 0;
  bool stable = false;
  double lastMedianChange = 0; // relative change of the median over the last block (0 with one block)
  std::vector<std::string> warnings;
};

struct MeasureProgress {
  int runsDone = 0;
  int maxRuns = 0;
  double medianMs = 0;
};
// Returning false cancels: measure() then throws maple::Error(Cancelled).
using MeasureCallback = std::function<bool(const MeasureProgress&)>;

// The high-spread warning for IQR / median `relativeSpread`; empty when it is within `threshold`.
std::string spreadWarning(double relativeSpread, double threshold);

// run(): throws BadInput if the sampler returns the wrong count or a time that is not finite and > 0.
Measurement run(Sampler& sampler, const Protocol& protocol, const MeasureCallback& progress = {});

} // namespace maple::measure
