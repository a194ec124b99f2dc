#include "common/text.hpp"

#include "common/error.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>

namespace maple::text {

std::optional<double> parseDouble(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !std::isfinite(v)) return std::nullopt;
  return v;
}

std::optional<long long> parseInt(std::string_view s) {
  s = trim(s);
  if (s.empty()) return std::nullopt;
  long long v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  for (;;) {
    size_t pos = s.find(sep, start);
    out.push_back(s.substr(start, pos == std::string_view::npos ? std::string_view::npos : pos - start));
    if (pos == std::string_view::npos) return out;
    start = pos + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' || s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::optional<std::vector<std::string>> splitCsv(std::string_view line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back().push_back('"');
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        fields.back().push_back(c);
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.emplace_back();
    } else if (c != '\r' && c != '\n') {
      fields.back().push_back(c);
    }
  }
  if (quoted) return std::nullopt;
  return fields;
}

std::vector<long long> parseIndexList(std::string_view s, long long maxValue) {
  std::vector<long long> out;
  const auto inRange = [&](std::string_view part, long long v) {
    if (v < 0 || v > maxValue)
      badInput(quote(printable(part, 100)) + " is outside 0.." + std::to_string(maxValue));
  };
  for (auto part : split(s, ',')) {
    part = trim(part);
    if (part.empty()) continue;
    auto dash = part.find('-', 1);
    if (dash == std::string_view::npos) {
      auto v = parseInt(part);
      if (!v) badInput(quote(printable(part, 100)) + " is not an integer index");
      inRange(part, *v);
      out.push_back(*v);
      continue;
    }
    auto a = parseInt(part.substr(0, dash)), b = parseInt(part.substr(dash + 1));
    if (!a || !b || *a > *b) badInput(quote(printable(part, 100)) + " is not a range like 100-120");
    inRange(part, *a);
    inRange(part, *b);
    for (long long i = *a; i <= *b; ++i) out.push_back(i);
  }
  return out;
}

std::string quote(std::string_view s) {
  // Appended piecewise: GCC 12 warns falsely (-Wrestrict) on "'" + std::string at -O3.
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

namespace {

// Length of the well-formed UTF-8 sequence at s[i], or 0.
std::size_t utf8Length(std::string_view s, std::size_t i) {
  const auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
  if (n == 0 || c > 0xF4 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((b(i + k) & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && b(i + 1) < 0xA0) return 0; // overlong
  if (c == 0xED && b(i + 1) >= 0xA0) return 0; // surrogate
  if (c == 0xF0 && b(i + 1) < 0x90) return 0; // overlong
  if (c == 0xF4 && b(i + 1) >= 0x90) return 0; // past U+10FFFF
  return n;
}

} // namespace

bool validUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto n = utf8Length(s, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string printable(std::string_view s, std::size_t maxBytes) {
  std::string out;
  std::size_t i = 0;
  for (; i < s.size() && out.size() < maxBytes;) {
    const auto c = static_cast<unsigned char>(s[i]);
    const auto n = utf8Length(s, i);
    if (n > 1 || (n == 1 && (c >= 0x20 || c == '\n' || c == '\t') && c != 0x7F)) {
      out.append(s.substr(i, n));
      i += n;
      continue;
    }
    char buf[5];
    std::snprintf(buf, sizeof buf, "\\x%02X", c);
    out += buf;
    ++i;
  }
  if (i < s.size()) out += "... (" + std::to_string(s.size() - i) + " more bytes not shown)";
  return out;
}

std::string nowIso8601() {
  auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

} // namespace maple::text
