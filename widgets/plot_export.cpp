#include "plot_export.hpp"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLineEdit>
#include <QMessageBox>
#include <QSpinBox>
#include <QSvgGenerator>
#include <qcustomplot.h>

namespace maple::widgets {
namespace {

// Adds the title row and shows the legend for the export; restores the plot when destroyed.
class ExportDecoration {
public:
  ExportDecoration(QCustomPlot& plot, const PlotExportOptions& o) : plot_(plot), legendWas_(plot.legend->visible()) {
    if (!o.title.isEmpty()) {
      plot_.plotLayout()->insertRow(0);
      title_ = new QCPTextElement(&plot_, o.title, QFont(plot_.font().family(), 11, QFont::Bold));
      plot_.plotLayout()->addElement(0, 0, title_);
    }
    if (o.legend && plot_.legend->itemCount() > 0) plot_.legend->setVisible(true);
  }
  ~ExportDecoration() {
    if (title_) {
      plot_.plotLayout()->remove(title_);
      plot_.plotLayout()->simplify();
    }
    plot_.legend->setVisible(legendWas_);
    plot_.replot(QCustomPlot::rpQueuedReplot);
  }
  ExportDecoration(const ExportDecoration&) = delete;
  ExportDecoration& operator=(const ExportDecoration&) = delete;

private:
  QCustomPlot& plot_;
  bool legendWas_;
  QCPTextElement* title_ = nullptr;
};

bool saveSvg(QCustomPlot& plot, const QString& path, int w, int h) {
  QSvgGenerator svg;
  svg.setFileName(path);
  svg.setSize(QSize(w, h));
  svg.setViewBox(QRect(0, 0, w, h));
  svg.setTitle(QFileInfo(path).completeBaseName());
  QCPPainter painter;
  if (!painter.begin(&svg)) return false;
  painter.setMode(QCPPainter::pmVectorized); // points as shapes, not a bitmap
  painter.setMode(QCPPainter::pmNoCaching);
  plot.toPainter(&painter, w, h);
  return painter.end() && QFileInfo(path).size() > 0;
}

} // namespace

QString savePlot(QCustomPlot& plot, const QString& path, const PlotExportOptions& o) {
  const QString suffix = QFileInfo(path).suffix().toLower();
  if (suffix != QLatin1String("png") && suffix != QLatin1String("pdf") && suffix != QLatin1String("svg"))
    return QObject::tr("cannot save %1: use a .png, .pdf or .svg file name").arg(path);
  const int w = o.width > 0 ? o.width : plot.width(), h = o.height > 0 ? o.height : plot.height();
  bool ok = false;
  {
    ExportDecoration decoration(plot, o);
    if (suffix == QLatin1String("png")) ok = plot.savePng(path, w, h, o.scale, -1, static_cast<int>(96 * o.scale));
    else if (suffix == QLatin1String("pdf")) ok = plot.savePdf(path, w, h);
    else ok = saveSvg(plot, path, w, h);
  }
  return ok ? QString() : QObject::tr("could not write %1: check the folder exists and is writable").arg(path);
}

void exportPlotInteractively(QCustomPlot& plot, QWidget* parent, const QString& suggestedName, const QString& title) {
  QDialog dialog(parent);
  dialog.setWindowTitle(QObject::tr("Export plot"));
  auto* width = new QSpinBox(&dialog);
  auto* height = new QSpinBox(&dialog);
  for (auto* s : {width, height}) {
    s->setRange(200, 10000);
    s->setSuffix(QObject::tr(" px"));
  }
  width->setValue(1200);
  height->setValue(900);
  auto* resolution = new QComboBox(&dialog);
  resolution->addItem(QObject::tr("96 dpi (screen)"), 1.0);
  resolution->addItem(QObject::tr("192 dpi"), 2.0);
  resolution->addItem(QObject::tr("300 dpi (print)"), 300.0 / 96.0);
  resolution->setCurrentIndex(1);
  resolution->setToolTip(QObject::tr("PNG only: PDF and SVG are vector and print sharp at any size"));
  auto* titleEdit = new QLineEdit(title, &dialog);
  auto* legend = new QCheckBox(QObject::tr("Include the legend"), &dialog);
  legend->setChecked(true);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
  auto* form = new QFormLayout(&dialog);
  form->addRow(QObject::tr("Width:"), width);
  form->addRow(QObject::tr("Height:"), height);
  form->addRow(QObject::tr("Resolution:"), resolution);
  form->addRow(QObject::tr("Title:"), titleEdit);
  form->addRow(legend);
  form->addRow(buttons);
  QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  if (dialog.exec() != QDialog::Accepted) return;
  const QString path = QFileDialog::getSaveFileName(parent, QObject::tr("Export plot"), suggestedName,
                                                    QObject::tr("PNG image (*.png);;PDF document (*.pdf);;SVG image (*.svg)"));
  if (path.isEmpty()) return;
  const QString error = savePlot(plot, path, {width->value(), height->value(), resolution->currentData().toDouble(), titleEdit->text(), legend->isChecked()});
  if (!error.isEmpty()) QMessageBox::warning(parent, QObject::tr("Export plot"), error);
}

} // namespace maple::widgets
