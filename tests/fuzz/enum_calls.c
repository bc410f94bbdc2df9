/* See enum_calls.h. */
#include "enum_calls.h"

resus_action fuzz_default_action(int32_t kind) {
  return resus_default_action((resus_action_kind)kind);
}

resus_status fuzz_set_ventilation(resus_sim* sim, int32_t mode, double rate_per_min,
                                  double tidal_volume_mL, double inspiratory_time_s,
                                  double peep_cmH2O) {
  return resus_sim_set_ventilation(sim, (resus_vent_mode)mode, rate_per_min, tidal_volume_mL,
                                   inspiratory_time_s, peep_cmH2O);
}

resus_status fuzz_set_airway(resus_sim* sim, int32_t airway) {
  return resus_sim_set_airway(sim, (resus_airway)airway);
}

resus_status fuzz_set_rhythm(resus_sim* sim, int32_t rhythm) {
  return resus_sim_set_rhythm(sim, (resus_rhythm)rhythm);
}

resus_status fuzz_shock(resus_sim* sim, double energy_J, int32_t waveform) {
  return resus_sim_shock(sim, energy_J, (resus_waveform)waveform);
}

resus_status fuzz_cardiovert(resus_sim* sim, double energy_J, int32_t waveform) {
  return resus_sim_cardiovert(sim, energy_J, (resus_waveform)waveform);
}

resus_status fuzz_hemorrhage(resus_sim* sim, double rate_mL_min, double volume_mL, int32_t site) {
  return resus_sim_hemorrhage(sim, rate_mL_min, volume_mL, (resus_bleed_site)site);
}

const char* fuzz_status_string(int32_t status) { return resus_status_string((resus_status)status); }
