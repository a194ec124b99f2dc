#include "translators.hpp"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace maple::workbench {

void installTranslators(QCoreApplication& app) {
  auto* ours = new QTranslator(&app);
  if (ours->load(QLocale(), QStringLiteral("maple"), QStringLiteral("_"), QStringLiteral(":/i18n")))
    QCoreApplication::installTranslator(ours);
  auto* qt = new QTranslator(&app);
  if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    QCoreApplication::installTranslator(qt);
}

} // namespace maple::workbench
