// The respiration model's parameters as a table, so each is reachable by name (values and
// sources: params.cpp and README.md). Body mass is the patient's (it scales volumes and VO2).
#include "models/respiration/params.hpp"

namespace resus::resp {
namespace {

#define F(f) RESUS_FIELD(RespParams, f)
constexpr ParamSpec<RespParams> kTable[] = {
    {"lung_compliance_mL_cmH2O", "mL/cmH2O", 10, 500, "lung compliance", F(lung_compliance_mL_cmH2O)},
    {"chest_wall_compliance_mL_cmH2O", "mL/cmH2O", 10, 500, "chest-wall compliance (supine)", F(chest_wall_compliance_mL_cmH2O)},
    {"frc_mL", "mL", 500, 6000, "functional residual capacity (relaxation volume), supine", F(frc_mL)},
    {"residual_volume_mL", "mL", 200, 4000, "residual volume: the lung volume's lower bound", F(residual_volume_mL)},
    {"total_lung_capacity_mL", "mL", 2000, 15000, "total lung capacity: its upper bound", F(total_lung_capacity_mL)},
    {"airway_resistance_cmH2O_s_L", "cmH2O*s/L", 0.5, 50, "native airways including the upper airway", F(airway_resistance_cmH2O_s_L)},
    {"mask_airway_resistance_cmH2O_s_L", "cmH2O*s/L", 0, 50, "extra: pharynx and mask under positive pressure", F(mask_airway_resistance_cmH2O_s_L)},
    {"sga_resistance_cmH2O_s_L", "cmH2O*s/L", 0, 50, "extra for a supraglottic airway", F(sga_resistance_cmH2O_s_L)},
    {"ett_resistance_cmH2O_s_L", "cmH2O*s/L", 0, 50, "extra for a tracheal tube", F(ett_resistance_cmH2O_s_L)},
    {"mainstem_extra_resistance_cmH2O_s_L", "cmH2O*s/L", 0, 50, "extra with one main bronchus intubated", F(mainstem_extra_resistance_cmH2O_s_L)},
    {"mainstem_ventilated_fraction", "1", 0.1, 0.9, "right lung share of lung compliance", F(mainstem_ventilated_fraction)},
    {"anatomic_dead_space_mL", "mL", 30, 500, "natural airway dead space", F(anatomic_dead_space_mL)},
    {"tube_dead_space_mL", "mL", 10, 500, "dead space with a tube or supraglottic airway", F(tube_dead_space_mL)},
    {"mask_seal_cmH2O", "cmH2O", 5, 60, "a mask leaks above this airway pressure", F(mask_seal_cmH2O)},
    {"sga_seal_cmH2O", "cmH2O", 5, 60, "a supraglottic airway leaks above this", F(sga_seal_cmH2O)},
    {"leak_resistance_cmH2O_s_mL", "cmH2O*s/mL", 0.0001, 1, "resistance of the leak path above the seal", F(leak_resistance_cmH2O_s_mL)},
    {"mask_les_opening_cmH2O", "cmH2O", 5, 60, "oesophageal opening pressure under a mask", F(mask_les_opening_cmH2O)},
    {"sga_les_opening_cmH2O", "cmH2O", 5, 60, "oesophageal opening pressure with a supraglottic airway", F(sga_les_opening_cmH2O)},
    {"gastric_resistance_cmH2O_s_mL", "cmH2O*s/mL", 0.0001, 1, "resistance into the stomach above the opening pressure", F(gastric_resistance_cmH2O_s_mL)},
    {"sga_gastric_resistance_cmH2O_s_mL", "cmH2O*s/mL", 0.0001, 10, "the same with a supraglottic airway", F(sga_gastric_resistance_cmH2O_s_mL)},
    {"oesophageal_resistance_cmH2O_s_mL", "cmH2O*s/mL", 0.0001, 1, "device flow into the stomach through an oesophageal tube", F(oesophageal_resistance_cmH2O_s_mL)},
    {"shunt_fraction", "1", 0, 0.5, "intrapulmonary shunt Qs/Qt", F(shunt_fraction)},
    {"mainstem_hpv_factor", "1", 0, 1, "share of unventilated-lung perfusion left after hypoxic vasoconstriction", F(mainstem_hpv_factor)},
    {"alveolar_dead_space_fraction", "1", 0, 0.5, "alveolar dead space at rest", F(alveolar_dead_space_fraction)},
    {"lowflow_dead_space_gain", "1", 0, 1, "extra dead space x (1 - pulmonary flow / resting)", F(lowflow_dead_space_gain)},
    {"lung_height_cm", "cm", 5, 40, "vertical lung height (West zone 1)", F(lung_height_cm)},
    {"resting_cardiac_output_mL_s", "mL/s", 20, 300, "resting flow the flow-scaled terms refer to (unless set, the compiled circulation's own)", F(resting_cardiac_output_mL_s)},
    {"paco2_setpoint_mmHg", "mmHg", 25, 60, "resting PaCO2 the chemoreflex holds", F(paco2_setpoint_mmHg)},
    {"co2_gain_per_mmHg", "1/mmHg", 0, 1, "relative ventilation per mmHg of PaCO2", F(co2_gain_per_mmHg)},
    {"hypoxic_threshold_mmHg", "mmHg", 30, 100, "PaO2 below which hypoxia drives breathing", F(hypoxic_threshold_mmHg)},
    {"hypoxic_gain_per_mmHg", "1/mmHg", 0, 0.5, "relative ventilation per mmHg of PaO2 below it", F(hypoxic_gain_per_mmHg)},
    {"metabolic_gain_per_mmol", "1/(mmol/L)", 0, 0.5, "relative ventilation per mmol/L of arterial base deficit (peripheral chemoreceptors)", F(metabolic_gain_per_mmol)},
    {"hypotension_threshold_mmHg", "mmHg", 0, 150, "mean arterial pressure below which the carotid bodies' low flow drives breathing", F(hypotension_threshold_mmHg)},
    {"hypotension_gain_per_mmHg", "1/mmHg", 0, 0.5, "relative ventilation per mmHg of mean arterial pressure below it", F(hypotension_gain_per_mmHg)},
    {"chemo_tau_s", "s", 1, 120, "chemoreceptor filter time constant", F(chemo_tau_s)},
    {"brain_tau_s", "s", 1, 120, "brainstem perfusion filter time constant", F(brain_tau_s)},
    {"gate_off_ratio", "1", 0, 1, "cerebral flow ratio below which the brainstem stops breathing", F(gate_off_ratio)},
    {"gate_on_ratio", "1", 0, 1, "and above which it drives fully", F(gate_on_ratio)},
    {"resting_rr_per_min", "1/min", 4, 40, "resting respiratory rate", F(resting_rr_per_min)},
    {"rr_drive_exponent", "1", 0, 1, "respiratory rate rises as drive^e, tidal volume takes the rest", F(rr_drive_exponent)},
    {"ti_fraction", "1", 0.2, 0.6, "inspiratory time / breath period", F(ti_fraction)},
    {"max_rr_per_min", "1/min", 10, 80, "highest spontaneous respiratory rate", F(max_rr_per_min)},
    {"max_vt_mL", "mL", 500, 8000, "largest spontaneous tidal volume", F(max_vt_mL)},
    {"apnoea_drive", "1", 0, 1, "drive below which no breath starts", F(apnoea_drive)},
    {"pmus_release_tau_s", "s", 0.01, 1, "muscle relaxation at the end of inspiration", F(pmus_release_tau_s)},
    {"gasp_rate_per_min", "1/min", 1, 30, "rate of agonal gasps", F(gasp_rate_per_min)},
    {"gasp_vt_mL", "mL", 0, 2000, "volume of an agonal gasp while the brainstem's reserve is whole", F(gasp_vt_mL)},
    {"gasp_ti_s", "s", 0.2, 3, "inspiratory time of an agonal gasp", F(gasp_ti_s)},
    {"gasp_reserve_s", "s", 0, 3600, "seconds without cerebral flow until agonal gasping ends (0: no gasping)", F(gasp_reserve_s)},
    {"gasp_recovery_s", "s", 1, 3600, "time a perfused brainstem takes to regain its gasping reserve", F(gasp_recovery_s)},
    {"capnometer_tau_s", "s", 0.01, 1, "capnometer rise time", F(capnometer_tau_s)},
    {"etco2_timeout_s", "s", 2, 120, "no breath for this long: EtCO2 reads 0", F(etco2_timeout_s)},
    {"spo2_averaging_s", "s", 1, 30, "pulse-oximeter averaging time", F(spo2_averaging_s)},
    {"spo2_lag_s", "s", 0.5, 60, "each of the two circulation lags to the finger, at rest", F(spo2_lag_s)},
    {"perfusion_index_rest_pct", "%", 0.2, 20, "perfusion index at rest", F(perfusion_index_rest_pct)},
    {"perfusion_index_min_pct", "%", 0, 5, "below this perfusion index SpO2 is not shown", F(perfusion_index_min_pct)},
    {"o2_gate_off_share", "1", 0, 1, "brain O2 delivery share below which the brainstem stops breathing", F(o2_gate_off_share)},
    {"o2_gate_on_share", "1", 0, 2, "and above which its O2 leaves the drive whole", F(o2_gate_on_share)},
};
#undef F

}  // namespace

std::span<const ParamSpec<RespParams>> param_table() { return kTable; }

}  // namespace resus::resp
