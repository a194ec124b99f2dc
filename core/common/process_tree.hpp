#pragma once
// Finding and ending the process tree of a child maple started (see child_process.hpp): the
// registry of started children, the child-subreaper setting, and the /proc walk.
#include <sys/types.h>

namespace maple::proctree {

// Makes this process a child subreaper (once): orphaned descendants of its children are
// re-parented here instead of to init, so a tree stays findable after a middle process exits.
void becomeSubreaper();

// Children started through ChildProcess, so strays (re-parented orphans) can be told from them.
void registerChild(pid_t pid);
void unregisterChild(pid_t pid);

// Ends `root` (a child of this process, alive, a zombie or already reaped) and every descendant,
// its process group, setsid() ones and re-parented strays included: SIGTERM, up to graceS for root
// to exit, then SIGKILL until none is left. Reaps root and the strays.
void endTree(pid_t root, double graceS, bool rootReaped);

// Waits up to timeoutS for `pid` (a child) to exit; its wait status, or -1 while it still runs.
int reapWithin(pid_t pid, double timeoutS);

} // namespace maple::proctree
