#include "searchspace/space.hpp"

#include "common/error.hpp"
#include "common/splitmix.hpp"

#include <string>
#include <unordered_set>

namespace maple::searchspace {

void SearchSpace::check(const Genotype& g) const {
  const auto n = choiceNames().size();
  if (static_cast<int>(g.choices.size()) != positions())
    fail(ErrorKind::Usage, std::string(name()) + " architecture with " + std::to_string(g.choices.size()) +
                               " positions, the space has " + std::to_string(positions()));
  for (std::size_t i = 0; i < g.choices.size(); ++i)
    if (g.choices[i] >= n)
      fail(ErrorKind::Usage, std::string(name()) + " architecture: choice " + std::to_string(g.choices[i]) +
                                 " at position " + std::to_string(i + 1) + " is outside 0.." + std::to_string(n - 1));
}

std::vector<float> SearchSpace::oneHot(const Genotype& g) const {
  check(g);
  const auto n = choiceNames().size();
  std::vector<float> v(g.choices.size() * n, 0.0f);
  for (std::size_t i = 0; i < g.choices.size(); ++i) v[i * n + g.choices[i]] = 1.0f;
  return v;
}

std::vector<Genotype> SearchSpace::sample(int count, std::uint64_t seed) const {
  if (auto total = size(); count < 0 || (total && count > *total))
    fail(ErrorKind::Usage, "cannot sample " + std::to_string(count) + " distinct " + std::string(name()) +
                               " architectures" + (total ? " from " + std::to_string(*total) : std::string()));
  const auto n = static_cast<std::uint64_t>(choiceNames().size());
  std::unordered_set<std::string> seen; // choices as bytes
  std::vector<Genotype> out;
  std::uint64_t state = seed;
  while (static_cast<int>(out.size()) < count) {
    Genotype g;
    for (int p = 0; p < positions(); ++p) g.choices.push_back(static_cast<std::uint8_t>((splitmix64(state) >> 11) % n));
    if (seen.insert(std::string(g.choices.begin(), g.choices.end())).second) out.push_back(std::move(g));
  }
  return out;
}

std::vector<Genotype> SearchSpace::enumerate() const {
  const auto total = size();
  if (!total)
    fail(ErrorKind::Usage, "the " + std::string(name()) + " space cannot be enumerated; sample it instead");
  std::vector<Genotype> out;
  out.reserve(static_cast<std::size_t>(*total));
  for (std::int64_t i = 0; i < *total; ++i) out.push_back(fromIndex(i));
  return out;
}

} // namespace maple::searchspace
