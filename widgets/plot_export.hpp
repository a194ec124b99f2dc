#pragma once
// Saving a plot as PNG, PDF or SVG, chosen by the file's suffix.
#include <QString>

class QCustomPlot;
class QWidget;

namespace maple::widgets {

// Returns an empty string on success, else a message naming the file and the reason.
QString savePlot(QCustomPlot& plot, const QString& path, int width = 0, int height = 0);
// Asks for a file name (PNG, PDF, SVG) and saves; reports a failure in a message box.
void exportPlotInteractively(QCustomPlot& plot, QWidget* parent, const QString& suggestedName);

} // namespace maple::widgets
