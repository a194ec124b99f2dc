#pragma once
// The reference-latency descriptor (from_data.hpp) of a device known only by measured shots, for
// users outside a project (the C API, the Python module): HELP's reference architectures are
// recognised among the shots by their cells.
#include "descriptor/descriptor.hpp"
#include "searchspace/nb201.hpp"

#include <utility>
#include <vector>

namespace maple::descriptor {

// (NAS-Bench-201 index, architecture string) of each reference, in referenceArchitectures() order.
const std::vector<std::pair<int, const char*>>& referenceArchitectureStrings();

// BadInput naming the references when none of the cells is one of them.
Descriptor referenceLatencyFromShots(const std::vector<nb201::Cell>& cells, const std::vector<double>& latencyMs,
                                     const std::string& deviceName);

} // namespace maple::descriptor
