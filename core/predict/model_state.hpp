#pragma once
// A trained predictor's complete state in a neutral, self-describing form: JSON metadata and named
// numeric arrays. The predictor file (.maplepred) and the project store persist this, never a
// library's object layout, so files keep loading across upgrades.
//
// meta holds at least: "method", "descriptor_kind", "descriptor_version", "search_space",
// "descriptor_normalisation" (per-value centre/scale), "feature_scaling", "training_devices",
// "hyperparameters", "space_version", "feature_layout"; arrays hold the weights ("layer0.W",
// "layer0.b", ...), row-major; architectures hold lists of architectures of the meta's search space
// (the pool's rows, "pool.architectures"), which a file stores as canonical strings.
#include "searchspace/space.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace maple::predict {

struct ModelState {
  nlohmann::json meta = nlohmann::json::object();
  std::map<std::string, std::vector<double>> arrays;
  std::map<std::string, std::vector<searchspace::Genotype>> architectures;
};

} // namespace maple::predict
