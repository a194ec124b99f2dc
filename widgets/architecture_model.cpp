#include "architecture_model.hpp"

#include <QColor>
#include <QLocale>
#include <QRegularExpression>

namespace maple::widgets {
namespace {

// Short op names keep the column narrow; the header's tooltip spells them out.
QString shortOpName(const std::string& label) {
  static const QHash<QString, QString> nb201Short{{QStringLiteral("skip_connect"), QStringLiteral("skip")},
                                                  {QStringLiteral("nor_conv_1x1"), QStringLiteral("1x1")},
                                                  {QStringLiteral("nor_conv_3x3"), QStringLiteral("3x3")},
                                                  {QStringLiteral("avg_pool_3x3"), QStringLiteral("pool")}};
  const auto name = QString::fromStdString(label);
  return nb201Short.value(name, name);
}

} // namespace

std::vector<ArchitectureRow> architectureRows(std::vector<services::ListedArchitecture> listed) {
  std::vector<ArchitectureRow> rows;
  rows.reserve(listed.size());
  for (auto& a : listed) {
    ArchitectureRow r;
    r.text = QString::fromStdString(a.arch.canonical());
    r.arch = std::move(a.arch);
    r.datasetIndex = a.datasetIndex;
    r.mflops = a.mflops;
    r.mparams = a.mparams;
    r.opCounts = std::move(a.opCounts);
    r.sampled = a.sampled;
    rows.push_back(std::move(r));
  }
  return rows;
}

void ArchitectureModel::setRows(std::vector<ArchitectureRow> rows, services::OpColumn ops) {
  beginResetModel();
  rows_ = std::move(rows);
  ops_ = std::move(ops);
  selected_.clear();
  endResetModel();
  emit headerDataChanged(Qt::Horizontal, Ops, Ops);
  emit selectionCountChanged(0);
}

void ArchitectureModel::appendRows(std::vector<ArchitectureRow> rows) {
  if (rows.empty()) return;
  const int first = rowCount();
  beginInsertRows({}, first, first + static_cast<int>(rows.size()) - 1);
  for (auto& r : rows) rows_.push_back(std::move(r));
  endInsertRows();
}

void ArchitectureModel::setMeasured(const QHash<QString, MeasuredOnTarget>& byArch) {
  measuredCount_ = highSpread_ = 0;
  for (auto& r : rows_) {
    const auto it = byArch.constFind(r.text);
    r.measured = it == byArch.constEnd() ? std::nullopt : std::optional(*it);
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
    case Index: return static_cast<qlonglong>(r.datasetIndex.value_or(-1));
    case MFlops: return r.mflops;
    case MParams: return r.mparams;
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
  if (r.sampled && index.column() == Index) {
    if (role == Qt::ToolTipRole)
      return tr("Drawn by the %1 space's sampler: not in the imported data set").arg(QString::fromUtf8(r.arch.spaceName().data()));
    if (role == Qt::ForegroundRole) return QColor(0x70, 0x70, 0x70);
  }
  if (role == Qt::TextAlignmentRole && index.column() != Architecture && index.column() != Ops)
    return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
  case Index: return r.datasetIndex ? QString::number(*r.datasetIndex) : r.sampled ? tr("sampled") : QStringLiteral("-");
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
  case Ops: return opsText(r);
  default: return {};
  }
}

QString ArchitectureModel::opsText(const ArchitectureRow& r) const {
  QStringList parts;
  for (size_t op = 0; op < r.opCounts.size() && op < ops_.labels.size(); ++op)
    if (r.opCounts[op] > 0 && ops_.labels[op] != "none")
      parts << QStringLiteral("%1 %2").arg(r.opCounts[op]).arg(shortOpName(ops_.labels[op]));
  return parts.join(QStringLiteral(", "));
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
  const bool blocks = ops_.group == "block";
  if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section == Ops)
    return blocks ? tr("Blocks over the network's layers: k3/k5 = kernel, e1/e3/e6 = expansion, g2 = grouped, skip = no block")
                  : tr("Ops on live edges: skip = skip_connect, 1x1 = nor_conv_1x1, 3x3 = nor_conv_3x3, pool = avg_pool_3x3");
  if (orientation == Qt::Horizontal && role == Qt::ToolTipRole && section >= Measured && section <= Runs)
    return tr("Measured on the target device: the median of its samples, their interquartile range and timed runs");
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case Index: return tr("Index");
  case Architecture: return tr("Architecture");
  case MFlops: return tr("MFLOPs");
  case MParams: return tr("Params (M)");
  case Ops: return blocks ? tr("Blocks") : tr("Live ops");
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
    const qlonglong index = part.toLongLong(&ok);
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
  if (requiredOp_ >= 0 && (static_cast<size_t>(requiredOp_) >= r.opCounts.size() || r.opCounts[static_cast<size_t>(requiredOp_)] == 0))
    return false;
  if (search_.isEmpty()) return true;
  if (!indices_.empty()) return r.datasetIndex && indices_.count(*r.datasetIndex) > 0;
  return r.text.contains(search_, Qt::CaseInsensitive);
}

} // namespace maple::widgets
