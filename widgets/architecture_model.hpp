#pragma once
// The architectures of one search space (NAS-Bench-201's 15,625 or FBNet's 5,000 once a table is
// imported, plus any sampled on demand) with their costs and op counts, what was measured of each
// on the target device (median, IQR, runs, the spread warning), and a check box per row marking
// the adaptation samples chosen for measuring.
#include "services/architectures.hpp"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>

#include <optional>
#include <set>
#include <vector>

namespace maple::widgets {

// What was measured of one architecture on the target device: one value per architecture (the
// median of its samples), as every count and predictor uses it.
struct MeasuredOnTarget {
  double medianMs = 0;
  std::optional<double> iqrMs;
  int repetitions = 0; // timed runs over every sample
  int samples = 0;     // times it was measured
  QString spreadWarning; // as `maple measure` words it; empty when the spread is fine
};

struct ArchitectureRow {
  searchspace::Architecture arch;
  std::optional<std::int64_t> datasetIndex; // absent: measured by string only, or sampled
  QString text;                             // the canonical string
  double mflops = 0, mparams = 0;
  std::vector<double> opCounts;             // as the model's op column labels
  bool sampled = false;                     // drawn by the space's sampler, not in the project
  std::optional<MeasuredOnTarget> measured;
};

// The rows of the core's listing (costs included); runs on a worker for a whole table.
std::vector<ArchitectureRow> architectureRows(std::vector<services::ListedArchitecture> listed);

class ArchitectureModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Index, MFlops, MParams, Ops, Measured, Iqr, Runs, Architecture, ColumnCount };
  enum Role { SortRole = Qt::UserRole + 1 };

  using QAbstractTableModel::QAbstractTableModel;
  // The rows of one space and the op column its counts follow (services::opColumn).
  void setRows(std::vector<ArchitectureRow> rows, services::OpColumn ops);
  // Sampled rows after the others; the ticks stay.
  void appendRows(std::vector<ArchitectureRow> rows);
  // The target's measurements by canonical string; rows without one show none.
  void setMeasured(const QHash<QString, MeasuredOnTarget>& byArch);
  int measuredCount() const { return measuredCount_; }
  int highSpreadCount() const { return highSpread_; }
  const std::vector<ArchitectureRow>& rows() const { return rows_; }

  // Rows (model order) whose box is ticked.
  std::vector<int> selectedRows() const { return {selected_.begin(), selected_.end()}; }
  void setSelectedRows(const std::vector<int>& rows);

  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

signals:
  void selectionCountChanged(int count);

private:
  QString opsText(const ArchitectureRow& r) const;
  std::vector<ArchitectureRow> rows_;
  services::OpColumn ops_;
  std::set<int> selected_;
  int measuredCount_ = 0, highSpread_ = 0;
};

// Search (substring of the architecture string, or data-set indices separated by commas or
// spaces), a required op (an op column label with a count), and a FLOPs range; sorts on numbers,
// not on their text.
class ArchitectureFilter : public QSortFilterProxyModel {
  Q_OBJECT
public:
  explicit ArchitectureFilter(QObject* parent = nullptr);
  void setSearch(const QString& text);
  void setRequiredOp(int op); // a position in the op column's labels; -1: any
  void setFlopsRange(double minMflops, double maxMflops);

protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
  QString search_;
  std::set<std::int64_t> indices_; // the search as a list of indices, when it is one
  int requiredOp_ = -1;
  double minMflops_ = 0, maxMflops_ = 1e12;
};

} // namespace maple::widgets
