#include "acls_team.hpp"

#include <Random123/philox.h>

#include <algorithm>
#include <cmath>
#include <span>
#include <string>

#include "protocol_shared.hpp"

namespace resus_team {
using detail::fmt;
using detail::kBradycardia_per_min;
using detail::kBroadQrs_ms;
using detail::kPadsLead_s;
using detail::kRoutes;

namespace {

constexpr double kAnalysisSettle_s = 1.0;   // compression artefact fades before the AED reads
constexpr double kAnalysisWindow_s = 4.0;   // then it analyses this much ECG
constexpr double kPulseFelt = 0.5;          // carotid strength a rescuer calls a pulse
constexpr double kPulseLost = 0.2;          // below this for kPulseLostFor_s: re-arrest
constexpr double kPulseLostFor_s = 10.0;
constexpr double kMinDepth_mm = 20.0;
constexpr double kBloodGasEvery_s = 600.0;
constexpr double kAnalyserDelay_s = 90.0;   // the blood_gas action's default
constexpr double kHyperkalaemia_mmol_L = 6.5;
// A glucose under 4.0 is hypoglycaemia (UK Kidney Association 2020, the hyperkalaemia guideline
// that follows insulin with glucose checks): 25 g of dextrose.
constexpr double kHypoglycaemia_mmol_L = 4.0;
constexpr double kAbsentSounds = 0.3;
constexpr double kDullNote = -0.5;  // percussion: fluid, not air
constexpr double kEffusion_mL = 150.0;      // an effusion that bedside ultrasound calls tamponade
// Toxins the team can see. Pinpoint pupils in a patient who does not breathe are an opioid's
// (AHA 2020 opioid-associated emergencies; ERC 2021 special circumstances): naloxone 0.4 mg,
// then 2 mg, every 3 minutes while the signs last, four doses at most. A broad QRS in a fast
// organised rhythm without a pulse, or with a low pressure, is a sodium-channel blocker's (or
// potassium's): sodium bicarbonate 50 mmol every 5 minutes while it lasts, three at most, none
// once a gas reads pH 7.55 (ERC 2021: bicarbonate for a tricyclic's broad-complex rhythm).
constexpr double kPinpoint_mm = 2.0;
constexpr double kNaloxone_mg[] = {0.4, 2.0, 2.0, 2.0};
constexpr double kNaloxoneEvery_s = 180.0;
constexpr double kBroadQrsArrestRate_per_min = 60.0;  // an organised rhythm without a pulse
constexpr int32_t kBroadQrsDoses = 3;
constexpr double kBroadQrsEvery_s = 300.0, kAlkalaemicPh = 7.55;
constexpr double kRetreatAfter_s = 120.0;   // a finding that persists is treated again, once
constexpr double kMapTarget_mmHg = 65.0, kMapHigh_mmHg = 85.0, kMapSevere_mmHg = 50.0;
constexpr double kBolusMinutes = 10.0;  // a post-ROSC bolus runs in over 10 minutes
constexpr double kVisibleLoss_mL = 750.0, kRapidBolus_mL_min = 250.0;  // hypovolaemia in arrest
// Airway: the chest judged over two 30:2 cycles of the team's bag-mask breaths (two breaths take
// ~5 s); 50 mL is far below any breath that moves air [U]; a team whose airway delay is a day
// (bls_crew) carries no laryngoscope.
constexpr double kJudgedCycles = 2.0, kBreathPause_s = 5.0, kNoChestRise_mL = 50.0;
constexpr double kNoTube_s = 86400.0;
constexpr double kPressorStart = 0.1, kPressorStep = 0.05, kPressorMax = 1.0;  // ug/kg/min
constexpr double kPressorUpEvery_s = 300.0, kPressorDownEvery_s = 600.0;
// ERC 2021 special circumstances (Lott 2021), hypothermic arrest (B.4 row 81).
constexpr double kNoDrugsBelow_C = 30.0, kDoubleIntervalBelow_C = 35.0, kNoShockBelow_C = 30.0;
constexpr double kWarmEnough_C = 32.0;   // "not dead until warm": no termination below
constexpr double kInsulateBelow_C = 35.0;
// Post-ROSC targets (ERC-ESICM 2021; physiology.md B.6 rows 93 and 95).
constexpr double kSpo2Low = 94.0, kSpo2High = 98.0, kSpo2Hypoxaemic = 90.0;
constexpr double kFio2Step = 0.1, kFio2Min = 0.21;
constexpr double kOxygenStepEvery_s = 60.0;
constexpr double kPaco2Low_mmHg = 35.0, kPaco2High_mmHg = 45.0;
constexpr double kRateStep = 2.0, kRateMin = 6.0, kRateMax = 20.0;
// ERC-ESICM 2022 temperature control (B.6 row 96): prevent fever above 37.7 C for 72 h in the
// comatose survivor; the team starts a servo device at 37.5 C and holds the core there (a lower
// target would warm a core that later falls below it: mild hypothermia is not rewarmed).
constexpr double kFeverStart_C = 37.5, kFeverTarget_C = 37.5;
// Temperature control (TTM trials: rewarming at 0.25 C/h after the hold; a
// survivor who does not obey commands is comatose).
constexpr double kRewarm_C_per_h = 0.25, kRewarmedTo_C = 37.0;
constexpr double kComatose = 0.5, kComaCheckAfter_s = 900.0;
constexpr uint32_t kTeamStream = 0x7EA4;    // the team's own Philox stream

}  // namespace

AclsTeam::AclsTeam(const TeamParams& params, uint64_t seed, uint64_t patient)
    : p_(params), seed_(seed), patient_(patient) {}

double AclsTeam::uniform(uint32_t index) const {
  const r123::Philox4x32::key_type key = {
      {static_cast<uint32_t>(seed_), static_cast<uint32_t>(seed_ >> 32)}};
  const r123::Philox4x32::ctr_type ctr = {
      {kTeamStream, index, static_cast<uint32_t>(patient_), static_cast<uint32_t>(patient_ >> 32)}};
  const auto r = r123::Philox4x32()(ctr, key);
  return (static_cast<double>(r[0]) + 0.5) * 0x1.0p-32;
}

resus_status AclsTeam::attach(resus_sim* sim, double collapse_s) {
  collapse_s_ = collapse_s;
  listening_ = false;
  return perception_.attach(sim);
}

void AclsTeam::note(double t, const std::string& what) { log_.push_back({t, what}); }

bool AclsTeam::act(resus_sim* sim, double t, const std::string& action_json,
                   const std::string& what) {
  if (resus_sim_apply_json(sim, action_json.c_str()) == RESUS_OK) {
    if (action_json.find("sodium_bicarbonate") != std::string::npos) last_bicarbonate_s_ = t;
    note(t, what);
    return true;
  }
  note(t, "failed: " + what + " (" + resus_last_error(sim) + ")");
  return false;
}

void AclsTeam::step(resus_sim* sim) {
  const double now = resus_sim_time(sim);
  const double t = now - collapse_s_;  // the team's clock starts at the collapse
  if (t < 0.0 || phase_ == Phase::kStopped) return;
  perception_.drain(sim);
  const Vitals v = perception_.vitals(sim);
  core_C_ = v.core_temp_C;
  // An accidental hypothermia: a core under 35 C that the team did not cool itself (a re-arrest
  // under temperature control keeps the ordinary algorithm and the team's device).
  if (!cold_arrest_ && team_here_ && core_C_ < kInsulateBelow_C && servo_target_C_ < 0.0 &&
      cooling_started_s_ < 0.0)
    cold_arrest_ = true;
  if (team_here_ && !tube_ && compressing_ && phase_ == Phase::kArrest) {
    bagged_s_ += t - last_step_s_;
    chest_rise_mL_ = std::max(chest_rise_mL_, v.last_breath_mL);
  }
  arrivals(sim, t);
  hear_pads(sim, t);
  // The termination clock runs only while the team resuscitates: a re-arrest hours after ROSC
  // is a new attempt with the time it has left. Nobody is dead until warm: it runs only while
  // the core is at 32 C or above (ERC 2021), so a rewarmed patient gets the whole time.
  if (team_here_ && phase_ != Phase::kRosc && last_step_s_ >= p_.arrival_s &&
      (!cold_arrest_ || core_C_ >= kWarmEnough_C))
    als_without_rosc_s_ += t - last_step_s_;
  last_step_s_ = t;

  switch (phase_) {
    case Phase::kArrest:
      compress(sim, t);
      capnography(t, v);
      drugs(sim, t);
      causes(sim, t, v);
      rewarm(sim, t);
      if (team_here_ && als_without_rosc_s_ >= p_.termination_s && !lysing(t)) return stop(sim, t);
      if (pads_on_ && t >= next_check_s_) begin_analysis(sim, t, true);
      break;
    case Phase::kIntubating:
      drugs(sim, t);
      causes(sim, t, v);
      if (t >= phase_until_s_) place_tube(sim, t);
      break;
    case Phase::kAnalysing:
      if (t >= pause_start_s_ + kAnalysisSettle_s + kAnalysisWindow_s) analyse(sim, t);
      break;
    case Phase::kCharging:
      if (t >= phase_until_s_) {
        ++tally_.shocks;
        if (cold_arrest_ && core_C_ < kNoShockBelow_C) ++cold_shocks_;
        if (tally_.first_shock_s < 0) tally_.first_shock_s = t;
        act(sim, t, fmt(R"({"do":"shock","energy_J":%g})", p_.shock_energy_J),
            fmt("shock %g (%g J)", tally_.shocks, p_.shock_energy_J));
        if (team_here_ && p_.antiarrhythmic > 0 && (tally_.shocks == 3 || tally_.shocks == 5))
          ++antiarrhythmic_due_;
        phase_ = Phase::kPostShock;
        phase_until_s_ = t + p_.postshock_pause_s;
      }
      break;
    case Phase::kPostShock:
      if (t >= phase_until_s_) resume(sim, t);
      break;
    case Phase::kPulseCheck:
      pulse_felt_ = std::max(pulse_felt_, v.carotid_pulse);
      if (t >= phase_until_s_) finish_pulse_check(sim, t);
      break;
    case Phase::kHandsOff:
      drugs(sim, t);
      causes(sim, t, v);
      if (t >= phase_until_s_) resume(sim, t);
      break;
    case Phase::kRosc:
      rewarm(sim, t);  // a pulse in the cold is rewarmed all the same
      watch_rosc(sim, t, v);
      if (phase_ == Phase::kRosc) bradycardia(sim, t, v);
      if (phase_ == Phase::kRosc) tachycardia(sim, t, v);
      if (phase_ == Phase::kRosc) causes(sim, t, v);
      if (phase_ == Phase::kRosc) post_rosc_care(sim, t, v);
      break;
    case Phase::kStopped:
      break;
  }
}

// The pads ECG is generated only while an analysis may come: from kPadsLead_s before the first
// pads go on (the public AED's or the team's) and before each rhythm check, until that check's
// analysis is done (nothing reads the shock's or the pulse check's ECG), and after ROSC only once
// the pulse is felt to weaken (a re-arrest is called kPulseLostFor_s later). Checks come only when
// due (a tube in progress delays them), and one brought forward (capnography.cpp) comes a lead
// after it is called, so the lead always precedes one. The lead lets the ECG's
// sources settle: switched on at the pause itself, the first analysis misread a fine VF as
// non-shockable (its fade-in and slow noises start from rest).
void AclsTeam::hear_pads(resus_sim* sim, double t) {
  double first_pads_s = p_.arrival_s + p_.pads_delay_s;
  if (p_.aed_delay_s >= 0) first_pads_s = std::min(first_pads_s, p_.aed_delay_s);
  bool want = false;
  if (phase_ == Phase::kRosc) want = pulseless_since_s_ >= 0.0;
  else if (phase_ == Phase::kAnalysing) want = true;
  else if (!pads_on_) want = t >= first_pads_s - kPadsLead_s;
  else if (phase_ == Phase::kArrest || phase_ == Phase::kIntubating)
    want = t >= next_check_s_ - kPadsLead_s;  // a check due during the tube waits for it
  if (want == listening_) return;
  listening_ = want;
  if (want) perception_.listen(sim);
  else perception_.mute(sim);
}

// Who is at the patient: a bystander, a public AED, the team; what the team has set up.
void AclsTeam::arrivals(resus_sim* sim, double t) {
  if (!bystander_started_ && !team_here_ && p_.bystander_cpr_delay_s >= 0 &&
      t >= p_.bystander_cpr_delay_s) {
    bystander_started_ = true;
    fresh_rescuer_due_ = true;
    note(t, "bystander starts hands-only CPR");
  }
  if (!aed_here_ && !team_here_ && p_.aed_delay_s >= 0 && t >= p_.aed_delay_s) {
    aed_here_ = pads_on_ = true;
    next_check_s_ = t;
    note(t, "public AED: pads on");
  }
  if (!team_here_ && t >= p_.arrival_s) {
    team_here_ = true;
    note(t, "team arrives");
    act(sim, t, R"({"do":"airway","airway":"bag_mask"})", "bag-mask ventilation");
    act(sim, t, R"({"do":"oxygen","fio2":1.0})", "oxygen 100%");
    fio2_ = 1.0;
    compressing_ = false;  // the team takes over the compressions at its own quality
    fresh_rescuer_due_ = true;
    checks_since_rotation_ = 0;
    if (!pads_on_) next_check_s_ = t + p_.pads_delay_s;
  }
  if (!team_here_) return;
  if (!pads_on_ && t >= p_.arrival_s + p_.pads_delay_s) {
    pads_on_ = true;
    note(t, "pads on");
  }
  if (!access_ && t >= p_.arrival_s + p_.access_delay_s) {
    access_ = true;
    note(t, std::string("vascular access: ") + kRoutes[static_cast<int>(p_.access_route)]);
    blood_gas_due_s_ = t;
  }
  // Bag-mask breaths that do not lift the chest for two cycles of 30:2: after repositioning, an
  // obstructed airway (ERC 2021: laryngoscopy and forceps for a foreign body, then the tube),
  // by a team that can intubate. A window in which the chest rose starts the next one.
  const double window_s = kJudgedCycles * (30.0 * 60.0 / p_.cpr_rate_per_min + kBreathPause_s);
  if (!tube_ && !airway_obstructed_ && p_.airway_delay_s < kNoTube_s && phase_ == Phase::kArrest &&
      bagged_s_ >= window_s) {
    if (chest_rise_mL_ < kNoChestRise_mL) {
      airway_obstructed_ = true;
      note(t, "the chest does not rise with the breaths: laryngoscopy for an obstructed airway");
    }
    bagged_s_ = chest_rise_mL_ = 0.0;
  }
  // Intubation starts between rhythm checks, with compressions running; a check due meanwhile
  // waits for the tube.
  if (!tube_ && phase_ == Phase::kArrest &&
      (t >= p_.arrival_s + p_.airway_delay_s || airway_obstructed_)) {
    if (p_.intubation_pause_s <= 0.0) return place_tube(sim, t);
    if (compressing_) act(sim, t, R"({"do":"cpr_stop"})", "hands off: intubation");
    else note(t, "intubation");
    compressing_ = false;
    phase_ = Phase::kIntubating;
    phase_until_s_ = t + p_.intubation_pause_s;
  }
}

void AclsTeam::place_tube(resus_sim* sim, double t) {
  tube_ = true;
  act(sim, t, R"({"do":"airway","airway":"tracheal_tube"})", "tracheal tube");
  act(sim, t, R"({"do":"ventilation","mode":"bag_rate","rate_per_min":10,"tidal_volume_mL":500})",
      "ventilation 10/min");
  compressing_ = false;  // continuous compressions from now on
  phase_ = Phase::kArrest;
}

// Compressions while in arrest: the bystander's hands-only CPR, then the team's 30:2 and,
// once intubated, continuous compressions; one rescuer's depth fades until the next rotation.
void AclsTeam::compress(resus_sim* sim, double t) {
  const bool bystander = bystander_started_ && !team_here_;
  if (!bystander && !team_here_) return;
  const double fresh = bystander ? p_.bystander_depth_mm : p_.cpr_depth_mm;
  const double tired_min = (t - compressor_since_s_) / 60.0;
  const double depth = std::max(kMinDepth_mm, fresh - p_.fatigue_mm_per_min * tired_min);
  const bool due = !compressing_ || std::abs(depth - last_depth_mm_) >= 0.5;
  if (!due) return;
  if (!compressing_ && tally_.first_cpr_s < 0) tally_.first_cpr_s = t;
  // A fresh rescuer at the bystander's start, the team's takeover and the team's rotations; a
  // team that rotates at every check changes over at every pause (the tube's too).
  const bool fresh_start = !compressing_ && (fresh_rescuer_due_ || p_.rotation_every_checks == 1.0);
  if (fresh_start) {
    compressor_since_s_ = t;
    fresh_rescuer_due_ = false;
  }
  const double rate = bystander ? p_.bystander_rate_per_min : p_.cpr_rate_per_min;
  const int per_cycle = (bystander || tube_) ? 0 : 30;
  const int breaths = per_cycle ? 2 : 0;
  const double d = fresh_start ? fresh : depth;
  const double leaning = std::min(p_.leaning_mm, d);
  const std::string json = fmt(R"({"do":"cpr_start","rate_per_min":%g,"depth_mm":%.1f,"leaning_mm":%g,)",
                               rate, d, leaning) +
                           fmt(R"("compressions_per_cycle":%g,"breaths_per_pause":%g})", per_cycle,
                               breaths);
  if (!compressing_) {
    act(sim, t, json, fmt("compressions %g/min %.0f mm", rate, d) +
                          (per_cycle ? " 30:2" : " continuous") + (bystander ? " (bystander)" : ""));
  } else if (resus_sim_apply_json(sim, json.c_str()) != RESUS_OK) {
    note(t, std::string("failed: compression depth (") + resus_last_error(sim) + ")");
  }
  compressing_ = true;
  last_depth_mm_ = d;
}

void AclsTeam::begin_analysis(resus_sim* sim, double t, bool scheduled) {
  if (compressing_) act(sim, t, R"({"do":"cpr_stop"})", "hands off: rhythm analysis");
  else note(t, "rhythm analysis");
  compressing_ = false;
  phase_ = Phase::kAnalysing;
  pause_start_s_ = t;
  scheduled_check_ = scheduled && team_here_;
}

void AclsTeam::analyse(resus_sim* sim, double t) {
  const double from = collapse_s_ + pause_start_s_ + kAnalysisSettle_s;
  // The defibrillator's own analysis, through the C API as a host's AED would call it.
  const std::span<const float> pads = perception_.pads_since(from);
  resus_aed_finding finding = resus_default_aed_finding();
  if (resus_aed_analyse(pads.data(), static_cast<int64_t>(pads.size()), Perception::kEcgRateHz,
                        &finding) != RESUS_OK)
    note(t, std::string("analysis failed: ") + resus_last_error(nullptr));
  ++tally_.analyses;
  const char* reading = finding.advice == RESUS_AED_SHOCK ? "shock"
                        : finding.asystole                  ? "asystole"
                        : finding.organised                 ? "organised"
                                                            : "non-shockable";
  if (tally_.first_analysis.empty()) tally_.first_analysis = reading;
  note(t, std::string("analysis: ") + reading +
              fmt(" (rate %.0f/min, %.2f mV)", finding.rate_per_min, finding.amplitude_mV));
  shockable_last_ = finding.advice == RESUS_AED_SHOCK;
  organised_rate_ = finding.organised ? finding.rate_per_min : 0.0;
  organised_width_ms_ = finding.organised ? finding.qrs_width_ms : 0.0;
  if (shockable_last_) {
    charge(sim, t);
  } else if (finding.organised && team_here_) {
    phase_ = Phase::kPulseCheck;
    pulse_felt_ = 0.0;
    phase_until_s_ = t + p_.pulse_check_s;
  } else {
    resume(sim, t);
  }
}

// ERC 2021: below 30 C at most three shocks, then none until the core passes 30.
void AclsTeam::charge(resus_sim* sim, double t) {
  if (cold_arrest_ && core_C_ < kNoShockBelow_C && cold_shocks_ >= 3) {
    note(t, fmt("core %.1f C: shocks deferred until 30 C", core_C_));
    return resume(sim, t);
  }
  phase_ = Phase::kCharging;
  phase_until_s_ = std::max(t, pause_start_s_ + p_.preshock_pause_s);
}

void AclsTeam::finish_pulse_check(resus_sim* sim, double t) {
  if (pulse_felt_ < kPulseFelt) {
    note(t, fmt("no pulse (%.2f)", pulse_felt_));
    // A team that reads its own monitor calls a fast broad regular rhythm without a pulse
    // pulseless VT, which its AED's rate threshold may leave organised.
    if (p_.manual_vt_reading != 0.0 && organised_rate_ >= p_.manual_vt_rate_per_min &&
        organised_width_ms_ >= kBroadQrs_ms) {
      note(t, fmt("pulseless VT on the monitor (rate %.0f/min, QRS %.0f ms)", organised_rate_,
                  organised_width_ms_));
      shockable_last_ = true;
      return charge(sim, t);
    }
    return resume(sim, t);
  }
  ++tally_.rosc_count;
  fresh_rescuer_due_ = true;  // rested by a re-arrest
  if (tally_.first_rosc_s < 0) tally_.first_rosc_s = t;
  note(t, fmt("pulse (%.2f): ROSC", pulse_felt_));
  phase_ = Phase::kRosc;
  pulseless_since_s_ = hypotensive_since_s_ = -1.0;
  cardioversions_ = 0;  // a new episode's attempts
  amiodarone_after_shocks_ = false;
  last_cardioversion_s_ = -1e9;
  if (!tube_) {
    tube_ = true;
    act(sim, t, R"({"do":"airway","airway":"tracheal_tube"})", "tracheal tube");
  }
  act(sim, t, R"({"do":"ventilation","mode":"bag_rate","rate_per_min":10,"tidal_volume_mL":500})",
      "ventilation 10/min");
  ventilation_rate_ = 10.0;
  paco2_result_ = 0.0;
  last_rosc_s_ = t;
  oxygen_changed_s_ = t;  // a minute of 100% and a reading oximeter before the FiO2 comes down
}

// Compressions again at once after a shock or a non-shockable analysis; the next check is due
// one interval later (later still for a team that runs late).
void AclsTeam::resume(resus_sim* sim, double t) {
  // A team that loses time at its checks (a handover, moving the patient, a late look at the
  // monitor) loses it here, after the analysis and any shock, so that the pre-shock pause stays
  // what it is and the time moves only the compression fraction. A public AED's prompt and a
  // re-arrest's first analysis lose none.
  if (scheduled_check_ && p_.check_hands_off_s > 0.0) {
    scheduled_check_ = false;
    phase_ = Phase::kHandsOff;
    phase_until_s_ = t + p_.check_hands_off_s;
    note(t, fmt("hands off %.0f s more (handover)", p_.check_hands_off_s));
    return;
  }
  scheduled_check_ = false;
  phase_ = Phase::kArrest;
  // A fresh rescuer takes over every rotation_every_checks checks (ERC 2021, AHA 2020: every
  // 2 minutes); 0: one rescuer all along.
  if (p_.rotation_every_checks > 0.0 && ++checks_since_rotation_ >= p_.rotation_every_checks) {
    checks_since_rotation_ = 0;
    fresh_rescuer_due_ = true;
  }
  compress(sim, t);
  next_check_s_ = t + p_.check_interval_s + p_.late_check_s;
}

void AclsTeam::drugs(resus_sim* sim, double t) {
  if (!team_here_ || !access_) return;
  // ERC 2021 (B.4 row 81): no epinephrine or antiarrhythmic below 30 C (the cold body clears
  // them slowly and the heart does not answer), epinephrine at twice the interval from 30 to 35.
  if (cold_arrest_ && core_C_ < kNoDrugsBelow_C) {
    if (!cold_drugs_noted_) note(t, fmt("core %.1f C: drugs withheld until 30 C", core_C_));
    cold_drugs_noted_ = true;
    return;
  }
  const char* route = kRoutes[static_cast<int>(p_.access_route)];
  if (antiarrhythmic_due_ > 0) {
    const bool first = tally_.antiarrhythmic_doses == 0;
    const bool amiodarone = p_.antiarrhythmic == 1.0;
    const double dose = amiodarone ? (first ? 300.0 : 150.0) : (first ? 1.5 : 0.75);
    const char* unit = amiodarone ? "mg" : "mg_kg";
    const char* drug = amiodarone ? "amiodarone" : "lidocaine";
    act(sim, t,
        std::string(R"({"do":"drug","drug":")") + drug + fmt(R"(","dose":%g,"unit":")", dose) +
            unit + R"(","route":")" + route + R"(","flush_mL":20})",
        std::string(drug) + fmt(" %g ", dose) + unit);
    --antiarrhythmic_due_;
    ++tally_.antiarrhythmic_doses;
  }
  if (p_.epinephrine_mg <= 0.0) return;
  // ERC/AHA: at once in a non-shockable rhythm, after the second shock in a shockable one.
  const bool indicated = tally_.analyses > 0 && (!shockable_last_ || tally_.shocks >= 2);
  const double interval =
      p_.epinephrine_interval_s * (cold_arrest_ && core_C_ < kDoubleIntervalBelow_C ? 2.0 : 1.0);
  const bool due = last_epinephrine_s_ < 0 ? t >= p_.arrival_s + p_.access_delay_s + p_.epinephrine_prep_s
                                            : t - last_epinephrine_s_ >= interval;
  if (!indicated || !due) return;
  if (uniform(epinephrine_decisions_++) < p_.missed_dose_probability) {
    note(t, "epinephrine due: missed");
    last_epinephrine_s_ = t;  // remembered only one interval later
    return;
  }
  ++tally_.epinephrine_doses;
  if (tally_.first_epinephrine_s < 0) tally_.first_epinephrine_s = t;
  last_epinephrine_s_ = t;
  act(sim, t,
      fmt(R"({"do":"drug","drug":"epinephrine","dose":%g,"unit":"mg","route":")", p_.epinephrine_mg) +
          route + R"(","flush_mL":20})",
      fmt("epinephrine %g mg ", p_.epinephrine_mg) + route);
}

