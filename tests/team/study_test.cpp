// Study files and patient sampling (team/study.cpp, team/distribution.cpp): distributions hit
// their moments, a Gaussian copula gives the asked correlation, patient i is the same whatever
// else the study samples, and bad input is refused with the JSON path, the value and the range.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>
#include <resus/resus.h>

#include "patient_run.hpp"
#include "study.hpp"

namespace {

using resus_team::parse_study;
using resus_team::sample_patient;
using resus_team::Study;
using resus_team::StudyError;

std::string refusal(const std::string& text) {
  try {
    parse_study(text, "s.json");
  } catch (const StudyError& e) {
    return e.what();
  }
  return "";
}

struct Moments {
  double mean = 0, sd = 0;
};
Moments moments(const std::vector<double>& x) {
  Moments m;
  for (double v : x) m.mean += v;
  m.mean /= static_cast<double>(x.size());
  for (double v : x) m.sd += (v - m.mean) * (v - m.mean);
  m.sd = std::sqrt(m.sd / static_cast<double>(x.size() - 1));
  return m;
}

TEST(NormalQuantile, InvertsTheCdfToRoundOff) {
  for (double u : {1e-12, 1e-6, 0.01, 0.02425, 0.2, 0.5, 0.77, 0.975, 1 - 1e-9}) {
    const double z = resus_team::normal_quantile(u);
    EXPECT_NEAR(resus_team::normal_cdf(z), u, 1e-14 + 1e-12 * u) << u;
  }
  EXPECT_NEAR(resus_team::normal_quantile(0.975), 1.959963984540054, 1e-12);
}

TEST(Sampling, DistributionsHitTheirMomentsAndTruncations) {
  const Study st = parse_study(R"({"patients": 4000, "population": {"parameters": {
      "body_mass_kg": {"dist": "normal", "mean": 80, "sd": 15, "min": 50, "max": 130},
      "heart_rate_set_bpm": {"dist": "uniform", "min": 55, "max": 85},
      "lung_compliance_mL_cmH2O": {"dist": "lognormal", "median": 150, "gsd": 1.3}}},
      "team": {"parameters": {"arrival_s": {"dist": "categorical", "values": [300, 600], "weights": [3, 1]}}}})",
                               "s.json");
  std::vector<double> mass, rate, compliance;
  int late = 0;
  for (int64_t i = 0; i < st.patients; ++i) {
    const auto d = sample_patient(st, i);
    ASSERT_EQ(d.overrides.size(), 3u);
    mass.push_back(d.overrides[0].second);
    rate.push_back(d.overrides[1].second);
    compliance.push_back(std::log(d.overrides[2].second));
    late += d.team.arrival_s == 600.0;
  }
  // Sorted by name: body_mass_kg, heart_rate_set_bpm, lung_compliance_mL_cmH2O.
  const Moments m = moments(mass), r = moments(rate), c = moments(compliance);
  // A normal(80, 15) truncated to [50, 130] keeps its mean within 0.4 kg and its sd near 14.
  EXPECT_NEAR(m.mean, 80.0, 0.9);
  EXPECT_NEAR(m.sd, 14.1, 0.6);
  for (double v : mass) ASSERT_TRUE(v >= 50.0 && v <= 130.0) << v;
  EXPECT_NEAR(r.mean, 70.0, 0.5);
  EXPECT_NEAR(r.sd, 30.0 / std::sqrt(12.0), 0.3);
  EXPECT_NEAR(c.mean, std::log(150.0), 0.02);
  EXPECT_NEAR(c.sd, std::log(1.3), 0.01);
  EXPECT_NEAR(late / 4000.0, 0.25, 0.025);
}

TEST(Sampling, TheCopulaGivesTheAskedCorrelation) {
  const Study st = parse_study(R"({"patients": 4000, "population": {"parameters": {
      "body_mass_kg": {"dist": "normal", "mean": 75, "sd": 12},
      "blood_volume_mL": {"dist": "normal", "mean": 5000, "sd": 600}},
      "correlations": [{"between": ["body_mass_kg", "blood_volume_mL"], "r": 0.7}]}})",
                               "s.json");
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  const double n = static_cast<double>(st.patients);
  for (int64_t i = 0; i < st.patients; ++i) {
    const auto d = sample_patient(st, i);
    const double x = d.overrides[1].second, y = d.overrides[0].second;  // body mass, blood volume
    sx += x, sy += y, sxx += x * x, syy += y * y, sxy += x * y;
  }
  const double r = (sxy / n - sx / n * sy / n) /
                   std::sqrt((sxx / n - sx / n * sx / n) * (syy / n - sy / n * sy / n));
  EXPECT_NEAR(r, 0.7, 0.03);
}

