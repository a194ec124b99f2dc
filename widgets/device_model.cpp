#include "device_model.hpp"

#include <QColor>
#include <QLocale>

namespace maple::widgets {
namespace {

QString opt(const std::optional<double>& v, const QString& unit, int decimals = 0) {
  return v ? QLocale().toString(*v, 'f', decimals) + unit : QString();
}

QString opt(const std::optional<int>& v) { return v ? QString::number(*v) : QString(); }

QString caches(const hardware::Device& d) {
  QStringList parts;
  if (d.l1dCacheKb) parts << QStringLiteral("L1d %1 KiB").arg(*d.l1dCacheKb);
  if (d.l2CacheKb) parts << QStringLiteral("L2 %1 KiB").arg(*d.l2CacheKb);
  if (d.l3CacheKb) parts << QStringLiteral("L3 %1 KiB").arg(*d.l3CacheKb);
  return parts.join(QStringLiteral(", "));
}

QString kinds(const store::DeviceSummary& s) {
  QStringList k;
  for (const auto& kind : s.descriptorKinds) k << QString::fromStdString(kind);
  return k.join(QStringLiteral(", "));
}

} // namespace

void DeviceModel::setDevices(std::vector<store::DeviceSummary> devices) {
  beginResetModel();
  devices_ = std::move(devices);
  endResetModel();
}

int DeviceModel::rowCount(const QModelIndex& parent) const {
  return parent.isValid() ? 0 : static_cast<int>(devices_.size());
}

int DeviceModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant DeviceModel::data(const QModelIndex& index, int role) const {
  if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) return {};
  const auto& s = devices_[static_cast<size_t>(index.row())];
  const auto& d = s.device;
  if (role == DeviceIdRole) return QVariant::fromValue<qint64>(d.id);
  if (role == Qt::TextAlignmentRole)
    return index.column() == Cores || index.column() == Memory || index.column() == Batch || index.column() == Samples
               ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
               : QVariant();
  if (role == SortRole) {
    switch (index.column()) {
    case Cores: return d.cores ? *d.cores : -1;
    case Memory: return d.memoryGb ? *d.memoryGb : -1.0;
    case Batch: return d.batchSize ? *d.batchSize : -1;
    case Samples: return QVariant::fromValue<qint64>(s.latencySamples);
    default: break;
    }
    role = Qt::DisplayRole;
  }
  if (role == Qt::ToolTipRole && index.column() == Name) return deviceDetailsHtml(s);
  if (role == Qt::ToolTipRole && index.column() == Runtime) return QString::fromStdString(d.runtime);
  if (role == Qt::ToolTipRole && index.column() == Hardware) return QString::fromStdString(d.hardware);
  if (role == Qt::ForegroundRole && s.imported) return QColor(Qt::darkGray); // read-only reference data
  if (role != Qt::DisplayRole) return {};
  switch (index.column()) {
  case Name: return QString::fromStdString(d.name);
  case Family: return QString::fromStdString(d.family);
  case Hardware: return QString::fromStdString(d.hardware);
  case Cores: return opt(d.cores);
  case Caches: return caches(d);
  case Memory: return opt(d.memoryGb, tr(" GB"), 1);
  case Batch: return opt(d.batchSize);
  case Runtime: return QString::fromStdString(d.runtime);
  case Descriptors: return kinds(s);
  case Samples: return QLocale().toString(static_cast<qlonglong>(s.latencySamples));
  default: return {};
  }
}

QVariant DeviceModel::headerData(int section, Qt::Orientation orientation, int role) const {
  if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return QAbstractTableModel::headerData(section, orientation, role);
  switch (section) {
  case Name: return tr("Device");
  case Family: return tr("Family");
  case Hardware: return tr("Hardware");
  case Cores: return tr("Cores");
  case Caches: return tr("Caches");
  case Memory: return tr("Memory");
  case Batch: return tr("Batch");
  case Runtime: return tr("Runtime");
  case Descriptors: return tr("Descriptors");
  case Samples: return tr("Latency samples");
  default: return {};
  }
}

QString deviceDetailsHtml(const store::DeviceSummary& s) {
  const auto& d = s.device;
  QString html = QStringLiteral("<h3>%1</h3><table>").arg(QString::fromStdString(d.name).toHtmlEscaped());
  auto row = [&html](const QString& label, const QString& value) {
    if (!value.isEmpty()) html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(label, value.toHtmlEscaped());
  };
  auto str = [](const std::string& v) { return QString::fromStdString(v); };
  row(DeviceModel::tr("Family"), str(d.family));
  row(DeviceModel::tr("Hardware"), str(d.hardware));
  row(DeviceModel::tr("Vendor"), str(d.vendor));
  row(DeviceModel::tr("Microarchitecture"), str(d.microarchitecture));
  row(DeviceModel::tr("Cores"), opt(d.cores));
  row(DeviceModel::tr("SMs"), opt(d.smCount));
  row(DeviceModel::tr("Base clock"), opt(d.baseClockMhz, QStringLiteral(" MHz")));
  row(DeviceModel::tr("Boost clock"), opt(d.boostClockMhz, QStringLiteral(" MHz")));
  row(DeviceModel::tr("Peak FP32"), opt(d.peakFp32Gflops, QStringLiteral(" GFLOP/s")));
  row(DeviceModel::tr("Memory"), opt(d.memoryGb, QStringLiteral(" GB"), 1));
  row(DeviceModel::tr("Memory type"), str(d.memoryType));
  row(DeviceModel::tr("Memory bandwidth"), opt(d.memoryBandwidthGbs, QStringLiteral(" GB/s"), 1));
  row(DeviceModel::tr("Caches"), caches(d));
  row(DeviceModel::tr("TDP"), opt(d.tdpW, QStringLiteral(" W")));
  row(DeviceModel::tr("Batch size"), opt(d.batchSize));
  row(DeviceModel::tr("Runtime"), str(d.runtime));
  row(DeviceModel::tr("Descriptors"), kinds(s));
  row(DeviceModel::tr("Latency samples"), QLocale().toString(static_cast<qlonglong>(s.latencySamples)));
  row(DeviceModel::tr("Provenance"), str(d.provenance));
  row(DeviceModel::tr("Notes"), str(d.notes));
  row(DeviceModel::tr("Added"), str(d.createdAt));
  return html + QStringLiteral("</table>");
}

} // namespace maple::widgets
