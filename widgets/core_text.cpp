#include "core_text.hpp"

#include "common/setting.hpp"

#include <QCoreApplication>

#include <array>
#include <utility>

namespace maple::widgets {

QString settingLabel(std::string_view key) {
  // The controls' labels, without their colons (the pages' own words).
  static const std::array<std::pair<std::string_view, const char*>, 15> labels{{
      {"allow-software", QT_TRANSLATE_NOOP("CoreText", "Allow software-only capture")},
      {"archs", QT_TRANSLATE_NOOP("CoreText", "Measure ticked")},
      {"descriptor", QT_TRANSLATE_NOOP("CoreText", "Descriptor")},
      {"device", QT_TRANSLATE_NOOP("CoreText", "Target device")},
      {"engine", QT_TRANSLATE_NOOP("CoreText", "Engine")},
      {"events", QT_TRANSLATE_NOOP("CoreText", "Events")},
      {"protocol", QT_TRANSLATE_NOOP("CoreText", "Scored")},
      {"remote", QT_TRANSLATE_NOOP("CoreText", "Launcher")},
      {"seeds", QT_TRANSLATE_NOOP("CoreText", "Seeds")},
      {"shot-policy", QT_TRANSLATE_NOOP("CoreText", "Shot policy")},
      {"shots", QT_TRANSLATE_NOOP("CoreText", "Shots")},
      {"space", QT_TRANSLATE_NOOP("CoreText", "Search space")},
      {"test-devices", QT_TRANSLATE_NOOP("CoreText", "Devices")},
      {"timeout", QT_TRANSLATE_NOOP("CoreText", "Timeout")},
      {"train-devices", QT_TRANSLATE_NOOP("CoreText", "Training devices")},
  }};
  for (const auto& [k, label] : labels)
    if (k == key) return QCoreApplication::translate("CoreText", label);
  return QString::fromUtf8(key.data(), static_cast<qsizetype>(key.size()));
}

namespace {

// A value as the control shows it, where its items are not the CLI's words.
QString settingValue(std::string_view key, std::string_view value) {
  if (key == "protocol" && value == "full") return QCoreApplication::translate("CoreText", "every measured architecture");
  if (key == "protocol" && value == "help") return QCoreApplication::translate("CoreText", "HELP's protocol");
  return QString::fromUtf8(value.data(), static_cast<qsizetype>(value.size()));
}

} // namespace

QString coreText(const std::string& message) {
  return QString::fromStdString(renderSettings(message, [](std::string_view key, std::string_view value) {
    // Architectures are ticked on the Samples page, not typed.
    if (key == "archs")
      return QCoreApplication::translate("CoreText", "“Tick reference architectures” and “Measure ticked” on the Samples page")
          .toStdString();
    const QString label = settingLabel(key);
    const QString text = value.empty()
                             ? QCoreApplication::translate("CoreText", "“%1”").arg(label)
                             : QCoreApplication::translate("CoreText", "“%1: %2”")
                                   .arg(label, settingValue(key, value));
    return text.toStdString();
  }));
}

} // namespace maple::widgets
