// The ECG model's scalar parameters as a table, so each is reachable by name (values and
// sources: params.cpp and README.md). The beat templates' kernels and the sources' direction
// vectors are not listed: they are shapes, set as a whole.
#include "models/ecg/ecg.hpp"

namespace resus::ecg {
namespace {

#define F(f) RESUS_FIELD(EcgParams, f)
constexpr ParamSpec<EcgParams> kTable[] = {
    {"ecg_qtc_ms", "ms", 300, 600, "QTc at neutral physiology", F(qtc_ms)},
    {"ecg_qt_drug_ms", "ms", 0, 400, "QTc added at full drug effect", F(qt_drug_ms)},
    {"ecg_qt_calcium_ms_per_mmol", "ms/(mmol/L)", 0, 400, "QTc shortened per mmol/L of ionised calcium above 1.2", F(qt_calcium_ms_per_mmol)},
    {"ecg_qt_cold_ms_per_C", "ms/C", 0, 50, "QTc added per degree below 37 C", F(qt_cold_ms_per_C)},
    {"ecg_qt_hypokalaemia_ms", "ms", 0, 200, "QTc added at full hypokalaemia", F(qt_hypokalaemia_ms)},
    {"ecg_rr_min_s", "s", 0.1, 1, "shortest RR of the QT correction", F(rr_min_s)},
    {"ecg_rr_max_s", "s", 1, 5, "longest RR of the QT correction", F(rr_max_s)},
    {"ecg_t_peak_lo_mmol_L", "mmol/L", 3, 10, "potassium at which T waves start to peak", F(k_t_peak[0])},
    {"ecg_t_peak_hi_mmol_L", "mmol/L", 4, 12, "and at which they are fully peaked", F(k_t_peak[1])},
    {"ecg_t_peak_gain", "1", 0, 5, "T amplitude x (1 + gain) when fully peaked", F(t_peak_gain)},
    {"ecg_t_narrowing", "1", 0, 0.9, "T width x (1 - narrowing) when fully peaked", F(t_narrowing)},
    {"ecg_p_flat_lo_mmol_L", "mmol/L", 4, 12, "potassium at which P waves start to flatten", F(k_p_flat[0])},
    {"ecg_p_flat_hi_mmol_L", "mmol/L", 5, 14, "and at which they are gone", F(k_p_flat[1])},
    {"ecg_pr_lo_mmol_L", "mmol/L", 4, 12, "potassium at which PR starts to lengthen", F(k_pr[0])},
    {"ecg_pr_hi_mmol_L", "mmol/L", 5, 14, "and at which it is lengthened fully", F(k_pr[1])},
    {"ecg_pr_extra_ms", "ms", 0, 300, "PR added at full hyperkalaemia", F(pr_extra_ms)},
    {"ecg_qrs_lo_mmol_L", "mmol/L", 4, 12, "potassium at which QRS starts to widen", F(k_qrs[0])},
    {"ecg_qrs_hi_mmol_L", "mmol/L", 5, 14, "and at which it is widened fully", F(k_qrs[1])},
    {"ecg_qrs_widening", "1", 0, 5, "QRS width x (1 + widening) at full hyperkalaemia", F(qrs_widening)},
    {"ecg_energy_qrs_lo", "1", 0, 0.3, "myocardial energy at which the QRS is fully widened", F(energy_qrs[0])},
    {"ecg_energy_qrs_hi", "1", 0.35, 1, "and below which it starts to widen", F(energy_qrs[1])},
    {"ecg_energy_qrs_widening", "1", 0, 5, "QRS width x (1 + w) in an exhausted myocardium", F(energy_qrs_widening)},
    {"ecg_sodium_block_widening", "1", 0, 5, "QRS width x (1 + w x block) under a sodium-channel blocker", F(sodium_block_widening)},
    {"ecg_sine_lo_mmol_L", "mmol/L", 5, 14, "potassium at which the complex starts to become a sine wave", F(k_sine[0])},
    {"ecg_sine_hi_mmol_L", "mmol/L", 6, 16, "and at which it is one", F(k_sine[1])},
    {"ecg_hypokalaemia_lo_mmol_L", "mmol/L", 1, 5, "potassium at which hypokalaemic changes start (falling)", F(k_hypo[0])},
    {"ecg_hypokalaemia_hi_mmol_L", "mmol/L", 1, 5, "and at which they are full", F(k_hypo[1])},
    {"ecg_hypokalaemia_t_flattening", "1", 0, 1, "T amplitude x (1 - flattening) at full hypokalaemia", F(hypo_t_flattening)},
    {"ecg_hypokalaemia_u_gain", "1", 0, 20, "U amplitude x (1 + gain) at full hypokalaemia", F(hypo_u_gain)},
    {"ecg_hypokalaemia_st_mV", "mV", 0, 0.5, "ST depression at full hypokalaemia", F(hypo_st_mV)},
    {"ecg_osborn_onset_C", "C", 25, 37, "J (Osborn) waves appear below this temperature", F(osborn_onset_C)},
    {"ecg_osborn_per_C", "1/C", 0, 1, "J wave scale per degree below the onset", F(osborn_per_C)},
    {"ecg_cold_qrs_per_C", "1/C", 0, 0.2, "QRS width x (1 + k (37 - T))", F(cold_qrs_per_C)},
    {"ecg_cold_pr_ms_per_C", "ms/C", 0, 30, "PR added per degree below 37 C", F(cold_pr_ms_per_C)},
    {"ecg_effusion_low_voltage_lo_mL", "mL", 0, 2000, "effusion at which voltages start to fall", F(effusion_low_voltage[0])},
    {"ecg_effusion_low_voltage_hi_mL", "mL", 10, 3000, "and at which they are lowest", F(effusion_low_voltage[1])},
    {"ecg_low_voltage_depth", "1", 0, 1, "the share of voltage lost then", F(low_voltage_depth)},
    {"ecg_effusion_alternans_lo_mL", "mL", 0, 2000, "effusion at which electrical alternans starts", F(effusion_alternans[0])},
    {"ecg_effusion_alternans_hi_mL", "mL", 10, 3000, "and at which it is full", F(effusion_alternans[1])},
    {"ecg_alternans_depth", "1", 0, 1, "alternate beats x (1 - depth) at full alternans", F(alternans_depth)},
    {"ecg_injury_mV", "mV", 0, 2, "ST shift of a full-extent injury current", F(injury_mV)},
    {"ecg_af_f0_Hz", "Hz", 3, 12, "atrial fibrillation f-wave frequency", F(af_f0_Hz)},
    {"ecg_af_deviation_Hz", "Hz", 0, 2, "its frequency modulation depth", F(af_deviation_Hz)},
    {"ecg_af_modulation_Hz", "Hz", 0, 2, "its frequency modulation rate", F(af_modulation_Hz)},
    {"ecg_af_mV", "mV", 0, 0.5, "f-wave amplitude", F(af_mV)},
    {"ecg_af_jitter", "1", 0, 1, "f-wave irregularity", F(af_jitter)},
    {"ecg_flutter_Hz", "Hz", 3, 8, "flutter wave frequency", F(flutter_Hz)},
    {"ecg_flutter_mV", "mV", 0, 1, "flutter wave amplitude", F(flutter_mV)},
    {"ecg_vf_jitter", "1", 0, 1, "VF irregularity", F(vf_jitter)},
    {"ecg_vf_am", "1", 0, 1, "VF amplitude modulation", F(vf_am)},
    {"ecg_vf_cycle_jitter", "1", 0, 1, "VF frequency's cycle-to-cycle variation", F(vf_cycle_jitter)},
    {"ecg_vf_harmonic2", "1", 0, 1, "VF dominant wave's second harmonic, share of it", F(vf_harmonic[0])},
    {"ecg_vf_harmonic3", "1", 0, 1, "VF dominant wave's third harmonic, share of it", F(vf_harmonic[1])},
    {"ecg_vf_sway_rad", "rad", 0, 3.2, "VF axis sway", F(vf_sway_rad)},
    {"ecg_vf_pp_per_mV", "1", 0.01, 5, "dipole scale that gives lead II its VF peak-to-peak", F(vf_pp_per_mV)},
    {"ecg_source_tau_s", "s", 0.01, 5, "fade in and out of continuous sources (AF, flutter, VF)", F(source_tau_s)},
    {"ecg_torsades_rotation_Hz", "Hz", 0, 2, "torsades axis rotation rate", F(torsades_rotation_Hz)},
    {"ecg_pacer_spike_mV", "mV", 0, 50, "pacer spike amplitude", F(pacer_spike_mV)},
    {"ecg_pacer_spike_ms", "ms", 0.1, 10, "pacer spike width", F(pacer_spike_ms)},
    {"ecg_cpr_artefact_mV", "mV", 0, 10, "compression artefact at the reference depth", F(cpr_mV)},
    {"ecg_cpr_artefact_depth_mm", "mm", 10, 100, "the reference depth", F(cpr_depth_ref_mm)},
    {"ecg_shock_rail_mV", "mV", 0.5, 50, "electrode input stage rails (saturation after a shock)", F(shock_rail_mV)},
    {"ecg_shock_pads_rail_mV", "mV", 0.5, 50, "the pads channel rails", F(shock_pads_rail_mV)},
    {"ecg_shock_offset_mV", "mV", 0, 500, "polarisation offset after a shock", F(shock_offset_mV)},
    {"ecg_shock_hold_s", "s", 0, 1, "how long the input stays saturated", F(shock_hold_s)},
    {"ecg_shock_tau_s", "s", 0.01, 5, "recovery time constant of the offset", F(shock_tau_s)},
    {"ecg_wander_mV", "mV", 0, 2, "baseline wander RMS per source", F(wander_mV)},
    {"ecg_wander_Hz", "Hz", 0.05, 2, "baseline wander corner frequency", F(wander_Hz)},
    {"ecg_mains_mV", "mV", 0, 2, "mains interference amplitude", F(mains_mV)},
    {"ecg_mains_Hz", "Hz", 50, 60, "mains frequency", F(mains_Hz)},
    {"ecg_muscle_mV", "mV", 0, 1, "muscle noise RMS", F(muscle_mV)},
    {"ecg_muscle_Hz", "Hz", 5, 100, "muscle noise high-pass corner", F(muscle_Hz)},
    {"ecg_gain", "1", 0.1, 10, "overall gain on every electrode", F(gain)},
};
#undef F

}  // namespace

std::span<const ParamSpec<EcgParams>> param_table() { return kTable; }

}  // namespace resus::ecg
