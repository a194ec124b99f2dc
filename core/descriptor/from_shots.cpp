#include "descriptor/from_shots.hpp"

#include "descriptor/from_data.hpp"

#include <map>

namespace maple::descriptor {

Descriptor referenceLatencyFromShots(const searchspace::ArchitectureSet& shots, const std::vector<double>& latencyMs,
                                     const std::string& deviceName) {
  std::map<std::string, double> byCanonical;
  for (size_t i = 0; i < shots.size() && i < latencyMs.size(); ++i) byCanonical.emplace(shots.canonical(i), latencyMs[i]);
  auto d = referenceLatencyDescriptor(*shots.space, byCanonical, deviceName);
  d.provenance = "latencies of " + std::to_string(d.values.size()) + " HELP reference architectures among the shots";
  return d;
}

} // namespace maple::descriptor