TEST(Sampling, APatientDependsOnlyOnTheSeedAndItsIndex) {
  const Study a = parse_study(R"({"seed": 9, "patients": 10000, "population": {"parameters": {
      "body_mass_kg": {"dist": "normal", "mean": 80, "sd": 15}}},
      "arrest": {"rhythm": {"dist": "categorical", "values": ["vf_coarse", "pea", "asystole"]}}})",
                              "a.json");
  // Another study that samples more quantities and fewer patients: patient 7312's own draws
  // (body mass, rhythm) must not move.
  const Study b = parse_study(R"({"seed": 9, "patients": 7313, "population": {"parameters": {
      "body_mass_kg": {"dist": "normal", "mean": 80, "sd": 15},
      "heart_rate_set_bpm": {"dist": "uniform", "min": 55, "max": 85}}},
      "arrest": {"rhythm": {"dist": "categorical", "values": ["vf_coarse", "pea", "asystole"]}},
      "team": {"parameters": {"arrival_s": {"dist": "uniform", "min": 100, "max": 900}}}})",
                              "b.json");
  const auto pa = sample_patient(a, 7312), pb = sample_patient(b, 7312);
  EXPECT_EQ(pa.overrides[0].second, pb.overrides[0].second);
  EXPECT_EQ(pa.rhythm, pb.rhythm);
  EXPECT_NE(sample_patient(a, 7311).overrides[0].second, pa.overrides[0].second);
  const Study c = parse_study(R"({"seed": 10, "population": {"parameters": {
      "body_mass_kg": {"dist": "normal", "mean": 80, "sd": 15}}}})",
                              "c.json");
  EXPECT_NE(sample_patient(c, 7312).overrides[0].second, pa.overrides[0].second);
}

TEST(Sampling, ComorbiditiesComeAtTheirShareAndTheirShiftsMultiply) {
  const Study st = parse_study(R"({"patients": 4000, "population": {"comorbidities": {
      "heart_failure": {"share": 0.25, "scales": {"lv_emax_mmHg_per_mL": 0.6}},
      "ischaemic_heart": {"share": 0.5, "scales": {"lv_emax_mmHg_per_mL": 0.9, "coronary_resistance_mmHg_s_per_mL": 1.5}}}}})",
                               "s.json");
  int failing = 0, ischaemic = 0, both = 0;
  for (int64_t i = 0; i < st.patients; ++i) {
    const auto d = sample_patient(st, i);
    ASSERT_EQ(d.comorbid.size(), 2u);
    const bool hf = d.comorbid[0].second, ih = d.comorbid[1].second;  // name order
    failing += hf, ischaemic += ih, both += hf && ih;
    double emax = 1.0;
    for (const auto& [name, f] : d.scales)
      if (name == "lv_emax_mmHg_per_mL") emax = f;
    ASSERT_DOUBLE_EQ(emax, (hf ? 0.6 : 1.0) * (ih ? 0.9 : 1.0)) << i;
    ASSERT_EQ(d.scales.size(), static_cast<std::size_t>(hf || ih) + ih) << i;
  }
  EXPECT_NEAR(failing / 4000.0, 0.25, 0.02);
  EXPECT_NEAR(ischaemic / 4000.0, 0.5, 0.025);
  EXPECT_NEAR(both / 4000.0, 0.125, 0.015);  // drawn independently
  // A patient's comorbidity does not depend on what else the study samples.
  const Study other = parse_study(R"({"patients": 4000, "population": {"parameters": {"age_years": 70},
      "comorbidities": {"heart_failure": {"share": 0.25, "scales": {"rv_emax_mmHg_per_mL": 0.7}}}}})",
                                  "o.json");
  for (int64_t i = 0; i < 200; ++i)
    ASSERT_EQ(sample_patient(other, i).comorbid[0].second, sample_patient(st, i).comorbid[0].second);
}