// A cold arrest (ERC 2021; B.4 row 82: a core under 28-30 C with an arrhythmia goes to an ECLS
// centre): the team takes an accidentally cold core (under 35 C) out of the cold and insulates it
// at once and, for a core under 32 C, has the
// patient on extracorporeal rewarming `ecls_after_s` after it arrived, compressions going on
// (the engine's ECLS device is a heat exchanger; the circuit's flow is not modelled).
void AclsTeam::rewarm(resus_sim* sim, double t) {
  if (!cold_arrest_ || ecls_) return;
  if (!insulated_ && core_C_ < kInsulateBelow_C) {
    insulated_ = true;
    act(sim, t, R"({"do":"environment","temperature_C":20})",
        fmt("core %.1f C: out of the cold (a 20 C ambulance)", core_C_));
    act(sim, t, R"({"do":"temperature_control","device":"blanket","target_C":37})",
        "insulated (wet clothes off, blankets)");
  }
  if (p_.ecls_after_s >= 0.0 && core_C_ < kWarmEnough_C && t >= p_.arrival_s + p_.ecls_after_s) {
    ecls_ = true;
    servo_target_C_ = 37.0;
    act(sim, t, R"({"do":"temperature_control","device":"ecls","target_C":37})",
        fmt("core %.1f C: ECLS rewarming", core_C_));
  }
}

