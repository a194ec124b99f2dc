// maple agent: the device end of a remote run. A launcher the user already has (ssh, srun, adb
// shell) starts it; it answers JSON-line requests on stdin with JSON-line results on stdout
// (core/remote/protocol.hpp) and keeps nothing.
#include "cli/commands.hpp"
#include "common/error.hpp"
#include "remote/agent.hpp"

#include <unistd.h>

namespace maple::cli {

void addAgentCommand(CLI::App& root) {
  auto* cmd = root.add_subcommand("agent", "Serve a remote maple over stdin/stdout (JSON lines); started by a "
                                           "launcher such as ssh, srun or adb shell, see /usr/share/doc/maple/remote.md");
  cmd->callback([] {
    if (isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
      fail(ErrorKind::Usage, "maple agent talks JSON lines to another maple: run it through a launcher, e.g. "
                             "maple measure --remote 'ssh HOST maple agent' ...");
    if (remote::serveAgent(STDIN_FILENO, STDOUT_FILENO) != 0)
      badInput("maple agent stopped: it was sent a request it cannot read or a protocol it does not speak "
               "(the reason went back on stdout)");
  });
}

} // namespace maple::cli
