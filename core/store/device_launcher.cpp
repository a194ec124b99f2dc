#include "store/device_launcher.hpp"

namespace maple::store {

std::optional<std::string> deviceLauncher(Project& project, const std::string& device) {
  auto st = project.db().prepare("SELECT launcher FROM devices WHERE name = ?1");
  st.bind(1, device);
  if (!st.step() || st.isNull(0) || st.text(0).empty()) return std::nullopt;
  return st.text(0);
}

void setDeviceLauncher(Project& project, const std::string& device, const std::string& launcher) {
  auto st = project.db().prepare("UPDATE devices SET launcher = ?2 WHERE name = ?1");
  st.bind(1, device).bind(2, launcher).run();
}

} // namespace maple::store
