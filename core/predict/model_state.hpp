#pragma once
// A trained predictor's complete state in a neutral, self-describing form: JSON metadata and named
// numeric arrays. The predictor file (.maplepred) and the project store persist this, never a
// library's object layout, so files keep loading across upgrades.
//
// meta holds at least: "method", "descriptor_kind", "descriptor_version", "search_space",
// "descriptor_normalisation" (per-value centre/scale), "feature_scaling", "training_devices",
// "hyperparameters"; arrays hold the weights ("layer0.W", "layer0.b", ...), row-major.
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

namespace maple::predict {

struct ModelState {
  nlohmann::json meta = nlohmann::json::object();
  std::map<std::string, std::vector<double>> arrays;
};

} // namespace maple::predict
