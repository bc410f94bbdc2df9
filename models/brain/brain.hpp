// The brain as a rescuer and a study see it: the O2 its blood flow brings against its demand,
// the level of consciousness and the pupils that follow it, and an ischaemia index (minutes of
// no-flow-equivalent ischaemia) as the neurological-outcome proxy. Pure functions; README.md.
#pragma once

#include <cstdint>
#include <span>

#include "models/common/param_spec.hpp"

namespace resus::brain {

struct BrainParams {
  double flow_tau_s;              // the tissue's O2 store: delivery seen over this time
  double demand_per_C;            // CMRO2 falls by this share per C below 37 (Q10 ~2)
  double electrical_failure_share;  // below this share of its O2 the cortex falls silent
  double conscious_share;         // at and above this share consciousness is full
  // Cold dims consciousness by itself (the Swiss staging): full above the first, none below the
  // second (C).
  double cold_conscious_C, cold_unconscious_C;
  double ischaemic_share;         // below this share the neurons are injured
  double loss_tau_s;              // consciousness fades this fast (syncope)
  double recovery_tau_s;          // and returns this slowly, uninjured
  double recovery_per_min;        // recovery slows by this share per ischaemia minute
  double coma_min;                // ischaemia minutes after which consciousness does not return
  double pupil_normal_mm, pupil_dilated_mm;
  double pupil_tau_s;             // pupils dilate and recover over this time
  double brainstem_share;         // the light reflex survives above this share of its O2
  double reflex_loss_min;         // ischaemia minutes after which the light reflex is lost
  // The cerebral vessels (vessels.hpp).
  double autoregulation_lower_mmHg;  // perfusion pressure below which the arterioles are fully
  double autoregulation_upper_mmHg;  // dilated, and above which fully constricted
  double autoregulation_tau_s;       // how fast the tone follows
  double perfusion_tau_s;            // the pressure the vessels sense, over the heartbeat
  double co2_reactivity_per_mmHg;    // flow x exp(k x (PaCO2 - rest))
  double co2_tau_s;                  // the PaCO2 the vessels sense, over the breaths
  double autoregulation_ischaemia_half_min;  // ischaemia minutes that halve the autoregulation
  // Secondary injury of a reperfused, injured brain (index minutes per hour of exposure).
  double vulnerable_min;             // ischaemia minutes that make the brain fully vulnerable
  double fever_min_per_C_h;          // per C above fever_threshold_C
  double fever_threshold_C;
  double hyperoxia_min_per_h;        // per 100 mmHg of PaO2 above hyperoxia_threshold_mmHg
  double hyperoxia_threshold_mmHg;
  double hypoperfusion_min_per_h;    // delivery at the injury threshold, falling to 0 at...
  double penumbra_share;             // ...this share of the demand
  // Post-anoxic seizures in a comatose, reperfused, injured brain.
  double seizure_rate_per_h;         // at full severity, just after reperfusion
  double seizure_tau_h;              // the hazard fades with time since reperfusion
  double seizure_index_min;          // injury index below which no seizures...
  double seizure_index_span_min;     // ...and full severity this far above it
  double seizure_duration_s;
  double seizure_demand;             // CMRO2 during a seizure, times the resting
  // Neuroglycopenia: the brain burns glucose and stores almost none. Consciousness is whole at
  // and above the first plasma glucose and gone at the second (mmol/L); below the first,
  // seizures come at up to glucose_seizure_per_h.
  double glucose_conscious_mmol_L, glucose_unconscious_mmol_L;
  double glucose_seizure_per_h;
};

struct BrainInputs {
  double dt_s;
  double flow_ratio;     // cerebral blood flow / resting
  double content_ratio;  // arterial O2 content / resting
  double temperature_C;
  double pao2_mmHg;      // arterial PaO2 (hyperoxaemia)
  double glucose_mmol_L = 5.0;  // arterial plasma glucose (neuroglycopenia)
  double pupil_constriction = 0.0;  // share a drug narrows the pupils by (an opioid), 0..1
};

struct BrainState {
  double delivery;       // O2 delivery as a share of demand, low-passed
  double consciousness;  // 1 alert .. 0 unresponsive
  double ischaemia_min;  // no-flow-equivalent minutes of ischaemia (never heals)
  double pupil_mm;
  double secondary_min;  // secondary injury after reperfusion, in the same minutes (never heals)
  double reperfused_s;   // time since the cortex last had its O2 back (0 while it lacks it)
  double seizure_s;      // time left of the current seizure (0: none)
};

BrainState initial_state(const BrainParams& p);
void step(const BrainParams& p, const BrainInputs& in, BrainState& s);
// The neurological-outcome proxy: ischaemia plus secondary injury, minutes.
inline double injury_index(const BrainState& s) { return s.ischaemia_min + s.secondary_min; }
// How short of glucose the brain is: 0 at and above glucose_conscious_mmol_L, 1 at and below
// glucose_unconscious_mmol_L.
double neuroglycopenia(const BrainParams& p, double glucose_mmol_L);
// The hazard (1/s) that a seizure starts now (post-anoxic, or from neuroglycopenia at the given
// plasma glucose); 0 while one runs.
double seizure_hazard_per_s(const BrainParams& p, const BrainState& s, double glucose_mmol_L);
void start_seizure(const BrainParams& p, BrainState& s);
// The pupils' light reflex: brainstem O2 and not yet destroyed.
bool pupils_reactive(const BrainParams& p, const BrainState& s);

BrainParams default_brain_params();
std::span<const ParamSpec<BrainParams>> param_table();

}  // namespace resus::brain
