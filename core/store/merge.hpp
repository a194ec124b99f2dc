#pragma once
// Merging projects: a fleet is characterised one device at a time (often on a headless board), and
// each device's project file is then merged into one. Brings over devices with their latency
// samples (and the architectures and sources they refer to), captures with their samples, and
// descriptors, in one transaction.
#include "store/project.hpp"

#include <functional>
#include <string>
#include <vector>

namespace maple::store {

struct MergeResult {
  std::vector<std::string> devicesAdded;
  std::vector<std::string> devicesSkipped; // the name exists here already: merging would mix two machines
  long latencySamples = 0, captures = 0, descriptors = 0;
};

// The other file is validated as a MAPLE project first and only read. `devices` limits the merge to
// those names (BadInput naming a missing one); empty merges every device. progress(done, total)
// returning false cancels and rolls everything back (ErrorKind::Cancelled).
MergeResult mergeDevices(Project& into, const std::string& otherPath, const std::vector<std::string>& devices = {},
                         const std::function<bool(int done, int total)>& progress = {});

} // namespace maple::store
