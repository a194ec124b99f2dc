#pragma once
// Reader and importer of the public FBNet latency table (HELP's FBNet files, 5,000 sampled
// architectures x 20 device columns, fbnet_latency_ms.csv) and, through readDeviceSpecs, its
// devices.csv, with the guarantees of help_import.hpp.
#include "dataset/help_import.hpp"

#include <string>
#include <vector>

namespace maple::dataset {

struct FbnetTable {
  std::string path;
  std::vector<std::string> devices; // column order of the file
  std::vector<int> index;           // HELP's position in its metainfo list, per row
  std::vector<std::string> archs;   // canonical FBNet strings, per row
  std::vector<double> ms;           // row-major: ms[row * devices.size() + device]
};

// Throws BadInput "file:line: reason" for a wrong header, a bad or duplicate idx, an invalid
// or repeated architecture string (naming the layer and the bad block), or a missing, non-numeric,
// non-finite or non-positive latency.
FbnetTable readFbnetTable(const std::string& path);

// PATH is the CSV itself or the folder holding fbnet_latency_ms.csv (and optionally devices.csv).
// Devices already in the project (the same names as in NAS-Bench-201's table: 1080ti_1, ...) are
// the same records and gain latencies in a second space.
ImportResult importHelpFbnet(store::Project& project, const std::string& path, const ImportProgressFn& progress = {});

} // namespace maple::dataset
