#include "engine/patient.hpp"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/json_input.hpp"
#include "engine/status.hpp"

namespace resus {
namespace {

// Reference adult male, 70 kg. Sources per value in models/*/README.md.
PatientParams reference_male() {
  PatientParams p{};
  p.body_mass_kg = 70.0;
  p.blood_volume_mL = 70.0 * 70.0;  // 70 mL/kg (ATLS; physiology B.1 row 11)
  p.heart_rate_set_bpm = 72.0;

  cv::CirculationParams& c = p.circulation;
  // Smith 2004 ventricles, septum and pericardium.
  c.lv = {2.3, 0.0, 0.1203, 0.036, 0.0};
  c.rv = {0.585, 0.0, 0.2157, 0.023, 0.0};
  c.septum = {48.754, 2.0, 1.1101, 0.435, 2.0};
  c.la = {0.15, 0.30, 10.0};
  c.ra = {0.10, 0.20, 10.0};
  c.pericardium_p0 = 0.5003;
  c.pericardium_lambda = 0.03;
  c.pericardium_v0 = 380.0;
  c.pericardial_fluid_mL = 25.0;

  c.aorta = {1.2, 100.0};
  c.systemic_arteries = {1.4, 500.0};
  c.splanchnic_veins = {1.0 / 61.11, 1080.0};
  c.extrasplanchnic_veins = {1.0 / 50.0, 1310.0};
  c.jugular_veins = {0.3, 60.0};
  c.thoracic_veins = {1.0 / 15.0, 120.0};
  c.pulmonary_arteries = {0.369, 90.0};
  c.pulmonary_veins = {0.05, 200.0};

  c.mitral = {0.0158, 7.6968e-5};
  c.aortic = {0.018, 1.2189e-4};
  c.tricuspid = {0.0237, 8.0093e-5};
  c.pulmonic = {0.0055, 1.4868e-4};

  c.r_aorta_arteries = 0.02;
  c.r_splanchnic = 2.53;
  c.r_extrasplanchnic = 1.72;
  c.r_cerebral = 6.5;
  c.r_coronary = 16.0;
  c.intramyocardial_factor = 0.75;
  c.r_splanchnic_veins = 0.038;
  c.r_extrasplanchnic_veins = 0.016;
  c.r_jugular_valve = 0.06;
  c.r_vena_cava_atrium = 0.01;
  c.r_pulmonary = 0.065;
  c.r_pulmonary_veins = 0.0056;

  c.intracranial_pressure = 10.0;
  c.intrathoracic_pressure = -4.0;

  c.systole_intercept_s = 0.5;
  c.systole_slope_s2 = 0.075;
  c.systole_rise_fraction = 0.6;
  c.atrial_systole_s = 0.18;

  autonomic::BaroreflexParams& b = p.baroreflex;
  b.tau_p_s = 2.076;
  b.tau_z_s = 6.37;
  b.f_min = 2.52;
  b.f_max = 47.78;
  b.k_a = 11.758;
  b.fes_inf = 2.10;
  b.fes_0 = 16.11;
  b.k_es = 0.0675;
  b.fes_min = 2.66;
  b.fev_0 = 3.2;
  b.fev_inf = 6.3;
  b.k_ev = 7.06;
  b.fas_0 = 25.0;
  using autonomic::EffectorParams;
  b.effectors[autonomic::kLvEmax] = EffectorParams{0.475, 2.0, 8.0};
  b.effectors[autonomic::kRvEmax] = EffectorParams{0.282, 2.0, 8.0};
  b.effectors[autonomic::kSplanchnicResistance] = EffectorParams{0.695, 2.0, 6.0};
  b.effectors[autonomic::kExtrasplanchnicResistance] = EffectorParams{0.53, 2.0, 6.0};
  b.effectors[autonomic::kSplanchnicUnstressed] = EffectorParams{-265.4, 5.0, 20.0};
  b.effectors[autonomic::kExtrasplanchnicUnstressed] = EffectorParams{-132.5, 5.0, 20.0};
  b.effectors[autonomic::kPeriodSympathetic] = EffectorParams{-0.13, 2.0, 2.0};
  b.effectors[autonomic::kPeriodVagal] = EffectorParams{0.09, 0.2, 1.5};
  b.gain_scale = 1.0;

  // Conduction (models/electrophysiology/README.md).
  ep::ConductionParams& e = p.conduction;
  e.av_normal = {0.16, 0.10, 0.10, 0.20};
  e.av_first_degree = {0.28, 0.10, 0.10, 0.20};
  e.av_wenckebach = {0.20, 0.30, 0.30, 0.40};
  e.infranodal_ratio = 3;
  e.af_mean_interval_s = 0.12;
  e.af_interval_sd_s = 0.03;
  e.flutter_interval_s = 0.20;
  e.svt_interval_s = 60.0 / 180.0;
  e.bradycardia_bpm = 45.0;
  e.tachycardia_bpm = 125.0;
  e.pea_rate_bpm = 50.0;
  e.vt_bpm = 170.0;
  e.pulseless_vt_bpm = 230.0;
  e.torsades_bpm = 250.0;
  e.escape_bpm = 35.0;
  e.ventricular_refractory_base_s = 0.16;
  e.ventricular_refractory_slope = 0.12;
  e.efficiency_ectopic = 0.6;
  e.efficiency_torsades = 0.3;
  e.efficiency_paced = 0.6;
  e.vt_pulseless_rate_50_bpm = 200.0;
  e.vt_rate_width_bpm = 12.0;
  e.pea_contractility = 0.05;
  e.pacer_threshold_mA = 60.0;

  // Myocardial energy and shocks (physiology.md A.8, B.5).
  ep::MyocardiumParams& m = p.myocardium;
  m.ischaemia_rate_per_s = 1.0 / 900.0;  // untreated VF exhausts the muscle in ~15 min
  m.recovery_rate_per_s = 1.0 / 120.0;
  m.vf_demand = 1.0;
  m.sufficient_perfusion = 0.8;
  m.perfusion_tau_s = 4.0;
  m.vf_amplitude_max_mV = 1.0;
  m.vf_amplitude_min_mV = 0.05;
  m.vf_frequency_max_Hz = 7.0;
  m.vf_frequency_min_Hz = 3.5;
  m.amsa_per_mV_Hz = 3.0;
  m.asystole_energy = 0.02;
  m.asystole_hazard_per_s = 1.0 / 60.0;
  m.stunned_contractility = 0.3;
  m.biphasic_e50_J = 50.0;
  m.monophasic_e50_J = 200.0;
  m.shock_steepness = 2.5;
  m.rosc_beta0 = -2.2;
  m.rosc_beta1 = 0.15;
  m.pea_energy = 0.25;
  m.refib_hazard_per_s = 1.0 / 240.0;
  m.refib_tau_s = 120.0;
  m.t_wave_vf_probability = 0.25;
  m.cardioversion_e50_af_J = 80.0;
  m.cardioversion_e50_flutter_J = 30.0;
  m.cardioversion_e50_vt_J = 40.0;

  p.ecg = ecg::default_ecg_params();  // models/ecg/README.md
  return p;
}

// Scales a reference patient to another body mass: volumes and compliances in proportion to
// mass, resistances, elastances and inertances inversely, so pressures stay and flows scale.
void scale_to_mass(PatientParams& p, double mass_kg) {
  const double s = mass_kg / p.body_mass_kg;
  p.body_mass_kg = mass_kg;
  p.blood_volume_mL *= s;
  cv::CirculationParams& c = p.circulation;
  for (cv::VentricleParams* v : {&c.lv, &c.rv, &c.septum}) {
    v->emax /= s;
    v->vd *= s;
    v->lambda /= s;
    v->v0 *= s;
  }
  for (cv::AtriumParams* a : {&c.la, &c.ra}) {
    a->emin /= s;
    a->emax /= s;
    a->v0 *= s;
  }
  c.pericardium_lambda /= s;
  c.pericardium_v0 *= s;
  c.pericardial_fluid_mL *= s;
  for (cv::VesselParams* v : {&c.aorta, &c.systemic_arteries, &c.splanchnic_veins,
                              &c.extrasplanchnic_veins, &c.jugular_veins, &c.thoracic_veins,
                              &c.pulmonary_arteries, &c.pulmonary_veins}) {
    v->elastance /= s;
    v->unstressed_volume *= s;
  }
  for (cv::ValveParams* v : {&c.mitral, &c.aortic, &c.tricuspid, &c.pulmonic}) {
    v->resistance /= s;
    v->inertance /= s;
  }
  for (double* r : {&c.r_aorta_arteries, &c.r_splanchnic, &c.r_extrasplanchnic, &c.r_cerebral,
                    &c.r_coronary, &c.r_splanchnic_veins, &c.r_extrasplanchnic_veins,
                    &c.r_jugular_valve, &c.r_vena_cava_atrium, &c.r_pulmonary,
                    &c.r_pulmonary_veins}) {
    *r /= s;
  }
  auto& e = p.baroreflex.effectors;
  e[autonomic::kLvEmax].gain /= s;
  e[autonomic::kRvEmax].gain /= s;
  e[autonomic::kSplanchnicResistance].gain /= s;
  e[autonomic::kExtrasplanchnicResistance].gain /= s;
  e[autonomic::kSplanchnicUnstressed].gain *= s;
  e[autonomic::kExtrasplanchnicUnstressed].gain *= s;
}

// Chest compression constants: fitted once to physiology.md B.2 rows 21-28 (models/cpr/README.md
// says how), then frozen.
cpr::CompressionParams adult_chest() {
  cpr::CompressionParams c{};
  c.dead_depth_mm = 12.0;
  c.knee_mm = 4.0;
  c.pressure_per_mm = 1.6;
  c.thoracic_fraction = 1.0;
  c.cardiac_fraction = 0.045;
  return c;
}

// What does not scale with the circulation: chest, CPR meter, palpation, breathing and gases.
void add_chest_and_lungs(PatientParams& p, double mass_kg, double hemoglobin_g_dL) {
  p.hemoglobin_g_dL = hemoglobin_g_dL;
  p.compression = adult_chest();
  p.cpr_quality = cpr::QualityParams{};
  p.pulse = cpr::default_pulse_params();
  p.respiration = resp::default_resp_params(mass_kg, hemoglobin_g_dL);
}

PatientParams adult_male(double mass_kg) {
  PatientParams p = reference_male();
  scale_to_mass(p, mass_kg);
  add_chest_and_lungs(p, mass_kg, 15.0);  // Hb 13.5-17.5 g/dL in men
  return p;
}

// Adult female: the reference scaled to her mass, with 65 mL/kg of blood (ATLS) held in vessels
// scaled alike (unstressed volumes x 65/70, so the stressed share is the man's), a faster resting
// rate, and systemic arterioles 15% below the mass-scaled man's (women's lower resting MAP),
// calibrated once against physiology B.1 rows 3, 4 and 10, then frozen.
PatientParams adult_female(double mass_kg) {
  PatientParams p = reference_male();
  scale_to_mass(p, mass_kg);
  const double volume_factor = 65.0 / 70.0;
  p.blood_volume_mL = 65.0 * mass_kg;
  cv::CirculationParams& c = p.circulation;
  for (cv::VesselParams* v : {&c.aorta, &c.systemic_arteries, &c.splanchnic_veins,
                              &c.extrasplanchnic_veins, &c.jugular_veins, &c.thoracic_veins,
                              &c.pulmonary_arteries, &c.pulmonary_veins}) {
    v->unstressed_volume *= volume_factor;
  }
  c.r_splanchnic *= 0.85;
  c.r_extrasplanchnic *= 0.85;
  p.heart_rate_set_bpm = 78.0;
  add_chest_and_lungs(p, mass_kg, 13.5);  // Hb 12-15.5 g/dL in women
  return p;
}

struct Preset {
  PresetInfo info;
  double default_mass_kg;
  PatientParams (*make)(double mass_kg);
};

const std::array<Preset, 2> kPresets = {{
    {{"adult_male_70kg", "healthy adult man, 70 kg, supine at rest"}, 70.0, adult_male},
    {{"adult_female_60kg", "healthy adult woman, 60 kg, supine at rest"}, 60.0, adult_female},
}};

#define RESUS_PARAM(field) [](PatientParams& p) -> double& { return p.field; }
#define RESUS_EFFECTOR(idx, field) \
  [](PatientParams& p) -> double& { return p.baroreflex.effectors[autonomic::idx].field; }

constexpr double kBig = 1e4;

const ParamInfo kParams[] = {
    {"body_mass_kg", "kg", 30, 140, "body mass; rescales the preset (set it first)", RESUS_PARAM(body_mass_kg)},
    {"blood_volume_mL", "mL", 1500, 10000, "total blood volume at start", RESUS_PARAM(blood_volume_mL)},
    {"heart_rate_set_bpm", "1/min", 30, 180, "resting sinus rate held by the reflex", RESUS_PARAM(heart_rate_set_bpm)},
    {"lv_emax_mmHg_per_mL", "mmHg/mL", 0.1, 20, "LV end-systolic elastance (contractility) at rest", RESUS_PARAM(circulation.lv.emax)},
    {"lv_edpvr_p0_mmHg", "mmHg", 0.01, 5, "LV diastolic pressure-volume scale", RESUS_PARAM(circulation.lv.p0)},
    {"lv_edpvr_lambda_per_mL", "1/mL", 0.001, 0.2, "LV diastolic stiffness", RESUS_PARAM(circulation.lv.lambda)},
    {"rv_emax_mmHg_per_mL", "mmHg/mL", 0.05, 10, "RV end-systolic elastance at rest", RESUS_PARAM(circulation.rv.emax)},
    {"rv_edpvr_p0_mmHg", "mmHg", 0.01, 5, "RV diastolic pressure-volume scale", RESUS_PARAM(circulation.rv.p0)},
    {"rv_edpvr_lambda_per_mL", "1/mL", 0.001, 0.2, "RV diastolic stiffness", RESUS_PARAM(circulation.rv.lambda)},
    {"septum_emax_mmHg_per_mL", "mmHg/mL", 1, 200, "septal end-systolic elastance", RESUS_PARAM(circulation.septum.emax)},
    {"la_emin_mmHg_per_mL", "mmHg/mL", 0.01, 2, "LA relaxed elastance", RESUS_PARAM(circulation.la.emin)},
    {"la_emax_mmHg_per_mL", "mmHg/mL", 0.01, 5, "LA contracted elastance", RESUS_PARAM(circulation.la.emax)},
    {"ra_emin_mmHg_per_mL", "mmHg/mL", 0.01, 2, "RA relaxed elastance", RESUS_PARAM(circulation.ra.emin)},
    {"ra_emax_mmHg_per_mL", "mmHg/mL", 0.01, 5, "RA contracted elastance", RESUS_PARAM(circulation.ra.emax)},
    {"pericardium_p0_mmHg", "mmHg", 0.01, 10, "pericardial pressure-volume scale", RESUS_PARAM(circulation.pericardium_p0)},
    {"pericardium_lambda_per_mL", "1/mL", 0.001, 0.2, "pericardial stiffness", RESUS_PARAM(circulation.pericardium_lambda)},
    {"pericardium_v0_mL", "mL", 50, 2000, "pericardial contents at zero transmural pressure", RESUS_PARAM(circulation.pericardium_v0)},
    {"pericardial_fluid_mL", "mL", 0, 2000, "pericardial fluid (normal 15-50 mL)", RESUS_PARAM(circulation.pericardial_fluid_mL)},
    {"aorta_elastance_mmHg_per_mL", "mmHg/mL", 0.05, 20, "thoracic aorta elastance", RESUS_PARAM(circulation.aorta.elastance)},
    {"aorta_unstressed_mL", "mL", 0, kBig, "thoracic aorta unstressed volume", RESUS_PARAM(circulation.aorta.unstressed_volume)},
    {"arteries_elastance_mmHg_per_mL", "mmHg/mL", 0.05, 20, "systemic arteries elastance", RESUS_PARAM(circulation.systemic_arteries.elastance)},
    {"arteries_unstressed_mL", "mL", 0, kBig, "systemic arteries unstressed volume", RESUS_PARAM(circulation.systemic_arteries.unstressed_volume)},
    {"splanchnic_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.001, 1, "splanchnic veins elastance", RESUS_PARAM(circulation.splanchnic_veins.elastance)},
    {"splanchnic_veins_unstressed_mL", "mL", 0, kBig, "splanchnic veins unstressed volume at rest", RESUS_PARAM(circulation.splanchnic_veins.unstressed_volume)},
    {"extrasplanchnic_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.001, 1, "extrasplanchnic veins elastance", RESUS_PARAM(circulation.extrasplanchnic_veins.elastance)},
    {"extrasplanchnic_veins_unstressed_mL", "mL", 0, kBig, "extrasplanchnic veins unstressed volume at rest", RESUS_PARAM(circulation.extrasplanchnic_veins.unstressed_volume)},
    {"jugular_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.01, 10, "jugular/cerebral veins elastance", RESUS_PARAM(circulation.jugular_veins.elastance)},
    {"jugular_veins_unstressed_mL", "mL", 0, kBig, "jugular/cerebral veins unstressed volume", RESUS_PARAM(circulation.jugular_veins.unstressed_volume)},
    {"thoracic_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.005, 5, "thoracic veins (SVC, thoracic IVC) elastance", RESUS_PARAM(circulation.thoracic_veins.elastance)},
    {"thoracic_veins_unstressed_mL", "mL", 0, kBig, "thoracic veins unstressed volume", RESUS_PARAM(circulation.thoracic_veins.unstressed_volume)},
    {"pulmonary_arteries_elastance_mmHg_per_mL", "mmHg/mL", 0.01, 10, "pulmonary arteries elastance", RESUS_PARAM(circulation.pulmonary_arteries.elastance)},
    {"pulmonary_arteries_unstressed_mL", "mL", 0, kBig, "pulmonary arteries unstressed volume", RESUS_PARAM(circulation.pulmonary_arteries.unstressed_volume)},
    {"pulmonary_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.001, 5, "pulmonary capillaries and veins elastance", RESUS_PARAM(circulation.pulmonary_veins.elastance)},
    {"pulmonary_veins_unstressed_mL", "mL", 0, kBig, "pulmonary capillaries and veins unstressed volume", RESUS_PARAM(circulation.pulmonary_veins.unstressed_volume)},
    {"mitral_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "mitral valve resistance", RESUS_PARAM(circulation.mitral.resistance)},
    {"aortic_valve_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "aortic valve resistance (stenosis raises it)", RESUS_PARAM(circulation.aortic.resistance)},
    {"tricuspid_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "tricuspid valve resistance", RESUS_PARAM(circulation.tricuspid.resistance)},
    {"pulmonic_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "pulmonic valve resistance", RESUS_PARAM(circulation.pulmonic.resistance)},
    {"aorta_arteries_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "thoracic aorta to systemic arteries", RESUS_PARAM(circulation.r_aorta_arteries)},
    {"splanchnic_resistance_mmHg_s_per_mL", "mmHg*s/mL", 0.1, 50, "splanchnic arteriolar resistance at rest", RESUS_PARAM(circulation.r_splanchnic)},
    {"extrasplanchnic_resistance_mmHg_s_per_mL", "mmHg*s/mL", 0.1, 50, "extrasplanchnic arteriolar resistance at rest", RESUS_PARAM(circulation.r_extrasplanchnic)},
    {"cerebral_resistance_mmHg_s_per_mL", "mmHg*s/mL", 0.5, 100, "cerebral vascular resistance", RESUS_PARAM(circulation.r_cerebral)},
    {"coronary_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1, 500, "coronary vascular resistance", RESUS_PARAM(circulation.r_coronary)},
    {"intramyocardial_factor", "1", 0, 1, "share of LV transmural pressure compressing the coronaries", RESUS_PARAM(circulation.intramyocardial_factor)},
    {"splanchnic_venous_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 5, "splanchnic venous return resistance", RESUS_PARAM(circulation.r_splanchnic_veins)},
    {"extrasplanchnic_venous_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 5, "extrasplanchnic venous return resistance", RESUS_PARAM(circulation.r_extrasplanchnic_veins)},
    {"jugular_valve_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 5, "thoracic-inlet venous valve, forward resistance", RESUS_PARAM(circulation.r_jugular_valve)},
    {"vena_cava_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 1, "thoracic veins to right atrium", RESUS_PARAM(circulation.r_vena_cava_atrium)},
    {"pulmonary_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 5, "pulmonary vascular resistance", RESUS_PARAM(circulation.r_pulmonary)},
    {"pulmonary_venous_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "pulmonary veins to left atrium", RESUS_PARAM(circulation.r_pulmonary_veins)},
    {"intracranial_pressure_mmHg", "mmHg", 0, 80, "intracranial pressure", RESUS_PARAM(circulation.intracranial_pressure)},
    {"intrathoracic_pressure_mmHg", "mmHg", -20, 40, "resting mean pleural pressure", RESUS_PARAM(circulation.intrathoracic_pressure)},
    {"systole_intercept_s", "s", 0.2, 0.8, "ventricular systole Ts = a - b*f: a", RESUS_PARAM(circulation.systole_intercept_s)},
    {"systole_slope_s2", "s^2", 0, 0.2, "ventricular systole Ts = a - b*f: b (f in Hz)", RESUS_PARAM(circulation.systole_slope_s2)},
    {"systole_rise_fraction", "1", 0.2, 0.9, "share of systole with rising activation", RESUS_PARAM(circulation.systole_rise_fraction)},
    {"atrial_systole_s", "s", 0.05, 0.4, "atrial activation duration", RESUS_PARAM(circulation.atrial_systole_s)},
    {"cpr_dead_depth_mm", "mm", 0, 40, "chest-wall slack: compression depth that builds no pressure (d0)", RESUS_PARAM(compression.dead_depth_mm)},
    {"cpr_knee_mm", "mm", 0.5, 20, "width of the soft onset of chest pressure around d0", RESUS_PARAM(compression.knee_mm)},
    {"cpr_pressure_per_mm", "mmHg/mm", 0.1, 10, "chest pressure per mm beyond d0 (k_d)", RESUS_PARAM(compression.pressure_per_mm)},
    {"cpr_thoracic_fraction", "1", 0, 1.5, "share of chest pressure on intrathoracic compartments (f_tp)", RESUS_PARAM(compression.thoracic_fraction)},
    {"cpr_cardiac_fraction", "1", 0, 1.5, "extra direct cardiac squeeze inside the pericardium (f_cp)", RESUS_PARAM(compression.cardiac_fraction)},
    {"av_delay_s", "s", 0.05, 0.4, "AV conduction delay at full recovery (PR interval)", RESUS_PARAM(conduction.av_normal.base_delay_s)},
    {"escape_rate_bpm", "1/min", 15, 60, "latent ventricular escape pacemaker rate", RESUS_PARAM(conduction.escape_bpm)},
    {"vt_rate_bpm", "1/min", 100, 250, "monomorphic VT rate", RESUS_PARAM(conduction.vt_bpm)},
    {"pulseless_vt_rate_bpm", "1/min", 150, 300, "pulseless VT rate", RESUS_PARAM(conduction.pulseless_vt_bpm)},
    {"pacing_threshold_mA", "mA", 10, 200, "transcutaneous pacing capture threshold", RESUS_PARAM(conduction.pacer_threshold_mA)},
    {"ischaemia_rate_per_s", "1/s", 1e-4, 0.1, "myocardial energy lost per second without perfusion", RESUS_PARAM(myocardium.ischaemia_rate_per_s)},
    {"myocardial_recovery_rate_per_s", "1/s", 1e-4, 0.1, "myocardial energy recovery per second at full perfusion", RESUS_PARAM(myocardium.recovery_rate_per_s)},
    {"baroreflex_gain", "1", 0, 3, "baroreflex gain scale (0 = denervated, 1 = intact)", RESUS_PARAM(baroreflex.gain_scale)},
    {"baro_afferent_slope_mmHg", "mmHg", 2, 50, "afferent sigmoid slope ka", RESUS_PARAM(baroreflex.k_a)},
    {"baro_tau_p_s", "s", 0.1, 20, "afferent lead-lag pole", RESUS_PARAM(baroreflex.tau_p_s)},
    {"baro_tau_z_s", "s", 0, 30, "afferent lead-lag zero", RESUS_PARAM(baroreflex.tau_z_s)},
    {"baro_gain_lv_emax_mmHg_per_mL", "mmHg/mL", -5, 5, "sympathetic gain on LV Emax", RESUS_EFFECTOR(kLvEmax, gain)},
    {"baro_gain_rv_emax_mmHg_per_mL", "mmHg/mL", -5, 5, "sympathetic gain on RV Emax", RESUS_EFFECTOR(kRvEmax, gain)},
    {"baro_gain_splanchnic_resistance_mmHg_s_per_mL", "mmHg*s/mL", -10, 10, "sympathetic gain on splanchnic resistance", RESUS_EFFECTOR(kSplanchnicResistance, gain)},
    {"baro_gain_extrasplanchnic_resistance_mmHg_s_per_mL", "mmHg*s/mL", -10, 10, "sympathetic gain on extrasplanchnic resistance", RESUS_EFFECTOR(kExtrasplanchnicResistance, gain)},
    {"baro_gain_splanchnic_unstressed_mL", "mL", -2000, 2000, "sympathetic gain on splanchnic unstressed volume", RESUS_EFFECTOR(kSplanchnicUnstressed, gain)},
    {"baro_gain_extrasplanchnic_unstressed_mL", "mL", -2000, 2000, "sympathetic gain on extrasplanchnic unstressed volume", RESUS_EFFECTOR(kExtrasplanchnicUnstressed, gain)},
    {"baro_gain_period_sympathetic_s", "s", -1, 1, "sympathetic gain on heart period", RESUS_EFFECTOR(kPeriodSympathetic, gain)},
    {"baro_gain_period_vagal_s", "s", -1, 1, "vagal gain on heart period", RESUS_EFFECTOR(kPeriodVagal, gain)},
    {"baro_delay_period_sympathetic_s", "s", 0, autonomic::kMaxDelay_s, "sympathetic heart-period delay", RESUS_EFFECTOR(kPeriodSympathetic, delay_s)},
    {"baro_delay_period_vagal_s", "s", 0, autonomic::kMaxDelay_s, "vagal heart-period delay", RESUS_EFFECTOR(kPeriodVagal, delay_s)},
    {"baro_tau_period_sympathetic_s", "s", 0.1, 60, "sympathetic heart-period time constant", RESUS_EFFECTOR(kPeriodSympathetic, tau_s)},
    {"baro_tau_period_vagal_s", "s", 0.1, 60, "vagal heart-period time constant", RESUS_EFFECTOR(kPeriodVagal, tau_s)},
};

#undef RESUS_PARAM
#undef RESUS_EFFECTOR

std::string format_range_error(const ParamInfo& info, double value) {
  std::ostringstream os;
  os << "parameter '" << info.name << "' = " << value << " " << info.unit
     << " is out of range; valid range is [" << info.min << ", " << info.max << "] "
     << info.unit;
  return os.str();
}

}  // namespace

std::span<const ParamInfo> param_registry() { return kParams; }

const ParamInfo* find_param(std::string_view name) {
  for (const ParamInfo& p : kParams)
    if (name == p.name) return &p;
  return nullptr;
}

std::span<const PresetInfo> preset_registry() {
  static const std::array<PresetInfo, kPresets.size()> infos = [] {
    std::array<PresetInfo, kPresets.size()> out{};
    for (std::size_t i = 0; i < kPresets.size(); ++i) out[i] = kPresets[i].info;
    return out;
  }();
  return infos;
}

PatientParams make_patient(const PatientDef& def) {
  const Preset* preset = nullptr;
  for (const Preset& p : kPresets)
    if (def.preset == p.info.name) preset = &p;
  if (!preset) {
    std::string known;
    for (const Preset& p : kPresets) known += std::string(known.empty() ? "" : ", ") + p.info.name;
    throw Error(Status::kUnknownName,
                "unknown preset " + quoted_input(def.preset) + "; known presets: " + known);
  }

  // Body mass is an input of the preset; every other override applies to its output.
  double mass = preset->default_mass_kg;
  for (const auto& [name, value] : def.overrides) {
    const ParamInfo* info = find_param(name);
    if (!info) throw Error(Status::kUnknownName, "unknown parameter " + quoted_input(name) + " (see 'resus info')");
    if (!std::isfinite(value) || value < info->min || value > info->max)
      throw Error(Status::kInvalidArgument, format_range_error(*info, value));
    if (name == "body_mass_kg") mass = value;
  }
  PatientParams params = preset->make(mass);
  for (const auto& [name, value] : def.overrides) {
    if (name == "body_mass_kg") continue;
    find_param(name)->ref(params) = value;
  }
  // Values scaled from the preset must still lie in range.
  for (const ParamInfo& info : kParams) {
    const double v = info.ref(params);
    if (!std::isfinite(v) || v < info.min || v > info.max)
      throw Error(Status::kInvalidArgument, format_range_error(info, v) + " after scaling to body mass");
  }
  return params;
}

PatientDef parse_patient_json(std::string_view text) {
  const nlohmann::json j = parse_json_input(text, "patient");
  if (!j.is_object()) throw Error(Status::kParseError, "patient: expected a JSON object");
  PatientDef def;
  for (const auto& [key, value] : j.items()) {
    if (key == "preset") {
      if (!value.is_string()) throw Error(Status::kParseError, "patient.preset: expected a string");
      def.preset = value.get<std::string>();
    } else if (key == "overrides") {
      if (!value.is_object())
        throw Error(Status::kParseError, "patient.overrides: expected an object of name: number");
      for (const auto& [name, v] : value.items()) {
        if (!v.is_number())
          throw Error(Status::kParseError, "patient.overrides." + cut_input(name) + ": expected a number");
        def.overrides.emplace_back(name, v.get<double>());
      }
    } else {
      throw Error(Status::kUnknownName,
                  "patient." + cut_input(key) + ": unknown field (expected 'preset' or 'overrides')");
    }
  }
  return def;
}

}  // namespace resus
