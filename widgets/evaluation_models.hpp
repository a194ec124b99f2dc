#pragma once
// Tables over one set of predicted-vs-measured points: per-device metrics and the worst predictions.
#include "evaluation/points.hpp"

#include <QAbstractTableModel>

#include <memory>

namespace maple::widgets {

class MetricsModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Device, Points, Mape, Within10, Rmse, Spearman, Worst, ColumnCount };
  using QAbstractTableModel::QAbstractTableModel;
  void setMetrics(std::vector<evaluation::DeviceMetrics> metrics);
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  std::vector<evaluation::DeviceMetrics> metrics_;
};

class WorstModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Device, Architecture, Measured, Predicted, Error, ColumnCount };
  enum Role { ArchRole = Qt::UserRole + 1 }; // position in Points::archs
  using QAbstractTableModel::QAbstractTableModel;
  void setPoints(std::shared_ptr<const evaluation::Points> points, size_t n = 50);
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  std::shared_ptr<const evaluation::Points> points_;
  std::vector<size_t> rows_;
};

} // namespace maple::widgets
