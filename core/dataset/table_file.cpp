#include "dataset/table_file.hpp"

#include "common/error.hpp"
#include "common/file_read.hpp"
#include "common/text.hpp"

namespace maple::dataset {
namespace {

constexpr std::size_t kMaxTableBytes = 512u << 20; // the full NAS-Bench-201 table is 8 MB

} // namespace

// Refused before reading when it is a FIFO, a device or larger than any table. A UTF-8 byte-order
// mark is skipped; CR-only line endings are refused with the fix.
std::string readWhole(const std::string& path) {
  auto data = readRegularFile(path, kMaxTableBytes, "CSV table");
  if (data.rfind("\xEF\xBB\xBF", 0) == 0) data.erase(0, 3);
  if (data.find('\r') != std::string::npos && data.find('\n') == std::string::npos)
    badLine(path, 1, "lines end in CR only (old Mac style); convert the file to LF or CRLF line endings");
  return data;
}

std::vector<std::string_view> lines(const std::string& data) {
  auto out = text::split(data, '\n');
  if (!out.empty() && text::trim(out.back()).empty()) out.pop_back();
  return out;
}

} // namespace maple::dataset
