#pragma once
// Reading a data set's text file whole and splitting it into lines, for the line-oriented readers.
#include <string>
#include <string_view>
#include <vector>

namespace maple::dataset {

// Throws maple::Error naming the file when it cannot be read, is not a regular file, is larger than
// any table (512 MiB) or ends its lines in CR only; a UTF-8 byte-order mark is skipped.
std::string readWhole(const std::string& path);
// Lines without their '\n' (a trailing '\r' stays for the caller's trim); no empty last line.
std::vector<std::string_view> lines(const std::string& data);

} // namespace maple::dataset
