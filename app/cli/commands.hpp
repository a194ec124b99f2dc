#pragma once
// Each `maple` subcommand registers itself on the root app; its callback does the work and throws
// maple::Error on failure (main maps the kind to the exit code).
#include <CLI/CLI.hpp>

namespace maple::cli {

// --threads: 0 (all CPUs) up to kMaxThreads; more than any machine has is a typo, not a request.
inline constexpr int kMaxThreads = 1024;
inline CLI::Range threadRange() { return CLI::Range(0, kMaxThreads); }

void addNewCommand(CLI::App& root);
void addImportCommand(CLI::App& root);
void addDevicesCommand(CLI::App& root);
void addInfoCommand(CLI::App& root);
void addMeasureCommand(CLI::App& root);
void addPmuCommand(CLI::App& root);
void addCaptureCommand(CLI::App& root);
void addEvalCommand(CLI::App& root);
void addTrainCommand(CLI::App& root);
void addAdaptCommand(CLI::App& root);
void addPredictCommand(CLI::App& root);
void addPredictorsCommand(CLI::App& root);
void addSelectCommand(CLI::App& root);
void addDescriptorCommand(CLI::App& root);
void addAgentCommand(CLI::App& root);

} // namespace maple::cli