// The H's and T's a team can see: potassium on a blood gas, breath sounds absent on one side,
// an effusion on ultrasound. Each treatment at most twice, the second only if
// the finding is still there two minutes later.
void AclsTeam::causes(resus_sim* sim, double t, const Vitals& v) {
  if (!team_here_ || p_.treat_causes < 1.0) return;
  if (access_ && blood_gas_due_s_ >= 0 && t >= blood_gas_due_s_) {
    act(sim, t, R"({"do":"blood_gas","site":"arterial"})", "blood gas sent");
    blood_gas_sent_s_ = t;
    blood_gas_due_s_ = t + kBloodGasEvery_s;
  }
  if (blood_gas_sent_s_ >= 0 && t >= blood_gas_sent_s_ + kAnalyserDelay_s + 1.0) {
    const double sent = blood_gas_sent_s_;
    blood_gas_sent_s_ = -1.0;
    note(t, fmt("blood gas: K %.1f mmol/L, pH %.2f, PaCO2 %.0f mmHg, glucose %.1f mmol/L",
                v.lab_k_mmol_L, v.lab_ph, v.lab_pco2_mmHg, v.lab_glucose_mmol_L));
    // The analyser reports the blood drawn when the gas was sent: one from the arrest says
    // nothing of the ventilation after ROSC.
    if (phase_ == Phase::kRosc && sent >= last_rosc_s_) paco2_result_ = v.lab_pco2_mmHg;
    if (v.lab_k_mmol_L >= kHyperkalaemia_mmol_L && potassium_treatments_ < 2) {
      ++potassium_treatments_;
      const std::string route = kRoutes[static_cast<int>(p_.access_route)];
      act(sim, t, R"({"do":"drug","drug":"calcium_chloride","dose":10,"unit":"mL","route":")" + route + "\"}",
          "hyperkalaemia: calcium chloride 10% 10 mL");
      act(sim, t, R"({"do":"drug","drug":"insulin","dose":10,"unit":"units","route":")" + route + "\"}",
          "insulin 10 units");
      act(sim, t, R"({"do":"drug","drug":"dextrose","dose":25000,"unit":"mg","route":")" + route + "\"}",
          "dextrose 25 g");
      act(sim, t, std::string(R"({"do":"drug","drug":"sodium_bicarbonate","dose":50,"unit":"mmol","route":")") + route + "\"}",
          "sodium bicarbonate 50 mmol");
    }
    // Its own insulin, a long arrest's exhausted liver or a diabetic's: the same gas shows it.
    // Every gas that reads low gets its dose: a long-acting insulin takes it down again.
    if (v.lab_glucose_mmol_L > 0.0 && v.lab_glucose_mmol_L < kHypoglycaemia_mmol_L) {
      const std::string route = kRoutes[static_cast<int>(p_.access_route)];
      act(sim, t, R"({"do":"drug","drug":"dextrose","dose":25000,"unit":"mg","route":")" + route + "\"}",
          fmt("glucose %.1f mmol/L: dextrose 25 g", v.lab_glucose_mmol_L));
    }
  }
  // Findings looked for at the bedside (breath sounds, percussion, trachea) and on ultrasound in
  // a pause. A silent side that rings is air: a needle first; one that is dull is blood, which
  // a needle cannot let out: a thoracostomy at once (ATLS).
  const bool left = v.breath_sounds_left < kAbsentSounds, right = v.breath_sounds_right < kAbsentSounds;
  const bool dull = (left && v.percussion_left < kDullNote) || (right && v.percussion_right < kDullNote);
  if ((left || right) && decompressions_ < 2 && t >= last_decompression_s_ + kRetreatAfter_s) {
    ++decompressions_;
    last_decompression_s_ = t;
    const char* side = left && right ? "both" : left ? "left" : "right";
    if (dull) {
      decompressions_ = 2;
      act(sim, t, std::string(R"({"do":"thoracostomy","side":")") + side + R"(","kind":"finger"})",
          std::string("absent breath sounds, dull note: finger thoracostomy ") + side);
    } else if (decompressions_ == 1)
      act(sim, t, std::string(R"({"do":"needle_decompression","side":")") + side + "\"}",
          std::string("absent breath sounds: needle decompression ") + side);
    else
      act(sim, t, std::string(R"({"do":"thoracostomy","side":")") + side + R"(","kind":"finger"})",
          std::string("finger thoracostomy ") + side);
  }
  // Hypovolaemia (ERC 2021, the 4 H's and the traumatic arrest: restore the circulating volume):
  // a patient seen to have lost 750 mL or more (ATLS class II) gets crystalloid in the arrest, a
  // bolus as fast as a pressure bag runs it, another as each runs in, up to the team's limit.
  if (phase_ != Phase::kRosc && access_ && v.visible_blood_loss_mL >= kVisibleLoss_mL &&
      p_.fluid_bolus_mL > 0.0 && fluid_given_mL_ + p_.fluid_bolus_mL <= p_.fluid_limit_mL + 1e-9 &&
      t >= last_bolus_s_ + p_.fluid_bolus_mL / kRapidBolus_mL_min * 60.0) {
    fluid_given_mL_ += p_.fluid_bolus_mL;
    if (first_bolus_s_ < 0.0) first_bolus_s_ = t;
    last_bolus_s_ = t;
    act(sim, t,
        fmt(R"({"do":"fluid","fluid":"crystalloid","volume_mL":%g,"rate_mL_min":%g})",
            p_.fluid_bolus_mL, kRapidBolus_mL_min),
        fmt("blood loss %.0f mL: crystalloid %g mL rapidly", v.visible_blood_loss_mL,
            p_.fluid_bolus_mL));
  }
  if (v.pericardial_volume_mL >= kEffusion_mL && pericardiocenteses_ < 2 &&
      t >= last_pericardiocentesis_s_ + kRetreatAfter_s) {
    ++pericardiocenteses_;
    last_pericardiocentesis_s_ = t;
    act(sim, t, R"({"do":"pericardiocentesis","leave_drain":true})",
        fmt("effusion %.0f mL on ultrasound: pericardiocentesis", v.pericardial_volume_mL));
  }
  // A suspected pulmonary embolism (the scene's, suspected_pe): a thrombolytic as soon as there
  // is access, in the arrest (ERC 2021 special circumstances: alteplase 50 mg, CPR continued for
  // 60-90 minutes after it; the 50 mg bolus of als-next.md 4.3).
  // Only a dose the engine took holds the team on for the hour after it.
  if (p_.suspected_pe >= 1.0 && access_ && phase_ != Phase::kRosc && !thrombolysis_tried_) {
    thrombolysis_tried_ = true;
    const std::string route = kRoutes[static_cast<int>(p_.access_route)];
    if (act(sim, t, R"({"do":"drug","drug":"alteplase","dose":50,"unit":"mg","route":")" + route + "\"}",
            "suspected pulmonary embolism: alteplase 50 mg"))
      thrombolysis_s_ = t;
  }
  antidotes(sim, t, v);  // first: a named tricyclic's bicarbonate holds off the broad-QRS rule's
  toxins(sim, t, v);
}

