#pragma once
// A checkable list of device names: the training devices of an adaptation, the devices of a
// cross-device evaluation. Imported devices are marked (reference data) but can be ticked.
#include <QAbstractListModel>
#include <QStringList>

#include <set>
#include <string>
#include <vector>

namespace maple::widgets {

class DeviceCheckModel : public QAbstractListModel {
  Q_OBJECT
public:
  using QAbstractListModel::QAbstractListModel;
  // Every name in `names`, those in `checked` ticked.
  void setDevices(const std::vector<std::string>& names, const std::vector<std::string>& checked);
  std::vector<std::string> checkedDevices() const;
  void setChecked(const std::vector<std::string>& names); // exactly these
  int checkedCount() const { return static_cast<int>(checked_.size()); }

  int rowCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;

signals:
  void checkedChanged(int count);

private:
  std::vector<std::string> names_;
  std::set<std::string> checked_;
};

} // namespace maple::widgets
