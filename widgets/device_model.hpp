#pragma once
// The device inventory as a table: one row per store::DeviceSummary.
#include "store/devices.hpp"

#include <QAbstractTableModel>

#include <vector>

namespace maple::widgets {

class DeviceModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Name, Family, Hardware, Cores, Caches, Memory, Batch, Runtime, Descriptors, Samples, ColumnCount };
  enum Role { DeviceIdRole = Qt::UserRole + 1, SortRole };

  using QAbstractTableModel::QAbstractTableModel;
  void setDevices(std::vector<store::DeviceSummary> devices);
  const store::DeviceSummary& summary(int row) const { return devices_.at(static_cast<size_t>(row)); }

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  std::vector<store::DeviceSummary> devices_;
};

// Human text for every known field of a device, for the details pane.
QString deviceDetailsHtml(const store::DeviceSummary& s);

} // namespace maple::widgets
