// maple-workbench: the Qt face of the core. With --screenshot it renders one view offscreen from
// the given project, saves it and exits, so documentation and CI need no display.
#include "main_window.hpp"
#include "adapt_page.hpp"
#include "capture_page.hpp"
#include "cross_device_page.hpp"
#include "devices_page.hpp"
#include "job_bar.hpp"
#include "predictions_page.hpp"
#include "samples_page.hpp"
#include "target_bar.hpp"
#include "translators.hpp"
#include "workspace.hpp"
#include "widgets_version.hpp"

#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QTimer>

#include <cstdio>
#include <cstring>
#include <optional>

using maple::widgets::MainWindow;

namespace {

// The offscreen platform warns for every window that it cannot pass size hints to a window manager
// it does not have: true of every headless run, and on the demo's screenshots it buried the paths.
QtMessageHandler nextHandler = nullptr;
void dropOffscreenSizeHintWarnings(QtMsgType type, const QMessageLogContext& context, const QString& message) {
  if (type == QtWarningMsg && message.contains(QLatin1String("does not support propagateSizeHints()"))) return;
  nextHandler(type, context, message);
}

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

struct Options {
  QCommandLineOption project{QStringLiteral("project"), QCoreApplication::translate("main", "Open this project file."),
                             QStringLiteral("FILE")};
  QCommandLineOption view{QStringLiteral("view"),
                          QCoreApplication::translate("main", "Start on this view: devices, capture, samples, predictions (adapt to the target) or cross-device."),
                          QStringLiteral("VIEW")};
  QCommandLineOption shot{QStringLiteral("screenshot"),
                          QCoreApplication::translate("main", "Render the view offscreen into this PNG and exit (needs --project)."),
                          QStringLiteral("OUT.png")};
  QCommandLineOption size{QStringLiteral("size"), QCoreApplication::translate("main", "Window size for --screenshot (default 1280x800)."),
                          QStringLiteral("WxH"), QStringLiteral("1280x800")};
  QCommandLineOption run{QStringLiteral("run"),
                         QCoreApplication::translate("main", "With --screenshot: first do the view's main action (detect this machine, "
                                                             "a short capture, select samples, adapt to the target device). "
                                                             "A capture or adapted predictor is stored in the project.")};
  QCommandLineOption device{QStringLiteral("device"),
                            QCoreApplication::translate("main", "Make this device of the project the target device."),
                            QStringLiteral("NAME")};
  QCommandLineOption space{QStringLiteral("space"),
                           QCoreApplication::translate("main", "Work on this search space of the project (one that holds several)."),
                           QStringLiteral("NAME")};
  QCommandLineOption exportPredictor{QStringLiteral("export-predictor"),
                                     QCoreApplication::translate("main", "With --view predictions --run: write the adapted predictor to this "
                                                                         ".maplepred file (an existing file is not replaced)."),
                                     QStringLiteral("FILE")};
};

// The one parser of both start-ups (with and without a display).
void describe(QCommandLineParser& parser, const Options& o) {
  parser.setApplicationDescription(QCoreApplication::translate(
      "main", "MAPLE Workbench: predict DNN latency on unseen hardware.\nDocumentation: man maple-workbench, /usr/share/doc/maple"));
  parser.addHelpOption();
  parser.addVersionOption();
  parser.addOptions({o.project, o.view, o.shot, o.size, o.run, o.device, o.space, o.exportPredictor});
  parser.addPositionalArgument(QStringLiteral("FILE"), QCoreApplication::translate("main", "A project file (.maple) to open."),
                               QStringLiteral("[FILE]"));
}

// --help and --version print and exit before any window system is needed (like hotspot).
bool onlyPrints(int argc, char** argv) {
  for (int i = 1; i < argc; ++i)
    for (const char* flag : {"-h", "--help", "--help-all", "-?", "-v", "--version"})
      if (std::strcmp(argv[i], flag) == 0) return true;
  return false;
}

void nameApplication() {
  QCoreApplication::setOrganizationName(QStringLiteral("MAPLE"));
  QCoreApplication::setApplicationName(QStringLiteral("maple-workbench"));
  QCoreApplication::setApplicationVersion(QStringLiteral(MAPLE_VERSION));
}

// The project to open: --project, else the first positional file (the desktop file's %F).
QString projectToOpen(const QCommandLineParser& parser, const Options& o) {
  if (parser.isSet(o.project)) return parser.value(o.project);
  const auto files = parser.positionalArguments();
  if (files.size() > 1)
    std::fprintf(stderr, "maple-workbench: opens one project at a time; opening %s\n", qPrintable(files.first()));
  return files.value(0);
}

struct Script {
  QString project, device, space, exportPredictor, out;
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

// --space: the open project's space of that name, or what is wrong (the spaces it holds).
QString chooseSpace(MainWindow& w, const QString& name) {
  auto* workspace = w.workspace();
  if (!workspace->spaces().contains(name))
    return QStringLiteral("no search space '%1' in %2: it holds %3").arg(name, workspace->projectPath(),
                                                                         workspace->spaces().join(QStringLiteral(", ")));
  workspace->setSpace(name);
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
  if (!s.space.isEmpty()) {
    if (const QString e = chooseSpace(w, s.space); !e.isEmpty()) return scriptFailed(e);
    if (!w.waitUntilIdle(600000, 400)) return scriptFailed(QStringLiteral("the view did not finish loading in 10 minutes"));
  }
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
  // 256 colours, at the highest compression: a fifth of the size for the docs (translucent fills
  // flatten to their nearest colour; the widgets' text and lines stay exact).
  const QImage image = w.grab().toImage().convertToFormat(QImage::Format_Indexed8, Qt::ThresholdDither | Qt::AvoidDither);
  if (!image.save(s.out, "PNG", 0)) return scriptFailed(QStringLiteral("cannot write %1: check the folder exists and is writable").arg(s.out));
  std::printf("%s\n", qPrintable(s.out));
  return 0;
}

} // namespace

int main(int argc, char** argv) {
  if (onlyPrints(argc, argv)) {
    QCoreApplication app(argc, argv);
    nameApplication();
    maple::workbench::installTranslators(app);
    Options o;
    QCommandLineParser parser;
    describe(parser, o);
    parser.process(app); // prints and exits
    return 0;
  }
  // Screenshots render without a display: choose the offscreen platform before Qt starts.
  for (int i = 1; i < argc; ++i)
    if (std::strcmp(argv[i], "--screenshot") == 0 && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
      qputenv("QT_QPA_PLATFORM", "offscreen");
  QApplication app(argc, argv);
  if (QGuiApplication::platformName() == QLatin1String("offscreen")) nextHandler = qInstallMessageHandler(dropOffscreenSizeHintWarnings);
  nameApplication();
  QGuiApplication::setDesktopFileName(QStringLiteral("org.maple.workbench"));
  maple::workbench::installTranslators(app);

  Options o;
  QCommandLineParser parser;
  describe(parser, o);
  parser.process(app);
  const QString project = projectToOpen(parser, o);
  if (!project.isEmpty() && project.endsWith(QStringLiteral(".maplepred"))) {
    std::fprintf(stderr, "maple-workbench: %s is a predictor file; the workbench opens projects (.maple): add it to one "
                         "with 'maple predictors import'\n", qPrintable(project));
    return 1;
  }

  std::optional<MainWindow::View> view;
  bool crossDevice = false; // the Predictions view in its cross-device mode
  if (parser.isSet(o.view)) {
    crossDevice = parser.value(o.view) == QLatin1String("cross-device");
    view = crossDevice ? MainWindow::Predictions : MainWindow::viewFromName(parser.value(o.view));
    if (!view) {
      std::fprintf(stderr, "maple-workbench: unknown view '%s': use devices, capture, samples, predictions or cross-device\n",
                   qPrintable(parser.value(o.view)));
      return 1;
    }
  }
  MainWindow window;
  if (crossDevice) window.predictionsPage()->setMode(maple::widgets::PredictionsPage::CrossDevice);
  if (parser.isSet(o.shot)) {
    if (project.isEmpty()) {
      std::fprintf(stderr, "maple-workbench: --screenshot needs --project FILE\n");
      return 1;
    }
    const auto parts = parser.value(o.size).split(QLatin1Char('x'));
    const QSize size = parts.size() == 2 ? QSize(parts[0].toInt(), parts[1].toInt()) : QSize();
    if (!size.isValid() || size.width() < 320 || size.height() < 240) {
      std::fprintf(stderr, "maple-workbench: --size wants WIDTHxHEIGHT, at least 320x240, e.g. 1280x800\n");
      return 1;
    }
    return screenshot(window, {project, parser.value(o.device), parser.value(o.space), parser.value(o.exportPredictor), parser.value(o.shot),
                               view.value_or(MainWindow::Devices), size, parser.isSet(o.run)});
  }
  if (view) window.setView(*view);
  window.show();
  if (parser.isSet(o.space))
    QObject::connect(&window, &MainWindow::projectOpened, &window, [&window, name = parser.value(o.space)] {
      if (const QString e = chooseSpace(window, name); !e.isEmpty()) std::fprintf(stderr, "maple-workbench: %s\n", qPrintable(e));
    }, Qt::SingleShotConnection);
  if (!project.isEmpty()) window.openProject(project);
  if (parser.isSet(o.device)) window.targetBar()->prefer(parser.value(o.device));
  return QApplication::exec();
}
