#pragma once
// Small text helpers shared by the readers: strict number parsing and splitting.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace maple::text {

// Whole-string parses: trailing garbage, empty text or out-of-range values give nullopt.
std::optional<double> parseDouble(std::string_view s);
std::optional<long long> parseInt(std::string_view s);

std::vector<std::string_view> split(std::string_view s, char sep);
std::string_view trim(std::string_view s);

// RFC 4180 CSV fields of one line (quotes, doubled quotes); nullopt on an unterminated quote.
std::optional<std::vector<std::string>> splitCsv(std::string_view line);

// Comma-separated integer list with ranges: "0,17,100-120".
std::vector<long long> parseIndexList(std::string_view s);

// 'text' in single quotes, for messages.
std::string quote(std::string_view s);

std::string nowIso8601();

} // namespace maple::text
