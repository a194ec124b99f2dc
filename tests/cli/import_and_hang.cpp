// Test helper: imports a data set into a project through the core's importer and stops forever
// in the middle of its transaction, after the first N rows, so a test can kill it there. (The
// product has no such hook; the test drives the same importHelpNb201 the CLI calls.)
#include "dataset/help_nb201.hpp"

#include <cstdio>
#include <cstdlib>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: import_and_hang PROJECT DATA ROWS\n");
    return 1;
  }
  const long pauseAfter = std::atol(argv[3]);
  auto project = maple::store::Project::open(argv[1]);
  maple::dataset::importHelpNb201(project, argv[2], [&](const maple::dataset::ImportProgress& p) {
    if (p.rowsWritten >= pauseAfter) {
      std::fprintf(stderr, "paused after %ld of %ld rows\n", p.rowsWritten, p.rowsTotal);
      for (;;) ::pause(); // until killed
    }
    return true;
  });
  return 0;
}
