/* Enum arguments outside their enum, from C, where any int can be passed (issue 8, defect 6).
 * Before the fix the C++ shim converted them to its enum types, which is undefined behaviour
 * (UBSan stopped the sanitizer build at the conversion). Now each is refused by value, with
 * RESUS_ERR_INVALID_ARGUMENT and a message naming the field, and the sim is unchanged. */
#include <resus/resus.h>
#include <stdio.h>
#include <string.h>

static int failures = 0;

static void expect(int ok, const char* what, const resus_sim* sim) {
  if (!ok) {
    ++failures;
    printf("FAILED: %s (message: %s)\n", what, resus_last_error(sim));
  }
}

static void expect_refused(resus_status s, const char* field, const resus_sim* sim,
                           const char* what) {
  expect(s == RESUS_ERR_INVALID_ARGUMENT || s == RESUS_ERR_UNKNOWN_NAME, what, sim);
  expect(strstr(resus_last_error(sim), field) != NULL, what, sim);
}

int main(void) {
  resus_model* model = NULL;
  resus_sim* sim = NULL;
  const unsigned int huge = 0x80000000u;
  double before, after;
  if (resus_model_create_preset("adult_male_70kg", &model) != RESUS_OK ||
      resus_sim_create(model, NULL, &sim) != RESUS_OK) {
    printf("FAILED: setup: %s\n", resus_last_error(NULL));
    return 1;
  }
  before = resus_sim_time(sim);

  expect_refused(resus_sim_set_ventilation(sim, (resus_vent_mode)huge, 10, 500, 1, 0),
                 "vent_mode", sim, "ventilation mode 0x80000000");
  expect_refused(resus_sim_set_ventilation(sim, (resus_vent_mode)-1, 10, 500, 1, 0),
                 "vent_mode", sim, "ventilation mode -1");
  expect_refused(resus_sim_set_airway(sim, (resus_airway)huge), "airway", sim, "airway");
  expect_refused(resus_sim_set_rhythm(sim, (resus_rhythm)huge), "rhythm", sim, "rhythm");
  expect_refused(resus_sim_set_rhythm(sim, (resus_rhythm)17), "rhythm", sim, "rhythm 17");
  expect_refused(resus_sim_shock(sim, 200, (resus_waveform)huge), "waveform", sim, "shock waveform");
  expect_refused(resus_sim_cardiovert(sim, 100, (resus_waveform)2), "waveform", sim,
                 "cardioversion waveform");
  expect_refused(resus_sim_hemorrhage(sim, 100, 0, (resus_bleed_site)huge), "site", sim,
                 "bleed site");
  {
    resus_action a = resus_default_action((resus_action_kind)huge);
    expect_refused(resus_sim_apply(sim, &a), "kind", sim, "action kind");
  }
  expect(strcmp(resus_status_string((resus_status)huge), "unknown status") == 0,
         "status string of 0x80000000", NULL);
  expect(strcmp(resus_status_string((resus_status)-7), "unknown status") == 0,
         "status string of -7", NULL);

  after = resus_sim_time(sim);
  expect(before == after && resus_sim_advance(sim, 1.0) == RESUS_OK,
         "the sim runs on after refused calls", sim);
  resus_sim_destroy(sim);
  resus_model_destroy(model);
  if (failures == 0) printf("all enum arguments refused\n");
  return failures == 0 ? 0 : 1;
}
