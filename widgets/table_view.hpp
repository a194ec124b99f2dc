#pragma once
// The table look every page shares: compact rows without word wrap, whole-row selection, no row
// numbers, the last column stretched.
class QAbstractItemModel;
class QTableView;
class QWidget;

namespace maple::widgets {

QTableView* makeTableView(QAbstractItemModel* model, QWidget* parent);

} // namespace maple::widgets
