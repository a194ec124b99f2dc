#pragma once
// SplitMix64: a tiny generator whose sequence is fixed by its definition (std distributions are
// not), for seeded weights and samples that are the same on every platform.
#include <cstdint>

namespace maple {

inline std::uint64_t splitmix64(std::uint64_t& state) {
  std::uint64_t z = (state += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

} // namespace maple
