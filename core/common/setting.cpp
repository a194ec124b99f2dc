#include "common/setting.hpp"

#include <algorithm>
#include <stdexcept>

namespace maple {
namespace {

constexpr char kOpen = '\x02', kSeparator = '\x1f', kClose = '\x03';

} // namespace

const std::vector<std::string_view>& settingKeys() {
  static const std::vector<std::string_view> keys{
      "allow-software", "archs",   "descriptor", "device",    "engine",         "events",     "protocol", "remote",
      "seeds",          "shot-policy", "shots",  "space",      "test-devices", "timeout", "train-devices"};
  return keys;
}

std::string setting(std::string_view key, std::string_view value) {
  const auto& keys = settingKeys();
  if (std::find(keys.begin(), keys.end(), key) == keys.end())
    throw std::logic_error("maple::setting: unknown key '" + std::string(key) + "' (add it to settingKeys)");
  std::string out(1, kOpen);
  out += key;
  out += kSeparator;
  out += value;
  out += kClose;
  return out;
}

std::string renderSettings(std::string_view message, const SettingRenderer& render) {
  std::string out;
  out.reserve(message.size());
  size_t at = 0;
  while (at < message.size()) {
    const auto open = message.find(kOpen, at);
    const auto separator = open == std::string_view::npos ? open : message.find(kSeparator, open);
    const auto close = separator == std::string_view::npos ? separator : message.find(kClose, separator);
    if (close == std::string_view::npos) break;
    out += message.substr(at, open - at);
    out += render(message.substr(open + 1, separator - open - 1), message.substr(separator + 1, close - separator - 1));
    at = close + 1;
  }
  out += message.substr(std::min(at, message.size()));
  return out;
}

std::string plainSettings(std::string_view message) {
  return renderSettings(message, [](std::string_view key, std::string_view value) {
    std::string words(key);
    std::replace(words.begin(), words.end(), '-', ' ');
    return value.empty() ? words : words + " " + std::string(value);
  });
}

std::string optionSettings(std::string_view message) {
  return renderSettings(message, [](std::string_view key, std::string_view value) {
    // Appended piece by piece: GCC 12 at -O3 warns (-Wrestrict, a false positive) on "--" + string.
    std::string option("--");
    option.append(key);
    if (!value.empty()) option.append(" ").append(value);
    return option;
  });
}

} // namespace maple
