#include "architecture_model.hpp"

#include "searchspace/cost.hpp"

#include <QColor>
#include <QLocale>
#include <QRegularExpression>

namespace maple::widgets {

std::vector<ArchitectureRow> architectureRows(const std::vector<store::Architecture>& archs) {
  std::vector<ArchitectureRow> rows;
  rows.reserve(archs.size());
  for (const auto& a : archs) {
    ArchitectureRow r;
    r.spaceIndex = a.spaceIndex ? *a.spaceIndex : -1;
    r.cell = searchspace::cellOf(a.arch.genotype);
    r.text = QString::fromStdString(a.arch.canonical());
    const auto cost = nb201::networkCost(r.cell);
    r.mflops = cost.flops / 1e6;
    r.mparams = cost.params / 1e6;
    r.liveOps = nb201::liveOpCounts(r.cell);
    rows.push_back(std::move(r));
  }
  return rows;
}

void ArchitectureModel::setRows(std::vector<ArchitectureRow> rows) {
  beginResetModel();
  rows_ = std::move(rows);
  selected_.clear();
  endResetModel();
  emit selectionCountChanged(0);
}

void ArchitectureModel::setMeasured(const std::map<int, MeasuredOnTarget>& byCode) {
  measuredCount_ = highSpread_ = 0;
  for (auto& r : rows_) {
    const auto it = byCode.find(nb201::cellCode(r.cell));
    r.measured = it == byCode.end() ? std::nullopt : std::optional(it->second);
    measuredCount_ += r.measured ? 1 : 0;
    highSpread_ += r.measured && !r.measured->spreadWarning.isEmpty() ? 1 : 0;
  }
  if (!rows_.empty()) emit dataChanged(index(0, Measured), index(rowCount() - 1, Runs));
}

void ArchitectureModel::setSelectedRows(const std::vector<int>& rows) {
  selected_.clear();
  for (int r : rows)
    if (r >= 0 && r < rowCount()) selected_.insert(r);
  if (!rows_.empty()) emit dataChanged(index(0, Index), index(rowCount() - 1, Index), {Qt::CheckStateRole});
  emit selectionCountChanged(static_cast<int>(selected_.size()));
}

int ArchitectureModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(rows_.size());
}

int ArchitectureModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ArchitectureModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& r = rows_[static_cast<size_t>(index.row())];
  if (role == Qt::CheckStateRole && index.column() == Index)
    return selected_.count(index.row()) ? Qt::Checked : Qt::Unchecked;
  const auto& m = r.measured;
  if (role == SortRole) {
    switch (index.column()) {
    case Index: return r.spaceIndex;
    case MFlops: return r.mflops;
    case MParams: return r.mparams;
    case LiveOps: return r.liveOps[static_cast<int>(nb201::Op::Conv3x3)];
    case Measured: return m ? m->medianMs : -1.0; // unmeasured rows sort first (ascending)
    case Iqr: return m && m->iqrMs ? *m->iqrMs / m->medianMs : -1.0;
    case Runs: return m ? m->repetitions : -1;
    default: role = Qt::DisplayRole;
    }
  }
  const bool warn = m && !m->spreadWarning.isEmpty();
  if (role == Qt::ToolTipRole && index.column() >= Measured && index.column() <= Runs && m)
    return warn ? m->spreadWarning
                : tr("Median of %n sample(s) on the target; every count and predictor uses this one value", nullptr, m->samples);
  if (role == Qt::ForegroundRole && warn && index.column() == Iqr) return QColor(0xb0, 0x00, 0x20);
  if (role == Qt::TextAlignmentRole && index.column() != Architecture && index.column() != LiveOps)
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
  case Index: return r.spaceIndex >= 0 ? QString::number(r.spaceIndex) : QStringLiteral("-");
  case Architecture: return r.text;
  case MFlops: return QLocale().toString(r.mflops, 'f', 2);
  case MParams: return QLocale().toString(r.mparams, 'f', 3);
  case Measured: return m ? QLocale().toString(m->medianMs, 'g', 4) : QString();
  case Iqr:
    if (!m || !m->iqrMs) return QString();
    return tr("%1 (%2 %)%3")
        .arg(QLocale().toString(*m->iqrMs, 'g', 3), QLocale().toString(100 * *m->iqrMs / m->medianMs, 'f', 0),
             warn ? tr(", high spread") : QString());
  case Runs: return m ? (m->samples > 1 ? tr("%1 in %2 samples").arg(m->repetitions).arg(m->samples) : QString::number(m->repetitions)) : QString();
  case LiveOps: {
    // Short op names keep the column narrow; the header's tooltip spells them out.
    static const char* const shortNames[nb201::kOps] = {"none", "skip", "1x1", "3x3", "pool"};
    QStringList parts;
    for (int op = 1; op < nb201::kOps; ++op)
      if (r.liveOps[op]) parts << QStringLiteral("%1 %2").arg(r.liveOps[op]).arg(QLatin1String(shortNames[op]));
    return parts.join(QStringLiteral(", "));
  }
  default: return {};
  }
}

