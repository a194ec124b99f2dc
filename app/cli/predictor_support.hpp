#pragma once
// What the predictor commands (train, adapt, predict, predictors) share: progress with Ctrl-C,
// rebuilding a Predictor from a file, and binding a predictor to a device's descriptor.
#include "predict/predictor.hpp"
#include "predictfile/from_predictor.hpp"

#include <memory>
#include <string>

namespace maple::cli {

// Progress lines on stderr ("<verb>: stage 42 %"); returns false after Ctrl-C (see InterruptGuard).
predict::ProgressFn progressOnStderr(const std::string& verb);

std::unique_ptr<predict::Predictor> fromFile(const predictfile::PredictorFile& file, const std::string& name);

// Refuses (Usage) to replace an existing file unless `force`, and never replaces a MAPLE project
// (the open one included), whatever `force` says.
void checkOutput(const std::string& path, bool force);

// Usage error unless the descriptor is of the predictor's kind and shares at least one value name
// with the ones it was trained with.
void checkDescriptor(const predict::Predictor& p, const predictfile::PredictorFile& file,
                     const descriptor::Descriptor& d, const std::string& from);

} // namespace maple::cli
