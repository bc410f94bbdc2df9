// Internal to the team's files (acls_team.cpp, arrhythmias.cpp, antidotes.cpp): the log's number
// formatting, the drug routes, and the thresholds more than one of their rules reads.
#pragma once

#include <cstdio>
#include <string>

namespace resus_team::detail {

// The drug action's route for TeamParams::access_route.
inline constexpr const char* kRoutes[] = {"peripheral_iv", "central_iv", "io_humeral",
                                          "io_tibial", "io_sternal"};

// A broad QRS (ACLS: 120 ms or more): a block below the node, a sodium-channel blocker, VT.
inline constexpr double kBroadQrs_ms = 120.0;
// Bradycardia (ERC 2021, AHA 2020: under 50/min) and its adverse feature shock (ERC 2021: a
// systolic under 90).
inline constexpr double kBradycardia_per_min = 50.0, kShockSbp_mmHg = 90.0;
// A tachycardia the rate itself may make unstable (ERC 2021, AHA 2020: 150/min and more).
inline constexpr double kTachycardia_per_min = 150.0;

// The pads ECG runs this long before a rhythm check reads it (its sources settle).
inline constexpr double kPadsLead_s = 10.0;

// TeamParams::known_toxin: what the scene tells the team was taken (antidotes.cpp).
enum class Toxin { kNone = 0, kOpioid, kTricyclic, kBetaBlocker, kCalciumChannelBlocker };

// printf of up to four numbers (only %g/%f-style conversions: every argument is a double).
inline std::string fmt(const char* format, double a, double b = 0.0, double c = 0.0,
                       double d = 0.0) {
  char buf[256];
  std::snprintf(buf, sizeof buf, format, a, b, c, d);
  return buf;
}

}  // namespace resus_team::detail
