#pragma once
// A small, fixed predictor file for the format tests; deterministic so its encoding is stable.
#include "predictfile/predictor_file.hpp"
#include "searchspace/space.hpp"

namespace maple::testing {

inline predictfile::PredictorFile samplePredictorFile() {
  predictfile::PredictorFile f;
  f.state.meta = {{"method", "test-linear"},
                  {"descriptor_kind", "reference-latency"},
                  {"descriptor_version", 2},
                  {"search_space", "nb201"},
                  {"space_version", 1},
                  {"feature_layout", {"onehot0:none", "ln_macs"}},
                  {"descriptor_names", {"ref1_ln_ms", "ref2_ln_ms"}},
                  {"descriptor_normalisation", {{"centre", {0.5, 1.5}}, {"scale", {2.0, 4.0}}}},
                  {"feature_scaling", {{"log_latency", true}}},
                  {"training_devices", {"alpha", "beta"}},
                  {"hyperparameters", {{"hidden", 4}, {"lr", 0.001}}}};
  std::vector<double> w(30 * 4);
  for (size_t i = 0; i < w.size(); ++i) w[i] = 0.01 * static_cast<double>(i) - 0.5;
  f.state.arrays["layer0.W"] = w;
  f.state.arrays["layer0.b"] = {0.25, -0.125, 1e-300, -3e10};
  const auto& nb201 = searchspace::nb201Space();
  f.state.architectures["pool.architectures"] = {nb201.fromIndex(0), nb201.fromIndex(4321), nb201.fromIndex(15624)};
  f.targetDevice = "gamma";
  f.evaluation = {{"spearman", 0.93}, {"mape_pct", 7.5}, {"devices", {"gamma"}}};
  f.created.tool = "maple 0.1.0";
  f.created.host = "builder";
  f.created.time = "2026-11-22T13:00:00Z";
  f.created.project = "/data/pool.maple";
  f.created.provenance = "maple adapt --device gamma";
  f.created.parent = {{"tool", "maple 0.1.0"}, {"host", "trainer"}, {"provenance", "maple train"}};
  return f;
}

} // namespace maple::testing
