// The chest's space-occupying causes (physiology.md A.3, A.4): fluid in the pericardium and air
// in each pleural space, their sources and the treatments that let them out. Pericardial fluid
// enters from a source at a rate while the pressure allows it (an effusion against the venous
// pressure, a haemopericardium against the aortic); pleural air enters through a one-way leak in
// the lung during inspiration, as much as the alveolar-to-pleural pressure pushes, so that
// positive-pressure breaths feed a tension pneumothorax faster than the patient's own. The
// pressure each space builds acts on what it compresses: pericardial fluid on the four chambers
// (the circulation's pericardium takes the volume), pleural pressure on the lung of its side
// (collapse: compliance and shunt) and, through the mediastinum, on the heart and great veins
// (the circulation's intrathoracic pressure). Pure: no heap, no I/O, no exceptions; the state is
// one trivially copyable struct. Blood in a pleural space (a haemothorax) takes room as air
// does, comes from the aorta against the pleural pressure, and leaves through an open chest
// (finger or tube), not through a needle. A needle can fail over time (kinked, blocked or
// pulled out): the stage draws each catheter's working life when it is placed.
#pragma once

#include <cstdint>
#include <span>
#include <type_traits>

#include "models/common/param_spec.hpp"
#include "models/common/state_check.hpp"

