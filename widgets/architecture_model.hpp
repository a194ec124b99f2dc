#pragma once
// The NAS-Bench-201 architectures of a project (15,625 once the table is imported) with their
// costs, what was measured of each on the target device (median, IQR, runs, the spread warning),
// and a check box per row marking the adaptation samples chosen for measuring.
#include "searchspace/nb201.hpp"
#include "store/latencies.hpp"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

#include <array>
#include <map>
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
  int spaceIndex = -1; // -1: unknown (measured by string only)
  nb201::Cell cell;
  QString text;
  double mflops = 0, mparams = 0;
  std::array<int, nb201::kOps> liveOps{};
  std::optional<MeasuredOnTarget> measured;
};

// Builds the rows (costs included); runs on a worker for a whole table.
std::vector<ArchitectureRow> architectureRows(const std::vector<store::Architecture>& archs);

class ArchitectureModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Index, MFlops, MParams, LiveOps, Measured, Iqr, Runs, Architecture, ColumnCount };
  enum Role { SortRole = Qt::UserRole + 1 };

  using QAbstractTableModel::QAbstractTableModel;
  void setRows(std::vector<ArchitectureRow> rows);
  // The target's measurements by cell code (nb201::cellCode); rows without one show none.
  void setMeasured(const std::map<int, MeasuredOnTarget>& byCode);
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
  std::vector<ArchitectureRow> rows_;
  std::set<int> selected_;
  int measuredCount_ = 0, highSpread_ = 0;
};

// Search (substring of the architecture string, or indices separated by commas or spaces), a
// required op on a live edge, and a FLOPs range; sorts on numbers, not on their text.
class ArchitectureFilter : public QSortFilterProxyModel {
  Q_OBJECT
public:
  explicit ArchitectureFilter(QObject* parent = nullptr);
  void setSearch(const QString& text);
  void setRequiredOp(int op); // -1: any
  void setFlopsRange(double minMflops, double maxMflops);

protected:
  bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
  QString search_;
  std::set<int> indices_; // the search as a list of indices, when it is one
  int requiredOp_ = -1;
  double minMflops_ = 0, maxMflops_ = 1e12;
};

} // namespace maple::widgets
