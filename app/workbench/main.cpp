// maple-workbench: the Qt face of the core. With --screenshot it renders one view offscreen from
// the given project, saves it and exits, so documentation and CI need no display.
#include "main_window.hpp"
#include "adapt_page.hpp"
#include "capture_page.hpp"
#include "cross_device_page.hpp"
#include "devices_page.hpp"
#include "predictions_page.hpp"
#include "samples_page.hpp"
#include "target_bar.hpp"
#include "job_bar.hpp"
#include "widgets_version.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <cstring>

using maple::widgets::MainWindow;

namespace {

// --run: the view's main action, so a screenshot shows it done.
void runMainAction(MainWindow& w, MainWindow::View view) {
  switch (view) {
  case MainWindow::Devices: w.devicesPage()->detectHost(); break;
  case MainWindow::Capture:
    w.capturePage()->setWorkload(QStringLiteral("nb201-ops"));
    w.capturePage()->setRepeats(2);
    w.capturePage()->start();
    break;
  case MainWindow::Samples:
    w.samplesPage()->setStrategy(QStringLiteral("flops-stratified"));
    w.samplesPage()->selectSamples();
    break;
  case MainWindow::Predictions:
    if (w.predictionsPage()->mode() == maple::widgets::PredictionsPage::CrossDevice) w.predictionsPage()->crossDevice()->run();
    else w.predictionsPage()->adapt()->adapt();
    break;
  }
}

struct Script {
  QString project, device, exportPredictor, out;
  MainWindow::View view = MainWindow::Devices;
  QSize size;
  bool run = false;
};

int scriptFailed(const QString& message) {
  std::fprintf(stderr, "maple-workbench: %s\n", qPrintable(message));
  return 2;
}

// The first error any page's job line shows (red), for a script to report.
QString pageError(MainWindow& w) {
  for (auto* bar : w.findChildren<maple::widgets::JobBar*>())
    if (bar->isError()) return bar->message();
  return {};
}

int screenshot(MainWindow& w, const Script& s) {
  // Refused before anything is adapted and stored.
  if (!s.exportPredictor.isEmpty() && QFileInfo::exists(s.exportPredictor))
    return scriptFailed(QStringLiteral("%1 exists: remove it or name another file for --export-predictor").arg(s.exportPredictor));
  w.resize(s.size);
  w.setView(s.view);
  w.show();
  w.openProject(s.project);
  if (!w.waitUntilIdle(600000, 400)) return scriptFailed(QStringLiteral("the view did not finish loading in 10 minutes"));
  if (!w.lastError().isEmpty()) return scriptFailed(w.lastError());
  if (!s.device.isEmpty()) {
    if (!w.targetBar()->choose(s.device))
      return scriptFailed(QStringLiteral("no device '%1' in %2: name one of its devices (see the Devices view)").arg(s.device, s.project));
    if (!w.waitUntilIdle(600000, 400)) return scriptFailed(QStringLiteral("the view did not finish loading in 10 minutes"));
  }
  if (s.run) {
    runMainAction(w, s.view);
    w.waitUntilIdle(600000, 400);
    if (const QString e = pageError(w); !e.isEmpty()) return scriptFailed(e);
  }
  if (!s.exportPredictor.isEmpty()) {
    const QString name = w.predictionsPage()->adapt()->lastPredictor();
    if (name.isEmpty()) return scriptFailed(QStringLiteral("--export-predictor needs --view predictions --run: nothing was adapted"));
    w.exportPredictor(name, s.exportPredictor);
    w.waitUntilIdle(600000, 400);
    if (!w.lastError().isEmpty()) return scriptFailed(w.lastError());
    std::printf("%s\n", qPrintable(s.exportPredictor));
  }
  QCoreApplication::processEvents();
  if (!w.grab().save(s.out)) return scriptFailed(QStringLiteral("cannot write %1: check the folder exists and is writable").arg(s.out));
  std::printf("%s\n", qPrintable(s.out));
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  // Screenshots render without a display: choose the offscreen platform before Qt starts.
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--screenshot") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
      qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  QApplication::setOrganizationName(QStringLiteral("MAPLE"));
  QApplication::setApplicationName(QStringLiteral("maple-workbench"));
  QApplication::setApplicationVersion(QStringLiteral(MAPLE_VERSION));

  QTranslator translator;
  if (translator.load(QLocale(), QStringLiteral("maple"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QApplication::installTranslator(&translator);

  QCommandLineParser parser;
  parser.setApplicationDescription(QApplication::translate("main", "MAPLE Workbench: predict DNN latency on unseen hardware"));
  parser.addHelpOption();
  parser.addVersionOption();
  QCommandLineOption projectOpt(QStringLiteral("project"), QApplication::translate("main", "Open this project file."),
                                QStringLiteral("FILE"));
  QCommandLineOption viewOpt(QStringLiteral("view"), QApplication::translate("main", "Start on this view: devices, capture, samples, predictions (adapt to the target) or cross-device."),
                             QStringLiteral("VIEW"));
  QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                             QApplication::translate("main", "Render the view offscreen into this PNG and exit (needs --project)."),
                             QStringLiteral("OUT.png"));
  QCommandLineOption sizeOpt(QStringLiteral("size"), QApplication::translate("main", "Window size for --screenshot (default 1280x800)."),
                             QStringLiteral("WxH"), QStringLiteral("1280x800"));
  QCommandLineOption runOpt(QStringLiteral("run"),
                            QApplication::translate("main", "With --screenshot: first do the view's main action (detect this machine, "
                                                            "a short capture, select samples, adapt to the target device). "
                                                            "A capture or adapted predictor is stored in the project."));
  QCommandLineOption deviceOpt(QStringLiteral("device"),
                               QApplication::translate("main", "Make this device of the project the target device."), QStringLiteral("NAME"));
  QCommandLineOption exportOpt(QStringLiteral("export-predictor"),
                               QApplication::translate("main", "With --view predictions --run: write the adapted predictor to this "
                                                               ".maplepred file (an existing file is not replaced)."),
                               QStringLiteral("FILE"));
  parser.addOptions({projectOpt, viewOpt, shotOpt, sizeOpt, runOpt, deviceOpt, exportOpt});
  parser.process(app);

  std::optional<MainWindow::View> view;
  bool crossDevice = false; // the Predictions view in its cross-device mode
  if (parser.isSet(viewOpt)) {
    crossDevice = parser.value(viewOpt) == QLatin1String("cross-device");
    view = crossDevice ? MainWindow::Predictions : MainWindow::viewFromName(parser.value(viewOpt));
    if (!view) {
      std::fprintf(stderr, "maple-workbench: unknown view '%s': use devices, capture, samples, predictions or cross-device\n",
                   qPrintable(parser.value(viewOpt)));
      return 1;
    }
  }
  MainWindow window;
  if (crossDevice) window.predictionsPage()->setMode(maple::widgets::PredictionsPage::CrossDevice);
  if (parser.isSet(shotOpt)) {
    if (!parser.isSet(projectOpt)) {
      std::fprintf(stderr, "maple-workbench: --screenshot needs --project FILE\n");
      return 1;
    }
    const auto parts = parser.value(sizeOpt).split(QLatin1Char('x'));
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
    if (!size.isValid() || size.width() < 320 || size.height() < 240) {
      std::fprintf(stderr, "maple-workbench: --size wants WIDTHxHEIGHT, at least 320x240, e.g. 1280x800\n");
      return 1;
    }
    return screenshot(window, {parser.value(projectOpt), parser.value(deviceOpt), parser.value(exportOpt), parser.value(shotOpt),
                               view.value_or(MainWindow::Devices), size, parser.isSet(runOpt)});
  }
  if (view) window.setView(*view);
  window.show();
  if (parser.isSet(projectOpt)) window.openProject(parser.value(projectOpt));
  if (parser.isSet(deviceOpt)) window.targetBar()->prefer(parser.value(deviceOpt));
  return QApplication::exec();
}
