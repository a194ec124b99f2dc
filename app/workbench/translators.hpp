#pragma once
// The workbench's translations for the user's locale (LANG, LC_ALL, LC_MESSAGES): maple_<locale>.qm
// from the resources (:/i18n) and Qt's own qtbase_<locale>.qm for its dialogs and buttons.
class QCoreApplication;

namespace maple::workbench {

// Installs what exists for the locale; English needs none but still gets its plural forms.
void installTranslators(QCoreApplication& app);

} // namespace maple::workbench
