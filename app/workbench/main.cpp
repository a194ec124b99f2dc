// maple-workbench: the Qt face of the core. With --screenshot it renders one view offscreen from
// the given project, saves it and exits, so documentation and CI need no display.
#include "main_window.hpp"
#include "capture_page.hpp"
#include "devices_page.hpp"
#include "predictions_page.hpp"
#include "samples_page.hpp"
#include "widgets_version.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
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
  case MainWindow::Predictions: w.predictionsPage()->run(); break;
  }
}

int screenshot(MainWindow& w, const QString& project, MainWindow::View view, const QString& out, QSize size, bool run) {
  w.resize(size);
  w.setView(view);
  w.show();
  w.openProject(project);
  if (!w.waitUntilIdle(600000, 400)) {
    std::fprintf(stderr, "maple-workbench: the view did not finish loading in 10 minutes\n");
    return 2;
  }
  if (!w.lastError().isEmpty()) {
    std::fprintf(stderr, "maple-workbench: %s\n", qPrintable(w.lastError()));
    return 2;
  }
  if (run) {
    runMainAction(w, view);
    w.waitUntilIdle(600000, 400);
  }
  QCoreApplication::processEvents();
  if (!w.grab().save(out)) {
    std::fprintf(stderr, "maple-workbench: cannot write %s: check the folder exists and is writable\n", qPrintable(out));
    return 2;
  }
  std::printf("%s\n", qPrintable(out));
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
  QCommandLineOption viewOpt(QStringLiteral("view"), QApplication::translate("main", "Start on this view: devices, capture, samples or predictions."),
                             QStringLiteral("VIEW"));
  QCommandLineOption shotOpt(QStringLiteral("screenshot"),
                             QApplication::translate("main", "Render the view offscreen into this PNG and exit (needs --project)."),
                             QStringLiteral("OUT.png"));
  QCommandLineOption sizeOpt(QStringLiteral("size"), QApplication::translate("main", "Window size for --screenshot (default 1280x800)."),
                             QStringLiteral("WxH"), QStringLiteral("1280x800"));
  QCommandLineOption runOpt(QStringLiteral("run"),
                            QApplication::translate("main", "With --screenshot: first do the view's main action (detect this machine, "
                                                            "a short capture, select samples, train and adapt). "
                                                            "A capture or training is stored in the project."));
  parser.addOptions({projectOpt, viewOpt, shotOpt, sizeOpt, runOpt});
  parser.process(app);

  std::optional<MainWindow::View> view;
  if (parser.isSet(viewOpt)) {
    view = MainWindow::viewFromName(parser.value(viewOpt));
    if (!view) {
      std::fprintf(stderr, "maple-workbench: unknown view '%s': use devices, capture, samples or predictions\n",
                   qPrintable(parser.value(viewOpt)));
      return 1;
    }
  }
  MainWindow window;
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
    return screenshot(window, parser.value(projectOpt), view.value_or(MainWindow::Devices), parser.value(shotOpt), size,
                      parser.isSet(runOpt));
  }
  if (view) window.setView(*view);
  window.show();
  if (parser.isSet(projectOpt)) window.openProject(parser.value(projectOpt));
  return QApplication::exec();
}
