#pragma once
// Which search space a command or page works on. Every face resolves it here, so `--space` means
// the same in every command and the project's only space needs no flag.
#include "searchspace/space.hpp"
#include "store/project.hpp"

#include <string>

namespace maple::services {

// `name` when given (Usage naming the spaces this build knows for an unknown one); otherwise the
// project's only space, nb201 for a project without architectures, and a Usage error listing the
// project's spaces when it holds several (the fix: --space NAME).
const searchspace::SearchSpace& resolveSpace(store::Project& project, const std::string& name);

} // namespace maple::services