// An opioid's pinpoint pupils with no breathing, and a broad QRS with a failing circulation
// (kPinpoint_mm, kBroadQrs_ms above). A brain starved of O2 widens the pupils whatever the drug,
// so an opioid's arrest seldom shows them until the circulation is back.
void AclsTeam::toxins(resus_sim* sim, double t, const Vitals& v) {
  if (!access_) return;
  const char* route = kRoutes[static_cast<int>(p_.access_route)];
  constexpr int32_t kNaloxoneDoses = sizeof kNaloxone_mg / sizeof kNaloxone_mg[0];
  if (v.pupil_mm <= kPinpoint_mm && !v.breathing && naloxone_doses_ < kNaloxoneDoses &&
      t >= last_naloxone_s_ + kNaloxoneEvery_s) {
    const double mg = kNaloxone_mg[naloxone_doses_++];
    last_naloxone_s_ = t;
    act(sim, t,
        fmt(R"({"do":"drug","drug":"naloxone","dose":%g,"unit":"mg","route":")", mg) + route + "\"}",
        fmt("pupils %.1f mm, not breathing: naloxone %g mg", v.pupil_mm, mg));
  }
  // After ROSC a slower broad-QRS rhythm is a block's escape, and a paced beat is broad by
  // nature: both are bradycardia()'s.
  // A fast one with a pulse is VT until shown otherwise (tachycardia()), unless the scene names a
  // tricyclic.
  const bool tricyclic = static_cast<detail::Toxin>(p_.known_toxin) == detail::Toxin::kTricyclic;
  const bool vt_with_pulse = v.heart_rate_per_min >= detail::kTachycardia_per_min && !tricyclic;
  const bool failing = phase_ == Phase::kRosc ? v.map_mmHg < kMapTarget_mmHg &&
                                                    v.heart_rate_per_min >= kBradycardia_per_min &&
                                                    pacing_mA_ == 0.0 && !vt_with_pulse
                                              : organised_rate_ >= kBroadQrsArrestRate_per_min;
  const bool alkalaemic = v.lab_ph >= kAlkalaemicPh;  // 0 until a gas has been analysed
  if (v.qrs_ms >= kBroadQrs_ms && failing && !alkalaemic &&
      wide_qrs_bicarbonate_ < kBroadQrsDoses && t >= last_wide_qrs_bicarbonate_s_ + kBroadQrsEvery_s) {
    ++wide_qrs_bicarbonate_;
    last_wide_qrs_bicarbonate_s_ = t;
    act(sim, t, std::string(R"({"do":"drug","drug":"sodium_bicarbonate","dose":50,"unit":"mmol","route":")") + route + "\"}",
        fmt("QRS %.0f ms: sodium bicarbonate 50 mmol", v.qrs_ms));
  }
}

