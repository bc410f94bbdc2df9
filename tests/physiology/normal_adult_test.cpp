// Healthy adult at rest: every row of physiology.md B.1 that the circulation determines, for
// both presets. Each check names its row, its source and its range.
#include <gtest/gtest.h>

#include <iterator>

#include <cmath>
#include <string>

#include "engine/patient.hpp"
#include "engine/status.hpp"
#include "engine/sim.hpp"

namespace resus {
namespace {

struct Row {
  const char* signal;
  double lo, hi;
  const char* source;
};

// physiology.md B.1 (Normal adult, supine, rest). Ranges as given there.
const Row kRows[] = {
    {"hr_bpm", 60, 100, "B.1 row 1 HR 60-100/min (AHA, standard physiology)"},
    {"sbp_mmHg", 100, 130, "B.1 row 2 SBP 100-130 mmHg (standard physiology; ACC/AHA 2017)"},
    {"dbp_mmHg", 60, 85, "B.1 row 2 DBP 60-85 mmHg (standard physiology; ACC/AHA 2017)"},
    {"map_mmHg", 70, 105, "B.1 row 3 MAP 70-105 mmHg (standard physiology)"},
    {"co_L_min", 4, 8, "B.1 row 4 CO 4-8 L/min (standard physiology)"},
    {"sv_mL", 60, 100, "B.1 row 5 SV 60-100 mL (standard physiology)"},
    {"cvp_mmHg", 2, 8, "B.1 row 8 CVP/RAP 2-8 mmHg (standard physiology)"},
    {"pap_sys_mmHg", 15, 30, "B.1 row 9 PAP systolic 15-30 mmHg (standard physiology)"},
    {"pap_dia_mmHg", 4, 12, "B.1 row 9 PAP diastolic 4-12 mmHg (standard physiology)"},
    {"pap_mean_mmHg", 9, 18, "B.1 row 9 PAP mean 9-18 mmHg (standard physiology)"},
    {"pcwp_mmHg", 6, 12, "B.1 row 9 PCWP 6-12 mmHg (standard physiology)"},
    {"svr_dyn_s_cm5", 800, 1200, "B.1 row 10 SVR 800-1200 dyn*s/cm^5 (standard physiology)"},
    {"pvr_dyn_s_cm5", 0, 250, "B.1 row 10 PVR < 250 dyn*s/cm^5 (standard physiology)"},
    // Row 7 gives LVEDV ~120-130 and LVESV ~50 mL (Smith 2004 ~126/50) as approximate values;
    // checked as +-15%.
    {"lvedv_mL", 102, 150, "B.1 row 7 LVEDV ~120-130 mL +-15% (Smith 2004 parameter set)"},
    {"lvesv_mL", 42, 58, "B.1 row 7 LVESV ~50 mL +-15% (Smith 2004 parameter set)"},
};

class NormalAdult : public ::testing::TestWithParam<const char*> {
 protected:
  static double read(const Sim& sim, const char* name) {
    const int id = find_signal(name);
    EXPECT_GE(id, 0) << name;
    return sim.signal(id);
  }
};

TEST_P(NormalAdult, VitalsInReferenceRangesFromTheFirstStep) {
  PatientDef def;
  def.preset = GetParam();
  Sim sim(Model::compile(def));
  // A new sim starts at steady state: the beat statistics hold before any time has passed
  // and still hold ten minutes later.
  for (double t : {0.0, 600.0}) {
    sim.advance(t - sim.time());
    for (const Row& r : kRows) {
      const double v = read(sim, r.signal);
      EXPECT_GE(v, r.lo) << GetParam() << " t=" << t << " " << r.signal << " = " << v << "; " << r.source;
      EXPECT_LE(v, r.hi) << GetParam() << " t=" << t << " " << r.signal << " = " << v << "; " << r.source;
    }
  }
}

TEST_P(NormalAdult, EjectionFractionInSexSpecificRange) {
  // B.1 row 6: LVEF 52-72% (men), 54-74% (women), ASE/EACVI chamber quantification 2015.
  PatientDef def;
  def.preset = GetParam();
  Sim sim(Model::compile(def));
  const bool female = std::string(GetParam()).find("female") != std::string::npos;
  const double ef = read(sim, "ef_pct");
  EXPECT_GE(ef, female ? 54.0 : 52.0);
  EXPECT_LE(ef, female ? 74.0 : 72.0);
}

TEST_P(NormalAdult, BloodVolumeAboutSeventyMlPerKg) {
  // B.1 row 11: total blood volume ~70 mL/kg (~5 L) (ATLS). Women ~65 mL/kg; both within 60-75.
  PatientDef def;
  def.preset = GetParam();
  auto model = Model::compile(def);
  Sim sim(model);
  const double per_kg = read(sim, "blood_volume_mL") / model->params().body_mass_kg;
  EXPECT_GE(per_kg, 60.0);
  EXPECT_LE(per_kg, 75.0);
}

// Given a height, the blood volume follows height, mass and sex by Nadler 1962 (Surgery 51:224)
// instead of the preset's mL/kg: 4.82 L for a 175 cm, 70 kg man and 3.65 L for a 161 cm, 60 kg
// woman; taller at the same mass holds more, an override of the volume still wins, and a patient
// given no height keeps the preset's 70 (65) mL/kg.
TEST(BloodVolume, FollowsNadlersFormulaWhenAHeightIsGiven) {
  PatientDef man;
  man.overrides = {{"height_cm", 175.0}};
  EXPECT_NEAR(make_patient(man).blood_volume_mL, 1000.0 * (0.3669 * 1.75 * 1.75 * 1.75 + 0.03219 * 70 + 0.6041),
              1e-9);
  EXPECT_NEAR(make_patient(man).blood_volume_mL, 4820.0, 10.0);
  PatientDef woman;
  woman.preset = "adult_female_60kg";
  woman.overrides = {{"height_cm", 161.0}};
  EXPECT_NEAR(make_patient(woman).blood_volume_mL, 3654.0, 10.0);
  PatientDef tall = man;
  tall.overrides = {{"height_cm", 195.0}};
  EXPECT_GT(make_patient(tall).blood_volume_mL, make_patient(man).blood_volume_mL + 700.0);
  tall.overrides.push_back({"blood_volume_mL", 5000.0});
  EXPECT_EQ(make_patient(tall).blood_volume_mL, 5000.0);
  EXPECT_EQ(make_patient(PatientDef{}).blood_volume_mL, 4900.0);
  EXPECT_EQ(make_patient(PatientDef{}).height_cm, 0.0);  // none given
  PatientDef scaled;
  scaled.scales = {{"height_cm", 1.1}};
  EXPECT_THROW(make_patient(scaled), Error);
  PatientDef tiny;  // between 0 (none) and the shortest height
  tiny.overrides = {{"height_cm", 60.0}};
  try {
    make_patient(tiny);
    ADD_FAILURE() << "a 60 cm height was accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("height_cm"), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("[120, 220]"), std::string::npos) << e.what();
  }
  // A tall light man compiles and rests like any other.
  PatientDef lanky;
  lanky.overrides = {{"body_mass_kg", 60.0}, {"height_cm", 200.0}};
  auto model = Model::compile(lanky);
  Sim sim(model);
  sim.advance(30.0);
  EXPECT_NEAR(sim.signal(kBloodVolume), make_patient(lanky).blood_volume_mL, 1.0);
  EXPECT_GT(sim.signal(kMeanArterial), 70.0);
  EXPECT_LT(sim.signal(kMeanArterial), 110.0);
}

// Resting O2 use and cardiac output follow the resting energy expenditure (Mifflin and St Jeor
// 1990), not the body mass: fat adds mass and little metabolism. So the cardiac index stays in
// B.1 row 4's 2.5-4.0 L/min/m2 (Du Bois body surface area; the preset's 175 or 161 cm when no
// height is given) for builds from 45 to 140 kg. Measured 2026-12-07: 3.2-3.5. When every flow
// scaled with the body mass, the 110 kg woman's index was 4.07, the 140 kg man's 4.7 (CO 11.6).
TEST(CardiacIndex, FollowsTheRestingEnergyExpenditureNotTheBodyMass) {
  struct Build {
    const char* preset;
    double mass_kg, height_cm, reference_height_cm;
  };
  for (const Build& b : {Build{"adult_male_70kg", 120.0, 175.0, 175.0},
                         Build{"adult_male_70kg", 140.0, 0.0, 175.0},
                         Build{"adult_male_70kg", 50.0, 180.0, 175.0},
                         Build{"adult_female_60kg", 110.0, 165.0, 161.0},
                         Build{"adult_female_60kg", 45.0, 150.0, 161.0}}) {
    PatientDef def;
    def.preset = b.preset;
    def.overrides = {{"body_mass_kg", b.mass_kg}, {"height_cm", b.height_cm}};
    Sim sim(Model::compile(def));
    const int co_id = find_signal("co_L_min");
    double co = 0.0;
    for (int i = 0; i < 60; ++i) {
      sim.advance(1.0);
      co += sim.signal(co_id) / 60.0;
    }
    const double height = b.height_cm > 0.0 ? b.height_cm : b.reference_height_cm;
    const double bsa = 0.007184 * std::pow(b.mass_kg, 0.425) * std::pow(height, 0.725);
    SCOPED_TRACE(std::string(b.preset) + " " + std::to_string(b.mass_kg) + " kg, " +
                 std::to_string(height) + " cm: CO " + std::to_string(co));
    EXPECT_GE(co / bsa, 2.5);
    EXPECT_LE(co / bsa, 4.0);
  }
}

// The skin that exchanges heat follows Du Bois and Du Bois 1916 (0.007184 W^0.425 H^0.725 m2)
// against the preset's own build, at the preset's height (175 or 161 cm) when none is given.
TEST(BodySurface, FollowsDuBoisWhenAHeightIsGiven) {
  const auto surface = [](const char* preset, double mass_kg, double height_cm) {
    PatientDef def;
    def.preset = preset;
    def.overrides = {{"body_mass_kg", mass_kg}, {"height_cm", height_cm}};
    return make_patient(def).thermal.body_surface_m2;
  };
  const auto du_bois = [](double w, double h) { return 0.007184 * std::pow(w, 0.425) * std::pow(h, 0.725); };
  EXPECT_NEAR(surface("adult_male_70kg", 70.0, 175.0), surface("adult_male_70kg", 70.0, 0.0), 1e-12);
  EXPECT_NEAR(surface("adult_male_70kg", 140.0, 175.0), 1.8 * du_bois(140, 175) / du_bois(70, 175), 1e-9);
  EXPECT_NEAR(surface("adult_male_70kg", 140.0, 175.0), 2.41, 0.01);
  EXPECT_NEAR(surface("adult_male_70kg", 140.0, 0.0), surface("adult_male_70kg", 140.0, 175.0), 1e-12);
  EXPECT_EQ(surface("adult_male_70kg", 70.0, 0.0), 1.8);  // the preset, untouched
  EXPECT_GT(surface("adult_female_60kg", 60.0, 185.0), surface("adult_female_60kg", 60.0, 150.0) * 1.15);
  EXPECT_NEAR(surface("adult_female_60kg", 60.0, 161.0), surface("adult_female_60kg", 60.0, 0.0), 1e-12);
}

// Nadler's blood volume per kg falls with adiposity (56 mL/kg for a 100 kg man of 170 cm); the
// vessels are sized to hold it at the preset's pressures, so a short heavy patient, and a tall
// light one, rest within B.1 rows 3 (MAP 70-105 mmHg) and 8 (CVP 2-8 mmHg). Until the vessels
// were sized (2026-12-07) they held Nadler's volume as if it were the preset's 70 mL/kg: the man
// below started at rest with a MAP of 61 and a CVP of -0.8, the woman with a MAP of 39, and a
// 60 kg man of 190 cm with a CVP of 10.5.
TEST(BloodVolume, ABodyOfAnyBuildRestsAtNormalPressures) {
  struct Build {
    const char* preset;
    double mass_kg, height_cm;
  };
  for (const Build& b : {Build{"adult_male_70kg", 100.0, 170.0}, Build{"adult_male_70kg", 60.0, 190.0},
                         Build{"adult_female_60kg", 110.0, 165.0}, Build{"adult_female_60kg", 45.0, 150.0}}) {
    PatientDef def;
    def.preset = b.preset;
    def.overrides = {{"body_mass_kg", b.mass_kg}, {"height_cm", b.height_cm}};
    Sim sim(Model::compile(def));
    const int cvp_id = find_signal("cvp_mmHg");
    double map = 0.0, cvp = 0.0;
    for (int i = 0; i < 60; ++i) {  // a minute's mean, over the breaths
      sim.advance(1.0);
      map += sim.signal(kMeanArterial) / 60.0;
      cvp += sim.signal(cvp_id) / 60.0;
    }
    SCOPED_TRACE(std::string(b.preset) + " " + std::to_string(b.mass_kg) + " kg, " +
                 std::to_string(b.height_cm) + " cm");
    EXPECT_GE(map, 70.0);
    EXPECT_LE(map, 105.0);
    EXPECT_GE(cvp, 2.0);
    EXPECT_LE(cvp, 8.0);
  }
}

TEST_P(NormalAdult, RestingRateIsTheSetRate) {
  // The reflex holds the patient at the rate the definition asks for (design requirement).
  PatientDef def;
  def.preset = GetParam();
  def.overrides = {{"heart_rate_set_bpm", 64.0}};
  Sim sim(Model::compile(def));
  sim.advance(60.0);
  // The rate over a minute: each beat's own rate swings ~1 bpm with the breath it falls in, and
  // sampling it every half second weights the beats by their length, which is the beat count.
  double rate = 0.0;
  for (int i = 0; i < 120; ++i) {
    sim.advance(0.5);
    rate += read(sim, "hr_bpm") / 120.0;
  }
  // Measured 2026-12-06: 63.9 for both presets (63.6 before compiling removed the bias that
  // breathing leaves on the period; the reflex takes back a little of the correction).
  EXPECT_NEAR(rate, 64.0, 0.5);
}

TEST_P(NormalAdult, CoronaryAndCerebralFlowsPlausible) {
  // Coronary flow ~4-5% of CO (~225-250 mL/min) and cerebral ~15% (~750 mL/min) at rest
  // (Guyton & Hall, standard physiology [M]); checked as wide bands.
  PatientDef def;
  def.preset = GetParam();
  Sim sim(Model::compile(def));
  EXPECT_GT(read(sim, "coronary_flow_mL_min"), 150.0);
  EXPECT_LT(read(sim, "coronary_flow_mL_min"), 350.0);
  EXPECT_GT(read(sim, "cerebral_flow_mL_min"), 500.0);
  EXPECT_LT(read(sim, "cerebral_flow_mL_min"), 900.0);
}

INSTANTIATE_TEST_SUITE_P(Presets, NormalAdult,
                         ::testing::Values("adult_male_70kg", "adult_female_60kg"));

TEST(Calibration, MalePresetPinned) {
  // Frozen calibration (models/cardiovascular/README.md): these figures moving means a parameter
  // changed. Breathing makes every beat a little different, so each figure is the mean over 30 s
  // (about seven breaths). Tolerances are 1% of the calibrated value.
  Sim sim(Model::compile(PatientDef{}));
  const struct { const char* name; double value; } pins[] = {
      {"hr_bpm", 72.1}, {"map_mmHg", 90.4}, {"co_L_min", 6.01}, {"cvp_mmHg", 4.00},  // end-expiratory since breathing
      {"pap_mean_mmHg", 14.85}, {"lvedv_mL", 138.2}, {"ef_pct", 60.3},
  };
  double sums[std::size(pins)] = {};
  const int n = 300;
  for (int i = 0; i < n; ++i) {
    sim.advance(0.1);
    for (std::size_t k = 0; k < std::size(pins); ++k) sums[k] += sim.signal(find_signal(pins[k].name)) / n;
  }
  for (std::size_t k = 0; k < std::size(pins); ++k)
    EXPECT_NEAR(sums[k], pins[k].value, 0.01 * std::abs(pins[k].value)) << pins[k].name;
}

}  // namespace
}  // namespace resus
