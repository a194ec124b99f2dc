// maple: the command-line face of MAPLE Workbench. Exit codes: 0 ok, 1 usage, 2 bad input or file,
// 130 cancelled.
#include "cli/commands.hpp"
#include "cli/conventions.hpp"
#include "common/error.hpp"
#include "common/setting.hpp"
#include "common/text.hpp"
#include "common/version.hpp"
#include "store/sqlite.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>

namespace {

// Messages quote what users gave (file contents, architecture strings): never raw bytes to a terminal.
// The settings a core message names as its fix become this face's options (common/setting.hpp).
int report(const char* what, int code) {
  std::cerr << "maple: " << maple::text::printable(maple::optionSettings(what)) << "\n";
  return code;
}

int exitCode(const maple::Error& e) {
  switch (e.kind()) {
  case maple::ErrorKind::Usage: return 1;
  case maple::ErrorKind::Cancelled: return 130;
  default: return 2;
  }
}

} // namespace

int main(int argc, char** argv) {
  CLI::App app{"maple: predict DNN latency on unseen hardware (MAPLE Workbench command line).\n"
               "Documentation: man maple, maple help SUBCOMMAND, /usr/share/doc/maple",
               "maple"};
  std::signal(SIGPIPE, SIG_IGN); // a closed pipe becomes a write error with a message (flushStdout)
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string("maple ") + maple::kVersion);
  maple::cli::addQuietFlag(app);
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
  maple::cli::addDescriptorCommand(app);
  maple::cli::addAgentCommand(app);
  maple::cli::addHelpCommand(app);
  maple::store::setBusyNotice([](const std::string& path) {
    std::cerr << "maple: waiting for " << maple::text::printable(path)
              << ": another process is writing to it (up to " << maple::store::kBusyWaitSeconds << " s)...\n";
  });
  try {
    maple::cli::checkSubcommandName(app, argc, argv);
    app.parse(argc, argv);
    maple::cli::flushStdout();
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e) == 0 ? 0 : 1;
    try {
      maple::cli::flushStdout();
    } catch (const maple::Error& w) {
      return report(w.what(), 2);
    }
    return code;
  } catch (const maple::Error& e) {
    return report(e.what(), exitCode(e));
  } catch (const std::bad_alloc&) {
    return report("out of memory: the input is larger than this machine can hold (check that it is the file you meant)", 2);
  } catch (const std::exception& e) {
    return report(e.what(), 2);
  }
  return 0;
}
