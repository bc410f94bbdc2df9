// Thrombosis, the "T" of the causes (physiology.md A.3-A.4 neighbours, als-next.md 4.3, issue
// 12): a pulmonary embolism obstructing a share of the pulmonary bed, and a coronary occlusion of
// one territory (LAD, LCx, RCA). Each clot lyses under a thrombolytic at the rate the drug's
// effect sets, or is removed at once (embolectomy, PCI). What each does is computed where it
// lives: the obstruction raises the pulmonary vascular resistance (the remaining bed takes all
// the flow), makes its share of the ventilation dead space and mismatches the rest (shunt); the
// occlusion makes its territory ischaemic over minutes, weakening the ventricle it feeds,
// raising the VF hazard and feeding the ECG's injury current. Pure: no heap, no I/O, no
// exceptions; the state is one trivially copyable struct.
#pragma once

#include <cstdint>
#include <span>
#include <type_traits>

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"

namespace resus::thrombosis {

// Append-only: the `territory` field of the coronary_occlusion condition.
enum class Territory : int32_t { kLad = 0, kLcx = 1, kRca = 2 };
constexpr const char* kTerritoryNames[] = {"lad", "lcx", "rca"};
constexpr int kTerritories = 3;

struct ThrombosisParams {
  // Pulmonary embolism.
  double pe_shunt_per_obstruction;      // V/Q mismatch of the overperfused rest, as shunt [U]
  double pe_dead_space_share;           // of the obstructed share's ventilation: dead space [U]
  double pe_max_obstruction;            // a bed never wholly closed [U]
  double pe_lysis_share;                // an embolus lyses this much slower than a fresh coronary clot [F]
  double pe_vasoconstriction;           // the open bed's constriction per unit of obstruction [F]
  // Coronary occlusion.
  double lv_share[kTerritories];        // of the LV myocardium each artery feeds [M]
  double rv_share[kTerritories];        // of the RV [M]
  double ischaemic_contraction;         // what ischaemic muscle still contributes [U]
  double ischaemia_onset_s;             // after occlusion [U]
  double ischaemia_resolution_s;        // after reperfusion (stunning fades) [U]
  double primary_vf_per_h;              // peak VF hazard of a whole-LV territory's ischaemia
  double primary_vf_peak_s;             // time from the occlusion to that peak
  double patent_below;                  // clot burden below which the artery carries flow [U]
};

ThrombosisParams default_thrombosis_params();
std::span<const ParamSpec<ThrombosisParams>> param_table();

struct ThrombosisInputs {
  double dt_s;
  double lysis_per_h;  // clot lysis rate the thrombolytics in the blood give (0: none)
};

struct ThrombosisReadout {
  double pulmonary_resistance_scale;  // x PVR
  double dead_space_offset;           // added to the alveolar dead-space fraction
  double shunt_offset;
  double lv_contractility_scale, rv_contractility_scale;
  double vf_hazard_per_s;
  int32_t ecg_territory;              // the ECG's: 0 none, 1 anterior, 2 inferior, 3 lateral
  int32_t pad;
  double ecg_extent;                  // 0..1 of the most ischaemic territory
};

struct ThrombosisState {
  double pe_obstruction;               // 0..1 of the pulmonary bed
  double coronary_clot[kTerritories];  // clot burden 0..1 (1: a fresh occlusion)
  double ischaemia[kTerritories];      // 0..1
  double since_occlusion_s[kTerritories];  // since each artery last closed (0: it never has)
  ThrombosisReadout out;
};
static_assert(std::is_trivially_copyable_v<ThrombosisState>);

ThrombosisState initial_state();
void step(const ThrombosisParams& p, const ThrombosisInputs& in, ThrombosisState& s);
void read(const ThrombosisParams& p, ThrombosisState& s);

// Commands.
void embolise(const ThrombosisParams& p, ThrombosisState& s, double obstruction);
// A fresh clot; an artery that was open starts the clock of its primary VF hazard anew.
void occlude(const ThrombosisParams& p, ThrombosisState& s, Territory t);
void embolectomy(ThrombosisState& s);   // removes the pulmonary clot but a tenth of it
void reperfuse(ThrombosisState& s);     // opens every occluded coronary artery (PCI)

void check_state(const ThrombosisState& s, StateCheck& c);

}  // namespace resus::thrombosis
