#include "counters/perf_stat_import.hpp"

#include "common/error.hpp"
#include "common/file_read.hpp"
#include "common/text.hpp"
#include "counters/encoding.hpp"

#include <algorithm>
#include <map>

namespace maple::counters {
namespace {

constexpr std::size_t kMaxPerfStatBytes = 64u << 20; // hours of -I 100 output for dozens of events

struct Line {
  long number;
  std::optional<double> timeS;
  std::string valueText, unit, event;
  std::optional<std::uint64_t> runNs;
  std::optional<double> pct;
};

bool isNumber(const std::string& s) { return text::parseDouble(s).has_value(); }

// A count no 64-bit counter can hold (1e308, say) is not a measurement.
constexpr double kMaxCount = 1.8446744073709552e19;

// perf prints a raw PMU event as "cpu/event=0x3c,umask=0x00/" unquoted even with -x, so its commas
// split it: fields are rejoined until the PMU term list closes with its second '/'.
void rejoinPmuEvents(std::vector<std::string>& f) {
  // Only where an event name can stand (3rd field, 4th with -I): a metric unit such as "K/sec"
  // later on the line has one '/' too.
  for (size_t i = 2; i <= 3 && i + 1 < f.size(); ++i) {
    while (i + 1 < f.size() && std::count(f[i].begin(), f[i].end(), '/') == 1 && f[i].find('/') + 1 < f[i].size()) {
      f[i] += "," + f[i + 1];
      f.erase(f.begin() + static_cast<std::ptrdiff_t>(i) + 1);
    }
  }
}

// A metric-only line (perf 6.5's "TopdownL1" group and its "tma_*" rows) holds perf's derived
// arithmetic, not a count: no value, and numbers or nothing where the unit and the event stand.
bool metricOnly(const std::vector<std::string>& f, bool interval) {
  const size_t o = interval ? 1 : 0;
  if (f.size() <= o || !f[o].empty()) return false;
  for (size_t i = o + 1; i <= o + 2 && i < f.size(); ++i)
    if (!f[i].empty() && !isNumber(f[i])) return false;
  return true;
}

bool printableName(const std::string& s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) > 0x20 && c != 0x7F; });
}

// perf prints "cycles:u" when it had to restrict the privilege level; the counter is still cycles.
std::string baseName(const std::string& event) {
  const auto colon = event.find(':');
  if (colon == std::string::npos) return event;
  const auto base = event.substr(0, colon);
  const auto mods = event.substr(colon + 1);
  const bool modifiersOnly = !mods.empty() && mods.find_first_not_of("ukhpPGHSI") == std::string::npos;
  return modifiersOnly && isGenericName(base) ? base : event;
}

// perf's tool events measure time, not a PMU.
bool isSoftware(const std::string& event) {
  if (event == "duration_time" || event == "user_time" || event == "system_time") return true;
  return isGenericName(event) && !encodeEvent(event, Scope::User).hardware;
}

} // namespace

