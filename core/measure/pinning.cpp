#include "measure/pinning.hpp"

#include "common/error.hpp"
#include "common/text.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <sched.h>

namespace maple::measure {

namespace {
void setAffinity(const std::vector<int>& cpus) {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int c : cpus) CPU_SET(c, &set);
  if (sched_setaffinity(0, sizeof set, &set) != 0)
    fail(ErrorKind::Io, "cannot pin to CPUs " + formatCpuList(cpus) + ": " + std::strerror(errno));
}
} // namespace

std::vector<int> allowedCpus() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0)
    fail(ErrorKind::Io, std::string("cannot read this thread's CPU set: ") + std::strerror(errno));
  std::vector<int> out;
  for (int c = 0; c < CPU_SETSIZE; ++c)
    if (CPU_ISSET(c, &set)) out.push_back(c);
  return out;
}

std::vector<int> parseCpuList(const std::string& textList) {
  std::vector<int> cpus;
  try {
    for (long long c : text::parseIndexList(textList, CPU_SETSIZE - 1)) cpus.push_back(static_cast<int>(c));
  } catch (const Error& e) {
    badInput("CPU list " + text::quote(text::printable(textList, 100)) + ": " + e.what() + " (write it like 0-3,6)");
  }
  if (cpus.empty()) fail(ErrorKind::Usage, "CPU list " + text::quote(textList) + " names no CPU (write it like 0-3,6)");
  std::sort(cpus.begin(), cpus.end());
  cpus.erase(std::unique(cpus.begin(), cpus.end()), cpus.end());
  const auto allowed = allowedCpus();
  for (int c : cpus)
    if (!std::binary_search(allowed.begin(), allowed.end(), c))
      fail(ErrorKind::Usage, "CPU " + std::to_string(c) + " is not available to this process (allowed: " +
                                 formatCpuList(allowed) + ")");
  return cpus;
}

std::string formatCpuList(const std::vector<int>& cpus) {
  std::string out;
  for (size_t i = 0; i < cpus.size();) {
    size_t j = i;
    while (j + 1 < cpus.size() && cpus[j + 1] == cpus[j] + 1) ++j;
    if (!out.empty()) out += ',';
    out += std::to_string(cpus[i]);
    if (j > i) out += '-' + std::to_string(cpus[j]);
    i = j + 1;
  }
  return out;
}

ScopedCpuPin::ScopedCpuPin(const std::vector<int>& cpus) : previous_(allowedCpus()) { setAffinity(cpus); }

ScopedCpuPin::~ScopedCpuPin() {
  cpu_set_t set;
  CPU_ZERO(&set);
  for (int c : previous_) CPU_SET(c, &set);
  sched_setaffinity(0, sizeof set, &set); // best effort: a destructor cannot report
}

} // namespace maple::measure
