#pragma once
// Reader and importer for the public NAS-Bench-201 latency table (HELP's 27 device columns) and its
// device spec sheet. Everything is parsed and validated before the first write; the write is one
// transaction, so a failure or a killed process leaves the project as it was.
#include "searchspace/nb201.hpp"
#include "store/devices.hpp"
#include "store/project.hpp"

#include <functional>
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

// devices.csv beside the table: spec-sheet facts per device column. Unknown columns are ignored;
// a missing "device" column or a malformed number is a "file:line: reason" error.
std::vector<store::Device> readDeviceSpecs(const std::string& path);

struct ImportProgress {
  long rowsWritten = 0;
  long rowsTotal = 0;
};

struct ImportResult {
  int devices = 0;
  long architectures = 0;
  long samplesAdded = 0;    // new rows
  long samplesExisting = 0; // already in the project (a re-import adds nothing)
  bool specsFound = false;
};

// PATH is the CSV itself or the folder holding nb201_latency_ms.csv (and optionally devices.csv).
// The callback may return false to cancel; the transaction is then rolled back (ErrorKind::Cancelled).
ImportResult importHelpNb201(store::Project& project, const std::string& path,
                             const std::function<bool(const ImportProgress&)>& progress = {});

} // namespace maple::dataset