Capture importPerfStatCsv(const std::string& path, const std::string& workload) {
  const auto data = readRegularFile(path, kMaxPerfStatBytes, "perf stat file");
  if (data.find('\0') != std::string::npos)
    badInput(path + ": holds NUL bytes: not `perf stat -x,` text output");
  std::vector<Line> lines;
  std::optional<bool> interval; // decided by the first data line, then required of every line
  long number = 0;
  for (auto rawView : text::split(data, '\n')) {
    ++number;
    std::string raw(rawView);
    if (!raw.empty() && raw.back() == '\r') raw.pop_back();
    const auto trimmed = text::trim(raw);
    if (trimmed.empty() || trimmed.front() == '#') continue;
    auto fields = text::splitCsv(trimmed);
    if (!fields) badLine(path, number, "unterminated quote");
    auto& f = *fields;
    for (auto& x : f) x = std::string(text::trim(x));
    rejoinPmuEvents(f);
    if (metricOnly(f, interval.value_or(false))) continue;
    if (f.size() < 3) badLine(path, number, "expected at least value,unit,event (perf stat -x, output), got " +
                                                std::to_string(f.size()) + " field(s)");
    // Plain: f[2] is the event and f[3] (if any) a run time. Interval: f[0] is a time stamp and
    // f[3] the event; its f[2] is a unit such as msec, which is why the interval test goes first.
    const bool intervalShape = f.size() >= 4 && isNumber(f[0]) && !f[3].empty() && !isNumber(f[3]);
    const bool plainShape = !intervalShape && !f[2].empty() && !isNumber(f[2]);
    if (!interval) {
      if (!plainShape && !intervalShape)
        badLine(path, number, "no event name where perf stat -x, puts it (3rd field, or 4th with -I) in " +
                                  text::quote(raw) + "; per-CPU or per-core layouts (-A, --per-core) are not supported");
      interval = intervalShape;
    }
    const bool isInterval = *interval;
    if (isInterval ? !intervalShape : !plainShape)
      badLine(path, number, std::string("layout differs from the first data line (") +
                                (isInterval ? "time,value,unit,event,..." : "value,unit,event,...") + ")");
    const size_t o = isInterval ? 1 : 0;
    Line l{number, {}, f[o], f[o + 1], baseName(f[o + 2]), {}, {}};
    if (isInterval) l.timeS = text::parseDouble(f[0]);
    if (!printableName(l.event))
      badLine(path, number, "event name " + text::quote(text::printable(l.event, 200)) +
                                " contains a space or a control character");
    if (l.timeS && !lines.empty() && lines.back().timeS && *l.timeS < *lines.back().timeS)
      badLine(path, number, "time stamp " + f[0] + " s goes back (the line before was at " +
                                std::to_string(*lines.back().timeS) + " s): intervals of different runs mixed?");
    if (f.size() > o + 3 && !f[o + 3].empty()) {
      auto v = text::parseInt(f[o + 3]);
      if (!v || *v < 0) badLine(path, number, "run time " + text::quote(f[o + 3]) + " is not a count of nanoseconds");
      l.runNs = static_cast<std::uint64_t>(*v);
    }
    if (f.size() > o + 4 && !f[o + 4].empty()) {
      auto v = text::parseDouble(f[o + 4]);
      if (!v || *v < 0 || *v > 100.0001) badLine(path, number, "percentage running " + text::quote(f[o + 4]) + " is not 0..100");
      l.pct = *v;
    }
    if (l.valueText != "<not counted>" && l.valueText != "<not supported>" && !isNumber(l.valueText))
      badLine(path, number, "value " + text::quote(text::printable(l.valueText, 200)) +
                                " is not a number, <not counted> or <not supported>");
    if (isNumber(l.valueText) && (*text::parseDouble(l.valueText) < 0 || *text::parseDouble(l.valueText) > kMaxCount))
      badLine(path, number, "value " + l.valueText + " of " + text::quote(l.event) +
                                " is negative or larger than a 64-bit counter holds");
    lines.push_back(std::move(l));
  }
  if (lines.empty()) badInput(path + ": no counter lines (expected `perf stat -x,` output)");

  Capture c;
  c.workload = workload;
  c.source = "perf-stat-csv:" + path;
  c.engine = "external";
  c.startedAt = text::nowIso8601();
  std::map<std::string, size_t> statusOf;
  std::map<std::string, Reading> cumulative;
  std::map<std::string, double> seenAt; // plain layout: one line per event
  for (const auto& l : lines) {
    if (!statusOf.count(l.event)) {
      statusOf[l.event] = c.events.size();
      c.events.push_back({l.event, !isSoftware(l.event), true, "", "", ""});
    }
    auto& status = c.events[statusOf[l.event]];
    if (!l.timeS && seenAt.count(l.event))
      badLine(path, l.number, "event " + text::quote(l.event) + " appears twice (mixed runs in one file?)");
    seenAt[l.event] = l.timeS.value_or(0);
    const bool notRunning = l.valueText == "<not counted>" || (l.pct && *l.pct == 0);
    if (l.timeS && notRunning && l.valueText != "<not supported>")
      continue; // an interval in which the task did not run: nothing happened, nothing to add
    if (l.valueText.front() == '<' || notRunning) {
      status.counted = false;
      status.reason = "perf stat reported " + (l.valueText.front() == '<' ? l.valueText : "0% running time") +
                      " on the recording machine";
      continue;
    }
    double value = *text::parseDouble(l.valueText);
    if (l.unit == "msec") value *= 1e6; // task-clock and cpu-clock: ms -> ns
    const double scale = l.pct ? 100.0 / *l.pct : 1.0;
    const std::uint64_t running = l.runNs.value_or(0);
    const auto enabled = static_cast<std::uint64_t>(static_cast<double>(running) * scale + 0.5);
    auto& cum = cumulative[l.event];
    cum.raw += static_cast<std::uint64_t>(value / scale + 0.5);
    cum.enabledNs += enabled;
    cum.runningNs += running;
    cum.value += value;
    cum.scale = cum.runningNs > 0 ? static_cast<double>(cum.enabledNs) / cum.runningNs : scale;
    c.samples.push_back({l.timeS.value_or(0) * 1000.0, l.event, cum});
    c.durationMs = std::max(c.durationMs, l.timeS.value_or(0) * 1000.0);
  }
  // An event counted in some intervals but unsupported in others is uncounted as a whole.
  for (auto& s : c.events) {
    if (s.counted && !cumulative.count(s.event)) {
      s.counted = false;
      s.reason = "perf stat reported <not counted> in every interval on the recording machine";
    }
    if (s.counted) c.totals[s.event] = cumulative[s.event].value;
    else c.totals.erase(s.event);
  }
  c.softwareOnly = std::none_of(c.events.begin(), c.events.end(), [](const auto& s) { return s.hardware && s.counted; });
  if (c.totals.empty())
    badInput(path + ": perf stat counted none of its " + std::to_string(c.events.size()) +
             " events (every one is <not counted> or <not supported>): record again where they can be counted");
  return c;
}

} // namespace maple::counters