// Every study the documentation runs parses, and draws its first patient: a study file that a
// renamed parameter or a new range has left behind is caught here, not by a reader.
// A cause's scene (arrest.scene) sets the team parameters of its own patients only, drawn where
// it gives a distribution; every patient reports every parameter any scene sets, so that the
// results have one set of columns.
TEST(Sampling, ACausesSceneTellsOnlyItsOwnPatientsTeam) {
  const Study st = parse_study(R"({"seed": 3, "arrest": {
      "cause": {"dist": "categorical", "values": ["primary", "opioid", "ccb"]},
      "causes": {"opioid": [{"at_s": 30, "do": "drug", "drug": "fentanyl", "dose": 2, "unit": "mg"}],
                 "ccb": [{"at_s": 0, "do": "drug", "drug": "verapamil", "dose": 2400, "unit": "mg", "route": "oral"}]},
      "scene": {"opioid": {"known_toxin": 1}, "ccb": {"known_toxin": {"dist": "categorical", "values": [0, 4]}}}},
      "team": {"parameters": {"arrival_s": 300}}})", "s.json");
  int primary = 0, opioid = 0, ccb_named = 0, ccb_silent = 0;
  for (int64_t i = 0; i < 300; ++i) {
    const resus_team::PatientDraw d = sample_patient(st, i);
    ASSERT_EQ(d.team_drawn.size(), 2u);
    EXPECT_EQ(d.team_drawn[0].first, "arrival_s");
    EXPECT_EQ(d.team_drawn[1].first, "known_toxin");
    EXPECT_EQ(d.team_drawn[1].second, d.team.known_toxin);
    if (d.cause == "primary") primary += d.team.known_toxin == 0.0;
    if (d.cause == "opioid") opioid += d.team.known_toxin == 1.0;
    if (d.cause == "ccb") (d.team.known_toxin == 4.0 ? ccb_named : ccb_silent) += 1;
    EXPECT_TRUE(d.cause != "opioid" || d.team.known_toxin == 1.0);
    EXPECT_TRUE(d.cause != "primary" || d.team.known_toxin == 0.0);
  }
  EXPECT_GT(primary, 70);  // a third of 300 each
  EXPECT_GT(opioid, 70);
  EXPECT_GT(ccb_named, 30);
  EXPECT_GT(ccb_silent, 30);
}

// The poisoned-arrests example drew "named" for 40 of its 106 opioid patients (p ~0.02 for a fair
// coin): over 20,000 patients each cause and each scene's draw must sit within 4 SD of its share,
// and a scene's draw must not lean on the cause's (they are separate keys of one Philox stream).
TEST(Sampling, AScenesDrawIsFairOverManyPatients) {
  std::ifstream in(std::string(RESUS_EXAMPLES_DIR) + "/studies/poisoned_arrests.json");
  std::stringstream text;
  text << in.rdbuf();
  const Study st = parse_study(text.str(), "poisoned_arrests.json");
  constexpr int kPatients = 20000;
  int opioid = 0, opioid_named = 0, tricyclic_named = 0;
  for (int64_t i = 0; i < kPatients; ++i) {
    const resus_team::PatientDraw d = sample_patient(st, i);
    if (d.cause == "opioid") {
      ++opioid;
      opioid_named += d.team.known_toxin == 1.0;
    } else {
      ASSERT_EQ(d.cause, "tricyclic");
      tricyclic_named += d.team.known_toxin == 2.0;
    }
  }
  RecordProperty("opioid", opioid);
  RecordProperty("opioid_named", opioid_named);
  RecordProperty("tricyclic_named", tricyclic_named);
  const auto within_4sd = [](int count, int n, double share) {
    return std::abs(count - n * share) < 4.0 * std::sqrt(n * share * (1.0 - share));
  };
  EXPECT_TRUE(within_4sd(opioid, kPatients, 0.5)) << opioid;
  EXPECT_TRUE(within_4sd(opioid_named, opioid, 0.5)) << opioid_named << " of " << opioid;
  EXPECT_TRUE(within_4sd(tricyclic_named, kPatients - opioid, 0.5))
      << tricyclic_named << " of " << kPatients - opioid;
}

