/* The C API's enum-taking calls with plain int arguments, for the fuzz targets. In C any int
 * converts to an enum type; in C++ a value outside the enum would be undefined behaviour in the
 * harness itself, so the harness calls through these. */
#ifndef RESUS_FUZZ_ENUM_CALLS_H
#define RESUS_FUZZ_ENUM_CALLS_H

#include <resus/resus.h>

#ifdef __cplusplus
extern "C" {
#endif

resus_action fuzz_default_action(int32_t kind);
resus_status fuzz_set_ventilation(resus_sim* sim, int32_t mode, double rate_per_min,
                                  double tidal_volume_mL, double inspiratory_time_s,
                                  double peep_cmH2O);
resus_status fuzz_set_airway(resus_sim* sim, int32_t airway);
resus_status fuzz_set_rhythm(resus_sim* sim, int32_t rhythm);
resus_status fuzz_shock(resus_sim* sim, double energy_J, int32_t waveform);
resus_status fuzz_cardiovert(resus_sim* sim, double energy_J, int32_t waveform);
resus_status fuzz_hemorrhage(resus_sim* sim, double rate_mL_min, double volume_mL, int32_t site);
const char* fuzz_status_string(int32_t status);

#ifdef __cplusplus
}
#endif

#endif
