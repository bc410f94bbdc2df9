// The blood's volume and what it is made of, outside the heart's pumping (physiology.md A.5 and
// the fluids row of B.3, issue 12's hypovolaemia): the plasma that crosses the capillary walls by
// the Starling forces (transcapillary refill after a haemorrhage, a crystalloid leaving for the
// interstitium), and the red cells and plasma proteins that a haemorrhage takes and an infusion
// brings, from which the haemoglobin concentration and the plasma's oncotic pressure follow.
// Pure: no heap, no I/O, no exceptions; the state is one trivially copyable struct.
#pragma once

#include <cstdint>
#include <span>
#include <type_traits>

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"

namespace resus::fluids {

// Append-only: the `fluid` field of the fluid action.
enum class FluidKind : int32_t {
  kCrystalloid = 0,   // saline, Ringer's: no cells, no protein
  kColloid = 1,       // 5% albumin, gelatin, starch: iso-oncotic, no cells
  kPackedRedCells = 2,
  kWholeBlood = 3,
  kPlasma = 4,        // fresh frozen plasma
};
constexpr const char* kFluidKindNames[] = {"crystalloid", "colloid", "packed_red_cells",
                                           "whole_blood", "plasma"};
constexpr int kNumFluidKinds = 5;
static_assert(sizeof(kFluidKindNames) / sizeof(kFluidKindNames[0]) == kNumFluidKinds);

// What a millilitre of each fluid brings.
struct FluidSpec {
  double hemoglobin_g_dL;  // haemoglobin
  double protein;          // oncotically active protein, per mL of normal plasma (1: iso-oncotic)
  double heat_capacity_J_mL_C;  // volumetric specific heat: what a mL brings to the body's heat
};
const FluidSpec& fluid_spec(FluidKind k);

struct FluidsParams {
  double filtration_coefficient_mL_min_mmHg_kg;  // whole-body capillary Kf per kg [M]
  double reflection_coefficient;                 // sigma of the plasma proteins [M]
  double plasma_oncotic_mmHg;                    // plasma colloid osmotic pressure at rest [M]
  double capillary_venous_weight;                // Pc = w Pv + (1 - w) Pa (post/pre resistance) [M]
  double interstitial_compliance_mL_mmHg_kg;     // interstitial volume per mmHg of its pressure [U]
  double mchc_g_dL;                              // haemoglobin per dL of red cells [M]
  double capillary_tau_s;                        // low-pass of the capillary pressure (beat ripple)
};
FluidsParams default_fluids_params();
std::span<const ParamSpec<FluidsParams>> param_table();

struct FluidsState {
  int32_t active;                 // 0 until set_rest: the settling passes leave volumes alone
  int32_t pad;
  double hemoglobin_g;            // in the circulating red cells
  double protein_mL;              // the plasma's protein, as mL of normal plasma
  double interstitial_excess_mL;  // moved from plasma to the interstitium since rest (< 0: refill)
  double capillary_mmHg;          // mean capillary hydrostatic pressure, low-passed
  double rest_capillary_mmHg;     // its resting value, where filtration balances lymph
  double filtration_mL_s;         // plasma to interstitium, net of rest, for the next step
};
static_assert(std::is_trivially_copyable_v<FluidsState>);

// The circulation as the capillaries see it over one step.
struct FluidsInputs {
  double dt_s;
  double blood_volume_mL;       // in the circulation at the step's end
  double lost_mL;               // whole blood lost over the step (haemorrhage, haemopericardium)
  double infused_hemoglobin_g;  // what the step's infusions brought
  double infused_protein_mL;
  double arterial_mmHg;         // systemic arteries
  double venous_mmHg;           // systemic veins the capillaries drain into
};

struct FluidsReadout {
  double hemoglobin_g_dL;
  double hematocrit;            // 0..1
  double plasma_volume_mL;
  double oncotic_mmHg;          // plasma colloid osmotic pressure
};

// At rest: the resting haemoglobin in the resting blood volume, the plasma's protein normal, the
// capillary pressure the balance point.
void set_rest(const FluidsParams& p, double blood_volume_mL, double hemoglobin_g_dL,
              FluidsState& s);
// The capillary pressure follows the circulation while the model settles (inactive).
void track_capillary(const FluidsParams& p, const FluidsInputs& in, FluidsState& s);
// One step: red cells and protein out with the blood lost and in with the infusions; the
// capillary pressure low-passed; the Starling filtration for the next step.
// `body_mass_kg`: the patient's metabolic mass (engine/patient.cpp), per kg of which the
// capillaries filter and the interstitium stretches.
void step(const FluidsParams& p, double body_mass_kg, const FluidsInputs& in, FluidsState& s);
FluidsReadout readout(const FluidsParams& p, const FluidsState& s, double blood_volume_mL);

void check_state(const FluidsState& s, StateCheck& c);

}  // namespace resus::fluids
