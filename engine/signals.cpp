#include "engine/signals.hpp"

#include <array>

namespace resus {
namespace {

constexpr std::array<SignalInfo, kNumSignals> kSignals = {{
    {"hr_bpm", "1/min", "heart rate from mechanical beats (0 without beats)"},
    {"sbp_mmHg", "mmHg", "arterial systolic pressure over the last cycle"},
    {"dbp_mmHg", "mmHg", "arterial diastolic pressure over the last cycle"},
    {"map_mmHg", "mmHg", "mean arterial pressure over the last cycle"},
    {"pulse_pressure_mmHg", "mmHg", "arterial pulse pressure (systolic - diastolic)"},
    {"cvp_mmHg", "mmHg", "mean central venous pressure (thoracic veins)"},
    {"pap_sys_mmHg", "mmHg", "pulmonary arterial systolic pressure"},
    {"pap_dia_mmHg", "mmHg", "pulmonary arterial diastolic pressure"},
    {"pap_mean_mmHg", "mmHg", "mean pulmonary arterial pressure"},
    {"pcwp_mmHg", "mmHg", "pulmonary capillary wedge pressure (mean pulmonary venous)"},
    {"co_L_min", "L/min", "cardiac output (mean aortic valve flow)"},
    {"sv_mL", "mL", "stroke volume (aortic valve flow over the last beat)"},
    {"ef_pct", "%", "left ventricular ejection fraction"},
    {"lvedv_mL", "mL", "left ventricular end-diastolic volume"},
    {"lvesv_mL", "mL", "left ventricular end-systolic volume"},
    {"svr_dyn_s_cm5", "dyn*s/cm^5", "systemic vascular resistance, 80*(MAP-CVP)/CO"},
    {"pvr_dyn_s_cm5", "dyn*s/cm^5", "pulmonary vascular resistance, 80*(mPAP-PCWP)/CO"},
    {"cpp_mmHg", "mmHg", "coronary perfusion pressure, aortic minus right atrial at end-diastole"},
    {"cepp_mmHg", "mmHg", "cerebral perfusion pressure, MAP - max(ICP, CVP)"},
    {"coronary_flow_mL_min", "mL/min", "mean coronary blood flow"},
    {"cerebral_flow_mL_min", "mL/min", "mean cerebral blood flow"},
    {"abp_mmHg", "mmHg", "arterial pressure waveform (systemic arteries)"},
    {"aop_mmHg", "mmHg", "thoracic aortic pressure waveform"},
    {"lvp_mmHg", "mmHg", "left ventricular pressure"},
    {"rvp_mmHg", "mmHg", "right ventricular pressure"},
    {"lap_mmHg", "mmHg", "left atrial pressure"},
    {"rap_mmHg", "mmHg", "right atrial pressure"},
    {"pap_mmHg", "mmHg", "pulmonary arterial pressure waveform"},
    {"lv_volume_mL", "mL", "left ventricular volume"},
    {"rv_volume_mL", "mL", "right ventricular volume"},
    {"pericardial_pressure_mmHg", "mmHg", "pericardial pressure"},
    {"intrathoracic_pressure_mmHg", "mmHg", "intrathoracic (pleural) pressure"},
    {"aortic_flow_mL_s", "mL/s", "aortic valve flow"},
    {"blood_volume_mL", "mL", "total blood volume in the circulation"},
    {"blood_lost_mL", "mL", "cumulative blood lost to hemorrhage"},
    {"fluid_infused_mL", "mL", "cumulative fluid infused"},
    {"heart_period_s", "s", "sinus period set by the reflex"},
    {"lv_emax_mmHg_mL", "mmHg/mL", "LV contractility (end-systolic elastance) after the reflex"},
    {"sympathetic_firing_Hz", "1/s", "sympathetic efferent firing rate"},
    {"vagal_firing_Hz", "1/s", "vagal efferent firing rate"},
    {"rhythm_id", "1", "current rhythm (resus_rhythm value; name via resus info)"},
    {"ventricular_rate_bpm", "1/min", "electrical ventricular rate (0 in VF and asystole)"},
    {"myocardial_energy", "1", "myocardial energy/ischaemia state, 1 healthy .. 0 exhausted"},
    {"vf_amplitude_mV", "mV", "VF amplitude for the current energy (0 when not in VF)"},
    {"vf_frequency_Hz", "Hz", "VF dominant frequency (0 when not in VF)"},
    {"amsa_mV_Hz", "mV*Hz", "amplitude spectrum area of the VF (0 when not in VF)"},
    {"pacing_captured", "1", "1 when the last pacer spike captured the ventricles"},
    {"pacing_threshold_mA", "mA", "current transcutaneous pacing capture threshold"},
    {"ecg_I_mV", "mV", "ECG lead I, latest sample (0 while the ECG is off)"},
    {"ecg_II_mV", "mV", "ECG lead II, latest sample"},
    {"ecg_III_mV", "mV", "ECG lead III, latest sample"},
    {"ecg_aVR_mV", "mV", "ECG lead aVR, latest sample"},
    {"ecg_aVL_mV", "mV", "ECG lead aVL, latest sample"},
    {"ecg_aVF_mV", "mV", "ECG lead aVF, latest sample"},
    {"ecg_V1_mV", "mV", "ECG lead V1, latest sample"},
    {"ecg_V2_mV", "mV", "ECG lead V2, latest sample"},
    {"ecg_V3_mV", "mV", "ECG lead V3, latest sample"},
    {"ecg_V4_mV", "mV", "ECG lead V4, latest sample"},
    {"ecg_V5_mV", "mV", "ECG lead V5, latest sample"},
    {"ecg_V6_mV", "mV", "ECG lead V6, latest sample"},
    {"ecg_pads_mV", "mV", "defibrillator pads ECG, latest sample"},
    {"time_s", "s", "simulated time"},
}};

}  // namespace

std::span<const SignalInfo> signal_catalogue() { return kSignals; }

int find_signal(std::string_view name) {
  for (int i = 0; i < kNumSignals; ++i)
    if (name == kSignals[i].name) return i;
  return -1;
}

}  // namespace resus
