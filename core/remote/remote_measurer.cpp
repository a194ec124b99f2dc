#include "remote/remote_measurer.hpp"

#include "common/text.hpp"

namespace maple::remote {

measure::Measurement RemoteMeasurer::measure(const searchspace::Architecture& arch, const measure::Protocol& p,
                                             const measure::MeasureCallback& cb) {
  auto s = link_.measure(arch, p, ask_, [&](int done, int max, double median) {
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

} // namespace maple::remote
