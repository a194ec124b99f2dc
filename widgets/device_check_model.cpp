#include "device_check_model.hpp"

namespace maple::widgets {

void DeviceCheckModel::setDevices(const std::vector<std::string>& names, const std::vector<std::string>& checked) {
  beginResetModel();
  names_ = names;
  checked_.clear();
  for (const auto& c : checked)
    if (std::find(names_.begin(), names_.end(), c) != names_.end()) checked_.insert(c);
  endResetModel();
  emit checkedChanged(checkedCount());
}

std::vector<std::string> DeviceCheckModel::checkedDevices() const {
  std::vector<std::string> out;
  for (const auto& n : names_)
    if (checked_.count(n)) out.push_back(n); // list order
  return out;
}

void DeviceCheckModel::setChecked(const std::vector<std::string>& names) {
  checked_.clear();
  for (const auto& c : names)
    if (std::find(names_.begin(), names_.end(), c) != names_.end()) checked_.insert(c);
  if (!names_.empty()) emit dataChanged(index(0), index(rowCount() - 1), {Qt::CheckStateRole});
  emit checkedChanged(checkedCount());
}

int DeviceCheckModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(names_.size()); }

QVariant DeviceCheckModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& name = names_[static_cast<size_t>(index.row())];
  if (role == Qt::DisplayRole) return QString::fromStdString(name);
  if (role == Qt::CheckStateRole) return checked_.count(name) ? Qt::Checked : Qt::Unchecked;
  return {};
}

bool DeviceCheckModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole) return false;
  const auto& name = names_[static_cast<size_t>(index.row())];
  if (value.value<Qt::CheckState>() == Qt::Checked) checked_.insert(name);
  else checked_.erase(name);
  emit dataChanged(index, index, {Qt::CheckStateRole});
  emit checkedChanged(checkedCount());
  return true;
}

Qt::ItemFlags DeviceCheckModel::flags(const QModelIndex& index) const {
  auto f = QAbstractListModel::flags(index);
  if (index.isValid()) f |= Qt::ItemIsUserCheckable;
  return f;
}

} // namespace maple::widgets
