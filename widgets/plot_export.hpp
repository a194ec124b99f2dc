#pragma once
// Saving a plot as PNG, PDF or SVG, chosen by the file's suffix, at a chosen size and resolution,
// with a title and the legend. PDF and SVG are vector (scatter points included).
#include <QString>

class QCustomPlot;
class QWidget;

namespace maple::widgets {

struct PlotExportOptions {
  int width = 0, height = 0; // logical pixels; 0: the plot's on-screen size
  double scale = 1.0;        // PNG only: pixels per logical pixel (2 = 192 dpi)
  QString title;             // drawn above the plot when not empty
  bool legend = true;        // shown in the file even where the screen hides it
};

// Returns an empty string on success, else a message naming the file and the reason.
QString savePlot(QCustomPlot& plot, const QString& path, const PlotExportOptions& options = {});
// Asks for size, resolution, title and legend, then a file name (PNG, PDF, SVG), and saves;
// reports a failure in a message box.
void exportPlotInteractively(QCustomPlot& plot, QWidget* parent, const QString& suggestedName, const QString& title = {});

} // namespace maple::widgets
