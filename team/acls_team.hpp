// The automated ACLS team: the ERC/AHA adult cardiac-arrest algorithm run on what a team
// perceives (perception.hpp), acting only through the public actions. A bystander's hands-only
// CPR and a public AED come first when the team's parameters say so. Every decision is logged
// with its time. Not for the real-time loop: it allocates (its log) and parses action JSON.
#pragma once

#include <resus/resus.h>

#include <array>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include "perception.hpp"
#include "team_params.hpp"

namespace resus_team {

struct TeamEvent {
  double t_s;        // simulated time
  std::string what;  // e.g. "shock 1 (200 J)", "epinephrine 1 mg io_humeral"
};

// What a team did and saw, for a study's results.
struct TeamTally {
  int32_t shocks = 0;
  int32_t epinephrine_doses = 0;
  int32_t antiarrhythmic_doses = 0;
  int32_t analyses = 0;
  int32_t rosc_count = 0;   // pulses found (each ROSC, the first and after re-arrests)
  int32_t rearrests = 0;
  double first_cpr_s = -1, first_shock_s = -1, first_epinephrine_s = -1;  // after the collapse
  double first_rosc_s = -1, stopped_s = -1;
  std::string first_analysis;  // "shock", "organised", "asystole" (the team's reading)
};

// A team: the automated one below, or a host's own (a game's player, a learning policy) that
// sees the same perception and acts through the same actions.
class Team {
 public:
  virtual ~Team() = default;
  // Once, before the sim advances: `collapse_s` is when the patient arrests.
  virtual resus_status attach(resus_sim* sim, double collapse_s) = 0;
  // At the sim's current time; the runner calls it every step_s() of simulated time.
  virtual void step(resus_sim* sim) = 0;
  virtual double step_s() const { return 0.5; }
  // What it did and found, for the study's Utstein outcomes (patient_run.hpp): "ROSC" is the
  // pulse the team finds.
  virtual const std::vector<TeamEvent>& log() const = 0;
  virtual const TeamTally& tally() const = 0;
  virtual bool in_rosc() const = 0;
  virtual bool stopped() const = 0;
};

class AclsTeam : public Team {
 public:
  // `seed` and `patient` key the team's own random choices (missed doses).
  AclsTeam(const TeamParams& params, uint64_t seed, uint64_t patient);

  resus_status attach(resus_sim* sim, double collapse_s) override;
  void step(resus_sim* sim) override;

  const std::vector<TeamEvent>& log() const override { return log_; }
  const TeamTally& tally() const override { return tally_; }
  bool in_rosc() const override { return phase_ == Phase::kRosc; }
  bool stopped() const override { return phase_ == Phase::kStopped; }

 private:
  // kHandsOff: the team's own lost time after a scheduled check (check_hands_off_s).
  enum class Phase { kArrest, kIntubating, kAnalysing, kCharging, kPostShock, kPulseCheck,
                     kHandsOff, kRosc, kStopped };

  // Applies one action and logs it (or its failure); true if the engine took it.
  bool act(resus_sim* sim, double t, const std::string& action_json, const std::string& what);
  void note(double t, const std::string& what);
  void arrivals(resus_sim* sim, double t);
  void hear_pads(resus_sim* sim, double t);
  void compress(resus_sim* sim, double t);
  void place_tube(resus_sim* sim, double t);
  void begin_analysis(resus_sim* sim, double t, bool scheduled);
  void analyse(resus_sim* sim, double t);
  void charge(resus_sim* sim, double t);
  void finish_pulse_check(resus_sim* sim, double t);
  void resume(resus_sim* sim, double t);
  void drugs(resus_sim* sim, double t);
  void causes(resus_sim* sim, double t, const Vitals& v);
  void toxins(resus_sim* sim, double t, const Vitals& v);
  void antidotes(resus_sim* sim, double t, const Vitals& v);  // antidotes.cpp
  void watch_rosc(resus_sim* sim, double t, const Vitals& v);
  void post_rosc_care(resus_sim* sim, double t, const Vitals& v);
  void bradycardia(resus_sim* sim, double t, const Vitals& v);  // arrhythmias.cpp
  void tachycardia(resus_sim* sim, double t, const Vitals& v);  // arrhythmias.cpp
  void capnography(double t, const Vitals& v);                  // capnography.cpp
  void start_pacing(resus_sim* sim, double t, double mA, const std::string& why);
  void find_capture(resus_sim* sim, double t, const Vitals& v);
  void titrate_vasopressor(resus_sim* sim, double t, const Vitals& v);
  void control_temperature(resus_sim* sim, double t, const Vitals& v);
  void rewarm(resus_sim* sim, double t);
  void stop(resus_sim* sim, double t);
  // Within the hour of CPR a thrombolytic in the arrest asks for (ERC 2021: 60-90 minutes).
  bool lysing(double t) const { return thrombolysis_s_ >= 0.0 && t < thrombolysis_s_ + 3600.0; }
  double uniform(uint32_t index) const;

  TeamParams p_;
  uint64_t seed_, patient_;
  Perception perception_;
  std::vector<TeamEvent> log_;
  TeamTally tally_;

