#pragma once
// The harness's input read from a project, and its scored predictions as the project's rows.
#include "predict/harness.hpp"
#include "store/evaluations.hpp"
#include "store/project.hpp"

#include <string>
#include <vector>

namespace maple::evaluation {

// Loads the listed devices' latencies on `space`; Usage for an unknown device or kind, BadInput for
// a device that lacks the descriptor kind or has no latencies.
predict::EvalData loadEvalData(store::Project& project, const searchspace::SearchSpace& space,
                               const std::vector<std::string>& devices, const std::string& kind);

// A seed run's scored predictions as rows (project ids from `data`), appended to `out`.
void appendPredictionRows(const predict::SeedRun& run, const predict::EvalData& data,
                          std::vector<store::EvaluationPrediction>& out);

} // namespace maple::evaluation
