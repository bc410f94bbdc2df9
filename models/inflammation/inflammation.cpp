#include "models/inflammation/inflammation.hpp"

#include <algorithm>
#include <cmath>

namespace resus::inflammation {

void step(const InflammationParams& p, double o2_deficit_mL_s, double dt_s, InflammationState& s) {
  // A chain of two first-order lags (mediators, then the vessels): a debt incurred in minutes
  // shows as vasodilation peaking about response_tau later and fading over days.
  const double deficit = std::max(o2_deficit_mL_s, 0.0);
  const double response = s.response;
  s.response += dt_s * (deficit / p.debt_ref_mL - response / p.response_tau_s);
  s.vasoplegia += dt_s * (response - s.vasoplegia) / p.vasoplegia_tau_s;
  s.response = std::max(s.response, 0.0);
  s.vasoplegia = std::max(s.vasoplegia, 0.0);
  if (s.response < 1e-12) s.response = 0.0;  // no subnormals: they are slow
  if (s.vasoplegia < 1e-12) s.vasoplegia = 0.0;
}

double resistance_factor(const InflammationParams& p, const InflammationState& s) {
  // Bounded: the most vasoplegic shock keeps some tone, and a long-dead patient's ever-growing
  // debt must not take the circulation's resistance to zero.
  return std::max(1.0 / (1.0 + p.resistance_gain * s.vasoplegia), p.min_resistance);
}

double fever_C(const InflammationParams& p, const InflammationState& s) {
  // The pyrogens that dilate the vessels move the set point with the same lag (Zeiner 2001: the
  // temperature peaks within the first 48 h after ROSC).
  return std::min(p.fever_gain_C * s.vasoplegia, p.fever_max_C);
}

InflammationParams default_inflammation_params() {
  InflammationParams p{};
  p.debt_ref_mL = 2000.0;              // ~8 min x 250 mL/min of VO2 [derived]
  p.response_tau_s = 24.0 * 3600.0;    // [U] cytokines over the first day (Adrie 2002)
  p.vasoplegia_tau_s = 24.0 * 3600.0;  // [U] vasodilation at 24-72 h (Laurent 2002)
  p.resistance_gain = 1.2;             // [U] the reference arrest: SVR -30% at the peak
  p.min_resistance = 0.4;              // [U] vasoplegic shock: SVR ~500 against ~1200 at rest
  p.fever_gain_C = 1.6;                // [F] Zeiner 2001's median 48-h peak (README)
  p.fever_max_C = 3.0;                 // [U] a fever's ceiling near 40 C
  return p;
}

namespace {

#define F(f) RESUS_FIELD(InflammationParams, f)
constexpr ParamSpec<InflammationParams> kTable[] = {
    {"inflammation_debt_ref_mL", "mL", 100, 20000, "whole-body O2 debt of the reference arrest", F(debt_ref_mL)},
    {"inflammation_response_tau_s", "s", 600, 1e6, "post-arrest mediators rise and clear over this time", F(response_tau_s)},
    {"vasoplegia_tau_s", "s", 600, 1e6, "the vessels follow the mediators this slowly", F(vasoplegia_tau_s)},
    {"vasoplegia_resistance_gain", "1", 0, 10, "systemic resistance / (1 + gain x vasoplegia)", F(resistance_gain)},
    {"vasoplegia_min_resistance", "1", 0.1, 1, "vasoplegia leaves at least this share of the systemic resistance", F(min_resistance)},
    {"fever_gain_C", "C", 0, 10, "the post-arrest fever's rise of the temperature set point per unit of vasoplegia", F(fever_gain_C)},
    {"fever_max_C", "C", 0, 5, "the post-arrest fever's largest rise of the set point", F(fever_max_C)},
};
#undef F

}  // namespace

std::span<const ParamSpec<InflammationParams>> param_table() { return kTable; }

}  // namespace resus::inflammation
