#pragma once
// A setting that a core message names as its fix, marked so that each face says it in its own
// words: the CLI as its option ("--descriptor specs"), the workbench as the label of the control
// that sets it ("Descriptor: specs"), the C API and Python module in plain words ("descriptor
// specs"). The core never spells a face's syntax, so a GUI user is never told to type a flag.
//
//   fail(ErrorKind::Usage, "no shot: choose " + setting("shots", "1") + " or more");
//
// Keys are the CLI's option names without the dashes (one vocabulary, listed in kSettingKeys).
// The mark is three control characters that no user text holds and that survive concatenation, a
// re-thrown message and the remote agent's JSON, so it is rendered once, by the face that shows it.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace maple {

// Every key a core message may mark, for the faces' tables and their completeness tests.
const std::vector<std::string_view>& settingKeys();

// "value" may be empty: the setting itself is the fix ("leave it out of the " + setting("events")).
// An unknown key is a programming error: it throws std::logic_error.
std::string setting(std::string_view key, std::string_view value = {});

// What a face makes of one marked setting.
using SettingRenderer = std::function<std::string(std::string_view key, std::string_view value)>;
// `message` with every marked setting replaced by render(key, value); unmarked text unchanged.
std::string renderSettings(std::string_view message, const SettingRenderer& render);
// In plain words: the key with spaces for dashes, then the value ("shot policy design").
std::string plainSettings(std::string_view message);
// The CLI's words: the option ("--shot-policy design").
std::string optionSettings(std::string_view message);

} // namespace maple
