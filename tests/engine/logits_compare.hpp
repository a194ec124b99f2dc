#pragma once
// How the engine tests compare logits with a reference.
#include <algorithm>
#include <cmath>
#include <vector>

namespace maple::testing {

// max |a - b| over max |reference|: logits are compared at the scale of the output.
inline double relativeError(const std::vector<float>& ours, const std::vector<float>& reference) {
  double diff = 0, scale = 1e-30;
  for (std::size_t i = 0; i < ours.size(); ++i) {
    diff = std::max(diff, std::abs(double(ours[i]) - double(reference[i])));
    scale = std::max(scale, std::abs(double(reference[i])));
  }
  return diff / scale;
}

} // namespace maple::testing
