// Test helper: imports a data set into a project through the core's importer and stops forever
// in the middle of its transaction, after the first N rows, so a test can kill it there. (The
// product has no such hook; the test drives the same importDataSet the CLI calls.)
#include "dataset/data_sets.hpp"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>

int main(int argc, char** argv) {
  if (argc != 4 && argc != 5) {
    std::fprintf(stderr, "usage: import_and_hang PROJECT DATA ROWS [FORMAT]\n");
    return 1;
  }
  const long pauseAfter = std::atol(argv[3]);
  const auto format = maple::dataset::parseFormat(argc == 5 ? argv[4] : "help-nb201");
  auto project = maple::store::Project::open(argv[1]);
  maple::dataset::importDataSet(project, argv[2], format, [&](const maple::dataset::ImportProgress& p) {
    if (p.rowsWritten >= pauseAfter) {
      std::fprintf(stderr, "paused after %ld of %ld rows\n", p.rowsWritten, p.rowsTotal);
      for (;;) ::pause(); // until killed
    }
    return true;
  });
  return 0;
}
