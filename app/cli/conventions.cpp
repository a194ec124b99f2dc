#include "cli/conventions.hpp"

#include "common/error.hpp"
#include "common/text.hpp"
#include "searchspace/space.hpp"

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <iostream>

namespace maple::cli {

namespace {

bool gQuiet = false;

std::vector<const CLI::App*> commands(const CLI::App& root) {
  auto subs = root.get_subcommands([](const CLI::App*) { return true; });
  return {subs.begin(), subs.end()};
}

size_t editDistance(const std::string& a, const std::string& b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diag = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

std::string knownNames(const CLI::App& root, std::string* nearest, const std::string& word) {
  std::string names;
  size_t best = std::string::npos;
  for (const auto* c : commands(root)) {
    names += (names.empty() ? "" : ", ") + c->get_name();
    if (const size_t d = editDistance(word, c->get_name()); d < best) {
      best = d;
      *nearest = c->get_name();
    }
  }
  if (best > std::max<size_t>(2, word.size() / 2)) nearest->clear(); // too far to be a typo
  return names;
}

CLI::App* findCommand(CLI::App& root, const std::string& name) {
  for (auto* c : root.get_subcommands([](const CLI::App*) { return true; }))
    if (c->get_name() == name) return c;
  std::string nearest;
  const auto names = knownNames(root, &nearest, name);
  fail(ErrorKind::Usage, "unknown command " + text::quote(name) + (nearest.empty() ? "" : " (did you mean " + nearest + "?)") +
                             "; the commands are: " + names);
}

} // namespace

void addHelpCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("help", "Show the help of maple or of one command (maple help SUBCOMMAND)");
  auto sub = std::make_shared<std::string>();
  auto list = std::make_shared<bool>(false);
  auto summary = std::make_shared<bool>(false);
  cmd->add_option("SUBCOMMAND", *sub, "The command to explain");
  cmd->add_flag("--commands", *list, "List the command names, one a line");
  cmd->add_flag("--summary", *summary, "Print only the command's one-line description");
  cmd->callback([&root, sub, list, summary] {
    if (*list) {
      for (const auto* c : commands(root))
        if (c->get_name() != "help") std::cout << c->get_name() << "\n";
      return;
    }
    if (sub->empty()) {
      std::cout << root.help();
      return;
    }
    auto* c = findCommand(root, *sub);
    std::cout << (*summary ? c->get_description() + "\n" : c->help(root.get_name()));
  });
}

void checkSubcommandName(const CLI::App& root, int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string word = argv[i];
    if (word.rfind('-', 0) == 0) continue; // a root flag such as --quiet
    for (const auto* c : commands(root))
      if (c->get_name() == word) return;
    std::string nearest;
    const auto names = knownNames(root, &nearest, word);
    fail(ErrorKind::Usage, "unknown command " + text::quote(word) +
                               (nearest.empty() ? "" : " (did you mean " + nearest + "?)") + "; the commands are: " + names +
                               " (maple help SUBCOMMAND explains one)");
  }
}

void addQuietFlag(CLI::App& root) {
  root.add_flag("-q,--quiet", gQuiet, "No progress lines or notices on stderr (errors still print)");
}

bool quiet() { return gQuiet; }

void flushStdout() {
  std::cout.flush();
  if (!std::cout || std::fflush(stdout) != 0)
    fail(ErrorKind::Io, std::string("cannot write the output: ") + (errno ? std::strerror(errno) : "write error") +
                            " (is the disk full, or was the reading end of a pipe closed?)");
}

void addSpaceOption(CLI::App* cmd, std::string& space) {
  std::string names;
  for (auto n : searchspace::spaceNames()) names += (names.empty() ? "" : ", ") + std::string(n);
  cmd->add_option("--space", space,
                  "Search space of the architectures: " + names + " (default: the project's only one; required when "
                  "it holds several)");
}

} // namespace maple::cli
