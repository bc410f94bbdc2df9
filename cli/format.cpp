#include "format.hpp"

#include <cmath>
#include <cstdint>
#include <cstdio>

namespace resus_cli {

std::string clock_time(double t_s) {
  const int64_t ms = std::llround(t_s * 1000.0);
  const int64_t s = ms / 1000;
  char buf[48];
  if (ms % 1000 == 0)
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60));
  else
    std::snprintf(buf, sizeof buf, "%02lld:%02lld:%02lld.%03lld", static_cast<long long>(s / 3600),
                  static_cast<long long>(s / 60 % 60), static_cast<long long>(s % 60),
                  static_cast<long long>(ms % 1000));
  return buf;
}

std::string fixed(double v, int decimals) {
  if (std::isnan(v)) return "-";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  // "-0" reads as a sign error to a clinician; show "0".
  if (std::string(buf).find_first_not_of("-0.") == std::string::npos && buf[0] == '-')
    return buf + 1;
  return buf;
}

std::string num(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

namespace {
constexpr std::size_t kMaxQuoted = 64;
}

std::string cut_input(const std::string& text) {
  std::string out = text.substr(0, kMaxQuoted);
  if (text.size() > kMaxQuoted) out.append("...");
  return out;
}

std::string quoted_input(const std::string& text) {
  std::string out = "'";
  out.append(cut_input(text)).append("'");
  if (text.size() > kMaxQuoted) out.append(" (" + std::to_string(text.size()) + " characters)");
  return out;
}

}  // namespace resus_cli
