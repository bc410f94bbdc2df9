// The antidotes a team gives when the scene tells it what was taken (`known_toxin`: the pill
// bottles, a witness), on top of what it sees for itself (AclsTeam::toxins). AHA 2023 focused
// update on poisoning (Lavonas et al., Circulation 148:e149) and ERC 2021 special circumstances
// (Lott et al.), team/README.md. Only a team that looks for causes. In the arrest the ALS
// algorithm comes first; of the antidotes only the opioid's and the sodium-channel blocker's
// belong there. A beta-blocker's or calcium-channel blocker's are for the shock or the slow
// rate after ROSC, held for a minute (as the MAP care waits one) and not while a weakening pulse
// is being confirmed.
#include <string>

#include "acls_team.hpp"
#include "protocol_shared.hpp"

namespace resus_team {
namespace {

using detail::fmt;
using detail::Toxin;

constexpr double kPoisonedFor_s = 60.0;
// Opioid: naloxone in the arrest "may be reasonable" (AHA 2020 and 2023, 2b): 2 mg once.
constexpr double kArrestNaloxone_mg = 2.0;
// Tricyclic: sodium bicarbonate 1-2 mEq/kg for the arrest or a broad QRS (AHA 2023): 100 mmol
// for an adult, then the broad-QRS rule's 50 mmol every 5 minutes.
constexpr double kTricyclicBicarbonate_mmol = 100.0;
// Beta-blocker: glucagon 3-10 mg IV, then 3-5 mg/h (AHA 2023): 5 mg and 5 mg/h.
constexpr double kGlucagon_mg = 5.0, kGlucagon_mg_h = 5.0;
// Calcium-channel blocker: calcium chloride 10% 10-20 mL every 10-20 minutes (AHA 2023): 20 mL
// every 15 minutes while the signs last, three doses at most.
constexpr double kCalcium_mL = 20.0, kCalciumEvery_s = 900.0;
constexpr int kCalciumDoses = 3;
// Either, in shock: high-dose insulin, 1 unit/kg then 1 unit/kg/h, with dextrose 25 g and 0.5
// g/kg/h (AHA 2023), for an estimated 70 kg [U: a team estimates the weight]; the blood gases'
// glucose checks catch a fall (AclsTeam::causes, dextrose under 4 mmol/L). Not titrated.
constexpr double kInsulin_units = 70.0, kInsulin_units_h = 70.0;
constexpr double kDextrose_mg = 25000.0, kDextrose_mg_h = 35000.0;

}  // namespace

void AclsTeam::antidotes(resus_sim* sim, double t, const Vitals& v) {
  const auto toxin = static_cast<Toxin>(p_.known_toxin);
  if (toxin == Toxin::kNone || !access_) return;
  auto give = [&](const char* drug, double dose, const char* unit, const std::string& why) {
    act(sim, t,
        std::string(R"({"do":"drug","drug":")") + drug + fmt(R"(","dose":%g,"unit":")", dose) +
            unit + R"(","route":")" + detail::kRoutes[static_cast<int>(p_.access_route)] + "\"}",
        why);
  };
  auto infuse = [&](const char* drug, double rate, const char* unit, const std::string& why) {
    act(sim, t,
        std::string(R"({"do":"infusion","drug":")") + drug + fmt(R"(","rate":%g,"unit":")", rate) +
            unit + R"(","route":")" + detail::kRoutes[static_cast<int>(p_.access_route)] + "\"}",
        why);
  };
  const bool arrest = phase_ != Phase::kRosc;
  if (toxin == Toxin::kOpioid) {
    if (arrest && !antidote_given_) {
      antidote_given_ = true;
      give("naloxone", kArrestNaloxone_mg, "mg", fmt("opioid on the scene: naloxone %g mg", kArrestNaloxone_mg));
    }
    return;
  }
  if (toxin == Toxin::kTricyclic) {
    if (!antidote_given_ && (arrest || v.qrs_ms >= detail::kBroadQrs_ms)) {
      antidote_given_ = true;
      last_wide_qrs_bicarbonate_s_ = t;  // the broad-QRS rule's next dose 5 minutes on
      give("sodium_bicarbonate", kTricyclicBicarbonate_mmol, "mmol",
           fmt("tricyclic on the scene: sodium bicarbonate %g mmol", kTricyclicBicarbonate_mmol));
    }
    return;
  }
  // A beta-blocker or a calcium-channel blocker, after ROSC.
  const bool shock = v.sbp_mmHg < detail::kShockSbp_mmHg;
  const bool slow = v.heart_rate_per_min > 0.0 && v.heart_rate_per_min < detail::kBradycardia_per_min;
  if (arrest || pulseless_since_s_ >= 0.0 || !(shock || slow)) {
    poisoned_since_s_ = -1.0;
    return;
  }
  if (poisoned_since_s_ < 0.0) poisoned_since_s_ = t;
  if (t < poisoned_since_s_ + kPoisonedFor_s) return;
  const std::string seen = fmt("HR %.0f, SBP %.0f: ", v.heart_rate_per_min, v.sbp_mmHg);
  if (toxin == Toxin::kBetaBlocker && !antidote_given_) {
    antidote_given_ = true;
    give("glucagon", kGlucagon_mg, "mg", seen + fmt("beta-blocker on the scene: glucagon %g mg", kGlucagon_mg));
    infuse("glucagon", kGlucagon_mg_h, "mg_h", fmt("glucagon %g mg/h", kGlucagon_mg_h));
  }
  if (toxin == Toxin::kCalciumChannelBlocker && calcium_doses_ < kCalciumDoses &&
      t >= last_calcium_s_ + kCalciumEvery_s) {
    ++calcium_doses_;
    last_calcium_s_ = t;
    give("calcium_chloride", kCalcium_mL, "mL",
         seen + fmt("calcium-channel blocker on the scene: calcium chloride 10%% %g mL", kCalcium_mL));
  }
  if (shock && !high_dose_insulin_) {
    high_dose_insulin_ = true;
    give("insulin", kInsulin_units, "units", seen + fmt("high-dose insulin %g units", kInsulin_units));
    infuse("insulin", kInsulin_units_h, "units_h", fmt("insulin %g units/h", kInsulin_units_h));
    give("dextrose", kDextrose_mg, "mg", fmt("dextrose %g g", kDextrose_mg / 1000.0));
    infuse("dextrose", kDextrose_mg_h, "mg_h", fmt("dextrose %g g/h", kDextrose_mg_h / 1000.0));
  }
}

}  // namespace resus_team