// The witness status (Utstein; CARES 2020: 37.1% bystander, 12.8% 911 responder, 50.1% nobody)
// moves the team's times: a 911 responder's crew is at the collapse with no bystander or public
// AED; an unwitnessed patient's every help comes unwitnessed_delay_s later; a status's own team
// parameters (arrest.witness; CARES 2020: bystander CPR after 48.0% of witnessed and 34.1% of
// unwitnessed arrests) are its patients' alone. The results report the times the team ran with.
TEST(Sampling, AWitnessStatusMovesTheTeamsTimes) {
  const Study st = parse_study(R"({"seed": 4, "arrest": {
      "witnessed": {"dist": "categorical", "values": ["bystander", "ems", "unwitnessed"], "weights": [0.371, 0.128, 0.501]},
      "witness": {"bystander": {"bystander_cpr_delay_s": {"dist": "categorical", "values": [-1, 60], "weights": [0.52, 0.48]}},
                  "unwitnessed": {"bystander_cpr_delay_s": {"dist": "categorical", "values": [-1, 60], "weights": [0.659, 0.341]}}}},
      "team": {"parameters": {"arrival_s": 400, "aed_delay_s": 240,
                              "unwitnessed_delay_s": {"dist": "uniform", "min": 120, "max": 600}}}})", "s.json");
  constexpr int kPatients = 4000;
  int ems = 0, unwitnessed = 0, unwitnessed_cpr = 0, bystander = 0, bystander_cpr = 0;
  for (int64_t i = 0; i < kPatients; ++i) {
    const resus_team::PatientDraw d = sample_patient(st, i);
    double reported_arrival = -2.0;
    for (const auto& [name, value] : d.team_drawn)
      if (name == "arrival_s") reported_arrival = value;
    EXPECT_EQ(reported_arrival, d.team.arrival_s);
    const double found = d.team.unwitnessed_delay_s;
    if (d.witnessed == "ems") {
      ++ems;
      EXPECT_EQ(d.team.arrival_s, 0.0);
      EXPECT_EQ(d.team.bystander_cpr_delay_s, -1.0);
      EXPECT_EQ(d.team.aed_delay_s, -1.0);
    } else if (d.witnessed == "unwitnessed") {
      ++unwitnessed;
      ASSERT_GE(found, 120.0);
      ASSERT_LE(found, 600.0);
      EXPECT_EQ(d.team.arrival_s, 400.0 + found);
      EXPECT_EQ(d.team.aed_delay_s, 240.0 + found);
      EXPECT_TRUE(d.team.bystander_cpr_delay_s == -1.0 || d.team.bystander_cpr_delay_s == 60.0 + found);
      unwitnessed_cpr += d.team.bystander_cpr_delay_s >= 0.0;
    } else {
      ASSERT_EQ(d.witnessed, "bystander");
      ++bystander;
      EXPECT_EQ(d.team.arrival_s, 400.0);
      EXPECT_EQ(d.team.aed_delay_s, 240.0);
      bystander_cpr += d.team.bystander_cpr_delay_s == 60.0;
    }
  }
  const auto within_4sd = [](int count, int n, double share) {
    return std::abs(count - n * share) < 4.0 * std::sqrt(n * share * (1.0 - share));
  };
  EXPECT_TRUE(within_4sd(ems, kPatients, 0.128)) << ems;
  EXPECT_TRUE(within_4sd(unwitnessed, kPatients, 0.501)) << unwitnessed;
  EXPECT_TRUE(within_4sd(bystander_cpr, bystander, 0.48)) << bystander_cpr << " of " << bystander;
  EXPECT_TRUE(within_4sd(unwitnessed_cpr, unwitnessed, 0.341)) << unwitnessed_cpr << " of " << unwitnessed;
}

// A witness status's own first rhythm (arrest.witness.<status>.rhythm) replaces arrest.rhythm
// for its patients (CARES 2020 presents 25.9% of bystander-witnessed and 9.6% of unwitnessed
// arrests in a shockable rhythm); a status without one keeps arrest.rhythm.
TEST(Sampling, AWitnessStatusMayDrawItsOwnFirstRhythm) {
  const Study st = parse_study(R"({"seed": 8, "arrest": {"rhythm": "pea",
      "witnessed": {"dist": "categorical", "values": ["bystander", "ems", "unwitnessed"]},
      "witness": {"bystander": {"rhythm": {"dist": "categorical", "values": ["vf_coarse", "asystole"], "weights": [0.259, 0.741]}},
                  "unwitnessed": {"rhythm": "asystole", "unwitnessed_delay_s": 120}}}})", "s.json");
  int bystander = 0, bystander_vf = 0;
  for (int64_t i = 0; i < 3000; ++i) {
    const resus_team::PatientDraw d = sample_patient(st, i);
    if (d.witnessed == "unwitnessed") {
      EXPECT_EQ(d.rhythm, "asystole");
      EXPECT_EQ(d.team.unwitnessed_delay_s, 120.0);
    } else if (d.witnessed == "ems") {
      EXPECT_EQ(d.rhythm, "pea");
    } else {
      ++bystander;
      bystander_vf += d.rhythm == "vf_coarse";
      EXPECT_TRUE(d.rhythm == "vf_coarse" || d.rhythm == "asystole") << d.rhythm;
    }
  }
  EXPECT_NEAR(bystander_vf, 0.259 * bystander, 4.0 * std::sqrt(0.259 * 0.741 * bystander));
}

