// Shared inside models/pharmacology: how a dose enters, and the effects of what is on board.
#pragma once

#include "models/pharmacology/pharmacology.hpp"

namespace resus::pharm {

// Puts `ug` where a route delivers it (a site, or the central veins); what a route never
// absorbs is counted as eliminated. Counts it as given.
void enter(const DrugSpec& spec, const PharmParams& p, double ug, Route r, DrugState& d) noexcept;

// Occupancy of every target from the effect-site concentrations, and the channels' values
// relative to rest (s.out).
void update_effects(const PharmParams& p, PharmState& s) noexcept;
// Tolerance of the targets that develop it, over dt.
void develop_tolerance(const PharmParams& p, double dt, PharmState& s) noexcept;

}  // namespace resus::pharm
