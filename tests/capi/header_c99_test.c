/* Compiles resus.h as strict C99 (-Wall -Wextra -pedantic -Werror) and touches every struct and
 * enum, so a C++-only construct in the header fails the build. Running it only checks linking. */
#include <resus/resus.h>
#include <stdio.h>

int main(void) {
  resus_sim_def def = resus_default_sim_def();
  resus_action action = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  resus_event event = {0.0, RESUS_EVENT_ACTION_APPLIED, 0, 0.0};
  resus_status status = RESUS_OK;
  resus_action_kind kinds[3] = {RESUS_ACTION_HEMORRHAGE, RESUS_ACTION_HEMORRHAGE_STOP,
                                RESUS_ACTION_FLUID_BOLUS};
  resus_bleed_site site = RESUS_BLEED_ARTERIAL;
  resus_event_kind events[3] = {RESUS_EVENT_ACTION_APPLIED, RESUS_EVENT_HEMORRHAGE_ENDED,
                                RESUS_EVENT_BOLUS_ENDED};
  resus_rhythm rhythm = RESUS_RHYTHM_VF_COARSE;
  resus_waveform waveform = RESUS_WAVEFORM_MONOPHASIC;
  resus_shock_outcome outcome = RESUS_SHOCK_NO_SYNC;
  resus_airway airway = RESUS_AIRWAY_RIGHT_MAINSTEM;
  resus_vent_mode mode = RESUS_VENT_VENTILATOR;
  resus_wave wave = RESUS_WAVE_CHEST_DEPTH;
  resus_model* model = NULL;
  resus_sim* sim = NULL;

  action.site = site;
  event.kind = events[2];
  action.kind = kinds[2];
  action.rhythm = rhythm;
  action.waveform = waveform;
  action.energy_J = 200.0;
  action.rate_per_min = 70.0;
  action.current_mA = 80.0;
  event.detail = outcome;
  action.kind = RESUS_ACTION_SPONTANEOUS_BREATHING;
  action.depth_mm = 55.0;
  action.compressions_per_cycle = 30;
  action.airway = airway;
  action.vent_mode = mode;
  action.fio2 = 1.0;
  action.enabled = 1;
  if (resus_wave_count() != RESUS_WAVE_CHEST_DEPTH + 1 || resus_wave_name(wave) == NULL) return 1;
  if (resus_rhythm_count() != RESUS_RHYTHM_PEA + 1 || resus_rhythm_name(rhythm) == NULL) return 1;
  status = RESUS_ERR_INTERNAL;
  if (def.struct_size != sizeof def || action.struct_size != sizeof action) return 1;
  if (resus_version_number() != RESUS_VERSION_NUMBER) return 1;
  resus_model_destroy(model); /* NULL is a no-op */
  resus_sim_destroy(sim);
  printf("resus %s, %s, event kind %d\n", resus_version(), resus_status_string(status),
         (int)event.kind);
  return 0;
}
