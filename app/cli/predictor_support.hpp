#pragma once
// What the predictor commands (train, adapt, predict, predictors) share: progress with Ctrl-C,
// turning a Predictor into a file and back, and binding a predictor to a device's descriptor.
#include "predict/predictor.hpp"
#include "predictfile/predictor_file.hpp"

#include <memory>
#include <string>

namespace maple::cli {

// Progress lines on stderr ("<verb>: stage 42 %"); returns false after Ctrl-C (see InterruptGuard).
predict::ProgressFn progressOnStderr(const std::string& verb);

// The file for a predictor; `created` is completed with tool, host and time.
predictfile::PredictorFile toFile(const predict::Predictor& p, predictfile::Creation created,
                                  nlohmann::json evaluation = nlohmann::json::object());
std::unique_ptr<predict::Predictor> fromFile(const predictfile::PredictorFile& file, const std::string& name);

// Refuses (Usage) to replace an existing file unless `force`.
void checkOutput(const std::string& path, bool force);

// Usage error unless the descriptor is of the predictor's kind and shares at least one value name
// with the ones it was trained with.
void checkDescriptor(const predict::Predictor& p, const predictfile::PredictorFile& file,
                     const descriptor::Descriptor& d, const std::string& from);

} // namespace maple::cli
