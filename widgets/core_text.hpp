#pragma once
// Core messages in the workbench's words: each setting a core message names as its fix
// (common/setting.hpp) becomes the label of the control that sets it, e.g. "choose “Descriptor:
// specs”" where the CLI says "choose --descriptor specs". Every message from the core that the
// workbench shows passes through coreText.
#include <QString>

#include <string>
#include <string_view>

namespace maple::widgets {

QString coreText(const std::string& message);
// The label of the control for a setting key (settingKeys()); the key itself for an unknown one.
QString settingLabel(std::string_view key);

} // namespace maple::widgets
