#pragma once
// Files that list one item per line (--archs-file): blank lines and '#' comments are skipped.
#include <string>
#include <vector>

namespace maple::cli {

struct ListLine {
  long number; // 1-based, for "file:line: reason" messages
  std::string text; // trimmed
};

// Io error naming `option` and the path when the file cannot be read.
std::vector<ListLine> readListFile(const std::string& path, const std::string& option);

} // namespace maple::cli
