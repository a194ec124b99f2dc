#include "workspace.hpp"

namespace maple::widgets {

void Workspace::setProjectPath(const QString& path, const QStringList& spaces) {
  const bool other = path != path_;
  path_ = path;
  if (other) {
    target_.clear(); // a device of the last project means nothing in this one
    targetImported_ = false;
  }
  spaces_ = spaces;
  if (other || !spaces_.contains(space_)) space_ = spaces_.value(0);
  emit spacesChanged(spaces_);
  emit projectChanged(path_); // every page reloads, in the space chosen above
}

const searchspace::SearchSpace& Workspace::searchSpace() const {
  const auto* space = searchspace::findSpace(spaceName());
  return space ? *space : searchspace::nb201Space();
}

void Workspace::setSpaces(const QStringList& spaces) {
  if (spaces == spaces_) return;
  spaces_ = spaces;
  emit spacesChanged(spaces_);
  if (!spaces_.contains(space_)) setSpace(spaces_.value(0));
}

void Workspace::setSpace(const QString& name) {
  if (name == space_ || !spaces_.contains(name)) return;
  space_ = name;
  emit spaceChanged(space_);
}

void Workspace::setTargetDevice(const QString& name, bool imported) {
  if (name == target_ && imported == targetImported_) return;
  target_ = name;
  targetImported_ = imported;
  emit targetChanged(target_);
}

} // namespace maple::widgets
