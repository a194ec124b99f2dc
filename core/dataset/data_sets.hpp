#pragma once
// The data-set formats `maple import --format` and the workbench's import accept, by name, and the
// one entry both faces call.
#include "dataset/help_import.hpp"

#include <string>
#include <vector>

namespace maple::dataset {

enum class Format { HelpNb201, HelpFbnet };

std::vector<std::string> formatNames(); // "help-nb201", "help-fbnet"
// Usage error naming the known formats.
Format parseFormat(const std::string& name);
// The format of PATH (a table named as the data set names it, or a folder holding exactly one such
// table), for a face that offers no format choice; Usage error saying what it found otherwise.
Format detectFormat(const std::string& path);

// PATH is the CSV or the folder holding it (and optionally devices.csv): see help_nb201.hpp,
// help_fbnet.hpp.
ImportResult importDataSet(store::Project& project, const std::string& path, Format format,
                           const ImportProgressFn& progress = {});

} // namespace maple::dataset
