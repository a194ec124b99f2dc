#pragma once
// Evaluation points compared as sets: a run and its stored copy hold the same points in different
// orders (by fold, and by device and architecture id).
#include "evaluation/points.hpp"

#include <set>
#include <string>
#include <tuple>

namespace maple::testing {

using PointKey = std::tuple<std::string, std::string, float, float, bool>; // device, arch, measured, predicted, shot

inline std::set<PointKey> pointSet(const evaluation::Points& p) {
  std::set<PointKey> out;
  for (size_t i = 0; i < p.size(); ++i)
    out.insert({p.devices[p.device[i]], p.archs[p.arch[i]], p.measuredMs[i], p.predictedMs[i], p.isShot[i] != 0});
  return out;
}

} // namespace maple::testing
