#include "remote/remote_measurer.hpp"

#include "common/text.hpp"
#include "store/device_launcher.hpp"

namespace maple::remote {

measure::Measurement RemoteMeasurer::measure(const nb201::Cell& cell, const measure::Protocol& p,
                                             const measure::MeasureCallback& cb) {
  auto s = link_.measure(nb201::toString(cell), p, ask_, [&](int done, int max, double median) {
    return !cb || cb({done, max, median});
  });
  engine_ = s.engine;
  engineVersion_ = s.engineVersion;
  conditions_ = std::move(s.conditions);
  return s.measurement;
}

std::string RemoteMeasurer::version() const {
  return engineVersion_ + " on " + link_.hostname() + " via " + text::quote(link_.launcher());
}

std::string launcherFor(store::Project& project, const std::string& device, const std::string& given) {
  return given.empty() ? store::deviceLauncher(project, device).value_or("") : given;
}

std::string RemoteDevice::via() const { return "launcher " + text::quote(link.launcher()); }

void RemoteDevice::remember(store::Project& project, const std::string& device) const {
  store::setDeviceLauncher(project, device, link.launcher());
}

} // namespace maple::remote
