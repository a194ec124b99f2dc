#include "capture_models.hpp"

#include <algorithm>

#include <QColor>
#include <QLocale>

#include <cmath>

namespace maple::widgets {

void EventModel::setEvents(std::vector<counters::EventAvailability> events) {
  beginResetModel();
  events_ = std::move(events);
  checked_.clear();
  for (size_t i = 0; i < events_.size(); ++i)
    if (events_[i].available) checked_.insert(static_cast<int>(i));
  endResetModel();
}

std::vector<std::string> EventModel::checkedEvents() const {
  std::vector<std::string> out;
  for (int i : checked_) out.push_back(events_[static_cast<size_t>(i)].event);
  return out;
}

bool EventModel::anyHardwareChecked() const {
  return std::any_of(checked_.begin(), checked_.end(), [&](int i) { return events_[static_cast<size_t>(i)].hardware; });
}

int EventModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(events_.size()); }
int EventModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& e = events_[static_cast<size_t>(index.row())];
  if (role == Qt::CheckStateRole && index.column() == Event) return checked_.count(index.row()) ? Qt::Checked : Qt::Unchecked;
  if (role == Qt::ForegroundRole && !e.available) return QColor(Qt::darkGray);
  if (role == Qt::ToolTipRole) {
    if (e.available) return tr("encoded as %1").arg(QString::fromStdString(e.encoding));
    return QString::fromStdString(e.reason + (e.fix.empty() ? "" : "\nFix: " + e.fix));
  }
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
  case Event: return QString::fromStdString(e.event);
  case Kind: return e.hardware ? tr("hardware") : tr("software");
  case Available: return e.available ? tr("yes") : tr("no (%1)").arg(QString::fromStdString(e.errorName.empty() ? "-" : e.errorName));
  case Reason: return e.available ? QString() : QString::fromStdString(e.reason + (e.fix.empty() ? "" : " Fix: " + e.fix));
  default: return {};
  }
}

bool EventModel::setData(const QModelIndex& index, const QVariant& value, int role) {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid) || role != Qt::CheckStateRole || index.column() != Event) return false;
  if (!events_[static_cast<size_t>(index.row())].available) return false;
  if (value.value<Qt::CheckState>() == Qt::Checked) checked_.insert(index.row());
  else checked_.erase(index.row());
  emit dataChanged(index, index, {Qt::CheckStateRole});
  return true;
}

Qt::ItemFlags EventModel::flags(const QModelIndex& index) const {
  auto f = QAbstractTableModel::flags(index);
  if (index.isValid() && index.column() == Event && events_[static_cast<size_t>(index.row())].available) f |= Qt::ItemIsUserCheckable;
  return f;
}

QVariant EventModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case Event: return tr("Event");
  case Kind: return tr("Kind");
  case Available: return tr("Available");
  case Reason: return tr("Why not, and the fix");
  default: return {};
  }
}

void EventSummaryModel::clear() {
  beginResetModel();
  rows_.clear();
  byEvent_.clear();
  endResetModel();
}

void EventSummaryModel::addSamples(const std::vector<counters::Sample>& samples) {
  for (const auto& s : samples) {
    auto it = byEvent_.find(s.event);
    if (it == byEvent_.end()) {
      const int row = static_cast<int>(rows_.size());
      beginInsertRows({}, row, row);
      rows_.push_back({s.event});
      it = byEvent_.emplace(s.event, rows_.size() - 1).first;
      endInsertRows();
    }
    auto& r = rows_[it->second];
    ++r.samples;
    if (std::isfinite(s.reading.value)) {
      r.lastValue = s.reading.value;
      r.scale = s.reading.scale;
    }
    r.lastTMs = s.tMs;
  }
  if (!rows_.empty()) emit dataChanged(index(0, Samples), index(rowCount() - 1, Scale), {Qt::DisplayRole});
}

int EventSummaryModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int EventSummaryModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant EventSummaryModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& r = rows_[static_cast<size_t>(index.row())];
  if (role == Qt::TextAlignmentRole && index.column() != Event) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  const QLocale l;
  switch (index.column()) {
  case Event: return QString::fromStdString(r.event);
  case Samples: return l.toString(static_cast<qlonglong>(r.samples));
  case Total: return l.toString(r.lastValue, 'g', 6);
  case Rate: return r.lastTMs > 0 ? l.toString(r.lastValue / (r.lastTMs / 1000.0), 'g', 4) : QString();
  case Scale: return l.toString(r.scale, 'f', 3);
  default: return {};
  }
}

QVariant EventSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case Event: return tr("Event");
  case Samples: return tr("Readings");
  case Total: return tr("Total (scaled)");
  case Rate: return tr("Mean rate (/s)");
  case Scale: return tr("Multiplex scale");
  default: return {};
  }
}

void DescriptorModel::setDescriptors(const std::vector<descriptor::Descriptor>& descriptors) {
  beginResetModel();
  rows_.clear();
  for (const auto& d : descriptors)
    for (size_t i = 0; i < d.values.size() && i < d.names.size(); ++i)
      rows_.push_back({QString::fromStdString(d.kind) + QStringLiteral(" v%1").arg(d.version), QString::fromStdString(d.names[i]), d.values[i]});
  endResetModel();
}

int DescriptorModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : static_cast<int>(rows_.size()); }
int DescriptorModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DescriptorModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& r = rows_[static_cast<size_t>(index.row())];
  if (role == Qt::TextAlignmentRole && index.column() == Value) return QVariant(Qt::AlignRight | Qt::AlignVCenter);
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
  case Kind: return r.kind;
  case Name: return r.name;
  case Value: return QLocale().toString(r.value, 'g', 5);
  default: return {};
  }
}

QVariant DescriptorModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case Kind: return tr("Descriptor");
  case Name: return tr("Value name");
  case Value: return tr("Value");
  default: return {};
  }
}

} // namespace maple::widgets
