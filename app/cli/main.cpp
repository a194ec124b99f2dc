// maple: the command-line face of MAPLE Workbench. Exit codes: 0 ok, 1 usage, 2 bad input or file,
// 130 cancelled.
#include "cli/commands.hpp"
#include "common/error.hpp"

#include <iostream>

int main(int argc, char** argv) {
  CLI::App app{"maple: predict DNN latency on unseen hardware (MAPLE Workbench command line)", "maple"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "maple 0.1.0");
  maple::cli::addNewCommand(app);
  maple::cli::addImportCommand(app);
  maple::cli::addDevicesCommand(app);
  maple::cli::addInfoCommand(app);
  maple::cli::addMeasureCommand(app);
  maple::cli::addPmuCommand(app);
  maple::cli::addCaptureCommand(app);
  maple::cli::addEvalCommand(app);
  maple::cli::addTrainCommand(app);
  maple::cli::addAdaptCommand(app);
  maple::cli::addPredictCommand(app);
  maple::cli::addPredictorsCommand(app);
  maple::cli::addSelectCommand(app);
  maple::cli::addAgentCommand(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 1;
  } catch (const maple::Error& e) {
    std::cerr << "maple: " << e.what() << "\n";
    switch (e.kind()) {
    case maple::ErrorKind::Usage: return 1;
    case maple::ErrorKind::Cancelled: return 130;
    default: return 2;
    }
  } catch (const std::exception& e) {
    std::cerr << "maple: " << e.what() << "\n";
    return 2;
  }
  return 0;
}
