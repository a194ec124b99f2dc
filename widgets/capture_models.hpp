#pragma once
// Models of the capture page: the events this machine can count (with the reason for the ones it
// cannot, and a box to choose), the per-event summary of a capture, and the descriptors it made.
#include "counters/capture.hpp"
#include "counters/probe.hpp"
#include "descriptor/descriptor.hpp"

#include <QAbstractTableModel>

#include <map>
#include <set>
#include <vector>

namespace maple::widgets {

class EventModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Event, Kind, Available, Reason, ColumnCount };
  using QAbstractTableModel::QAbstractTableModel;
  // Available events start ticked, unavailable ones cannot be ticked.
  void setEvents(std::vector<counters::EventAvailability> events);
  std::vector<std::string> checkedEvents() const;
  bool anyHardwareChecked() const;
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  bool setData(const QModelIndex& index, const QVariant& value, int role) override;
  Qt::ItemFlags flags(const QModelIndex& index) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  std::vector<counters::EventAvailability> events_;
  std::set<int> checked_;
};

// Accumulates streamed samples per event: count, latest cumulative value, rate and scale.
class EventSummaryModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Event, Samples, Total, Rate, Scale, ColumnCount };
  using QAbstractTableModel::QAbstractTableModel;
  void clear();
  void addSamples(const std::vector<counters::Sample>& samples);
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  struct Row {
    std::string event;
    long samples = 0;
    double lastValue = 0, lastTMs = 0, scale = 1;
  };
  std::vector<Row> rows_;
  std::map<std::string, size_t> byEvent_;
};

class DescriptorModel : public QAbstractTableModel {
  Q_OBJECT
public:
  enum Column { Kind, Name, Value, ColumnCount };
  using QAbstractTableModel::QAbstractTableModel;
  void setDescriptors(const std::vector<descriptor::Descriptor>& descriptors);
  int rowCount(const QModelIndex& parent = {}) const override;
  int columnCount(const QModelIndex& parent = {}) const override;
  QVariant data(const QModelIndex& index, int role) const override;
  QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
  struct Row {
    QString kind, name;
    double value;
  };
  std::vector<Row> rows_;
};

} // namespace maple::widgets
