/* Prints the size of each struct the C# binding mirrors, and each field's offset, as the C
 * compiler lays them out; tests/StructLayoutTests.cs compares them with Marshal.SizeOf and
 * Marshal.OffsetOf. One line each: "<struct> <field> <offset>", and "<struct> sizeof <size>".
 * The fields are listed in declaration order. */
#include <stddef.h>
#include <stdio.h>

#include <resus/resus.h>

#define FIELD(s, f) printf("%s %s %zu\n", #s, #f, offsetof(s, f))
#define SIZE(s) printf("%s sizeof %zu\n", #s, sizeof(s))

int main(void) {
  FIELD(resus_sim_def, struct_size);
  FIELD(resus_sim_def, reserved);
  FIELD(resus_sim_def, seed);
  FIELD(resus_sim_def, patient_id);
  SIZE(resus_sim_def);

  FIELD(resus_action, struct_size);
  FIELD(resus_action, kind);
  FIELD(resus_action, site);
  FIELD(resus_action, reserved);
  FIELD(resus_action, rate_mL_min);
  FIELD(resus_action, volume_mL);
  FIELD(resus_action, rhythm);
  FIELD(resus_action, waveform);
  FIELD(resus_action, energy_J);
  FIELD(resus_action, rate_per_min);
  FIELD(resus_action, current_mA);
  FIELD(resus_action, only_if_shockable);
  FIELD(resus_action, reserved2);
  FIELD(resus_action, depth_mm);
  FIELD(resus_action, duty_cycle);
  FIELD(resus_action, leaning_mm);
  FIELD(resus_action, compressions_per_cycle);
  FIELD(resus_action, breaths_per_pause);
  FIELD(resus_action, pause_s);
  FIELD(resus_action, tidal_volume_mL);
  FIELD(resus_action, inspiratory_time_s);
  FIELD(resus_action, peep_cmH2O);
  FIELD(resus_action, fio2);
  FIELD(resus_action, airway);
  FIELD(resus_action, vent_mode);
  FIELD(resus_action, enabled);
  FIELD(resus_action, reserved3);
  SIZE(resus_action);

  FIELD(resus_ecg_def, struct_size);
  FIELD(resus_ecg_def, sample_rate_hz);
  FIELD(resus_ecg_def, cpr);
  FIELD(resus_ecg_def, shock);
  FIELD(resus_ecg_def, pacer);
  FIELD(resus_ecg_def, baseline_wander);
  FIELD(resus_ecg_def, mains);
  FIELD(resus_ecg_def, muscle);
  FIELD(resus_ecg_def, reserved);
  SIZE(resus_ecg_def);

  FIELD(resus_event, time_s);
  FIELD(resus_event, kind);
  FIELD(resus_event, detail);
  FIELD(resus_event, value);
  SIZE(resus_event);

  FIELD(resus_beat, time_s);
  FIELD(resus_beat, origin);
  FIELD(resus_beat, rhythm);
  FIELD(resus_beat, rr_s);
  SIZE(resus_beat);
  FIELD(resus_aed_finding, struct_size);
  FIELD(resus_aed_finding, advice);
  FIELD(resus_aed_finding, asystole);
  FIELD(resus_aed_finding, organised);
  FIELD(resus_aed_finding, fibrillation);
  FIELD(resus_aed_finding, rapid_wide);
  FIELD(resus_aed_finding, complexes);
  FIELD(resus_aed_finding, reserved);
  FIELD(resus_aed_finding, rate_per_min);
  FIELD(resus_aed_finding, amplitude_mV);
  FIELD(resus_aed_finding, qrs_width_ms);
  FIELD(resus_aed_finding, rr_variation);
  FIELD(resus_aed_finding, tcsc_pct);
  FIELD(resus_aed_finding, leakage);
  FIELD(resus_aed_finding, regularity);
  SIZE(resus_aed_finding);
  return 0;
}
