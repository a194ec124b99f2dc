#include "common/json_parse.hpp"

#include "common/error.hpp"

namespace maple {

std::size_t jsonTooDeepAt(std::string_view text, int maxDepth) {
  int depth = 0;
  bool inString = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (inString) {
      if (c == '\\') ++i; // the escaped character cannot end the string
      else if (c == '"') inString = false;
    } else if (c == '"') {
      inString = true;
    } else if (c == '[' || c == '{') {
      if (++depth > maxDepth) return i;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    }
  }
  return std::string_view::npos;
}

nlohmann::json parseJson(std::string_view text, const std::string& what, const JsonLimits& limits) {
  if (text.size() > limits.maxBytes)
    badInput(what + ": JSON of " + std::to_string(text.size()) + " bytes exceeds the limit of " +
             std::to_string(limits.maxBytes) + " bytes");
  if (const auto at = jsonTooDeepAt(text, limits.maxDepth); at != std::string_view::npos)
    badInput(what + ": JSON nests deeper than " + std::to_string(limits.maxDepth) + " levels (at byte " +
             std::to_string(at) + "), deeper than anything maple writes or reads");
  try {
    return nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& e) {
    // nlohmann's text: "[json.exception.parse_error.101] parse error at line 1, column 3: ..."
    std::string why = e.what();
    if (const auto p = why.find("] "); p != std::string::npos) why.erase(0, p + 2);
    badInput(what + ": not valid JSON: " + why);
  }
}

} // namespace maple
