#pragma once
// A device's hardware descriptor as the project holds it: what `maple descriptor` writes and what
// binds a pool-trained predictor to a device (`maple predict --device`).
#include "descriptor/descriptor.hpp"
#include "store/project.hpp"

#include <string>

namespace maple::services {

// `space` empty: the project's only one (resolveSpace). BadInput naming the known devices for an
// unknown one; the descriptor's own errors say what is missing (a capture, reference latencies).
descriptor::Descriptor deviceDescriptor(store::Project& project, const std::string& space, const std::string& device,
                                        const std::string& kind);

} // namespace maple::services