// After ROSC: watch the pulse and the pressure; a lost pulse is a re-arrest (analyse at once),
// a low pressure gets norepinephrine.
void AclsTeam::watch_rosc(resus_sim* sim, double t, const Vitals& v) {
  if (v.carotid_pulse < kPulseLost) {
    if (pulseless_since_s_ < 0) pulseless_since_s_ = t;
    if (t - pulseless_since_s_ >= kPulseLostFor_s) {
      ++tally_.rearrests;
      note(t, "pulse lost: re-arrest");
      if (!coma_checked_) coma_check_s_ = -1.0;  // examined 15 minutes into the next ROSC
      if (fio2_ < 1.0) {
        act(sim, t, R"({"do":"oxygen","fio2":1.0})", "oxygen 100%");
        fio2_ = 1.0;
      }
      if (ventilation_rate_ != 10.0) {
        act(sim, t, R"({"do":"ventilation","mode":"bag_rate","rate_per_min":10,"tidal_volume_mL":500})",
            "ventilation 10/min");
        ventilation_rate_ = 10.0;
      }
      if (pacing_mA_ > 0.0) {
        act(sim, t, R"({"do":"pacing_stop"})", "pacing stopped");
        pacing_mA_ = 0.0;
        pacing_captured_ = false;
        capture_lost_since_s_ = -1.0;
      }
      if (amiodarone_until_s_ >= 0.0) {  // the arrest's own amiodarone follows the algorithm
        act(sim, t, R"({"do":"infusion_stop","drug":"amiodarone"})", "amiodarone infusion stopped");
        amiodarone_until_s_ = -1.0;
      }
      phase_ = Phase::kArrest;
      hypotensive_since_s_ = bradycardic_since_s_ = tachycardic_since_s_ = unstable_since_s_ = -1.0;
      begin_analysis(sim, t, false);
      return;
    }
    return;  // no titration while the pulse may be going
  }
  pulseless_since_s_ = -1.0;
  titrate_vasopressor(sim, t, v);
}

