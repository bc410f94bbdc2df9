// The conduction system's and the myocardium's parameters: the reference adult's values
// (README.md gives each one's source), and the tables that make each reachable by name.
#include "models/electrophysiology/conduction.hpp"
#include "models/electrophysiology/myocardium.hpp"

namespace resus::ep {

ConductionParams reference_conduction() {
  ConductionParams e{};
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
  e.pacer_threshold_mA = 60.0;
  e.retrograde_conduction_s = 0.12;
  e.ectopy_potassium_threshold_mmol_L = 3.0;
  e.ectopy_potassium_per_s = 4.0 / 60.0;
  e.ectopy_per_ischaemic_vf = 1200.0;
  e.ectopic_coupling_s = 0.2;
  return e;
}

MyocardiumParams reference_myocardium() {
  MyocardiumParams m{};
  m.ischaemia_rate_per_s = 1.0 / 900.0;  // untreated VF exhausts the muscle in ~15 min
  m.recovery_rate_per_s = 1.0 / 30.0;  // [U] with critical_share: deep CPR restores a VF heart
  m.critical_share = 0.2;               // [U] Reimer-Jennings: below ~20% flow, infarction
  m.vf_demand = 1.0;
  m.sufficient_perfusion = 0.8;
  m.perfusion_tau_s = 4.0;
  m.coronary_reserve = 3.5;  // [M] coronary flow reserve 3-5 (Gold and Bache 1982)
  m.autoregulation_lower = 0.7;   // [M] flow held down to ~60 mmHg of perfusion (README)
  m.autoregulation_floor = 0.5;   // [U] pressure-passive below ~45 mmHg: arrest as calibrated
  m.vf_amplitude_max_mV = 1.3;   // [M] Strohmenger 1997: 1.33 +- 0.44 mV (README)
  m.vf_amplitude_min_mV = 0.05;
  m.vf_frequency_max_Hz = 7.0;
  m.vf_frequency_min_Hz = 3.5;
  m.amsa_per_mV_Hz = 2.3;        // [calibrated] the measured pads AMSA per mV*Hz (README)
  m.asystole_energy = 0.02;
  m.asystole_hazard_per_s = 1.0 / 60.0;
  m.coupling_half_energy = 0.45;   // [U] calibrated once to the VF phases (B.5 row 91)
  m.coupling_hill = 6.0;           // [U] untreated pseudo-PEA runs down, not up
  m.pea_enter_energy = 0.2;        // [U] where the coupling leaves ~5% of the contraction
  m.pea_exit_energy = 0.4;         // [U] ~40%
  m.exhausted_rate_fraction = 0.4; // [U] PEA slows from 50/min toward 20/min
  m.restart_hazard_per_s = 0.1;    // [U] post-shock asystole lasts seconds in a heart with energy
  m.restart_energy = 0.3;          // [U]
  m.restart_tau_s = 60.0;          // [U]
  m.escape_share = 1.0 / 12.0;     // [U] a restored, uninjured heart under the surge escapes in ~2 min
  m.escape_potassium_mmol_L = 8.0; // [U] where hyperkalaemia's VF and diastolic arrest begin
  m.escape_automaticity_excess = 0.8;  // the surge's beta-1 excess when escape_share was set
  m.escape_final_injury = 0.5;  // [U] where epinephrine starts to matter in the OHCA trial (README)
  m.injury_rate_per_s = 7.4e-4;    // [U] no flow: D 0.3 at 8 min, 0.41 at 12, 0.59 at 20
  m.injury_beta1_gain = 1.0;       // [U]
  m.injury_heal_tau_s = 12.0 * 3600.0;  // Laurent 2002: low CI at 8 h, recovered by 24 h
  m.stunning_tau_s = 4.0 * 3600.0;      // the late part; with the early part and healing the
                                        // nadir at 4.4 h (Vasquez 2004: 4 h; Laurent 2002: 6.8 h)
  m.stunning_gain = 5.0;           // [U] 8 min of no flow: half the contraction at the nadir
  // Tang 1993 (rat, 4 min VF + 5 min CPR): LV pressure 17% down 2 min after ROSC, 37% at 20 min;
  // with the late part, the peak at 4-5 h (Vasquez 2004: 4 h; Kern 1997: EF lowest at 5 h).
  m.stunning_reperfusion_share = 0.4;   // [U] of the injury, within minutes
  m.stunning_reperfusion_tau_s = 300.0;  // [U] at full supply
  m.refib_injury_ref = 0.3;        // [U] the injury of an 8-min arrest
  m.biphasic_e50_J = 50.0;
  m.monophasic_e50_J = 200.0;
  m.shock_steepness = 2.5;
  // Heyer 2022 (systematic review of 71 studies): adult means 51-112 ohm, 76.7 on average.
  m.transthoracic_impedance_ohm = 77.0;
  m.reference_impedance_ohm = 77.0;
  m.rosc_beta0 = -3.0;  // [U] 97% at VF onset (AMSA ~20), half at AMSA 9 (Ristagno 2013: 10)
  m.rosc_beta1 = 0.33;
  m.refib_hazard_per_s = 0.05 / 60.0;  // at refib_injury_ref: Unneland 2024, 5%/min after ROSC
  m.refib_tau_s = 1480.0;               // Unneland 2024: 5%/min over 0-9 min, 4% over 9-20
  m.refib_unfibrillated_share = 0.4;    // Unneland 2024: 2%/min to VF after a non-shockable ROSC
  m.reperfusion_low_ratio = 0.3;        // [U] below CPR's best coronary supply is ischaemia
  m.reperfusion_high_ratio = 0.6;       // [U] above it a beating heart's own supply
  m.refib_early_hazard_per_s = 0.015;   // [U] calibrated once: 35-41% within 2 min (README)
  m.refib_early_tau_s = 90.0;           // [U] median 25-45 s (van Alem 2003, Paris 2020)
  m.refib_early_deficit = 0.3;          // [U] the end of the electrical phase, ~4.5 min of VF
  m.t_wave_vf_probability = 0.25;
  m.cardioversion_e50_af_J = 80.0;
  m.cardioversion_e50_flutter_J = 30.0;
  m.cardioversion_e50_vt_J = 40.0;
  m.rv_coronary_reserve = 3.5;      // [M] coronary flow reserve 3-5 (Gold and Bache 1982, RV)
  m.rv_load_tau_s = 5.0;            // [U] a few beats
  m.rv_ischaemia_tau_s = 30.0;      // [U] contraction fails over tens of seconds
  m.rv_ischaemic_contraction = 0.2; // [U]
  m.cold_af_onset_C = 32.0;          // B.4 row 80: AF in moderate hypothermia (< 32 C)
  m.cold_af_hazard_per_s_C = 3e-4;   // [U] about one in two within 20 min at 30 C
  m.cold_af_rewarmed_C = 35.0;       // [U] ERC 2021: it usually reverts on rewarming
  m.cold_af_reversion_per_s = 1.0 / 1200.0;  // [U]
  m.sodium_arrhythmia_per_s = 3e-4;  // [U] ~50% within the hour at 80% block (README)
  m.sodium_vt_share = 0.7;           // [U] wide-complex VT before VF, most often (README)
  m.sodium_vt_sustain_block = 0.5;   // [U] QRS ~130 ms in sinus rhythm (81 x 1.6)
  m.sodium_vt_reversion_per_s = 1.0 / 120.0;  // [U]
  m.o2_extraction_floor_sat = 0.1;  // [M] coronary venous PO2 ~10 mmHg at most extraction (README)
  return m;
}

namespace {

#define C(f) RESUS_FIELD(ConductionParams, f)
constexpr ParamSpec<ConductionParams> kConduction[] = {
    {"av_delay_s", "s", 0.05, 0.4, "AV conduction delay at full recovery (PR interval)", C(av_normal.base_delay_s)},
    {"escape_rate_bpm", "1/min", 15, 60, "latent ventricular escape pacemaker rate", C(escape_bpm)},
    {"vt_rate_bpm", "1/min", 100, 250, "monomorphic VT rate", C(vt_bpm)},
    {"pulseless_vt_rate_bpm", "1/min", 150, 300, "pulseless VT rate", C(pulseless_vt_bpm)},
    {"pacing_threshold_mA", "mA", 10, 200, "transcutaneous pacing capture threshold", C(pacer_threshold_mA)},
    {"av_extra_delay_s", "s", 0, 0.5, "AV delay added just after the refractory period", C(av_normal.extra_delay_s)},
    {"av_recovery_tau_s", "s", 0.01, 1, "decay of that extra delay with recovery time", C(av_normal.recovery_tau_s)},
    {"av_refractory_s", "s", 0.05, 0.6, "AV-node refractory period", C(av_normal.refractory_s)},
    {"av_block_1_delay_s", "s", 0.2, 0.6, "PR interval in first-degree AV block", C(av_first_degree.base_delay_s)},
    {"wenckebach_delay_s", "s", 0.1, 0.5, "PR at full recovery in Mobitz I", C(av_wenckebach.base_delay_s)},
    {"wenckebach_extra_delay_s", "s", 0, 1, "PR lengthening per beat in Mobitz I", C(av_wenckebach.extra_delay_s)},
    {"wenckebach_refractory_s", "s", 0.1, 0.8, "AV-node refractory period in Mobitz I", C(av_wenckebach.refractory_s)},
    {"mobitz_2_ratio", "1", 2, 10, "Mobitz II: every Nth conducted impulse is blocked", C(infranodal_ratio)},
    {"af_mean_interval_s", "s", 0.05, 0.4, "atrial fibrillation impulse interval, mean", C(af_mean_interval_s)},
    {"af_interval_sd_s", "s", 0, 0.2, "atrial fibrillation impulse interval, standard deviation", C(af_interval_sd_s)},
    {"flutter_interval_s", "s", 0.15, 0.3, "atrial flutter cycle", C(flutter_interval_s)},
    {"svt_interval_s", "s", 0.2, 0.6, "re-entrant SVT cycle", C(svt_interval_s)},
    {"sinus_bradycardia_bpm", "1/min", 20, 59, "rate of the sinus_bradycardia rhythm", C(bradycardia_bpm)},
    {"sinus_tachycardia_bpm", "1/min", 101, 200, "rate of the sinus_tachycardia rhythm", C(tachycardia_bpm)},
    {"pea_rate_bpm", "1/min", 10, 150, "electrical rate of the pea rhythm at resting catecholamines (the automaticity channel scales it)", C(pea_rate_bpm)},
    {"torsades_rate_bpm", "1/min", 150, 350, "mean rate of torsades", C(torsades_bpm)},
    {"ventricular_refractory_base_s", "s", 0.05, 0.4, "ventricular refractory period ERP = a + b*RR: a", C(ventricular_refractory_base_s)},
    {"ventricular_refractory_slope", "1", 0, 0.5, "ventricular refractory period ERP = a + b*RR: b", C(ventricular_refractory_slope)},
    {"ectopic_efficiency", "1", 0, 1, "contraction of a dyssynchronous (ectopic, escape) beat relative to a conducted one", C(efficiency_ectopic)},
    {"torsades_efficiency", "1", 0, 1, "contraction in torsades relative to a conducted beat", C(efficiency_torsades)},
    {"paced_efficiency", "1", 0, 1, "contraction of a paced beat relative to a conducted one", C(efficiency_paced)},
    {"vt_pulseless_rate_50_bpm", "1/min", 120, 300, "ectopic rate at which half the contraction is lost", C(vt_pulseless_rate_50_bpm)},
    {"vt_rate_width_bpm", "1/min", 1, 50, "width of that logistic loss", C(vt_rate_width_bpm)},
    {"retrograde_conduction_s", "s", 0, 0.3, "time a ventricular beat's impulse takes to reach the AV node retrogradely", C(retrograde_conduction_s)},
    {"ectopy_potassium_threshold_mmol_L", "mmol/L", 2, 4, "plasma potassium below which premature ventricular beats appear", C(ectopy_potassium_threshold_mmol_L)},
    {"ectopy_potassium_per_s", "1/s/(mmol/L)^2", 0, 1, "premature ventricular beats per second per squared mmol/L below that threshold", C(ectopy_potassium_per_s)},
    {"ectopy_per_ischaemic_vf", "1", 0, 1e5, "premature ventricular beats per unit of ischaemic VF hazard", C(ectopy_per_ischaemic_vf)},
    {"ectopic_coupling_s", "s", 0.05, 0.6, "coupling interval of a premature beat beyond the ventricles' refractory period", C(ectopic_coupling_s)},
};
#undef C

#define M(f) RESUS_FIELD(MyocardiumParams, f)
constexpr ParamSpec<MyocardiumParams> kMyocardium[] = {
    {"ischaemia_rate_per_s", "1/s", 1e-4, 0.1, "myocardial energy lost per second without perfusion", M(ischaemia_rate_per_s)},
    {"myocardial_recovery_rate_per_s", "1/s", 1e-4, 0.1, "myocardial energy recovery per second at full perfusion", M(recovery_rate_per_s)},
    {"critical_supply_share", "1", 0, 0.9, "below this share of its demand the myocardium's flow restores no energy", M(critical_share)},
    {"vf_demand", "1", 0.5, 3, "O2 demand of fibrillating muscle relative to rest", M(vf_demand)},
    {"sufficient_perfusion", "1", 0.1, 1, "share of resting coronary flow that fully meets resting demand", M(sufficient_perfusion)},
    {"coronary_reserve", "1", 1, 10, "most a perfused coronary bed's flow rises over rest to hold its O2 delivery when the blood carries less O2", M(coronary_reserve)},
    {"coronary_autoregulation_lower", "1", 0.05, 1, "coronary flow (at resting tone, against rest) down to which the bed holds its flow at rest", M(autoregulation_lower)},
    {"coronary_autoregulation_floor", "1", 0, 1, "below this the coronary bed is pressure-passive (at or above the lower limit: no autoregulation)", M(autoregulation_floor)},
    {"myocardial_perfusion_tau_s", "s", 0.5, 60, "the muscle sees coronary flow averaged over this time", M(perfusion_tau_s)},
    {"vf_amplitude_max_mV", "mV", 0.1, 5, "VF amplitude at full myocardial energy", M(vf_amplitude_max_mV)},
    {"vf_amplitude_min_mV", "mV", 0, 1, "VF amplitude with no energy left", M(vf_amplitude_min_mV)},
    {"vf_frequency_max_Hz", "Hz", 3, 15, "VF dominant frequency at full energy", M(vf_frequency_max_Hz)},
    {"vf_frequency_min_Hz", "Hz", 1, 10, "VF dominant frequency with no energy left", M(vf_frequency_min_Hz)},
    {"amsa_per_mV_Hz", "1", 0.1, 20, "expected AMSA per mV*Hz of VF amplitude and frequency (before 2 s of VF are recorded)", M(amsa_per_mV_Hz)},
    {"asystole_energy", "1", 0, 0.5, "below this myocardial energy VF decays to asystole", M(asystole_energy)},
    {"asystole_hazard_per_s", "1/s", 0, 1, "hazard of that decay", M(asystole_hazard_per_s)},
    {"coupling_half_energy", "1", 0.05, 0.95, "myocardial energy at which a beat keeps about half its contraction", M(coupling_half_energy)},
    {"coupling_hill", "1", 1, 10, "steepness of the energy-contraction coupling", M(coupling_hill)},
    {"pea_enter_energy", "1", 0, 1, "below this energy an organised rhythm is PEA", M(pea_enter_energy)},
    {"pea_exit_energy", "1", 0, 1, "above this energy PEA is a sinus rhythm again", M(pea_exit_energy)},
    {"exhausted_rate_fraction", "1", 0.1, 1, "an exhausted heart's rhythm slows to this share of its rate", M(exhausted_rate_fraction)},
    {"restart_hazard_per_s", "1/s", 0, 10, "hazard of post-shock asystole restarting, at full energy", M(restart_hazard_per_s)},
    {"restart_energy", "1", 0, 0.99, "below this energy post-shock asystole does not restart", M(restart_energy)},
    {"restart_tau_s", "s", 1, 3600, "the restart hazard fades with time since the shock", M(restart_tau_s)},
    {"asystole_escape_share", "1", 0, 1, "asystole not from a shock escapes at this share of the restart hazard", M(escape_share)},
    {"asystole_escape_automaticity_excess", "1", 0.01, 10, "automaticity above rest at which asystole escapes at its share", M(escape_automaticity_excess)},
    {"asystole_final_injury", "1", 0.01, 1, "myocardial injury at which asystole no longer escapes", M(escape_final_injury)},
    {"asystole_escape_potassium_mmol_L", "mmol/L", 4, 20, "above this potassium an asystolic heart does not escape", M(escape_potassium_mmol_L)},
    {"myocardial_injury_rate_per_s", "1/s", 0, 1, "ischaemic injury per second without coronary flow", M(injury_rate_per_s)},
    {"injury_beta1_gain", "1", 0, 10, "injury rate x (1 + gain x beta-1 inotropy above rest)", M(injury_beta1_gain)},
    {"injury_heal_tau_s", "s", 600, 1e6, "the injury heals with this time constant at full perfusion", M(injury_heal_tau_s)},
    {"stunning_tau_s", "s", 60, 1e6, "the late post-arrest stunning follows the rest of the injury this slowly", M(stunning_tau_s)},
    {"stunning_gain", "1", 0, 20, "contraction / (1 + gain x stunning)", M(stunning_gain)},
    {"stunning_reperfusion_share", "1", 0, 1, "share of the injury the stunning follows within minutes of reperfusion (the rest over hours)", M(stunning_reperfusion_share)},
    {"stunning_reperfusion_tau_s", "s", 10, 7200, "the reperfusion's stunning follows its share of the injury this fast at full supply", M(stunning_reperfusion_tau_s)},
    {"refib_injury_ref", "1", 0.01, 10, "the slow (post-ROSC) refibrillation hazard scales with injury / this (at most x3)", M(refib_injury_ref)},
    {"biphasic_e50_J", "J", 5, 360, "biphasic energy that ends VF half the time", M(biphasic_e50_J)},
    {"monophasic_e50_J", "J", 10, 360, "monophasic energy that ends VF half the time", M(monophasic_e50_J)},
    {"shock_steepness", "1", 0.5, 10, "steepness of the shock dose-response", M(shock_steepness)},
    {"transthoracic_impedance_ohm", "ohm", 15, 250,
     "the patient's transthoracic impedance between the pads (a monophasic shock's current)",
     M(transthoracic_impedance_ohm)},
    {"rosc_beta0", "1", -10, 10, "P(organised rhythm after termination) = logistic(b0 + b1*AMSA): b0", M(rosc_beta0)},
    {"rosc_beta1", "1", -1, 1, "P(organised rhythm after termination) = logistic(b0 + b1*AMSA): b1", M(rosc_beta1)},
    {"refib_hazard_per_s", "1/s", 0, 1, "slow, injury-driven refibrillation hazard just after a termination (at the reference injury)", M(refib_hazard_per_s)},
    {"refib_tau_s", "s", 1, 3600, "time over which that hazard falls away, exp(-(t/tau)^3)", M(refib_tau_s)},
    {"refib_unfibrillated_share", "1", 0, 1, "share of that hazard in a heart that has not fibrillated (a non-shockable ROSC)", M(refib_unfibrillated_share)},
    {"reperfusion_low_ratio", "1", 0, 1, "coronary O2 delivery (against rest) below which the muscle is ischaemic", M(reperfusion_low_ratio)},
    {"reperfusion_high_ratio", "1", 0, 2, "and above which, after ischaemia, it is reperfused (the slow refibrillation clock restarts)", M(reperfusion_high_ratio)},
    {"refib_early_hazard_per_s", "1/s", 0, 1, "early post-shock refibrillation hazard past the electrical phase", M(refib_early_hazard_per_s)},
    {"refib_early_tau_s", "s", 1, 3600, "decay time of the early post-shock hazard", M(refib_early_tau_s)},
    {"refib_early_deficit", "1", 0.01, 1, "energy deficit (1 - M) at which the early hazard is full", M(refib_early_deficit)},
    {"t_wave_vf_probability", "1", 0, 1, "chance an unsynchronised shock on the T wave induces VF", M(t_wave_vf_probability)},
    {"cardioversion_e50_af_J", "J", 5, 360, "energy that converts AF half the time", M(cardioversion_e50_af_J)},
    {"cardioversion_e50_flutter_J", "J", 5, 360, "energy that converts flutter or SVT half the time", M(cardioversion_e50_flutter_J)},
    {"cardioversion_e50_vt_J", "J", 5, 360, "energy that converts VT half the time", M(cardioversion_e50_vt_J)},
    {"rv_coronary_reserve", "1", 1, 10, "most the RV's coronary flow can rise over rest", M(rv_coronary_reserve)},
    {"rv_load_tau_s", "s", 0.5, 60, "the RV's pressure load averaged over this time", M(rv_load_tau_s)},
    {"rv_ischaemia_tau_s", "s", 1, 600, "an overloaded RV's contraction follows its ischaemia this slowly", M(rv_ischaemia_tau_s)},
    {"rv_ischaemic_contraction", "1", 0, 1, "contraction an ischaemic RV keeps", M(rv_ischaemic_contraction)},
    {"cold_af_onset_C", "C", 25, 36, "core temperature below which a sinus rhythm may turn to atrial fibrillation", M(cold_af_onset_C)},
    {"cold_af_hazard_per_s_C", "1/s/C", 0, 0.01, "hazard of that atrial fibrillation per degree below the onset", M(cold_af_hazard_per_s_C)},
    {"cold_af_rewarmed_C", "C", 26, 37, "core temperature by which the cold's atrial fibrillation reverts at its full rate", M(cold_af_rewarmed_C)},
    {"cold_af_reversion_per_s", "1/s", 0, 0.1, "rate at which the cold's atrial fibrillation reverts once rewarmed", M(cold_af_reversion_per_s)},
    {"sodium_arrhythmia_per_s", "1/s", 0, 0.01, "hazard of a ventricular arrhythmia at a full sodium-channel block (x block^2)", M(sodium_arrhythmia_per_s)},
    {"sodium_vt_share", "1", 0, 1, "share of a sodium-channel blocker's ventricular arrhythmias that start as VT rather than VF", M(sodium_vt_share)},
    {"sodium_vt_sustain_block", "1", 0.05, 1, "sodium-channel block from which the VT it brought does not revert", M(sodium_vt_sustain_block)},
    {"sodium_vt_reversion_per_s", "1/s", 0, 0.1, "rate at which the VT a sodium-channel blocker brought reverts once the block is gone", M(sodium_vt_reversion_per_s)},
    {"o2_extraction_floor_sat", "1", 0, 0.5, "arterial O2 saturation below which the heart muscle can take up no O2", M(o2_extraction_floor_sat)},
};
#undef M

}  // namespace

std::span<const ParamSpec<ConductionParams>> conduction_param_table() { return kConduction; }
std::span<const ParamSpec<MyocardiumParams>> myocardium_param_table() { return kMyocardium; }

}  // namespace resus::ep