bool ArchitectureModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole || index.column() != Index) return false;
  if (value.value<Qt::CheckState>() == Qt::Checked) selected_.insert(index.row());
  else selected_.erase(index.row());
  emit dataChanged(index, index, {Qt::CheckStateRole});
  emit selectionCountChanged(static_cast<int>(selected_.size()));
  return true;
}

Qt::ItemFlags ArchitectureModel::flags(const QModelIndex& index) const {
  auto f = QAbstractTableModel::flags(index);
  if (index.isValid() && index.column() == Index) f |= Qt::ItemIsUserCheckable;
  return f;
}

QVariant ArchitectureModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == LiveOps)
    return tr("Ops on live edges: skip = skip_connect, 1x1 = nor_conv_1x1, 3x3 = nor_conv_3x3, pool = avg_pool_3x3");
  if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= Measured && section <= Runs)
    return tr("Measured on the target device: the median of its samples, their interquartile range and timed runs");
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case Index: return tr("Index");
  case Architecture: return tr("Architecture");
  case MFlops: return tr("MFLOPs");
  case MParams: return tr("Params (M)");
  case LiveOps: return tr("Live ops");
  case Measured: return tr("Measured (ms)");
  case Iqr: return tr("IQR (ms)");
  case Runs: return tr("Timed runs");
  default: return {};
  }
}

ArchitectureFilter::ArchitectureFilter(QObject* parent) : QSortFilterProxyModel(parent) {
  setSortRole(ArchitectureModel::SortRole);
}

void ArchitectureFilter::setSearch(const QString& text) {
  search_ = text.trimmed();
  indices_.clear();
  // "11982, 431 55": a list of indices (an architecture string never holds a comma or a space).
  static const QRegularExpression separators(QStringLiteral("[,;\\s]+"));
  const auto parts = search_.split(separators, Qt::SkipEmptyParts);
  bool allNumbers = !parts.isEmpty();
  for (const auto& part : parts) {
    bool ok = false;
    const int index = part.toInt(&ok);
    allNumbers = allNumbers && ok;
    if (ok) indices_.insert(index);
  }
  if (!allNumbers) indices_.clear();
  invalidateFilter();
}

void ArchitectureFilter::setRequiredOp(int op) {
  requiredOp_ = op;
  invalidateFilter();
}

void ArchitectureFilter::setFlopsRange(double minMflops, double maxMflops) {
  minMflops_ = minMflops;
  maxMflops_ = maxMflops;
  invalidateFilter();
}

bool ArchitectureFilter::filterAcceptsRow(int sourceRow, const QModelIndex&) const {
  const auto* model = static_cast<const ArchitectureModel*>(sourceModel());
  const auto& r = model->rows()[static_cast<size_t>(sourceRow)];
  if (r.mflops < minMflops_ || r.mflops > maxMflops_) return false;
  if (requiredOp_ >= 0 && r.liveOps[static_cast<size_t>(requiredOp_)] == 0) return false;
  if (search_.isEmpty()) return true;
  if (!indices_.empty()) return indices_.count(r.spaceIndex) > 0;
  return r.text.contains(search_, Qt::CaseInsensitive);
}

} // namespace maple::widgets
