// Runs the built `resus` binary the way a user would (tests/cli).
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace resus_cli_test {

struct Outcome {
  int exit_code;
  std::string output;  // stdout and stderr together
};

// Runs `resus <args>` in a shell, capturing both streams.
inline Outcome resus(const std::string& args) {
  const std::string command = std::string("\"") + RESUS_CLI_PATH + "\" " + args + " 2>&1";
  Outcome out{-1, ""};
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return out;
  char buf[4096];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) out.output.append(buf, n);
  const int status = pclose(pipe);
  out.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

inline std::string read(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace resus_cli_test
