#include "counters/counter_set.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "counters/pmu.hpp"
#include "counters/probe.hpp"

#include <perfmon/pfmlib_perf_event.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <map>

namespace maple::counters {
namespace {

// Hardware, hw-cache and raw events all land on the core PMU; other types are their own PMU.
std::uint32_t pmuKey(const perf_event_attr& a) {
  return a.type == PERF_TYPE_HW_CACHE || a.type == PERF_TYPE_RAW ? std::uint32_t(PERF_TYPE_HARDWARE) : a.type;
}

} // namespace

CounterSet::CounterSet(std::vector<EncodedEvent> events, bool inherit) : events_(std::move(events)) {
  const int coreCounters = coreCounterCount();
  std::map<std::uint32_t, std::vector<size_t>> byPmu;
  for (size_t i = 0; i < events_.size(); ++i) byPmu[pmuKey(events_[i].attr)].push_back(i);
  for (const auto& [key, members] : byPmu) {
    // A group larger than the PMU's counters is never scheduled; unknown counts get a safe 4.
    const size_t limit = key == PERF_TYPE_SOFTWARE ? members.size() : size_t(coreCounters > 0 ? coreCounters : 4);
    for (size_t start = 0; start < members.size(); start += limit) {
      Group g;
      for (size_t k = start; k < members.size() && k < start + limit; ++k) {
        auto& e = events_[members[k]];
        perf_event_attr attr = e.attr;
        attr.disabled = g.fds.empty() ? 1 : 0; // members follow their leader
        attr.inherit = inherit ? 1 : 0;
        attr.read_format = PERF_FORMAT_GROUP | PERF_FORMAT_TOTAL_TIME_ENABLED | PERF_FORMAT_TOTAL_TIME_RUNNING;
        const int leader = g.fds.empty() ? -1 : g.fds.front();
        const int fd = static_cast<int>(perf_event_open(&attr, 0, -1, leader, PERF_FLAG_FD_CLOEXEC));
        if (fd < 0) {
          const int err = errno;
          for (int f : g.fds) ::close(f);
          closeAll();
          auto ex = explainOpenError(err, e.hardware, true, paranoidLevel(), attr.exclude_kernel ? Scope::User
                                                                                                  : Scope::UserAndKernel);
          fail(ErrorKind::Io, "cannot open counter " + text::quote(e.name) + " (" + errnoName(err) + "): " + ex.reason +
                                  (ex.fix.empty() ? "" : "; fix: " + ex.fix));
        }
        g.fds.push_back(fd);
        g.eventIdx.push_back(members[k]);
      }
      groups_.push_back(std::move(g));
    }
  }
}

CounterSet::~CounterSet() { closeAll(); }

void CounterSet::closeAll() {
  for (auto& g : groups_)
    for (int fd : g.fds) ::close(fd);
  groups_.clear();
}

void CounterSet::enable() {
  for (auto& g : groups_)
    if (ioctl(g.fds.front(), PERF_EVENT_IOC_ENABLE, PERF_IOC_FLAG_GROUP) != 0)
      fail(ErrorKind::Io, std::string("cannot enable counters: ") + std::strerror(errno));
}

void CounterSet::disable() {
  for (auto& g : groups_) ioctl(g.fds.front(), PERF_EVENT_IOC_DISABLE, PERF_IOC_FLAG_GROUP);
}

std::vector<Reading> CounterSet::read() const {
  std::vector<Reading> out(events_.size());
  for (const auto& g : groups_) {
    // PERF_FORMAT_GROUP layout: nr, time_enabled, time_running, value[nr].
    std::vector<std::uint64_t> buf(3 + g.fds.size());
    const auto want = static_cast<ssize_t>(buf.size() * sizeof(std::uint64_t));
    const ssize_t got = ::read(g.fds.front(), buf.data(), buf.size() * sizeof(std::uint64_t));
    if (got != want || buf[0] != g.fds.size())
      fail(ErrorKind::Io, "cannot read counter group led by " + text::quote(events_[g.eventIdx.front()].name) + ": " +
                              (got < 0 ? std::strerror(errno) : "short read"));
    for (size_t k = 0; k < g.fds.size(); ++k) out[g.eventIdx[k]] = scaleReading(buf[3 + k], buf[1], buf[2]);
  }
  return out;
}

} // namespace maple::counters
