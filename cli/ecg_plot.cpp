#include "ecg_plot.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>

#include <filesystem>
#include <vector>

#include "scenario.hpp"

extern char** environ;

namespace resus_cli {
namespace {

// The plotting script: installed next to the command (<prefix>/share/resus/tools, found from
// the executable's own path), else the source tree's tools/ (a build-tree command).
std::string find_script() {
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed =
        exe.parent_path().parent_path() / RESUS_TOOLS_INSTALL_DIR / "ecg_plot.py";
    if (std::filesystem::is_regular_file(installed, ec)) return installed.string();
  }
  return std::string(RESUS_TOOLS_DIR) + "/ecg_plot.py";
}
const std::string kScript = find_script();

// Runs argv[0] from PATH; returns its exit code, 127 if it could not be started, -1 if killed.
int run_program(const std::vector<std::string>& args, bool silent) {
  std::vector<char*> argv;
  for (const std::string& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  if (silent) {
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  }
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (spawned != 0) return 127;
  int status = 0;
  if (waitpid(pid, &status, 0) < 0) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The python3 that has matplotlib: the one on PATH, else the system one (where the Debian
// package python3-matplotlib installs it, e.g. when PATH leads to a pyenv python first).
const std::string& python_with_matplotlib() {
  static const std::string found = [] {
    for (const char* python : {"python3", "/usr/bin/python3"})
      if (run_program({python, "-c", "import matplotlib"}, true) == 0) return std::string(python);
    return std::string();
  }();
  return found;
}

}  // namespace

void check_plot_tool() {
  if (python_with_matplotlib().empty()) {
    if (run_program({"python3", "-c", "pass"}, true) != 0)
      throw InputError("resus: --ecg-plot needs python3 on PATH, which was not found");
    throw InputError("resus: --ecg-plot needs matplotlib for python3, which is not installed "
                     "(Debian: apt-get install python3-matplotlib)");
  }
  if (!std::filesystem::is_regular_file(kScript))
    throw InputError("resus: --ecg-plot: the plotting script " + kScript + " is missing");
}

std::string render_ecg_plot(const std::string& record, const std::string& out) {
  const int code = run_program({python_with_matplotlib(), kScript, record, "-o", out}, false);
  if (code != 0)
    return "resus: drawing the ECG with " + kScript + " failed (exit code " + std::to_string(code) + ")";
  return "";
}

}  // namespace resus_cli
