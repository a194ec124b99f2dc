#include "services/spaces.hpp"

#include "common/error.hpp"
#include "common/setting.hpp"
#include "store/latencies.hpp"

namespace maple::services {

const searchspace::SearchSpace& resolveSpace(store::Project& project, const std::string& name) {
  if (!name.empty()) return searchspace::space(name);
  const auto held = store::spacesIn(project);
  if (held.empty()) return searchspace::nb201Space();
  if (held.size() == 1) return searchspace::space(held.front());
  std::string list;
  for (const auto& s : held) list += (list.empty() ? "" : ", ") + s;
  fail(ErrorKind::Usage, project.path() + " holds architectures of several search spaces (" + list + "): choose one (" +
                             setting("space", held.front()) + ")");
}

} // namespace maple::services
