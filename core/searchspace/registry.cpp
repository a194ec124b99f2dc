#include "searchspace/space.hpp"

#include "common/error.hpp"

namespace maple::searchspace {

std::vector<std::string_view> spaceNames() { return {nb201Space().name(), fbnetSpace().name()}; }

const SearchSpace* findSpace(std::string_view name) {
  for (const SearchSpace* s : {&nb201Space(), &fbnetSpace()})
    if (s->name() == name) return s;
  return nullptr;
}

const SearchSpace& space(std::string_view name) {
  if (const SearchSpace* s = findSpace(name)) return *s;
  std::string known;
  for (auto n : spaceNames()) known += (known.empty() ? "" : ", ") + std::string(n);
  fail(ErrorKind::Usage, "unknown search space '" + std::string(name) + "' (this build knows " + known + ")");
}

} // namespace maple::searchspace
