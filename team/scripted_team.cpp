#include "scripted_team.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "perception.hpp"
#include "protocol_shared.hpp"

namespace resus_team {
namespace {

constexpr double kPulseFelt = 0.5, kPulseLost = 0.2;  // as the automated team palpates
constexpr double kHeldFor_s = 10.0;

}  // namespace

// A cause's collapse is recognised 10 s after it began (patient_run.hpp): an action due before
// then comes at once, as the step of the sim allows.
resus_status ScriptedTeam::attach(resus_sim* sim, double collapse_s) {
  collapse_s_ = collapse_s;
  carotid_ = signal_index("carotid_pulse");
  hands_off_ = signal_index("cpr_hands_off_s");
  compressions_ = signal_index("cpr_compressions");
  failed_.assign(script_.size(), false);
  const double now = resus_sim_time(sim);
  for (std::size_t i = 0; i < script_.size(); ++i) {
    nlohmann::json timed = nlohmann::json::parse(script_[i].json);
    timed["at_s"] = std::max(collapse_s + script_[i].at_s, now);
    if (resus_sim_apply_json(sim, timed.dump().c_str()) != RESUS_OK) {
      failed_[i] = true;
      log_.push_back({now - collapse_s, "failed: " + script_[i].kind + " (" + resus_last_error(sim) + ")"});
    }
  }
  return RESUS_OK;
}

void ScriptedTeam::step(resus_sim* sim) {
  const double t = resus_sim_time(sim) - collapse_s_;
  for (; booked_ < script_.size() && script_[booked_].at_s <= t + 1e-9; ++booked_) {
    const ScriptedAction& a = script_[booked_];
    if (failed_[booked_]) continue;
    log_.push_back({a.at_s, a.kind});
    if (a.kind == "cpr_start" && tally_.first_cpr_s < 0) tally_.first_cpr_s = a.at_s;
    if (a.kind == "shock" && ++tally_.shocks == 1) tally_.first_shock_s = a.at_s;
    if (a.kind == "drug" && a.json.find("\"epinephrine\"") != std::string::npos &&
        ++tally_.epinephrine_doses == 1)
      tally_.first_epinephrine_s = a.at_s;
  }
  // Compressions make a carotid pulse of their own: a pulse counts only with hands off (the
  // meter's pause, or no compression yet).
  const double pulse = resus_sim_signal(sim, carotid_);
  const bool hands_off =
      resus_sim_signal(sim, hands_off_) > 0.0 || resus_sim_signal(sim, compressions_) == 0.0;
  if (!in_rosc_) {
    if (pulse >= kPulseFelt && hands_off) {
      if (pulse_since_s_ < 0.0) pulse_since_s_ = t;
      if (t - pulse_since_s_ >= kHeldFor_s) {
        in_rosc_ = true;
        pulseless_since_s_ = -1.0;
        if (++tally_.rosc_count == 1) tally_.first_rosc_s = pulse_since_s_;
        log_.push_back({t, detail::fmt("pulse since %.1f s: ROSC", pulse_since_s_)});
      }
    } else {
      pulse_since_s_ = -1.0;
    }
    return;
  }
  if (pulse < kPulseLost) {
    if (pulseless_since_s_ < 0.0) pulseless_since_s_ = t;
    if (t - pulseless_since_s_ >= kHeldFor_s) {
      in_rosc_ = false;
      pulse_since_s_ = -1.0;
      ++tally_.rearrests;
      log_.push_back({t, detail::fmt("pulse lost since %.1f s: re-arrest", pulseless_since_s_)});
    }
  } else {
    pulseless_since_s_ = -1.0;
  }
}

}  // namespace resus_team
