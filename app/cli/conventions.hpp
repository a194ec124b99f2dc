#pragma once
// Conventions every maple subcommand shares: the help command, unknown-subcommand suggestions,
// --quiet, and output that fails loudly when it cannot be written.
#include <CLI/CLI.hpp>

namespace maple::cli {

// `maple help [SUB]` prints the root's or SUB's help; `maple help --commands` lists the subcommands
// one a line (the bash completion and the man pages read it).
void addHelpCommand(CLI::App& root);

// Usage error naming the known subcommands and the nearest one when argv's first word is none.
void checkSubcommandName(const CLI::App& root, int argc, char** argv);

// --quiet: no progress lines or notices on stderr (errors still print).
void addQuietFlag(CLI::App& root);
bool quiet();

// --space NAME: the search space a command works on (services::resolveSpace: the project's only one
// when not given).
void addSpaceOption(CLI::App* cmd, std::string& space);

// Flushes stdout; Io error when the data could not be written (full disk, closed pipe).
void flushStdout();

} // namespace maple::cli
