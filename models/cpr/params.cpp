// Chest compression mechanics, the CPR-feedback meter's thresholds and palpation's, with the
// tables that make each reachable by name. Compression constants: fitted to physiology.md B.2
// rows 21-28, refitted with the displacement to rows 21-24 and 87 (2026-12-05; README.md says
// how), then frozen.
#include "models/cpr/compression.hpp"
#include "models/cpr/pulse.hpp"
#include "models/cpr/quality.hpp"

namespace resus::cpr {

CompressionParams reference_compression() {
  CompressionParams c{};
  c.dead_depth_mm = 12.0;
  c.knee_mm = 4.0;
  c.pressure_per_mm = 1.55;
  c.thoracic_fraction = 1.0;
  c.cardiac_fraction = 0.045;
  c.ventricular_displacement_mL_per_mm = 0.6;
  c.heart_slack_mm = 35.0;
  return c;
}

namespace {

constexpr ParamSpec<CompressionParams> kCompression[] = {
    {"cpr_dead_depth_mm", "mm", 0, 40, "chest-wall slack: compression depth that builds no pressure (d0)",
     RESUS_FIELD(CompressionParams, dead_depth_mm)},
    {"cpr_knee_mm", "mm", 0.5, 20, "width of the soft onset of chest pressure around d0",
     RESUS_FIELD(CompressionParams, knee_mm)},
    {"cpr_pressure_per_mm", "mmHg/mm", 0.1, 10, "chest pressure per mm beyond d0 (k_d)",
     RESUS_FIELD(CompressionParams, pressure_per_mm)},
    {"cpr_thoracic_fraction", "1", 0, 1.5, "share of chest pressure on intrathoracic compartments (f_tp)",
     RESUS_FIELD(CompressionParams, thoracic_fraction)},
    {"cpr_cardiac_fraction", "1", 0, 1.5, "extra direct cardiac squeeze inside the pericardium (f_cp)",
     RESUS_FIELD(CompressionParams, cardiac_fraction)},
    {"cpr_ventricular_displacement_mL_per_mm", "mL/mm", 0, 5, "left-ventricular cavity the sternum takes per mm beyond d_h (k_v)",
     RESUS_FIELD(CompressionParams, ventricular_displacement_mL_per_mm)},
    {"cpr_heart_slack_mm", "mm", 0, 60, "depth before the sternum reaches the heart (d_h)",
     RESUS_FIELD(CompressionParams, heart_slack_mm)},
};

#define Q(f) RESUS_FIELD(QualityParams, f)
constexpr ParamSpec<QualityParams> kQuality[] = {
    {"cpr_meter_onset_mm", "mm", 1, 50, "rise above the last trough that starts a compression", Q(onset_mm)},
    {"cpr_meter_release_mm", "mm", 0.5, 45, "timing level above the trough (and least fall that ends one)", Q(release_mm)},
    {"cpr_meter_window_s", "s", 1, kQualityMaxWindow_s, "chest-compression-fraction window", Q(window_s)},
    {"cpr_meter_pause_s", "s", 0.1, 60, "a gap longer than this is hands-off time", Q(pause_s)},
};
#undef Q

#define P(f) RESUS_FIELD(PulseParams, f)
constexpr ParamSpec<PulseParams> kPulse[] = {
    {"pulse_carotid_half_palpable_mmHg", "mmHg", 5, 200, "carotid: peak pressure felt half the time", P(carotid.half_palpable_systolic_mmHg)},
    {"pulse_carotid_width_mmHg", "mmHg", 1, 100, "carotid: peak-pressure span from strength 0.1 to 0.9", P(carotid.width_mmHg)},
    {"pulse_carotid_min_pulse_pressure_mmHg", "mmHg", 0, 50, "carotid: below this pulse pressure nothing is felt", P(carotid.min_pulse_pressure_mmHg)},
    {"pulse_femoral_half_palpable_mmHg", "mmHg", 5, 200, "femoral artery: peak pressure felt half the time", P(femoral.half_palpable_systolic_mmHg)},
    {"pulse_femoral_width_mmHg", "mmHg", 1, 100, "femoral artery: peak-pressure span from strength 0.1 to 0.9", P(femoral.width_mmHg)},
    {"pulse_femoral_min_pulse_pressure_mmHg", "mmHg", 0, 50, "femoral artery: below this pulse pressure nothing is felt", P(femoral.min_pulse_pressure_mmHg)},
    {"pulse_femoral_venous_half_palpable_mmHg", "mmHg", 5, 200, "femoral vein (venous pulsations in CPR): peak pressure felt half the time", P(femoral_venous.half_palpable_systolic_mmHg)},
    {"pulse_femoral_venous_width_mmHg", "mmHg", 1, 100, "femoral vein (venous pulsations in CPR): peak-pressure span from strength 0.1 to 0.9", P(femoral_venous.width_mmHg)},
    {"pulse_femoral_venous_min_pulse_pressure_mmHg", "mmHg", 0, 50, "femoral vein (venous pulsations in CPR): below this pulse pressure nothing is felt", P(femoral_venous.min_pulse_pressure_mmHg)},
    {"pulse_envelope_window_s", "s", 0.5, 10, "peak and trough are taken over about this much signal", P(envelope_window_s)},
};
#undef P

}  // namespace

std::span<const ParamSpec<CompressionParams>> compression_param_table() { return kCompression; }
std::span<const ParamSpec<QualityParams>> quality_param_table() { return kQuality; }
std::span<const ParamSpec<PulseParams>> pulse_param_table() { return kPulse; }

}  // namespace resus::cpr
