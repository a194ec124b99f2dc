#include "plot_export.hpp"

#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace maple::widgets {

QString savePlot(QCustomPlot& plot, const QString& path, int width, int height) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  const int w = width > 0 ? width : plot.width(), h = height > 0 ? height : plot.height();
  bool ok = false;
  if (suffix == QLatin1String("png")) ok = plot.savePng(path, w, h);
  else if (suffix == QLatin1String("pdf")) ok = plot.savePdf(path, w, h);
  else if (suffix == QLatin1String("svg")) {
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(QSize(w, h));
    svg.setViewBox(QRect(0, 0, w, h));
    svg.setTitle(QFileInfo(path).completeBaseName());
    QCPPainter painter;
    ok = painter.begin(&svg);
    if (ok) {
      plot.toPainter(&painter, w, h);
      ok = painter.end();
    }
    ok = ok && QFileInfo(path).size() > 0;
  } else {
    return QObject::tr("cannot save %1: use a .png, .pdf or .svg file name").arg(path);
  }
  return ok ? QString() : QObject::tr("could not write %1: check the folder exists and is writable").arg(path);
}

void exportPlotInteractively(QCustomPlot& plot, QWidget* parent, const QString& suggestedName) {
  const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export plot"), suggestedName,
                                                    QObject::tr("PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)"));
  if (path.isEmpty()) return;
  const QString error = savePlot(plot, path);
  if (!error.isEmpty()) QMessageBox::warning(parent, QObject::tr("Export plot"), error);
}

} // namespace maple::widgets
