#pragma once
// The project file's schema: numbered migrations, each applied in one transaction.
// PRAGMA user_version holds the number of migrations applied.
#include <cstdint>
#include <string_view>
#include <vector>

namespace maple::store {

// "MAPL" in ASCII: marks a SQLite file as a MAPLE Workbench project.
inline constexpr std::int32_t kApplicationId = 0x4D41504C;

const std::vector<std::string_view>& migrations();
int currentSchemaVersion();

} // namespace maple::store
