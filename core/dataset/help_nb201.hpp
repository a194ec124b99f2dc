#pragma once
// Reader and importer for the public NAS-Bench-201 latency table (HELP's 27 device columns) and its
// device spec sheet, with the guarantees of help_import.hpp.
#include "dataset/help_import.hpp"
#include "searchspace/nb201.hpp"

#include <string>
#include <vector>

namespace maple::dataset {

struct LatencyTable {
  std::string path;
  std::vector<std::string> devices; // column order of the file
  std::vector<int> index;           // NAS-Bench-201 index per row
  std::vector<nb201::Cell> cells;
  std::vector<double> ms; // row-major: ms[row * devices.size() + device]
};

// Throws BadInput "file:line: reason" for a wrong header, a bad, duplicate or out-of-range index,
// an invalid architecture string, or a missing, non-numeric, non-finite or non-positive latency.
LatencyTable readLatencyTable(const std::string& path);

// PATH is the CSV itself or the folder holding nb201_latency_ms.csv (and optionally devices.csv).
// The callback may return false to cancel; the transaction is then rolled back (ErrorKind::Cancelled).
ImportResult importHelpNb201(store::Project& project, const std::string& path, const ImportProgressFn& progress = {});

} // namespace maple::dataset
