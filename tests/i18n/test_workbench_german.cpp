// Under LANG=de_DE.UTF-8 (set by CTest) the workbench's views speak German, Qt's own buttons too,
// and English plural forms come out right in an English locale.
#include "main_window.hpp"
#include "translators.hpp"

#include <QDialogButtonBox>
#include <QFile>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QPushButton>
#include <QTabWidget>
#include <QTest>
#include <QTranslator>

class TestWorkbenchGerman : public QObject {
  Q_OBJECT
private slots:
  void initTestCase() {
    QCOMPARE(QLocale().language(), QLocale::German); // from LANG, as a user's session sets it
    maple::workbench::installTranslators(*QCoreApplication::instance());
  }

  void viewsAreGerman() {
    maple::widgets::MainWindow window;
    auto* tabs = window.findChild<QTabWidget*>();
    QVERIFY(tabs);
    QStringList titles;
    for (int i = 0; i < tabs->count(); ++i) titles << tabs->tabText(i);
    QCOMPARE(titles, QStringList({"Geräte", "Erfassung", "Stichproben", "Vorhersagen"}));
    QStringList menus;
    for (auto* a : window.menuBar()->actions()) menus << a->text();
    QVERIFY2(menus.contains("&Datei"), qPrintable(menus.join(", ")));
  }

  void qtsOwnDialogsAreGerman() {
    const QString dir = QLibraryInfo::path(QLibraryInfo::TranslationsPath);
    if (!QFile::exists(dir + "/qtbase_de.qm")) QSKIP("qtbase_de.qm is not installed (package qt6-translations-l10n)");
    QDialogButtonBox box(QDialogButtonBox::Cancel);
    QCOMPARE(box.button(QDialogButtonBox::Cancel)->text(), QStringLiteral("Abbrechen"));
  }

  void englishPluralsUseTheNumber() {
    QTranslator en;
    QVERIFY(en.load(QStringLiteral(":/i18n/maple_en.qm")));
    QCOMPARE(en.translate("maple::widgets::SamplesPage", "%n architecture(s)", nullptr, 1), QStringLiteral("%n architecture"));
    QCOMPARE(en.translate("maple::widgets::SamplesPage", "%n architecture(s)", nullptr, 2), QStringLiteral("%n architectures"));
  }
};

QTEST_MAIN(TestWorkbenchGerman)
#include "test_workbench_german.moc"
