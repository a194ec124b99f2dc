#include "services/descriptors.hpp"

#include "evaluation/project_pool.hpp"
#include "services/spaces.hpp"
#include "store/devices.hpp"

namespace maple::services {

descriptor::Descriptor deviceDescriptor(store::Project& project, const std::string& space, const std::string& device,
                                        const std::string& kind) {
  store::requireDevice(project, device);
  return evaluation::deviceDescriptor(project, resolveSpace(project, space), device, kind);
}

} // namespace maple::services
