#pragma once
// Stored descriptors: each device's descriptors by kind, newest last (the descriptors table).
#include "descriptor/descriptor.hpp"
#include "store/project.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace maple::store {

// Usage when names and values differ in number. Call inside the caller's transaction.
std::int64_t saveDescriptor(Project& project, std::int64_t deviceId, const descriptor::Descriptor& d,
                            std::optional<std::int64_t> captureId = {});
// Saves each of a capture's descriptors against it (captureId 0: a capture not stored).
void saveCaptureDescriptors(Project& project, std::int64_t deviceId, const std::vector<descriptor::Descriptor>& made,
                            std::int64_t captureId);
// The newest descriptor of this kind for the device; BadInput naming the project when it is malformed.
std::optional<descriptor::Descriptor> latestDescriptor(Project& project, std::int64_t deviceId, const std::string& kind);

} // namespace maple::store
