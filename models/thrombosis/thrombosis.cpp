#include "models/thrombosis/thrombosis.hpp"

#include <algorithm>
#include <cmath>

namespace resus::thrombosis {
namespace {

// The ECG's territory codes (models/ecg): anterior, inferior, lateral.
constexpr int32_t kEcgTerritory[kTerritories] = {1, 3, 2};  // LAD, LCx, RCA

// The time course of primary VF after an artery closes: t/T exp(1 - t/T), 1 at the peak T, 0 at
// the occlusion, and a total of e T under the curve (a gamma density's shape).
double vf_time_course(double t, double peak) { return t / peak * std::exp(1.0 - t / peak); }

}  // namespace

ThrombosisState initial_state() {
  ThrombosisState s{};
  s.out.pulmonary_resistance_scale = 1.0;
  s.out.lv_contractility_scale = 1.0;
  s.out.rv_contractility_scale = 1.0;
  return s;
}

void read(const ThrombosisParams& p, ThrombosisState& s) {
  ThrombosisReadout& o = s.out;
  const double f = std::clamp(s.pe_obstruction, 0.0, p.pe_max_obstruction);
  o.pulmonary_resistance_scale = (1.0 + p.pe_vasoconstriction * f) / (1.0 - f);
  o.dead_space_offset = p.pe_dead_space_share * f;
  o.shunt_offset = p.pe_shunt_per_obstruction * f;
  double lv_lost = 0.0, rv_lost = 0.0, vf_share = 0.0, worst = 0.0;
  int32_t territory = 0;
  for (int t = 0; t < kTerritories; ++t) {
    const double lost = s.ischaemia[t] * (1.0 - p.ischaemic_contraction);
    lv_lost += p.lv_share[t] * lost;
    rv_lost += p.rv_share[t] * lost;
    vf_share += p.lv_share[t] * s.ischaemia[t] * vf_time_course(s.since_occlusion_s[t], p.primary_vf_peak_s);
    if (s.ischaemia[t] > worst + 1e-12) {
      worst = s.ischaemia[t];
      territory = kEcgTerritory[t];
    }
  }
  o.lv_contractility_scale = std::max(1.0 - lv_lost, 0.05);
  o.rv_contractility_scale = std::max(1.0 - rv_lost, 0.05);
  o.vf_hazard_per_s = p.primary_vf_per_h / 3600.0 * vf_share;
  o.ecg_territory = worst > 0.0 ? territory : 0;
  o.ecg_extent = worst;
}

void step(const ThrombosisParams& p, const ThrombosisInputs& in, ThrombosisState& s) {
  const double dt = in.dt_s;
  // Lysis shrinks a fresh coronary clot at the channel's rate, an older and larger embolus slower.
  const double lysis = std::max(in.lysis_per_h, 0.0) / 3600.0 * dt;
  const double kept = lysis > 0.0 ? std::exp(-lysis) : 1.0;
  if (lysis > 0.0) s.pe_obstruction *= std::exp(-p.pe_lysis_share * lysis);
  for (int t = 0; t < kTerritories; ++t) {
    s.coronary_clot[t] *= kept;
    const bool occluded = s.coronary_clot[t] >= p.patent_below;
    // The clock runs on after reperfusion, so the hazard fades with the ischaemia as before.
    if (occluded || s.since_occlusion_s[t] > 0.0) s.since_occlusion_s[t] += dt;
    const double target = occluded ? 1.0 : 0.0;
    const double tau = occluded ? p.ischaemia_onset_s : p.ischaemia_resolution_s;
    s.ischaemia[t] += (target - s.ischaemia[t]) * -std::expm1(-dt / tau);
  }
  read(p, s);
}

void embolise(const ThrombosisParams& p, ThrombosisState& s, double obstruction) {
  // A new embolus lodges in what is still open.
  const double open = 1.0 - s.pe_obstruction;
  s.pe_obstruction = std::min(s.pe_obstruction + open * std::clamp(obstruction, 0.0, 1.0),
                              p.pe_max_obstruction);
  read(p, s);
}

void occlude(const ThrombosisParams& p, ThrombosisState& s, Territory t) {
  const int i = static_cast<int>(t);
  if (s.coronary_clot[i] < p.patent_below) s.since_occlusion_s[i] = 0.0;
  s.coronary_clot[i] = 1.0;
}

void embolectomy(ThrombosisState& s) { s.pe_obstruction *= 0.1; }

void reperfuse(ThrombosisState& s) {
  for (double& c : s.coronary_clot) c = 0.0;
}

void check_state(const ThrombosisState& s, StateCheck& c) {
  c.in("thrombosis.pe_obstruction", s.pe_obstruction, 0.0, 1.0)
      .all_in("thrombosis.coronary_clot", s.coronary_clot, 0.0, 1.0)
      .all_in("thrombosis.ischaemia", s.ischaemia, 0.0, 1.0)
      .all_in("thrombosis.since_occlusion_s", s.since_occlusion_s, 0.0, 1e9);
  const ThrombosisReadout& o = s.out;
  c.in("thrombosis.out.pulmonary_resistance_scale", o.pulmonary_resistance_scale, 1.0, 1000.0)
      .in("thrombosis.out.dead_space_offset", o.dead_space_offset, 0.0, 1.0)
      .in("thrombosis.out.shunt_offset", o.shunt_offset, 0.0, 1.0)
      .in("thrombosis.out.lv_contractility_scale", o.lv_contractility_scale, 0.05, 1.0)
      .in("thrombosis.out.rv_contractility_scale", o.rv_contractility_scale, 0.05, 1.0)
      .in("thrombosis.out.vf_hazard_per_s", o.vf_hazard_per_s, 0.0, 1.0)
      .index("thrombosis.out.ecg_territory", o.ecg_territory, 0, 3)
      .in("thrombosis.out.ecg_extent", o.ecg_extent, 0.0, 1.0);
}

}  // namespace resus::thrombosis
