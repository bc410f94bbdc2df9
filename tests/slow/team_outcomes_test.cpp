// Outcomes over virtual patients met by the automated team (team/, docs/batch.md), measured the
// way a study measures them. The shapes are physiology.md B.5 row 91's VF phases and the
// registries' (Valenzuela 1997: survival falls 7-10% per minute to defibrillation without
// bystander CPR, 3-4% with it), and the re-arrest hazard after ROSC from a shockable rhythm
// (Unneland 2024, als-next.md 5.2: 5%/min falling to 4%). Nothing here is tuned to them: the
// outcome comes from the myocardium's energy, the team's timings and the shocks' chances.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "patient_run.hpp"
#include "study.hpp"

namespace {

struct Arm {
  double rosc = 0.0;             // share with any ROSC
  double rearrests = 0.0;        // re-arrests within 20 min of a ROSC
  double minutes_at_risk = 0.0;  // minutes in ROSC, each ROSC counted up to 20 min
};

// `patients` witnessed VF arrests with the crew at `arrival_s` after the collapse, and bystander
// CPR from 1 min or none; 16 minutes of the crew's care.
Arm vf_arm(double arrival_s, bool bystander, int patients) {
  const double duration = 30.0 + arrival_s + 960.0;
  const std::string json =
      R"({"seed": 91, "duration_s": )" + std::to_string(duration) +
      R"(, "arrest": {"at_s": 30, "rhythm": "vf_coarse"}, "team": {"preset": "als_crew",
          "parameters": {"arrival_s": )" + std::to_string(arrival_s) +
      R"(, "bystander_cpr_delay_s": )" + (bystander ? "60" : "-1") + "}}}";
  const resus_team::Study study = resus_team::parse_study(json, "arm");
  Arm arm;
  for (int i = 0; i < patients; ++i) {
    const auto draw = resus_team::sample_patient(study, i);
    const auto out = resus_team::run_patient(study, draw);
    EXPECT_TRUE(out.ok) << out.error;
    arm.rosc += out.rosc_any ? 1.0 / patients : 0.0;
    // Minutes at risk of re-arrest: from each ROSC to its re-arrest or the end, at most 20.
    double rosc_at = -1.0;
    for (const auto& e : out.log) {
      if (e.what.find("ROSC") != std::string::npos) rosc_at = e.t_s;
      if (e.what.find("re-arrest") != std::string::npos && rosc_at >= 0) {
        const double minutes = (e.t_s - rosc_at) / 60.0;
        if (minutes <= 20.0) arm.rearrests += 1.0;
        arm.minutes_at_risk += std::min(minutes, 20.0);
        rosc_at = -1.0;
      }
    }
    if (rosc_at >= 0) arm.minutes_at_risk += std::min((duration - 30.0 - rosc_at) / 60.0, 20.0);
  }
  return arm;
}

TEST(TeamOutcomes, RoscFallsWithTheCrewsDelaySlowerWithBystanderCprAndVfReArrestsAtTheRegistryRate) {
  constexpr int kPatients = 12;
  const Arm early = vf_arm(180.0, false, kPatients);
  const Arm late = vf_arm(660.0, false, kPatients);
  const Arm late_with_cpr = vf_arm(660.0, true, kPatients);
  std::printf("ROSC: crew at 3 min %.2f, at 11 min %.2f, at 11 min after bystander CPR %.2f\n",
              early.rosc, late.rosc, late_with_cpr.rosc);
  // Electrical phase: nearly every patient; 11 minutes without CPR: a minority; with bystander
  // CPR from the first minute most of the loss is avoided (row 91; Valenzuela 1997).
  EXPECT_GE(early.rosc, 0.75);
  EXPECT_LE(late.rosc, early.rosc - 0.4);
  EXPECT_GE(late_with_cpr.rosc, late.rosc + 0.3);

  // Re-arrest after ROSC from VF: Unneland 2024 5%/min (4% after 9 min). A Poisson count of about
  // 15-40 events: held to 2-10%/min.
  const double events = early.rearrests + late.rearrests + late_with_cpr.rearrests;
  const double minutes = early.minutes_at_risk + late.minutes_at_risk + late_with_cpr.minutes_at_risk;
  ASSERT_GT(minutes, 100.0);
  const double hazard = events / minutes;
  std::printf("re-arrest: %.0f in %.0f minutes of ROSC, %.3f per minute\n", events, minutes, hazard);
  EXPECT_GT(hazard, 0.02);
  EXPECT_LT(hazard, 0.10);
}

}  // namespace
