#include "workspace.hpp"

namespace maple::widgets {

void Workspace::setProjectPath(const QString& path) {
  path_ = path;
  spread_ = {};
  spreadLabel_.clear();
  emit projectChanged(path_);
  emit uncertaintyChanged();
}

void Workspace::setUncertainty(SpreadFn fn, const QString& label) {
  spread_ = std::move(fn);
  spreadLabel_ = label;
  emit uncertaintyChanged();
}

} // namespace maple::widgets