TEST(StudyInput, EveryExampleStudyParses) {
  int studies = 0;
  for (const auto& entry :
       std::filesystem::directory_iterator(std::string(RESUS_EXAMPLES_DIR) + "/studies")) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    try {
      const resus_team::Study study = resus_team::parse_study(text.str(), entry.path().string());
      (void)resus_team::sample_patient(study, 0);
      ++studies;
    } catch (const std::exception& e) {
      ADD_FAILURE() << e.what();
    }
  }
  EXPECT_GE(studies, 6);
}

TEST(StudyInput, BadFieldsAreRefusedWithPathValueAndRange) {
  // Each bad study and a part of the message it must get: the JSON path, the value, the range.
  const std::pair<const char*, const char*> cases[] = {
      {"{",
       "s.json: not valid JSON"},
      {R"({"patients": 0})",
       "patients: 0 is outside the valid range [1, 1e+09]"},
      {R"({"population": {"parameters": {"body_mass_kg": 500}}})",
       "population.parameters.body_mass_kg: 500 is outside the valid range [30, 140]"},
      {R"({"population": {"parameters": {"nonsense": 1}}})",
       "population.parameters.nonsense: not a patient parameter"},
      {R"({"population": {"parameters": {"body_mass_kg": {"dist": "normal", "mean": 70}}}})",
       "population.parameters.body_mass_kg: needs \"sd\""},
      {R"({"arrest": {"rhythm": "sinus"}})",
       "arrest.rhythm: \"sinus\" is not one of the arrest rhythms (asystole, pea, pulseless_vt"},
      {R"({"team": {"preset": "paramedics"}})",
       "team.preset: \"paramedics\""},
      {R"({"team": {"parameters": {"antiarrhythmic": {"dist": "uniform", "min": 0, "max": 2}}}})",
       "a choice takes a number or a categorical"},
      {R"({"team": {"parameters": {"arrival_s": -5}}})",
       "team.parameters.arrival_s: -5 is outside the valid range"},
      {R"({"population": {"parameters": {"body_mass_kg": {"dist": "normal", "mean": 70, "sd": 9},
           "blood_volume_mL": {"dist": "normal", "mean": 5000, "sd": 500}, "heart_rate_set_bpm": {"dist": "normal", "mean": 70, "sd": 9}},
           "correlations": [{"between": ["body_mass_kg", "blood_volume_mL"], "r": 0.95},
                            {"between": ["body_mass_kg", "heart_rate_set_bpm"], "r": 0.95},
                            {"between": ["blood_volume_mL", "heart_rate_set_bpm"], "r": -0.95}]}})",
       "not positive definite"},
      {R"({"record": {"signals": ["no_such_signal"]}})",
       "record.signals[0]: not a signal"},
      {R"({"duration_s": 100, "arrest": {"at_s": 200}})",
       "arrest.at_s"},
      {R"({"typo": 1})",
       "unknown field \"typo\""},
      // A cause's actions are checked by the library itself, with their path in the study.
      {R"({"arrest": {"cause": "k", "causes": {"k": [{"at_s": 10, "do": "condition",
           "condition": "hyperkalaemia", "rate_mmol_h": 99999}]}}})",
       "arrest.causes.k[0]: "},
      {R"({"arrest": {"cause": "other", "causes": {"k": [{"at_s": 10, "do": "hemorrhage", "rate_mL_min": 100}]}}})",
       "arrest.cause: \"other\" is not one of the causes"},
      {R"({"arrest": {"causes": {"k": [{"do": "hemorrhage"}]}}})",
       "must be an action object with \"at_s\""},
      {R"({"arrest": {"causes": {"k": [{"at_s": 10, "do": "hemorrhage", "rate_mL_min": 100}]},
           "scene": {"other": {"known_toxin": 1}}}})",
       "arrest.scene.other: not one of arrest.causes"},
      {R"({"arrest": {"causes": {"k": [{"at_s": 10, "do": "hemorrhage", "rate_mL_min": 100}]},
           "scene": {"k": {"known_toxin": 7}}}})",
       "arrest.scene.k.known_toxin: 7 is outside the valid range [0, 4]"},
      {R"({"arrest": {"causes": {"k": [{"at_s": 10, "do": "hemorrhage", "rate_mL_min": 100}]},
           "scene": {"k": {"nonsense": 1}}}})",
       "arrest.scene.k.nonsense: not a team parameter"},
      {R"({"team": {"preset": "als_crew", "script": [{"at_s": 0, "do": "cpr_start"}]}})",
       "team.script: a scripted team has no preset or parameters"},
      {R"({"team": {"script": [{"do": "cpr_start"}]}})",
       "team.script[0]: must be an action object with \"at_s\""},
      {R"({"team": {"script": [{"at_s": 10, "do": "shock", "energy_J": 9000}]}})",
       "team.script[0]: "},
      {R"({"duration_s": 600, "team": {"script": [{"at_s": 700, "do": "cpr_stop"}]}})",
       "team.script[0].at_s: 700 is outside the valid range [0, 600]"},
      {R"({"arrest": {"witnessed": "ems"}, "team": {"script": [{"at_s": 0, "do": "cpr_stop"}]}})",
       "team.script: a scripted team's times are its own"},
      {R"({"arrest": {"witnessed": "seen"}})",
       "arrest.witnessed: \"seen\" is not one of the witness statuses"},
      {R"({"arrest": {"witness": {"nobody": {"arrival_s": 60}}}})",
       "arrest.witness.nobody: not a witness status (bystander, ems, unwitnessed)"},
      {R"({"arrest": {"witness": {"bystander": {"rhythm": "sinus"}}}})",
       "arrest.witness.bystander.rhythm: \"sinus\" is not one of the arrest rhythms"},
      {R"({"arrest": {"witness": {"ems": {"arrival_s": 60}}}})",
       "arrest.witness.ems.arrival_s: a 911 responder's crew is at the collapse"},
      {R"({"arrest": {"witness": {"unwitnessed": {"unwitnessed_delay_s": -5}}}})",
       "arrest.witness.unwitnessed.unwitnessed_delay_s: -5 is outside the valid range [0, 86400]"},
      {R"({"population": {"comorbidities": {"hf": {"share": 1.5, "scales": {"lv_emax_mmHg_per_mL": 0.6}}}}})",
       "population.comorbidities.hf.share: 1.5 is outside the valid range [0, 1]"},
      {R"({"population": {"comorbidities": {"hf": {"share": 0.2, "scales": {"lv_emax_mmHg_per_mL": 0}}}}})",
       "population.comorbidities.hf.scales.lv_emax_mmHg_per_mL: 0 is outside the valid range [0.01, 100]"},
      {R"({"population": {"comorbidities": {"hf": {"share": 0.2, "scales": {"nonsense": 2}}}}})",
       "population.comorbidities.hf.scales.nonsense: not a patient parameter"},
      {R"({"population": {"comorbidities": {"hf": {"share": 0.2}}}})",
       "population.comorbidities.hf.scales: must be an object"},
      {R"({"population": {"comorbidities": {"old": {"share": 0.2, "scales": {"age_years": 2}}}}})",
       "an input of the preset"},
      {R"({"population": {"comorbidities": {"tall": {"share": 0.2, "scales": {"height_cm": 1.1}}}}})",
       "population.comorbidities.tall.scales.height_cm: an input of the preset"},
      {R"({"population": {"parameters": {"lv_emax_mmHg_per_mL": 2},
           "comorbidities": {"hf": {"share": 0.2, "scales": {"lv_emax_mmHg_per_mL": 0.6}}}}})",
       "population.comorbidities.hf.scales.lv_emax_mmHg_per_mL: population.parameters samples"},
      {R"({"population": {"comorbidities": {"a": {"share": 0.2, "scales": {"lv_emax_mmHg_per_mL": 0.05}},
           "b": {"share": 0.2, "scales": {"lv_emax_mmHg_per_mL": 0.1}}}}})",
       "the factors on lv_emax_mmHg_per_mL combine to 0.005"},
      {R"({"population": {"comorbidities": {"heart,failure": {"share": 0.2, "scales": {"lv_emax_mmHg_per_mL": 0.6}}}}})",
       "letters, digits and underscores"},
  };
  for (const auto& [study, message] : cases)
    EXPECT_NE(refusal(study).find(message), std::string::npos) << study << "\n" << refusal(study);
}

