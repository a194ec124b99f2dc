#include "measure/protocol.hpp"

#include "common/error.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace maple::measure {

void Protocol::validate() const {
  auto bad = [](const std::string& m) { fail(ErrorKind::Usage, m); };
  if (warmup < 0) bad("warm-up runs must be 0 or more (got " + std::to_string(warmup) + ")");
  if (maxRepeats < 1) bad("repetitions must be at least 1 (got " + std::to_string(maxRepeats) + ")");
  if (minRepeats < 1 || minRepeats > maxRepeats)
    bad("minimum repetitions must lie in 1.." + std::to_string(maxRepeats) + " (got " +
        std::to_string(minRepeats) + ")");
  if (blockSize < 1) bad("block size must be at least 1 (got " + std::to_string(blockSize) + ")");
  if (!(stableTolerance > 0)) bad("stability tolerance must be above 0");
  if (!(highSpread > 0)) bad("spread warning threshold must be above 0");
}

namespace {
std::string percent(double v) {
  std::ostringstream s;
  s.precision(3);
  s << v * 100 << " %";
  return s.str();
}
} // namespace

Measurement run(Sampler& sampler, const Protocol& p, const MeasureCallback& progress) {
  p.validate();
  Measurement m;
  m.warmup = p.warmup;
  double previousMedian = -1;
  bool first = true;
  while (static_cast<int>(m.runsMs.size()) < p.maxRepeats) {
    const int n = std::min(p.blockSize, p.maxRepeats - static_cast<int>(m.runsMs.size()));
    const auto block = sampler.sample(first ? p.warmup : 0, n);
    first = false;
    if (static_cast<int>(block.size()) != n)
      badInput("asked for " + std::to_string(n) + " timed runs, got " + std::to_string(block.size()));
    for (double t : block) {
      if (!std::isfinite(t) || t <= 0) badInput("a timed run gave " + std::to_string(t) + " ms (expected a finite time above 0)");
      m.runsMs.push_back(t);
    }
    const double median = quantile(m.runsMs, 0.5);
    if (progress && !progress({static_cast<int>(m.runsMs.size()), p.maxRepeats, median}))
      fail(ErrorKind::Cancelled, "measurement cancelled after " + std::to_string(m.runsMs.size()) + " runs");
    if (previousMedian > 0) {
      m.lastMedianChange = std::abs(median - previousMedian) / previousMedian;
      if (static_cast<int>(m.runsMs.size()) >= p.minRepeats && m.lastMedianChange <= p.stableTolerance) {
        m.stable = true;
        break;
      }
    }
    previousMedian = median;
  }
  m.summary = summarise(m.runsMs);
  if (!m.stable && previousMedian > 0 && m.runsMs.size() > static_cast<size_t>(p.blockSize))
    m.warnings.push_back("median still moved by " + percent(m.lastMedianChange) + " over the last block after " +
                         std::to_string(m.runsMs.size()) +
                         " runs: raise the repetitions or quieten the machine (other load, frequency scaling)");
  if (auto w = spreadWarning(m.summary.relativeSpread(), p.highSpread); !w.empty()) m.warnings.push_back(w);
  return m;
}

std::string spreadWarning(double relativeSpread, double threshold) {
  if (!(relativeSpread > threshold)) return {};
  return "high spread: IQR is " + percent(relativeSpread) + " of the median (threshold " + percent(threshold) +
         "); other load, frequency scaling or thread migration may disturb the timing "
         "(try pinning to CPUs and a fixed governor)";
}

} // namespace maple::measure