// MAP of at least 65 mmHg after ROSC (B.6 row 94), by fluids, then a vasopressor (ERC-ESICM
// 2021: "fluids, noradrenaline and/or dobutamine, depending on the individual patient's need").
// A MAP under 65 for a minute gets a crystalloid bolus over 10 minutes, another when it is still
// under 65 after each bolus, up to the team's limit. Norepinephrine starts at 0.1 ug/kg/min once
// the pressure is still low when the first bolus has run in (at once under 50, or without fluids
// to give; further boluses run alongside it), then 0.05 more whenever it has again been below for a minute and the last change is
// 5 minutes old (up to 1.0: the post-arrest vasoplegia deepens over the first day); 0.05 less
// every 10 minutes above 85, and stopped from 0.1.
void AclsTeam::titrate_vasopressor(resus_sim* sim, double t, const Vitals& v) {
  double rate = norepinephrine_ug_kg_min_;
  if (v.map_mmHg < kMapTarget_mmHg) {
    if (hypotensive_since_s_ < 0) hypotensive_since_s_ = t;
    const bool low_for_a_minute = access_ && t - hypotensive_since_s_ >= 60.0;
    const bool bolus_running = t < last_bolus_s_ + kBolusMinutes * 60.0;
    const bool fluid_left = p_.fluid_bolus_mL > 0.0 &&
                            fluid_given_mL_ + p_.fluid_bolus_mL <= p_.fluid_limit_mL + 1e-9;
    if (low_for_a_minute && !bolus_running && fluid_left) {
      fluid_given_mL_ += p_.fluid_bolus_mL;
      if (first_bolus_s_ < 0.0) first_bolus_s_ = t;
      last_bolus_s_ = t;
      act(sim, t,
          fmt(R"({"do":"fluid","fluid":"crystalloid","volume_mL":%g,"rate_mL_min":%g})",
              p_.fluid_bolus_mL, p_.fluid_bolus_mL / kBolusMinutes),
          fmt("MAP %.0f mmHg: crystalloid %g mL over %g min", v.map_mmHg, p_.fluid_bolus_mL,
              kBolusMinutes));
    }
    // The vasopressor once the first bolus has run in (later boluses run alongside it), at once
    // under 50 mmHg or when there is no fluid to give.
    const bool first_bolus_in = first_bolus_s_ >= 0.0 && t >= first_bolus_s_ + kBolusMinutes * 60.0;
    const bool vasopressor_due = v.map_mmHg < kMapSevere_mmHg || first_bolus_in ||
                                 (first_bolus_s_ < 0.0 && !fluid_left);
    if (low_for_a_minute && vasopressor_due &&
        (rate == 0.0 || t - vasopressor_changed_s_ >= kPressorUpEvery_s))
      rate = rate == 0.0 ? kPressorStart : std::min(rate + kPressorStep, kPressorMax);
  } else {
    hypotensive_since_s_ = -1.0;
    if (rate > 0.0 && v.map_mmHg > kMapHigh_mmHg && t - vasopressor_changed_s_ >= kPressorDownEvery_s)
      rate = rate > kPressorStart + 1e-9 ? rate - kPressorStep : 0.0;
  }
  rate = std::round(rate * 100.0) / 100.0;
  if (rate == norepinephrine_ug_kg_min_) return;
  norepinephrine_ug_kg_min_ = rate;
  vasopressor_changed_s_ = t;
  if (rate == 0.0) {
    act(sim, t, R"({"do":"infusion_stop","drug":"norepinephrine"})",
        fmt("MAP %.0f mmHg: norepinephrine stopped", v.map_mmHg));
    return;
  }
  act(sim, t,
      fmt(R"({"do":"infusion","drug":"norepinephrine","rate":%.2f,"unit":"ug_kg_min","route":")", rate) +
          kRoutes[static_cast<int>(p_.access_route)] + "\"}",
      fmt("MAP %.0f mmHg: norepinephrine %.2f ug/kg/min", v.map_mmHg, rate));
}