// `resus draw`'s line (draw_json) holds what the batch runs patient i from: its model compiles to
// the drawn parameters, its sim is keyed by the study's seed and the patient's index, and its
// arrest is the drawn rhythm at arrest.at_s, or the drawn cause's own actions with the rule that
// finds its collapse. (That a host reproduces the batch's collapse from it: the Python binding's
// test_env.py.)
TEST(Draw, ALineHoldsWhatTheBatchRunsThePatientFrom) {
  const Study st = parse_study(R"({"seed": 9, "patients": 10, "duration_s": 600,
      "population": {"preset": "adult_female_60kg",
                     "parameters": {"body_mass_kg": {"dist": "uniform", "min": 50, "max": 90}}},
      "arrest": {"at_s": 40, "rhythm": "pea",
                 "cause": {"dist": "categorical", "values": ["primary", "tension"]},
                 "causes": {"tension": [{"at_s": 5, "do": "condition", "condition": "tension_pneumothorax",
                                   "side": "left", "rate_mL_min": 400}]}},
      "team": {"parameters": {"arrival_s": {"dist": "uniform", "min": 300, "max": 600}}}})",
                               "draw.json");
  bool saw_primary = false, saw_cause = false;
  for (int64_t i = 0; i < 10; ++i) {
    const resus_team::PatientDraw d = sample_patient(st, i);
    const nlohmann::json j = nlohmann::json::parse(resus_team::draw_json(st, d));
    EXPECT_EQ(j.at("patient"), i);
    EXPECT_EQ(j.at("sim").at("seed"), 9u);
    EXPECT_EQ(j.at("sim").at("patient_id"), i);
    EXPECT_EQ(j.at("duration_s"), 600.0);
    EXPECT_EQ(j.at("model").at("preset"), "adult_female_60kg");
    EXPECT_EQ(j.at("model").at("overrides").at("body_mass_kg"), d.overrides.at(0).second);
    EXPECT_EQ(j.at("team").at("arrival_s"), d.team.arrival_s);
    EXPECT_EQ(j.at("team_preset"), "als_crew");
    EXPECT_GE(d.team.arrival_s, 300.0);
    const nlohmann::json& a = j.at("arrest");
    EXPECT_EQ(a.at("cause"), d.cause);
    if (d.cause == "primary") {
      saw_primary = true;
      EXPECT_EQ(a.at("at_s"), 40.0);
      EXPECT_EQ(a.at("rhythm"), "pea");
      EXPECT_FALSE(a.contains("actions"));
    } else {
      saw_cause = true;
      EXPECT_FALSE(a.contains("rhythm"));
      ASSERT_EQ(a.at("actions").size(), 1u);
      EXPECT_EQ(a.at("actions")[0].at("condition"), "tension_pneumothorax");
      EXPECT_EQ(a.at("collapse").at("carotid_pulse_below"), resus_team::kCollapsePulse);
      EXPECT_EQ(a.at("collapse").at("for_s"), resus_team::kCollapsePulselessFor_s);
      EXPECT_EQ(a.at("collapse").at("check_every_s"), resus_team::kCollapseCheck_s);
    }
  }
  EXPECT_TRUE(saw_primary);
  EXPECT_TRUE(saw_cause);
  // The model line compiles to the drawn mass.
  const nlohmann::json j = nlohmann::json::parse(resus_team::draw_json(st, sample_patient(st, 3)));
  resus_model* model = nullptr;
  ASSERT_EQ(resus_model_create_json(j.at("model").dump().c_str(), &model), RESUS_OK);
  double mass = 0.0;
  ASSERT_EQ(resus_model_param(model, "body_mass_kg", &mass), RESUS_OK);
  EXPECT_EQ(mass, j.at("model").at("overrides").at("body_mass_kg").get<double>());
  resus_model_destroy(model);
}

}  // namespace
