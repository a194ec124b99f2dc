#include "workspace.hpp"

namespace maple::widgets {

void Workspace::setProjectPath(const QString& path) {
  path_ = path;
  emit projectChanged(path_);
}

} // namespace maple::widgets
