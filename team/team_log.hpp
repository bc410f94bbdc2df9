// Internal to the team's files: the log's number formatting and the drug routes by index.
#pragma once

#include <cstdio>
#include <string>

namespace resus_team::detail {

// The drug action's route for TeamParams::access_route.
inline constexpr const char* kRoutes[] = {"peripheral_iv", "central_iv", "io_humeral",
                                          "io_tibial", "io_sternal"};

// printf of up to four numbers (only %g/%f-style conversions: every argument is a double).
inline std::string fmt(const char* format, double a, double b = 0.0, double c = 0.0,
                       double d = 0.0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, format, a, b, c, d);
  return buf;
}

}  // namespace resus_team::detail
