// One team's human factors: when it arrives and acts, how well it compresses, how it keeps to
// the algorithm. A study samples them per patient from distributions (population.hpp); the
// presets are the typical values of team_presets.cpp. Times are seconds after the collapse.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

namespace resus_team {

// Every field is a double so that a study can give any of them a distribution; the few that are
// choices (integer rows of the table) hold small whole numbers.
struct TeamParams {
  // Before the team: a bystander doing hands-only CPR (delay < 0: nobody starts CPR).
  double bystander_cpr_delay_s = -1.0;
  double bystander_depth_mm = 45.0;
  double bystander_rate_per_min = 110.0;
  // A public-access AED brought by the bystanders (delay < 0: none): its analysis and shocks
  // follow the same cycle as the team's, without drugs or airway.
  double aed_delay_s = -1.0;

  // An unwitnessed collapse (a study's arrest.witnessed): the time until someone finds the
  // patient, by which every help above and below comes later. Nobody measures it; 5 minutes is a
  // placeholder [U] for a study to give a distribution.
  double unwitnessed_delay_s = 300.0;

  // The resuscitation team at the patient, and its delays from its own arrival.
  double arrival_s = 420.0;
  double pads_delay_s = 60.0;      // arrival -> pads on and first rhythm analysis
  double access_delay_s = 240.0;   // arrival -> vascular access (IV or IO)
  double epinephrine_prep_s = 0.0; // access -> the first epinephrine drawn up and given
  double access_route = 0.0;       // the drug action's route: 0 peripheral_iv, 2 io_humeral, ...
  double airway_delay_s = 480.0;   // arrival -> tracheal tube (then continuous compressions)
  // Hands off for the laryngoscopy and the tube (Wang 2009, Ann Emerg Med 54:645: the first
  // intubation interruption of US paramedics, median 46.5 s, IQR 23.5-73).
  double intubation_pause_s = 45.0;

  // Compressions (Stiell 2012 target band 100-120/min, 50-60 mm).
  double cpr_rate_per_min = 110.0;
  double cpr_depth_mm = 52.0;
  double leaning_mm = 2.0;
  double fatigue_mm_per_min = 2.0;  // depth one rescuer loses per minute until rotated
  double rotation_every_checks = 1.0;  // a fresh rescuer every this many checks (0: never)
  // Pauses (ROC PRIMED medians: pre-shock 15 s, post-shock 6 s).
  double preshock_pause_s = 15.0;   // compressions off -> shock (analysis and charging)
  double postshock_pause_s = 6.0;   // shock -> compressions again
  double pulse_check_s = 8.0;       // palpation after a non-shockable analysis

  // The algorithm (ERC/AHA 2021): rhythm every 2 min, epinephrine every 3-5 min.
  double check_interval_s = 120.0;
  double epinephrine_interval_s = 240.0;
  double epinephrine_mg = 1.0;     // 0: placebo arm (the team still "gives" nothing)
  double shock_energy_J = 200.0;
  // A team with a manual defibrillator reads its monitor: a broad (120 ms or more) regular rhythm
  // at this rate or faster with no pulse is pulseless VT and shocked, though the AED's own
  // threshold (180/min, models/aed) calls it organised. The rate is at least VT's 100/min, so a
  // slow broad PEA (an idioventricular rhythm) is never shocked; manual_vt_reading 0: the team
  // goes by its AED alone.
  double manual_vt_reading = 1.0;
  // Waveform capnography through the tube (capnography.cpp): an abrupt rise brings the rhythm
  // check forward, a low end-tidal changes a tired compressor. 0: no capnograph (bls_crew).
  double capnography = 1.0;
  double manual_vt_rate_per_min = 150.0;
  double antiarrhythmic = 1.0;           // 0 none, 1 amiodarone (300 then 150 mg), 2 lidocaine
  double missed_dose_probability = 0.0;  // a due epinephrine dose is forgotten until the next cycle
  double late_check_s = 0.0;             // each rhythm check comes this much late
  // Hands-off time after each scheduled rhythm check (and its shock), before compressions resume:
  // a handover, moving the patient, a late look at the monitor. Such pauses, which the
  // algorithm's own do not make, set the field's compression fractions (docs/batch.md: ROC
  // PRIMED 0.71 +/- 0.14); the pre-shock pause is left as it is.
  double check_hands_off_s = 0.0;
  double treat_causes = 1.0;             // looks for and treats the H's and T's it can see
  // What the scene tells a team that looks for causes (the pill bottles, a witness): 0 nothing,
  // 1 an opioid, 2 a tricyclic, 3 a beta-blocker, 4 a calcium-channel blocker (antidotes.cpp).
  double known_toxin = 0.0;
  // What the scene tells it of an embolism (a recent operation, a swollen leg, breathlessness
  // before the collapse): 1, a thrombolytic in the arrest and CPR for an hour after it (ERC 2021).
  double suspected_pe = 0.0;
  double post_rosc_care = 1.0;           // titrates O2 and ventilation (SpO2 94-98%, PaCO2 35-45), prevents fever
  // With a pulse (ERC 2021 / AHA 2020 bradycardia and tachycardia algorithms): a rate under 50
  // with a systolic under 90 or a broad QRS gets atropine, then transcutaneous pacing; a broad
  // tachycardia at 150 or more gets synchronised cardioversion if unstable, else amiodarone.
  double treat_arrhythmias = 1.0;
  // After ROSC, a MAP under 65 gets crystalloid before norepinephrine (ERC-ESICM 2021: fluids,
  // noradrenaline or dobutamine by the patient's need), each bolus over 10 minutes, up to a limit.
  double fluid_bolus_mL = 500.0;         // 0: no fluids, the vasopressor only
  double fluid_limit_mL = 2000.0;
  // The comatose survivor's core target: 37.5 prevents fever only (ERC-ESICM 2022); 32-36 is
  // temperature control (TTM1 33, TTM2 normothermia): cooled at once, held 24 h, rewarmed.
  double temperature_target_C = 37.5;
  double temperature_hold_h = 24.0;      // at the target from the start (TTM-48: 48 h)
  double termination_s = 1800.0;         // ALS time without ROSC after which the team stops
  // An accidental hypothermia with a core under 32 C goes to extracorporeal rewarming this long
  // after the team arrives (ERC 2021: ECLS for hypothermic arrest; transport with compressions,
  // cannulation); the team does not stop while the core is under 32 C.
  double ecls_after_s = 5400.0;          // < 0: no ECLS within reach
};

// Field names for studies, units in the name; one row per field of TeamParams.
struct TeamParamInfo {
  std::string_view name;
  double TeamParams::*field;
  double min, max;
  bool integer;  // a choice: only whole numbers
  std::string_view description;
};
std::span<const TeamParamInfo> team_param_table();

// Sets a field by name. False when the name is unknown or the value out of its range (or not
// whole for a choice).
bool set_team_param(TeamParams& params, std::string_view name, double value);
bool get_team_param(const TeamParams& params, std::string_view name, double* value);

// "layperson" (bystander CPR, public AED, then EMS), "bls_crew", "als_crew", "in_hospital".
bool team_preset(std::string_view name, TeamParams* out);
std::span<const std::string_view> team_preset_names();

}  // namespace resus_team
