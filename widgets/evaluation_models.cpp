#include "evaluation_models.hpp"

#include "scatter_plot.hpp"

#include <QFont>
#include <QLocale>

namespace maple::widgets {

void MetricsModel::setMetrics(std::vector<evaluation::DeviceMetrics> metrics) {
  beginResetModel();
  metrics_ = std::move(metrics);
  endResetModel();
}

int MetricsModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(metrics_.size()); }
int MetricsModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant MetricsModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& m = metrics_[static_cast<size_t>(index.row())];
  if (role == Qt::TextAlignmentRole && index.column() != Device) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  const bool total = index.row() == rowCount() - 1; // the "all" row
  // The swatch ties the row to its points in the scatter (rows follow Points::devices).
  if (role == Qt::DecorationRole && index.column() == Device && !total) return ScatterPlot::deviceColor(index.row());
  if (role == Qt::ToolTipRole && index.column() == Device)
    return total ? tr("Every test point of the evaluation") : tr("Select the row to highlight this device's points");
  if (role == Qt::FontRole && total) {
    QFont f;
    f.setBold(true);
    return f;
  }
  if (role != Qt::DisplayRole) return {};
  const QLocale l;
  switch (index.column()) {
  case Device: return QString::fromStdString(m.device);
  case Points: return l.toString(static_cast<qlonglong>(m.points));
  case Mape: return l.toString(m.mape, 'f', 2);
  case Within10: return l.toString(m.within10, 'f', 1);
  case Rmse: return l.toString(m.rmseMs, 'g', 4);
  case Spearman: return l.toString(m.spearman, 'f', 3);
  case Worst: return l.toString(m.worstError, 'f', 1);
  default: return {};
  }
}

QVariant MetricsModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case Device: return tr("Device");
  case Points: return tr("Test points");
  case Mape: return tr("MAPE (%)");
  case Within10: return tr("Within +-10 % (%)");
  case Rmse: return tr("RMSE (ms)");
  case Spearman: return tr("Spearman rho");
  case Worst: return tr("Worst error (%)");
  default: return {};
  }
}

void WorstModel::setPoints(std::shared_ptr<const evaluation::Points> points, size_t n) {
  beginResetModel();
  points_ = std::move(points);
  rows_ = points_ ? evaluation::worstPoints(*points_, n) : std::vector<size_t>{};
  endResetModel();
}

int WorstModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int WorstModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant WorstModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& p = *points_;
  const size_t i = rows_[static_cast<size_t>(index.row())];
  if (role == ArchRole) return static_cast<int>(p.arch[i]);
  if (role == Qt::TextAlignmentRole && index.column() >= Measured) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  const QLocale l;
  switch (index.column()) {
  case Device: return QString::fromStdString(p.devices[p.device[i]]);
  case Architecture: {
    const int idx = p.archIndex[p.arch[i]];
    const QString text = QString::fromStdString(p.archs[p.arch[i]]);
    return idx >= 0 ? QStringLiteral("#%1 %2").arg(idx).arg(text) : text;
  }
  case Measured: return l.toString(p.measuredMs[i], 'g', 4);
  case Predicted: return l.toString(p.predictedMs[i], 'g', 4);
  case Error: return l.toString(100 * p.relativeError(i), 'f', 1);
  default: return {};
  }
}

QVariant WorstModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case Device: return tr("Device");
  case Architecture: return tr("Architecture");
  case Measured: return tr("Measured (ms)");
  case Predicted: return tr("Predicted (ms)");
  case Error: return tr("Error (%)");
  default: return {};
  }
}

} // namespace maple::widgets
