// The post-cardiac-arrest syndrome's systemic inflammation: the whole body's O2 debt from a
// low-flow state sets off a response that dilates the resistance vessels a day later
// (vasoplegia). Pure functions; README.md.
#pragma once

#include <span>

#include "models/common/param_spec.hpp"

namespace resus::inflammation {

struct InflammationParams {
  double debt_ref_mL;        // the O2 debt (mL) of the reference arrest (8 minutes without flow)
  double response_tau_s;     // the mediators rise and clear over this time
  double vasoplegia_tau_s;   // the vessels follow the mediators this slowly
  double resistance_gain;    // systemic resistance / (1 + gain x vasoplegia)
  double min_resistance;     // but never below this share of it (the vessels' floor)
  double fever_gain_C;       // the hypothalamic set point rises this much per unit of vasoplegia
  double fever_max_C;        // and at most this much
};

struct InflammationState {
  double response;    // the mediators, in reference-arrest units
  double vasoplegia;  // their effect on the vessels, same units
};

// Advances the state over dt_s with the tissues' unmet O2 demand (mL/s) over that time.
void step(const InflammationParams& p, double o2_deficit_mL_s, double dt_s, InflammationState& s);
// The systemic-resistance factor the vasoplegia leaves (1 without it).
double resistance_factor(const InflammationParams& p, const InflammationState& s);
// The fever the same mediators call for: how far the hypothalamus raises the core temperature
// it defends (C, 0 without them).
double fever_C(const InflammationParams& p, const InflammationState& s);

InflammationParams default_inflammation_params();
std::span<const ParamSpec<InflammationParams>> param_table();

}  // namespace resus::inflammation
