// Ageing: what the years between 18 and 100 change in an adult, as factors on other models'
// parameters named by the registry. The presets are 35-year-olds; a patient of another age is
// the preset with these factors applied before the host's own overrides. Pure data and a lookup;
// README.md gives each row's source.
#pragma once

#include <array>
#include <span>

namespace resus::ageing {

// The age the presets' parameters describe (their calibration against physiology B.1).
inline constexpr double kReferenceAge = 35.0;

// The ages each effect is tabulated at; between them the factor is linear, outside them flat.
inline constexpr std::array<double, 8> kAges = {18, 35, 45, 55, 65, 75, 85, 100};

// One parameter the years change: the factor on the preset's value at each of kAges (1 at the
// reference age).
struct Effect {
  const char* param;
  std::array<double, kAges.size()> factor;
};

std::span<const Effect> effects();

// The factor an effect gives at an age (years).
double factor(const Effect& e, double age_years);

}  // namespace resus::ageing
