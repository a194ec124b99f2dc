// maple: the command-line face of MAPLE Workbench. Exit codes: 0 ok, 1 usage, 2 bad input or file,
// 130 cancelled.
#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/text.hpp"
#include "store/sqlite.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>
#include <new>

namespace {

// Messages quote what users gave (file contents, architecture strings): never raw bytes to a terminal.
int report(const char* what, int code) {
  std::cerr << "maple: " << maple::text::printable(what) << "\n";
  return code;
}

// Output that did not reach its file (a full disk, /dev/full, a closed pipe) is a failure.
int checkedOutput(int code) {
  std::cout.flush();
  if (std::cout.fail() || std::fflush(stdout) != 0 || std::ferror(stdout))
    return report((std::string("cannot write the output: ") + std::strerror(errno ? errno : EIO)).c_str(), 2);
  return code;
}

} // namespace

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
  maple::store::setBusyNotice([](const std::string& path) {
    std::cerr << "maple: waiting for " << maple::text::printable(path)
              << ": another process is writing to it (up to " << maple::store::kBusyWaitSeconds << " s)...\n";
  });
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return checkedOutput(app.exit(e) == 0 ? 0 : 1);
  } catch (const maple::Error& e) {
    switch (e.kind()) {
    case maple::ErrorKind::Usage: return report(e.what(), 1);
    case maple::ErrorKind::Cancelled: return report(e.what(), 130);
    default: return report(e.what(), 2);
    }
  } catch (const std::bad_alloc&) {
    return report("out of memory: the input is larger than this machine can hold (check that it is the file you meant)", 2);
  } catch (const std::exception& e) {
    return report(e.what(), 2);
  }
  return checkedOutput(0);
}
