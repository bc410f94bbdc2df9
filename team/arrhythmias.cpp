// Arrhythmias with a pulse, after ROSC: the ERC 2021 ALS algorithms (Soar et al.) for bradycardia
// and tachycardia, and the AHA 2020 adult ones (Panchal et al.).
//
// Bradycardia: a rate under 50/min with an adverse feature, here shock (a systolic under 90),
// or with a risk of asystole, here a broad QRS (a block below the node; ERC 2021), held for 10 s.
// Atropine 1 mg (AHA 2020; the ERC gives 0.5 mg to the same 3 mg total); a broad-QRS block is
// paced at once (AHA 2020: atropine is unlikely to work below the node), a narrow one with a
// second dose once the first has not worked in 3 minutes (or at once without access). Pacing:
// demand mode at 70/min, the current raised from 50 mA by 10 mA until the monitor counts the
// pacing rate, then set 10 mA above that threshold [U: practice sets it "just above"]; a capture
// lost is looked for again. Only a core cooled by accident is exempt: its slow rate is the cold's
// (ERC 2021 special circumstances: pace only a compromise that persists after rewarming).
//
// Tachycardia: a regular broad-complex tachycardia (QRS 120 ms or more) at 150/min or faster,
// held for 10 s, is VT until shown otherwise (ERC 2021). With shock (a systolic under 90):
// synchronised cardioversion, 150 J then 200 J (ERC 2021: 120-150 J for broad complexes,
// increasing if it fails), up to three attempts; if they fail, amiodarone 300 mg over 20 minutes
// and one more shock once it has run in. Without shock: amiodarone 300 mg over 20 minutes, then
// up to three synchronised shocks if it persists. The attempts are counted per ROSC, the
// amiodarone once per patient; a team without amiodarone shocks at once. A narrow-complex tachycardia is left alone: telling a sinus tachycardia
// from SVT needs the P waves the team does not read, and a named tricyclic's broad sinus
// tachycardia is the bicarbonate's.
#include <algorithm>
#include <string>

#include "acls_team.hpp"
#include "protocol_shared.hpp"

