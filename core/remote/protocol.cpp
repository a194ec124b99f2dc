#include "remote/protocol.hpp"

#include "common/error.hpp"
#include "common/json_parse.hpp"
#include "common/text.hpp"

namespace maple::remote {

namespace {
constexpr int kMaxDepth = 16; // our deepest message (a capture) nests 5 levels

std::string clip(std::string_view s) { return std::string(s.substr(0, 200)) + (s.size() > 200 ? "..." : ""); }
} // namespace

std::string lineOf(const nlohmann::json& message) {
  return message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string mismatchMessage(int agentVersion, int clientVersion) {
  return "protocol mismatch: the maple agent speaks protocol " + std::to_string(agentVersion) +
         ", this maple speaks protocol " + std::to_string(clientVersion) +
         ": install the same maple version on both ends";
}

nlohmann::json parseMessage(std::string_view line, const std::string& what, std::size_t maxBytes) {
  if (line.size() > maxBytes) badInput(what + " is longer than " + std::to_string(maxBytes) + " bytes");
  nlohmann::json j;
  try {
    // Depth is checked on the text before any value is built: a hostile line cannot blow the stack.
    j = parseJson(line, what, {maxBytes, kMaxDepth});
  } catch (const Error& e) {
    badInput(std::string(e.what()) + ": " + text::quote(clip(line)));
  }
  if (!j.is_object() || !j.contains("op") || !j["op"].is_string())
    badInput(what + " is not a maple agent message (no \"op\"): " + text::quote(clip(line)));
  return j;
}

std::string kindName(int kind) {
  switch (static_cast<ErrorKind>(kind)) {
  case ErrorKind::Usage: return "usage";
  case ErrorKind::Io: return "io";
  case ErrorKind::Cancelled: return "cancelled";
  default: return "bad_input";
  }
}

int kindFromName(const std::string& name) {
  if (name == "usage") return static_cast<int>(ErrorKind::Usage);
  if (name == "io") return static_cast<int>(ErrorKind::Io);
  if (name == "cancelled") return static_cast<int>(ErrorKind::Cancelled);
  return static_cast<int>(ErrorKind::BadInput);
}

} // namespace maple::remote