namespace resus::thorax {

// Values are part of the action vocabulary: append only.
enum class Side : int32_t { kLeft = 0, kRight = 1, kBoth = 2 };
constexpr const char* kSideNames[] = {"left", "right", "both"};
// Where pericardial fluid comes from.
enum class FluidSource : int32_t { kEffusion = 0, kBlood = 1 };
constexpr const char* kFluidSourceNames[] = {"effusion", "blood"};
// How a pleural space is opened.
enum class Vent : int32_t { kNone = 0, kNeedle = 1, kFinger = 2, kTube = 3 };
constexpr const char* kThoracostomyNames[] = {"finger", "tube"};
// Where a decompression needle goes: the 2nd intercostal space in the mid-clavicular line, or
// the 4th-5th in the anterior axillary line, where the chest wall is thinner.
enum class NeedleSite : int32_t { kSecondIcsMcl = 0, kFifthIcsAal = 1 };
constexpr const char* kNeedleSiteNames[] = {"2nd_ics_mcl", "5th_ics_aal"};

constexpr int kSides = 2;  // left, right

struct ThoraxParams {
  // Pericardium (A.3).
  double normal_pericardial_fluid_mL;    // the circulation's (not a parameter of its own)
  double effusion_source_mmHg;           // an effusion's driving pressure above the CVP [U]
  double inflow_taper_mmHg;              // inflow falls to 0 over this last gap to the source [U]
  double chronic_stretch_share;          // a chronic effusion's share the pericardium holds slack [U]
  double drain_taper_mmHg;               // drainage falls to 0 over this transmural pressure [U]
  // Pleura (A.4).
  double frc_mL;                         // both lungs at rest: the respiration's (idem)
  double lung_compliance_mL_mmHg;        // both lungs: the respiration's (idem)
  double left_lung_share;                // of volume and perfusion [M 0.45]
  double collapse_share;                 // of a lung's FRC that air replaces before tension [U]
  double hemithorax_elastance_mmHg_per_mL;  // beyond collapse [U A.4: 1 mmHg per 50-100 mL]
  double mediastinal_transmission;       // share of a side's excess pressure the other side gets [U]
  double leak_reference_mmHg;            // the leak's driving pressure in a normal breath [U]
  double resting_minute_ventilation_mL_min;  // what a leak's rate is stated for
  double collapsed_perfusion_share;      // perfusion a collapsed lung keeps (HPV) [U]
  double needle_resistance_mmHg_s_per_mL;   // a 14 G catheter [U]
  double thoracostomy_resistance_mmHg_s_per_mL;  // [U]
  double finger_evacuation_s, tube_evacuation_s;  // time constant of re-expansion [U]
  double chest_wall_mm;                  // at the 2nd intercostal space [V 40-50]
  double lateral_chest_wall_offset_mm;   // how much thinner at the 5th ICS, AAL [V ~13]
  double needle_failure_per_min;         // a placed catheter's hazard of kinking, blocking or
                                         // dislodging [F 26% in 5 min, swine]
  double blood_evacuation_s;             // time constant of draining pleural blood [U]
  double tracheal_deviation_mm_per_mmHg; // [U]
  double max_tracheal_deviation_mm;      // [U]
};

ThoraxParams default_thorax_params(double body_mass_kg, double frc_mL,
                                   double lung_compliance_mL_mmHg,
                                   double normal_pericardial_fluid_mL);
std::span<const ParamSpec<ThoraxParams>> param_table();

// From the circulation and the lungs, each step.
struct ThoraxInputs {
  double dt_s;
  double pericardial_pressure_mmHg;    // absolute (the circulation's)
  double intrathoracic_pressure_mmHg;  // around the heart, absolute, before this model's part
  double central_venous_mmHg;          // absolute (thoracic veins)
  double aortic_mmHg;                  // absolute (a haemothorax's source)
  double resting_pleural_mmHg;         // the resting mean pleural pressure (negative)
  double pleural_swing_mmHg;           // breathing's own pleural pressure change from rest
  double alveolar_mmHg;                // relative to atmosphere
  double inspiratory_flow_mL_s;        // into the lungs (> 0: inspiration)
  int32_t right_mainstem;              // 1: only the right lung is ventilated
  int32_t pad;
};

struct ThoraxReadout {
  double pericardial_fluid_mL;       // what the circulation's pericardium holds besides the heart
  double pericardial_slack_mL;       // what a chronic stretch holds without pressure
  double pericardial_inflow_mL_s;    // from the source (blood: taken from the aorta)
  double pleural_bleed_mL_s;         // into both pleurae, taken from the aorta
  double pleural_pressure_mmHg[kSides];  // absolute, at rest between breaths
  double mediastinal_mmHg;           // added to the pressure around the heart and great veins
  double collapse[kSides];           // 0..1 of each lung
  double compliance_scale;           // of the respiratory system
  double shunt_offset;               // added to the shunt fraction
  double breath_sounds[kSides];      // 0..1
  double percussion[kSides];         // -1 stony dull (blood) .. 0 resonant .. +1 hyperresonant (air)
  double tracheal_deviation_mm;      // + toward the patient's right
};

struct ThoraxState {
  // Pericardium.
  double pericardial_fluid_mL;
  double pericardial_slack_mL;
  double source_mL_s;          // 0: none
  double source_left_mL;       // inf: until stopped
  int32_t source_kind;         // FluidSource
  int32_t drain_in_place;      // 1: a catheter keeps draining what collects
  double drain_mL_s;           // the syringe or catheter's rate
  double drain_left_mL;        // of this aspiration (inf with a drain in place)
  // Pleura, per side.
  double air_mL[kSides];
  double leak_mL_min[kSides];  // 0: closed
  int32_t vent[kSides];        // Vent
  int32_t needle_short[kSides];  // 1: the catheter does not reach the pleura
  double pleural_drained_mL[kSides];  // let out, cumulative
  double pleural_leaked_mL[kSides];   // let in, cumulative (conservation)
  // Haemothorax, per side.
  double blood_mL[kSides];
  double bleed_mL_s[kSides];          // the source's rate; 0: none
  double bleed_left_mL[kSides];       // until the source stops (inf: until stopped)
  double blood_bled_mL[kSides];       // in, cumulative
  double blood_drained_mL[kSides];    // out through a finger or tube, cumulative
  // A placed needle's remaining working life, s (inf: it does not fail), and whether one failed
  // in the last step (the stage reports it and clears the flag).
  double needle_life_s[kSides];
  double needle_worked_s[kSides];     // since it was placed
  int32_t needle_failed[kSides];
  uint32_t needles_placed;            // counts draws of the needles' lives
  int32_t pad;
  ThoraxReadout out;
};
static_assert(std::is_trivially_copyable_v<ThoraxState>);

ThoraxState initial_state(const ThoraxParams& p);
// Nothing flows and nothing has collected: a step would change nothing.
bool quiet(const ThoraxParams& p, const ThoraxState& s);
void step(const ThoraxParams& p, const ThoraxInputs& in, ThoraxState& s);
// Computes the readout from the state (after a command, or for the starting state).
void read(const ThoraxParams& p, const ThoraxInputs& in, ThoraxState& s);

// Commands. Rates in mL/min; a non-positive volume means "until stopped".
void start_tamponade(const ThoraxParams& p, ThoraxState& s, double rate_mL_min, double volume_mL,
                     FluidSource source, bool chronic);
void stop_tamponade(ThoraxState& s);
void pericardiocentesis(ThoraxState& s, double volume_mL, double rate_mL_min, bool leave_drain);
void start_pneumothorax(ThoraxState& s, Side side, double rate_mL_min);
void stop_pneumothorax(ThoraxState& s);
void start_haemothorax(ThoraxState& s, Side side, double rate_mL_min, double volume_mL);
void stop_haemothorax(ThoraxState& s);
// `uniform` gives one draw in (0, 1) per side placed (left first): the catheter's working life
// is exponential with the failure hazard. A catheter shorter than the chest wall at the site
// never reaches the pleura.
void needle_decompression(const ThoraxParams& p, ThoraxState& s, Side side, double catheter_mm,
                          NeedleSite site, const double (&uniform)[kSides]);
// The chest wall a needle at `site` must cross, mm.
double chest_wall_at(const ThoraxParams& p, NeedleSite site);
void thoracostomy(ThoraxState& s, Side side, Vent kind);

// Pressure a side's air builds by itself, above the resting pleural pressure, mmHg.
double air_pressure_rise(const ThoraxParams& p, int side, double air_mL, double resting_mmHg);

void check_state(const ThoraxState& s, StateCheck& c);

}  // namespace resus::thorax
