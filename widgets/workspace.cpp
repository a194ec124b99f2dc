#include "workspace.hpp"

namespace maple::widgets {

void Workspace::setProjectPath(const QString& path) {
  const bool other = path != path_;
  path_ = path;
  if (other) {
    target_.clear(); // a device of the last project means nothing in this one
    targetImported_ = false;
  }
  emit projectChanged(path_);
}

void Workspace::setTargetDevice(const QString& name, bool imported) {
  if (name == target_ && imported == targetImported_) return;
  target_ = name;
  targetImported_ = imported;
  emit targetChanged(target_);
}

} // namespace maple::widgets