namespace resus_team {
namespace {

using detail::fmt;

constexpr double kBradycardiaFor_s = 10.0;
constexpr double kAtropine_mg = 1.0, kAtropineEvery_s = 180.0;
constexpr int32_t kAtropineDoses = 3;
constexpr double kPacingRate_per_min = 70.0, kPacingFrom_mA = 50.0, kPacingStep_mA = 10.0;
constexpr double kPacingMax_mA = 200.0, kPacingMargin_mA = 10.0, kCaptureLook_s = 6.0;
constexpr double kCapturedWithin_per_min = 5.0;  // the monitor counts at least the rate minus this
constexpr double kCaptureLostFor_s = 10.0;
constexpr double kColdBradycardia_C = 35.0;
constexpr double kTachycardiaFor_s = 10.0;
constexpr double kCardioversion_J[] = {150.0, 200.0, 200.0, 200.0};  // the fourth: after amiodarone
constexpr int32_t kShocksBeforeAmiodarone = 3;
constexpr double kShockEvery_s = 15.0;  // the monitor reads the rhythm the shock left
constexpr double kAmiodarone_mg_min = 15.0, kAmiodaroneFor_s = 1200.0;  // 300 mg over 20 min

}  // namespace

void AclsTeam::bradycardia(resus_sim* sim, double t, const Vitals& v) {
  if (!team_here_ || p_.treat_arrhythmias < 1.0 || pulseless_since_s_ >= 0.0) return;
  if (pacing_mA_ > 0.0) return find_capture(sim, t, v);
  const bool slow = v.heart_rate_per_min > 0.0 && v.heart_rate_per_min < detail::kBradycardia_per_min;
  const bool broad = v.qrs_ms >= detail::kBroadQrs_ms;
  const bool cold = cold_arrest_ && core_C_ < kColdBradycardia_C;
  if (!slow || !(v.sbp_mmHg < detail::kShockSbp_mmHg || broad) || cold) {
    bradycardic_since_s_ = -1.0;
    return;
  }
  if (bradycardic_since_s_ < 0.0) bradycardic_since_s_ = t;
  if (t < bradycardic_since_s_ + kBradycardiaFor_s || t < last_atropine_s_ + kAtropineEvery_s)
    return;
  const std::string seen =
      fmt("HR %.0f, SBP %.0f, QRS %.0f ms: ", v.heart_rate_per_min, v.sbp_mmHg, v.qrs_ms);
  const bool atropine_failed = atropine_doses_ > 0;
  if (access_ && atropine_doses_ < kAtropineDoses) {
    ++atropine_doses_;
    last_atropine_s_ = t;
    act(sim, t,
        fmt(R"({"do":"drug","drug":"atropine","dose":%g,"unit":"mg","route":")", kAtropine_mg) +
            detail::kRoutes[static_cast<int>(p_.access_route)] + "\"}",
        seen + fmt("atropine %g mg", kAtropine_mg));
  }
  if (broad || atropine_failed || !access_)
    start_pacing(sim, t, kPacingFrom_mA, seen + "transcutaneous pacing");
}

void AclsTeam::start_pacing(resus_sim* sim, double t, double mA, const std::string& why) {
  pacing_mA_ = mA;
  pacing_set_s_ = t;
  act(sim, t, fmt(R"({"do":"pacing_start","rate_per_min":%g,"current_mA":%g})", kPacingRate_per_min, mA),
      why + fmt(" %g/min %g mA", kPacingRate_per_min, mA));
}

// The monitor counting the pacing rate is capture (a faster own rhythm inhibits the demand pacer
// and reads the same); until then the current rises step by step, to the pacer's maximum. A rate
// that falls under it again for 10 s (an own rhythm that had outpaced the pacer, a threshold
// that rose) is a capture lost, looked for again from the current set.
void AclsTeam::find_capture(resus_sim* sim, double t, const Vitals& v) {
  const bool counted = v.heart_rate_per_min >= kPacingRate_per_min - kCapturedWithin_per_min;
  if (pacing_captured_) {
    if (counted || pacing_mA_ >= kPacingMax_mA) {
      capture_lost_since_s_ = -1.0;
      return;
    }
    if (capture_lost_since_s_ < 0.0) capture_lost_since_s_ = t;
    if (t < capture_lost_since_s_ + kCaptureLostFor_s) return;
    pacing_captured_ = false;
    capture_lost_since_s_ = -1.0;
    note(t, fmt("HR %.0f: pacing capture lost", v.heart_rate_per_min));
    pacing_set_s_ = t - kCaptureLook_s;  // raise the current now
  }
  if (t < pacing_set_s_ + kCaptureLook_s) return;
  if (counted) {
    pacing_captured_ = true;
    const double mA = std::min(pacing_mA_ + kPacingMargin_mA, kPacingMax_mA);
    if (mA > pacing_mA_) start_pacing(sim, t, mA, fmt("capture at %g mA: pacing", pacing_mA_));
  } else if (pacing_mA_ < kPacingMax_mA) {
    start_pacing(sim, t, std::min(pacing_mA_ + kPacingStep_mA, kPacingMax_mA),
                 fmt("HR %.0f, no capture: pacing", v.heart_rate_per_min));
  } else {
    pacing_captured_ = true;  // nothing more to try; the pressure care goes on
    note(t, fmt("no capture at %g mA", kPacingMax_mA));
  }
}

void AclsTeam::tachycardia(resus_sim* sim, double t, const Vitals& v) {
  if (!team_here_ || p_.treat_arrhythmias < 1.0) return;
  if (amiodarone_until_s_ >= 0.0 && t >= amiodarone_until_s_) {
    amiodarone_until_s_ = -1.0;
    act(sim, t, R"({"do":"infusion_stop","drug":"amiodarone"})", "amiodarone 300 mg in");
  }
  const bool fast_and_broad = v.heart_rate_per_min >= detail::kTachycardia_per_min &&
                              v.qrs_ms >= detail::kBroadQrs_ms &&
                              static_cast<detail::Toxin>(p_.known_toxin) != detail::Toxin::kTricyclic;
  if (!fast_and_broad || pulseless_since_s_ >= 0.0) {  // a weakening pulse is the arrest's
    tachycardic_since_s_ = unstable_since_s_ = -1.0;
    return;
  }
  if (tachycardic_since_s_ < 0.0) tachycardic_since_s_ = t;
  // Unstable: the systolic under 90 for as long (a cycle's reading flickers about the line).
  if (v.sbp_mmHg >= detail::kShockSbp_mmHg) unstable_since_s_ = -1.0;
  else if (unstable_since_s_ < 0.0) unstable_since_s_ = t;
  const bool unstable = unstable_since_s_ >= 0.0 && t >= unstable_since_s_ + kTachycardiaFor_s;
  if (t < tachycardic_since_s_ + kTachycardiaFor_s || t < last_cardioversion_s_ + kShockEvery_s)
    return;
  const std::string seen =
      fmt("HR %.0f, SBP %.0f, QRS %.0f ms: ", v.heart_rate_per_min, v.sbp_mmHg, v.qrs_ms);
  // Amiodarone is the team's antiarrhythmic only when it carries it (`antiarrhythmic` 1); once
  // per patient (the loading dose), counted with the arrest's doses.
  const bool can_give_amiodarone = p_.antiarrhythmic == 1.0 && access_ && !amiodarone_given_;
  if (can_give_amiodarone && (!unstable || cardioversions_ == kShocksBeforeAmiodarone)) {
    amiodarone_given_ = true;
    amiodarone_after_shocks_ = unstable;
    amiodarone_until_s_ = t + kAmiodaroneFor_s;
    ++tally_.antiarrhythmic_doses;
    act(sim, t,
        fmt(R"({"do":"infusion","drug":"amiodarone","rate":%g,"unit":"mg_min","route":")",
            kAmiodarone_mg_min) + detail::kRoutes[static_cast<int>(p_.access_route)] + "\"}",
        seen + "amiodarone 300 mg over 20 min");
    return;
  }
  // The shock waits for the amiodarone to run in; before it only an unstable VT is shocked.
  if (amiodarone_until_s_ >= 0.0 || (!unstable && can_give_amiodarone)) return;
  // Three attempts in an episode, and after three and the amiodarone a fourth.
  if (cardioversions_ >= kShocksBeforeAmiodarone + (amiodarone_after_shocks_ ? 1 : 0)) return;
  const double joules = kCardioversion_J[cardioversions_++];
  last_cardioversion_s_ = t;
  act(sim, t, fmt(R"({"do":"cardioversion","energy_J":%g})", joules),
      seen + fmt("synchronised cardioversion %g J", joules));
}

}  // namespace resus_team
