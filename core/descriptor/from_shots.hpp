#pragma once
// The reference-latency descriptor (from_data.hpp) of a device known only by measured shots, for
// users outside a project (the C API, the Python module): the space's reference architectures are
// recognised among the shots by their genotypes.
#include "descriptor/descriptor.hpp"
#include "searchspace/architecture.hpp"

#include <vector>

namespace maple::descriptor {

// BadInput naming the references when none of the shots is one of them.
Descriptor referenceLatencyFromShots(const searchspace::ArchitectureSet& shots, const std::vector<double>& latencyMs,
                                     const std::string& deviceName);

} // namespace maple::descriptor
