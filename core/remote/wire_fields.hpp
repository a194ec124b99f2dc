#pragma once
// Strict field access for the wire format (wire.cpp, wire_capture.cpp): each getter names the
// field it could not read.
#include "common/error.hpp"

#include <nlohmann/json.hpp>

#include <cmath>
#include <limits>
#include <optional>
#include <string>

namespace maple::remote::field {

inline const nlohmann::json& at(const nlohmann::json& j, const char* key) {
  if (!j.is_object() || !j.contains(key)) badInput(std::string("the agent's reply lacks \"") + key + "\"");
  return j[key];
}

inline std::string str(const nlohmann::json& j, const char* key) {
  const auto& v = at(j, key);
  if (!v.is_string()) badInput(std::string("the agent's \"") + key + "\" is not a string");
  return v.get<std::string>();
}

// Numbers; null stands for NaN (JSON has none), which only fields that allow it accept.
inline double num(const nlohmann::json& j, const char* key, bool nanAllowed = false) {
  const auto& v = at(j, key);
  if (v.is_null() && nanAllowed) return std::numeric_limits<double>::quiet_NaN();
  if (!v.is_number() || !std::isfinite(v.get<double>()))
    badInput(std::string("the agent's \"") + key + "\" is not a finite number");
  return v.get<double>();
}

inline int integer(const nlohmann::json& j, const char* key) {
  const auto& v = at(j, key);
  if (!v.is_number_integer() || v.get<long long>() < std::numeric_limits<int>::min() ||
      v.get<long long>() > std::numeric_limits<int>::max())
    badInput(std::string("the agent's \"") + key + "\" is not an integer");
  return v.get<int>();
}

inline bool boolean(const nlohmann::json& j, const char* key) {
  const auto& v = at(j, key);
  if (!v.is_boolean()) badInput(std::string("the agent's \"") + key + "\" is not true or false");
  return v.get<bool>();
}

inline const nlohmann::json& array(const nlohmann::json& j, const char* key) {
  const auto& v = at(j, key);
  if (!v.is_array()) badInput(std::string("the agent's \"") + key + "\" is not an array");
  return v;
}

template <class T> std::optional<T> opt(const nlohmann::json& j, const char* key) {
  if (!j.contains(key) || j[key].is_null()) return std::nullopt;
  if constexpr (std::is_same_v<T, int>) return integer(j, key);
  else return num(j, key);
}

template <class T> nlohmann::json opt(const std::optional<T>& v) { return v ? nlohmann::json(*v) : nlohmann::json(nullptr); }

inline std::vector<std::string> strings(const nlohmann::json& j, const char* key) {
  std::vector<std::string> out;
  for (const auto& v : array(j, key)) {
    if (!v.is_string()) badInput(std::string("the agent's \"") + key + "\" holds a value that is not a string");
    out.push_back(v.get<std::string>());
  }
  return out;
}

} // namespace maple::remote::field