  double collapse_s_ = 0.0;
  Phase phase_ = Phase::kArrest;
  bool compressing_ = false, bystander_started_ = false, aed_here_ = false, team_here_ = false;
  bool pads_on_ = false, access_ = false, tube_ = false, shockable_last_ = false;
  bool listening_ = false;           // the pads ECG is on (hear_pads)
  // The airway judged over windows of the team's own 30:2 bagging (two cycles): the time bagged
  // in the window, the most the chest rose in it, and whether the team has judged the airway
  // obstructed (then laryngoscopy and the tube at once).
  double bagged_s_ = 0.0, chest_rise_mL_ = 0.0;
  bool airway_obstructed_ = false;
  double compressor_since_s_ = 0.0;  // the current rescuer's start (fatigue)
  bool fresh_rescuer_due_ = false;   // the next compressions are a new rescuer's
  int32_t checks_since_rotation_ = 0;
  double last_depth_mm_ = 0.0;
  double next_check_s_ = -1.0;       // when the next rhythm check is due
  double pause_start_s_ = 0.0, phase_until_s_ = 0.0, pulse_felt_ = 0.0;
  bool scheduled_check_ = false;     // the pause is a scheduled check (not a re-arrest's first)
  double last_epinephrine_s_ = -1.0;
  uint32_t epinephrine_decisions_ = 0;
  int32_t antiarrhythmic_due_ = 0;   // doses earned by the 3rd and 5th shocks, not yet given
  double blood_gas_due_s_ = -1.0, blood_gas_sent_s_ = -1.0;
  int32_t potassium_treatments_ = 0, decompressions_ = 0, pericardiocenteses_ = 0;
  double last_decompression_s_ = -1e9, last_pericardiocentesis_s_ = -1e9;
  int32_t naloxone_doses_ = 0, wide_qrs_bicarbonate_ = 0;
  // What the scene told the team was taken (known_toxin): its first antidote given, the
  // calcium-channel blocker's calcium doses, high-dose insulin running.
  bool antidote_given_ = false, high_dose_insulin_ = false;
  double thrombolysis_s_ = -1.0;     // when the suspected embolism's alteplase went in
  bool thrombolysis_tried_ = false;  // once, given or refused
  int32_t calcium_doses_ = 0;
  double last_calcium_s_ = -1e9, poisoned_since_s_ = -1.0;
  double last_naloxone_s_ = -1e9, last_wide_qrs_bicarbonate_s_ = -1e9;
  double organised_rate_ = 0.0;      // the last analysis's rate of an organised rhythm, /min
  double organised_width_ms_ = 0.0;  // and its QRS width
  double pulseless_since_s_ = -1.0, hypotensive_since_s_ = -1.0;
  // Bradycardia with shock after ROSC: atropine given, then the pacer (0 mA: off) and its capture.
  double bradycardic_since_s_ = -1.0, last_atropine_s_ = -1e9;
  int32_t atropine_doses_ = 0;
  double pacing_mA_ = 0.0, pacing_set_s_ = -1e9, capture_lost_since_s_ = -1.0;
  bool pacing_captured_ = false;
  // Broad-complex tachycardia after ROSC: the episode's synchronised shocks (reset at each ROSC),
  // amiodarone given (once per patient), running until, and given after three failed shocks.
  double tachycardic_since_s_ = -1.0, unstable_since_s_ = -1.0;
  double last_cardioversion_s_ = -1e9, amiodarone_until_s_ = -1.0;
  int32_t cardioversions_ = 0;
  bool amiodarone_given_ = false, amiodarone_after_shocks_ = false;
  // The capnograph through the tube during CPR (capnography.cpp), per cycle of compressions:
  // the cycle's check time (a new one starts a new cycle), its start, the readings' moving
  // average and its last 30 s (one value a team step), since when the end-tidal has been up from
  // their lowest or low, and what the team did about it.
  struct Etco2Watch {
    static constexpr int kRecent = 60;
    double cycle_check_s = -1.0, cycle_from_s = 0.0;
    double trend_mmHg = std::numeric_limits<double>::quiet_NaN();
    std::array<double, kRecent> recent{};
    int recent_count = 0, recent_next = 0;
    double rise_since_s = -1.0, low_since_s = -1.0;
    bool check_called = false, rotated = false;
  } etco2_;
  double last_bicarbonate_s_ = -1e9;  // its CO2 raises the end-tidal for minutes
  double norepinephrine_ug_kg_min_ = 0.0;  // the running rate, 0: none
  double vasopressor_changed_s_ = -1e9;
  double als_without_rosc_s_ = 0.0;  // the team's resuscitation time so far, ROSC excluded
  double last_step_s_ = -1e9;
  double fio2_ = 0.21;               // what the team has set
  double oxygen_changed_s_ = -1e9;   // the last FiO2 step (SpO2 needs a minute to follow)
  double ventilation_rate_ = 10.0;   // the bag's or ventilator's rate, /min
  double paco2_result_ = 0.0;        // the last blood gas's PaCO2, 0 once acted on
  double last_rosc_s_ = -1.0;
  double servo_target_C_ = -1.0;     // the temperature device's target, < 0: no device
  double cooling_started_s_ = -1.0;  // temperature control below fever prevention began
  double fluid_given_mL_ = 0.0;      // crystalloid for the pressure after ROSC
  double first_bolus_s_ = -1.0, last_bolus_s_ = -1e9;
  double coma_check_s_ = -1.0;       // when the team examines the survivor's response after ROSC
  bool coma_checked_ = false;
  // A hypothermic arrest (ERC 2021, B.4 rows 81-82): the core the team's probe reads, the shocks
  // given below 30 C, whether the drugs' withholding was noted, and the rewarming under way.
  double core_C_ = 37.0;
  int32_t cold_shocks_ = 0;
  bool cold_arrest_ = false;  // an accidental hypothermia (not the team's own cooling)
  bool cold_drugs_noted_ = false, insulated_ = false, ecls_ = false;
};

}  // namespace resus_team
