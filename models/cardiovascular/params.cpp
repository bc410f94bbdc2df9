// The circulation's parameters: the reference adult man's values (sources per value in
// README.md), their scaling to another body mass, and the table that makes each reachable by name.
#include <initializer_list>

#include "models/cardiovascular/circulation_params.hpp"

namespace resus::cv {

CirculationParams reference_circulation() {
  CirculationParams c{};
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

  c.collapse = {20.0, 10.0, 4.0};

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
  c.pulmonary_artery_tethering = 0.67;
  c.pulmonary_vein_tethering = 0.5;

  c.systole_intercept_s = 0.5;
  c.systole_slope_s2 = 0.075;
  c.systole_rise_fraction = 0.6;
  c.atrial_systole_s = 0.18;
  return c;
}

void scale_to_mass(CirculationParams& c, double s) {
  for (VentricleParams* v : {&c.lv, &c.rv, &c.septum}) {
    v->emax /= s;
    v->vd *= s;
    v->lambda /= s;
    v->v0 *= s;
  }
  for (AtriumParams* a : {&c.la, &c.ra}) {
    a->emin /= s;
    a->emax /= s;
    a->v0 *= s;
  }
  c.pericardium_lambda /= s;
  c.pericardium_v0 *= s;
  c.pericardial_fluid_mL *= s;
  for (VesselParams* v : {&c.aorta, &c.systemic_arteries, &c.splanchnic_veins,
                              &c.extrasplanchnic_veins, &c.jugular_veins, &c.thoracic_veins,
                              &c.pulmonary_arteries, &c.pulmonary_veins}) {
    v->elastance /= s;
    v->unstressed_volume *= s;
  }
  c.collapse.onset_mL *= s;
  c.collapse.width_mL *= s;
  c.collapse.slope /= s;
  for (ValveParams* v : {&c.mitral, &c.aortic, &c.tricuspid, &c.pulmonic}) {
    v->resistance /= s;
    v->inertance /= s;
  }
  for (double* r : {&c.r_aorta_arteries, &c.r_splanchnic, &c.r_extrasplanchnic, &c.r_cerebral,
                    &c.r_coronary, &c.r_splanchnic_veins, &c.r_extrasplanchnic_veins,
                    &c.r_jugular_valve, &c.r_vena_cava_atrium, &c.r_pulmonary,
                    &c.r_pulmonary_veins}) {
    *r /= s;
  }
}

namespace {

constexpr double kBig = 1e4;

constexpr ParamSpec<CirculationParams> kTable[] = {
    {"lv_emax_mmHg_per_mL", "mmHg/mL", 0.1, 20, "LV end-systolic elastance (contractility) at rest",
     RESUS_FIELD(CirculationParams, lv.emax)},
    {"lv_edpvr_p0_mmHg", "mmHg", 0.01, 5, "LV diastolic pressure-volume scale",
     RESUS_FIELD(CirculationParams, lv.p0)},
    {"lv_edpvr_lambda_per_mL", "1/mL", 0.001, 0.2, "LV diastolic stiffness",
     RESUS_FIELD(CirculationParams, lv.lambda)},
    {"rv_emax_mmHg_per_mL", "mmHg/mL", 0.05, 10, "RV end-systolic elastance at rest",
     RESUS_FIELD(CirculationParams, rv.emax)},
    {"rv_edpvr_p0_mmHg", "mmHg", 0.01, 5, "RV diastolic pressure-volume scale",
     RESUS_FIELD(CirculationParams, rv.p0)},
    {"rv_edpvr_lambda_per_mL", "1/mL", 0.001, 0.2, "RV diastolic stiffness",
     RESUS_FIELD(CirculationParams, rv.lambda)},
    {"septum_emax_mmHg_per_mL", "mmHg/mL", 1, 200, "septal end-systolic elastance",
     RESUS_FIELD(CirculationParams, septum.emax)},
    {"la_emin_mmHg_per_mL", "mmHg/mL", 0.01, 2, "LA relaxed elastance",
     RESUS_FIELD(CirculationParams, la.emin)},
    {"la_emax_mmHg_per_mL", "mmHg/mL", 0.01, 5, "LA contracted elastance",
     RESUS_FIELD(CirculationParams, la.emax)},
    {"ra_emin_mmHg_per_mL", "mmHg/mL", 0.01, 2, "RA relaxed elastance",
     RESUS_FIELD(CirculationParams, ra.emin)},
    {"ra_emax_mmHg_per_mL", "mmHg/mL", 0.01, 5, "RA contracted elastance",
     RESUS_FIELD(CirculationParams, ra.emax)},
    {"pericardium_p0_mmHg", "mmHg", 0.01, 10, "pericardial pressure-volume scale",
     RESUS_FIELD(CirculationParams, pericardium_p0)},
    {"pericardium_lambda_per_mL", "1/mL", 0.001, 0.2, "pericardial stiffness",
     RESUS_FIELD(CirculationParams, pericardium_lambda)},
    {"pericardium_v0_mL", "mL", 50, 2000, "pericardial contents at zero transmural pressure",
     RESUS_FIELD(CirculationParams, pericardium_v0)},
    {"pericardial_fluid_mL", "mL", 0, 2000, "pericardial fluid (normal 15-50 mL)",
     RESUS_FIELD(CirculationParams, pericardial_fluid_mL)},
    {"aorta_elastance_mmHg_per_mL", "mmHg/mL", 0.05, 20, "thoracic aorta elastance",
     RESUS_FIELD(CirculationParams, aorta.elastance)},
    {"aorta_unstressed_mL", "mL", 0, kBig, "thoracic aorta unstressed volume",
     RESUS_FIELD(CirculationParams, aorta.unstressed_volume)},
    {"arteries_elastance_mmHg_per_mL", "mmHg/mL", 0.05, 20, "systemic arteries elastance",
     RESUS_FIELD(CirculationParams, systemic_arteries.elastance)},
    {"arteries_unstressed_mL", "mL", 0, kBig, "systemic arteries unstressed volume",
     RESUS_FIELD(CirculationParams, systemic_arteries.unstressed_volume)},
    {"splanchnic_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.001, 1, "splanchnic veins elastance",
     RESUS_FIELD(CirculationParams, splanchnic_veins.elastance)},
    {"splanchnic_veins_unstressed_mL", "mL", 0, kBig, "splanchnic veins unstressed volume at rest",
     RESUS_FIELD(CirculationParams, splanchnic_veins.unstressed_volume)},
    {"extrasplanchnic_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.001, 1, "extrasplanchnic veins elastance",
     RESUS_FIELD(CirculationParams, extrasplanchnic_veins.elastance)},
    {"extrasplanchnic_veins_unstressed_mL", "mL", 0, kBig, "extrasplanchnic veins unstressed volume at rest",
     RESUS_FIELD(CirculationParams, extrasplanchnic_veins.unstressed_volume)},
    {"jugular_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.01, 10, "jugular/cerebral veins elastance",
     RESUS_FIELD(CirculationParams, jugular_veins.elastance)},
    {"jugular_veins_unstressed_mL", "mL", 0, kBig, "jugular/cerebral veins unstressed volume",
     RESUS_FIELD(CirculationParams, jugular_veins.unstressed_volume)},
    {"thoracic_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.005, 5, "thoracic veins (SVC, thoracic IVC) elastance",
     RESUS_FIELD(CirculationParams, thoracic_veins.elastance)},
    {"thoracic_veins_unstressed_mL", "mL", 0, kBig, "thoracic veins unstressed volume",
     RESUS_FIELD(CirculationParams, thoracic_veins.unstressed_volume)},
    {"pulmonary_arteries_elastance_mmHg_per_mL", "mmHg/mL", 0.01, 10, "pulmonary arteries elastance",
     RESUS_FIELD(CirculationParams, pulmonary_arteries.elastance)},
    {"pulmonary_arteries_unstressed_mL", "mL", 0, kBig, "pulmonary arteries unstressed volume",
     RESUS_FIELD(CirculationParams, pulmonary_arteries.unstressed_volume)},
    {"pulmonary_veins_elastance_mmHg_per_mL", "mmHg/mL", 0.001, 5, "pulmonary capillaries and veins elastance",
     RESUS_FIELD(CirculationParams, pulmonary_veins.elastance)},
    {"pulmonary_veins_unstressed_mL", "mL", 0, kBig, "pulmonary capillaries and veins unstressed volume",
     RESUS_FIELD(CirculationParams, pulmonary_veins.unstressed_volume)},
    {"collapse_onset_mL", "mL", 0, 60, "volume below which a chamber's or vessel's walls meet",
     RESUS_FIELD(CirculationParams, collapse.onset_mL)},
    {"collapse_width_mL", "mL", 1, 100, "volume over which a collapsing wall's stiffness builds",
     RESUS_FIELD(CirculationParams, collapse.width_mL)},
    {"collapse_stiffness_mmHg_per_mL", "mmHg/mL", 0.1, 10, "full stiffness of a collapsed chamber or vessel",
     RESUS_FIELD(CirculationParams, collapse.slope)},
    {"mitral_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "mitral valve resistance",
     RESUS_FIELD(CirculationParams, mitral.resistance)},
    {"aortic_valve_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "aortic valve resistance (stenosis raises it)",
     RESUS_FIELD(CirculationParams, aortic.resistance)},
    {"tricuspid_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "tricuspid valve resistance",
     RESUS_FIELD(CirculationParams, tricuspid.resistance)},
    {"pulmonic_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "pulmonic valve resistance",
     RESUS_FIELD(CirculationParams, pulmonic.resistance)},
    {"aorta_arteries_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "thoracic aorta to systemic arteries",
     RESUS_FIELD(CirculationParams, r_aorta_arteries)},
    {"splanchnic_resistance_mmHg_s_per_mL", "mmHg*s/mL", 0.1, 50, "splanchnic arteriolar resistance at rest",
     RESUS_FIELD(CirculationParams, r_splanchnic)},
    {"extrasplanchnic_resistance_mmHg_s_per_mL", "mmHg*s/mL", 0.1, 50, "extrasplanchnic arteriolar resistance at rest",
     RESUS_FIELD(CirculationParams, r_extrasplanchnic)},
    {"cerebral_resistance_mmHg_s_per_mL", "mmHg*s/mL", 0.5, 100, "cerebral vascular resistance",
     RESUS_FIELD(CirculationParams, r_cerebral)},
    {"coronary_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1, 500, "coronary vascular resistance",
     RESUS_FIELD(CirculationParams, r_coronary)},
    {"intramyocardial_factor", "1", 0, 1, "share of LV transmural pressure compressing the coronaries",
     RESUS_FIELD(CirculationParams, intramyocardial_factor)},
    {"splanchnic_venous_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 5, "splanchnic venous return resistance",
     RESUS_FIELD(CirculationParams, r_splanchnic_veins)},
    {"extrasplanchnic_venous_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 5, "extrasplanchnic venous return resistance",
     RESUS_FIELD(CirculationParams, r_extrasplanchnic_veins)},
    {"jugular_valve_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 5, "thoracic-inlet venous valve, forward resistance",
     RESUS_FIELD(CirculationParams, r_jugular_valve)},
    {"vena_cava_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 1, "thoracic veins to right atrium",
     RESUS_FIELD(CirculationParams, r_vena_cava_atrium)},
    {"pulmonary_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-3, 5, "pulmonary vascular resistance",
     RESUS_FIELD(CirculationParams, r_pulmonary)},
    {"pulmonary_venous_resistance_mmHg_s_per_mL", "mmHg*s/mL", 1e-4, 1, "pulmonary veins to left atrium",
     RESUS_FIELD(CirculationParams, r_pulmonary_veins)},
    {"intracranial_pressure_mmHg", "mmHg", 0, 80, "intracranial pressure",
     RESUS_FIELD(CirculationParams, intracranial_pressure)},
    {"intrathoracic_pressure_mmHg", "mmHg", -20, 40, "resting mean pleural pressure",
     RESUS_FIELD(CirculationParams, intrathoracic_pressure)},
    {"pulmonary_artery_tethering", "1", 0, 2,
     "fall of the pressure around the pulmonary arteries per unit rise of transpulmonary pressure",
     RESUS_FIELD(CirculationParams, pulmonary_artery_tethering)},
    {"pulmonary_vein_tethering", "1", 0, 2,
     "fall of the pressure around the pulmonary veins per unit rise of transpulmonary pressure",
     RESUS_FIELD(CirculationParams, pulmonary_vein_tethering)},
    {"systole_intercept_s", "s", 0.2, 0.8, "ventricular systole Ts = a - b*f: a",
     RESUS_FIELD(CirculationParams, systole_intercept_s)},
    {"systole_slope_s2", "s^2", 0, 0.2, "ventricular systole Ts = a - b*f: b (f in Hz)",
     RESUS_FIELD(CirculationParams, systole_slope_s2)},
    {"systole_rise_fraction", "1", 0.2, 0.9, "share of systole with rising activation",
     RESUS_FIELD(CirculationParams, systole_rise_fraction)},
    {"atrial_systole_s", "s", 0.05, 0.4, "atrial activation duration",
     RESUS_FIELD(CirculationParams, atrial_systole_s)},
};

}  // namespace

std::span<const ParamSpec<CirculationParams>> param_table() { return kTable; }

}  // namespace resus::cv
