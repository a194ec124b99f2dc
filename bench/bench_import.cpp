// Times the full import of the NAS-Bench-201 latency table into a fresh project (goal: <= 2 s on a
// 2-core machine), then a re-import that must add nothing. Usage: bench_import [DATA_DIR]
#include "dataset/help_nb201.hpp"

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <string>
#include <unistd.h>

int main(int argc, char** argv) {
  const std::string data = argc > 1 ? argv[1] : std::string(MAPLE_DATA_DIR) + "/help-nb201";
  const auto dir = std::filesystem::temp_directory_path() / ("maple-bench-import-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto path = (dir / "bench.maple").string();
  try {
    auto project = maple::store::Project::create(path);
    auto time = [&](const char* what) {
      const auto t0 = std::chrono::steady_clock::now();
      auto r = maple::dataset::importHelpNb201(project, data);
      const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
      std::printf("%-10s %6.3f s  (%ld rows added, %ld present, %d devices, %ld architectures)\n", what, s,
                  r.samplesAdded, r.samplesExisting, r.devices, r.architectures);
      return s;
    };
    const double first = time("import");
    time("re-import");
    std::printf("goal: full import <= 2.000 s -> %s\n", first <= 2.0 ? "met" : "NOT met");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench_import: %s\n", e.what());
    std::filesystem::remove_all(dir);
    return 2;
  }
  std::filesystem::remove_all(dir);
  return 0;
}