// After ROSC (ERC-ESICM 2021 post-resuscitation care): once the oximeter reads a pulse, the FiO2
// comes down a step at a time while SpO2 is above 98% and goes back up below 94% (to 100% at once
// below 90%), a step a minute at most, as SpO2 takes about that long to follow; each blood gas's
// PaCO2 moves the ventilation rate toward normocapnia (35-45 mmHg). The blood gases are the
// causes' (a team that does not look for causes takes none, and leaves the rate at 10/min).
void AclsTeam::post_rosc_care(resus_sim* sim, double t, const Vitals& v) {
  if (!team_here_ || p_.post_rosc_care < 1.0) return;
  const bool hypoxaemic = v.spo2_valid && v.spo2_pct < kSpo2Hypoxaemic && fio2_ < 1.0;
  if (v.spo2_valid && (hypoxaemic || t >= oxygen_changed_s_ + kOxygenStepEvery_s)) {
    double fio2 = fio2_;
    if (v.spo2_pct < kSpo2Hypoxaemic) fio2 = 1.0;
    else if (v.spo2_pct < kSpo2Low) fio2 = std::min(fio2_ + kFio2Step, 1.0);
    else if (v.spo2_pct > kSpo2High) fio2 = std::max(fio2_ - kFio2Step, kFio2Min);
    fio2 = std::round(fio2 * 100.0) / 100.0;
    if (std::abs(fio2 - fio2_) > 1e-9) {
      fio2_ = fio2;
      oxygen_changed_s_ = t;
      act(sim, t, fmt(R"({"do":"oxygen","fio2":%.2f})", fio2),
          fmt("SpO2 %.0f%%: FiO2 %.2f", v.spo2_pct, fio2));
    }
  }
  if (paco2_result_ > 0.0 && tube_) {
    double rate = ventilation_rate_;
    if (paco2_result_ < kPaco2Low_mmHg) rate = std::max(rate - kRateStep, kRateMin);
    if (paco2_result_ > kPaco2High_mmHg) rate = std::min(rate + kRateStep, kRateMax);
    if (rate != ventilation_rate_) {
      ventilation_rate_ = rate;
      act(sim, t,
          fmt(R"({"do":"ventilation","mode":"bag_rate","rate_per_min":%g,"tidal_volume_mL":500})", rate),
          fmt("PaCO2 %.0f mmHg: ventilation %g/min", paco2_result_, rate));
    }
  }
  paco2_result_ = 0.0;
  control_temperature(sim, t, v);
}

