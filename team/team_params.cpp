#include "team_params.hpp"

#include <array>
#include <cmath>

namespace resus_team {
namespace {

constexpr double kDay = 86400.0;

constexpr std::array kTable = {
    TeamParamInfo{"bystander_cpr_delay_s", &TeamParams::bystander_cpr_delay_s, -1, kDay, false,
                  "collapse -> bystander hands-only CPR (< 0: none)"},
    TeamParamInfo{"bystander_depth_mm", &TeamParams::bystander_depth_mm, 10, 80, false,
                  "bystander compression depth"},
    TeamParamInfo{"bystander_rate_per_min", &TeamParams::bystander_rate_per_min, 40, 200, false,
                  "bystander compression rate"},
    TeamParamInfo{"aed_delay_s", &TeamParams::aed_delay_s, -1, kDay, false,
                  "collapse -> public-access AED analysing (< 0: none)"},
    TeamParamInfo{"unwitnessed_delay_s", &TeamParams::unwitnessed_delay_s, 0, kDay, false,
                  "an unwitnessed collapse (arrest.witnessed): collapse -> found; the bystander, the AED and the team come this much later"},
    TeamParamInfo{"arrival_s", &TeamParams::arrival_s, 0, kDay, false,
                  "collapse -> the resuscitation team at the patient"},
    TeamParamInfo{"pads_delay_s", &TeamParams::pads_delay_s, 0, 3600, false,
                  "arrival -> pads on and the first analysis"},
    TeamParamInfo{"access_delay_s", &TeamParams::access_delay_s, 0, kDay, false,
                  "arrival -> IV or IO access"},
    TeamParamInfo{"epinephrine_prep_s", &TeamParams::epinephrine_prep_s, 0, 3600, false,
                  "access -> the first epinephrine given (drawing up, a late decision); when indicated"},
    TeamParamInfo{"access_route", &TeamParams::access_route, 0, 4, true,
                  "drug route: 0 peripheral_iv, 1 central_iv, 2 io_humeral, 3 io_tibial, 4 io_sternal"},
    TeamParamInfo{"airway_delay_s", &TeamParams::airway_delay_s, 0, kDay, false,
                  "arrival -> tracheal tube (then continuous compressions, 10 breaths/min)"},
    TeamParamInfo{"intubation_pause_s", &TeamParams::intubation_pause_s, 0, 600, false,
                  "compressions off while the tube goes in (0: intubated without a pause)"},
    TeamParamInfo{"cpr_rate_per_min", &TeamParams::cpr_rate_per_min, 40, 200, false,
                  "team compression rate"},
    TeamParamInfo{"cpr_depth_mm", &TeamParams::cpr_depth_mm, 10, 80, false,
                  "team compression depth of a fresh rescuer"},
    TeamParamInfo{"leaning_mm", &TeamParams::leaning_mm, 0, 10, false,
                  "residual depth between compressions (incomplete recoil)"},
    TeamParamInfo{"fatigue_mm_per_min", &TeamParams::fatigue_mm_per_min, 0, 20, false,
                  "depth lost per minute by one rescuer; a rotation restores it"},
    TeamParamInfo{"rotation_every_checks", &TeamParams::rotation_every_checks, 0, 10, true,
                  "a fresh compressor every this many rhythm checks (1: at every check and every other pause; 0: one rescuer throughout)"},
    TeamParamInfo{"preshock_pause_s", &TeamParams::preshock_pause_s, 5, 60, false,
                  "compressions off -> shock (analysis and charge, at least 5 s)"},
    TeamParamInfo{"postshock_pause_s", &TeamParams::postshock_pause_s, 0, 60, false,
                  "shock -> compressions again"},
    TeamParamInfo{"pulse_check_s", &TeamParams::pulse_check_s, 2, 30, false,
                  "palpation after a non-shockable analysis"},
    TeamParamInfo{"check_interval_s", &TeamParams::check_interval_s, 30, 600, false,
                  "compressions between rhythm checks"},
    TeamParamInfo{"epinephrine_interval_s", &TeamParams::epinephrine_interval_s, 60, 1200, false,
                  "between epinephrine doses"},
    TeamParamInfo{"epinephrine_mg", &TeamParams::epinephrine_mg, 0, 5, false,
                  "epinephrine dose (0: placebo, no drug given)"},
    TeamParamInfo{"shock_energy_J", &TeamParams::shock_energy_J, 1, 360, false,
                  "biphasic shock energy"},
    TeamParamInfo{"manual_vt_reading", &TeamParams::manual_vt_reading, 0, 1, true,
                  "1: after a pulse check finds none, reads its monitor for pulseless VT the AED calls organised (0: the AED's reading only)"},
    TeamParamInfo{"manual_vt_rate_per_min", &TeamParams::manual_vt_rate_per_min, 100, 300, false,
                  "with manual_vt_reading, a broad (QRS 120 ms or more) regular pulseless rhythm at this rate or faster is pulseless VT and shocked"},
    TeamParamInfo{"capnography", &TeamParams::capnography, 0, 1, true,
                  "1: with the tube in, an EtCO2 trend up 10 mmHg from the cycle's lowest for 10 s brings the rhythm check forward, and one under 10 mmHg changes a tired compressor"},
    TeamParamInfo{"antiarrhythmic", &TeamParams::antiarrhythmic, 0, 2, true,
                  "after the 3rd and 5th shocks: 0 none, 1 amiodarone, 2 lidocaine"},
    TeamParamInfo{"missed_dose_probability", &TeamParams::missed_dose_probability, 0, 1, false,
                  "chance a due epinephrine dose is forgotten for one cycle"},
    TeamParamInfo{"late_check_s", &TeamParams::late_check_s, 0, 600, false,
                  "each rhythm check comes this much late"},
    TeamParamInfo{"check_hands_off_s", &TeamParams::check_hands_off_s, 0, 300, false,
                  "hands-off time after each scheduled rhythm check before compressions resume (handover, moving the patient)"},
    TeamParamInfo{"treat_causes", &TeamParams::treat_causes, 0, 1, true,
                  "1: looks for the H's and T's it can see and treats them"},
    TeamParamInfo{"known_toxin", &TeamParams::known_toxin, 0, 4, true,
                  "what the scene tells a team that looks for causes: 0 nothing, 1 opioid, 2 tricyclic, 3 beta-blocker, 4 calcium-channel blocker (its antidotes)"},
    TeamParamInfo{"suspected_pe", &TeamParams::suspected_pe, 0, 1, true,
                  "1: the scene suggests a pulmonary embolism; a team that looks for causes (treat_causes 1) gives alteplase 50 mg once in the arrest (with access), and CPR for at least 60 min after it whatever termination_s"},
    TeamParamInfo{"post_rosc_care", &TeamParams::post_rosc_care, 0, 1, true,
                  "1: after ROSC titrates the FiO2 to SpO2 94-98% and the ventilation to PaCO2 35-45, and controls the temperature"},
    TeamParamInfo{"treat_arrhythmias", &TeamParams::treat_arrhythmias, 0, 1, true,
                  "1: with a pulse, a rate under 50/min with a systolic under 90 or a QRS of 120 ms or more gets atropine 1 mg, then transcutaneous pacing; a broad-complex tachycardia of 150/min or more gets synchronised cardioversion if the systolic is under 90, else amiodarone 300 mg over 20 min first"},
    TeamParamInfo{"fluid_bolus_mL", &TeamParams::fluid_bolus_mL, 0, 2000, false,
                  "after ROSC: crystalloid bolus (over 10 min) for a MAP under 65 before norepinephrine (0: none)"},
    TeamParamInfo{"fluid_limit_mL", &TeamParams::fluid_limit_mL, 0, 10000, false,
                  "after ROSC: the most crystalloid the team gives for the pressure"},
    TeamParamInfo{"temperature_target_C", &TeamParams::temperature_target_C, 32, 37.5, false,
                  "after ROSC, a comatose survivor's core target: 37.5 prevents fever only; below, cooled from 15 min, held, rewarmed 0.25 C/h to 37"},
    TeamParamInfo{"temperature_hold_h", &TeamParams::temperature_hold_h, 0, 72, false,
                  "hours at a temperature_target_C below 37.5 before rewarming (TTM 24 h, TTM-48 48 h)"},
    TeamParamInfo{"termination_s", &TeamParams::termination_s, 60, kDay, false,
                  "ALS time without ROSC (time in ROSC not counted) after which the team stops"},
    TeamParamInfo{"ecls_after_s", &TeamParams::ecls_after_s, -1, kDay, false,
                  "arrival -> ECLS rewarming of an accidental hypothermia (core under 32 C; < 0: none within reach)"},
};

const TeamParamInfo* find(std::string_view name) {
  for (const TeamParamInfo& row : kTable)
    if (row.name == name) return &row;
  return nullptr;
}

constexpr std::array<std::string_view, 4> kPresetNames = {"layperson", "bls_crew", "als_crew",
                                                          "in_hospital"};

}  // namespace

std::span<const TeamParamInfo> team_param_table() { return kTable; }

bool set_team_param(TeamParams& params, std::string_view name, double value) {
  const TeamParamInfo* row = find(name);
  if (!row || !std::isfinite(value) || value < row->min || value > row->max) return false;
  if (row->integer && value != std::floor(value)) return false;
  params.*(row->field) = value;
  return true;
}

bool get_team_param(const TeamParams& params, std::string_view name, double* value) {
  const TeamParamInfo* row = find(name);
  if (!row) return false;
  *value = params.*(row->field);
  return true;
}

std::span<const std::string_view> team_preset_names() { return kPresetNames; }

// Typical values; the sources are in team/README.md (team presets).
bool team_preset(std::string_view name, TeamParams* out) {
  TeamParams p;  // the defaults: an ALS ambulance crew arriving at 7 min, no bystander
  if (name == "als_crew") {
  } else if (name == "layperson") {
    // CARES 2020: bystander CPR, EMS 7.3 min median; bystanders compress shallower.
    p.bystander_cpr_delay_s = 60.0;
    p.aed_delay_s = 240.0;
    p.arrival_s = 440.0;
  } else if (name == "bls_crew") {
    // A BLS crew: pads and shocks, bag-mask ventilation, no drugs or tube.
    p.epinephrine_mg = 0.0;
    p.antiarrhythmic = 0.0;
    p.airway_delay_s = kDay;
    p.access_delay_s = kDay;
    p.treat_causes = 0.0;
    p.post_rosc_care = 0.0;
    p.treat_arrhythmias = 0.0;  // no atropine or amiodarone, and an AED neither paces nor synchronises
    p.manual_vt_reading = 0.0;  // an AED's reading only
    p.capnography = 0.0;
    p.fluid_bolus_mL = 0.0;
  } else if (name == "in_hospital") {
    // GWTG-R: first shock median 1 min, first epinephrine median 3 min.
    p.arrival_s = 30.0;
    p.pads_delay_s = 30.0;
    p.access_delay_s = 90.0;
    p.access_route = 0.0;
    p.airway_delay_s = 600.0;
    p.intubation_pause_s = 10.0;  // [U] an anaesthetist, compressions paused only to pass the tube
  } else {
    return false;
  }
  *out = p;
  return true;
}

}  // namespace resus_team
