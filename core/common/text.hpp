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

// Comma-separated integer list with ranges: "0,17,100-120". BadInput for a malformed part or a
// value outside 0..maxValue (checked before a range is expanded, so 0-3000000000 allocates nothing).
std::vector<long long> parseIndexList(std::string_view s, long long maxValue);

// 'text' in single quotes, for messages.
std::string quote(std::string_view s);

// `s` made safe to print on a terminal: control bytes (ANSI escapes included) and invalid UTF-8
// become \xNN, and text past `maxBytes` is cut with a note of how much was left out.
std::string printable(std::string_view s, std::size_t maxBytes = 2000);

// Whether `s` is well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool validUtf8(std::string_view s);

std::string nowIso8601();

} // namespace maple::text