// Temperature after ROSC (ERC-ESICM 2022, B.6 row 96). With the default target of 37.5 C the team
// prevents fever only: mild hypothermia is left alone (no active rewarming), a core reaching
// 37.5 gets a servo device held there. A lower target is temperature control for the survivor
// who stays comatose (TTM1 33 C, TTM2 normothermia), examined once, 15 minutes into the first
// ROSC with a pulse (consciousness recovers over minutes after a short arrest, models/brain):
// surface pads to the target, held for `temperature_hold_h` (24 h in the TTM trials), then the
// target rises 0.25 C an hour to 37 (ERC-ESICM: 0.25-0.5 C/h), where the device stays against
// fever. A survivor who obeys gets fever prevention only.
void AclsTeam::control_temperature(resus_sim* sim, double t, const Vitals& v) {
  const auto servo = [&](double target_C, const std::string& why) {
    servo_target_C_ = target_C;
    act(sim, t,
        fmt(R"({"do":"temperature_control","device":"surface_pads","target_C":%.2f})", target_C),
        why + fmt(": surface pads to %.2f C", target_C));
  };
  if (p_.temperature_target_C < kFeverTarget_C && !coma_checked_ && pulseless_since_s_ < 0.0) {
    if (coma_check_s_ < 0.0) coma_check_s_ = t + kComaCheckAfter_s;
    if (t < coma_check_s_ || v.core_temp_C < kWarmEnough_C) return;  // cold dims it too
    coma_checked_ = true;
    if (v.consciousness < kComatose) {
      cooling_started_s_ = t;
      return servo(p_.temperature_target_C,
                   fmt("comatose (%.2f), core %.1f C: temperature control", v.consciousness,
                       v.core_temp_C));
    }
    note(t, fmt("obeys (%.2f): no temperature control", v.consciousness));
  }
  if (cooling_started_s_ >= 0.0) {
    const double rewarming_h = (t - cooling_started_s_) / 3600.0 - p_.temperature_hold_h;
    if (rewarming_h < 1.0 || servo_target_C_ >= kRewarmedTo_C) return;
    const double target = std::min(
        kRewarmedTo_C, p_.temperature_target_C + kRewarm_C_per_h * std::floor(rewarming_h));
    if (target > servo_target_C_ + 1e-9) servo(target, "rewarming");
    return;
  }
  if (servo_target_C_ < 0.0 && v.core_temp_C >= kFeverStart_C)
    servo(kFeverTarget_C, fmt("core %.1f C: fever prevention", v.core_temp_C));
}

void AclsTeam::stop(resus_sim* sim, double t) {
  if (compressing_) act(sim, t, R"({"do":"cpr_stop"})", "compressions stopped");
  act(sim, t, R"({"do":"ventilation","mode":"none","rate_per_min":10})", "ventilation stopped");
  note(t, "resuscitation terminated");
  compressing_ = false;
  tally_.stopped_s = t;
  phase_ = Phase::kStopped;
  listening_ = false;
  perception_.mute(sim);
}

}  // namespace resus_team
