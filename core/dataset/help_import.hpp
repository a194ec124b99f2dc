#pragma once
// What HELP's data-set imports share (NAS-Bench-201, FBNet): the table beside its devices.csv, the
// devices' naming conventions, the latency fields' checks, and the write. Everything is parsed and
// validated before the first write; the write is one transaction, so a failure, a cancel or a
// killed process leaves the project as it was.
#include "store/devices.hpp"
#include "store/latencies.hpp"
#include "store/project.hpp"

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maple::dataset {

struct ImportProgress {
  long rowsWritten = 0;
  long rowsTotal = 0;
};
// Returns false to cancel; the transaction is then rolled back (ErrorKind::Cancelled).
using ImportProgressFn = std::function<bool(const ImportProgress&)>;

struct ImportResult {
  int devices = 0;
  long architectures = 0;
  long samplesAdded = 0;    // new rows
  long samplesExisting = 0; // already in the project (a re-import adds nothing)
  bool specsFound = false;
};

// devices.csv beside a table: spec-sheet facts per device column. Unknown columns are ignored;
// a missing "device" column or a malformed number is a "file:line: reason" error.
std::vector<hardware::Device> readDeviceSpecs(const std::string& path);

// The header 'idx,arch_str,<device>,...' of `table` (a name for the message): the device columns,
// each a valid, distinct device name; "file:1: reason" otherwise.
std::vector<std::string> readDeviceColumns(const std::string& path, std::string_view header, std::string_view table);
// One latency field of `device` on `line`: a positive, plausible number of milliseconds.
double readLatencyField(const std::string& path, long line, std::string_view field, const std::string& device);

// A parsed, validated table of one search space, ready to write.
struct ImportTable {
  std::string path;  // the CSV read
  std::string space; // search space name
  std::string sourceKey, sourceDescription;
  std::vector<std::string> devices;
  std::vector<store::ArchitectureKey> architectures; // one per row
  std::vector<double> ms; // row-major: ms[row * devices.size() + device]
};

// PATH as the user gave it: the CSV itself, or the folder holding `tableName`.
std::string tablePathOf(const std::string& path, const char* tableName);

// Writes the table (and devices.csv beside it, when there is one) into the project: devices by name
// (an existing one keeps its fields and gains the table's latencies), marked imported by their
// provenance; one source; samples device-major through the bulk path.
ImportResult writeImport(store::Project& project, const ImportTable& table, const ImportProgressFn& progress);

} // namespace maple::dataset
