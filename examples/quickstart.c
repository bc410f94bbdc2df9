/* resus quickstart: a resting adult, then a 1000 mL hemorrhage, through the C API only.
 *
 * Build: part of the resus CMake build (target resus_quickstart), or by hand:
 *   cc -std=c99 quickstart.c -I<resus>/capi/include -L<build>/capi -lresus
 */
#include <stdio.h>

#include <resus/resus.h>

/* Prints the failed call and the library's message, and returns nonzero. */
static int failed(resus_status status, const char* call, const char* message) {
  if (status == RESUS_OK) return 0;
  fprintf(stderr, "%s failed: %s: %s\n", call, resus_status_string(status),
          message ? message : "");
  return 1;
}

enum { kHr, kMap, kCo, kSignals };

/* Advances `seconds` in steps of `every`, printing the vital signs after each. */
static int run(resus_sim* sim, const int32_t* idx, double seconds, double every) {
  double t;
  for (t = 0.0; t < seconds; t += every) {
    resus_status s = resus_sim_advance(sim, every);
    if (failed(s, "resus_sim_advance", resus_last_error(sim))) return 1;
    printf("t = %6.1f s  HR %5.1f /min  MAP %5.1f mmHg  CO %4.2f L/min\n", resus_sim_time(sim),
           resus_sim_signal(sim, idx[kHr]), resus_sim_signal(sim, idx[kMap]),
           resus_sim_signal(sim, idx[kCo]));
  }
  return 0;
}

/* Drains and prints the sim's events. */
static int print_events(resus_sim* sim) {
  resus_event events[16];
  int32_t n = 0;
  int32_t i;
  do {
    resus_status s = resus_sim_poll_events(sim, events, 16, &n);
    if (failed(s, "resus_sim_poll_events", resus_last_error(sim))) return 1;
    for (i = 0; i < n; ++i)
      printf("event at %.3f s: kind %d detail %d value %.1f\n", events[i].time_s,
             (int)events[i].kind, (int)events[i].detail, events[i].value);
  } while (n == 16);
  return 0;
}

static int simulate(const resus_model* model) {
  static const char* const names[kSignals] = {"hr_bpm", "map_mmHg", "co_L_min"};
  int32_t idx[kSignals];
  resus_sim* sim = NULL;
  resus_sim_def def = resus_default_sim_def();
  resus_status s;
  int i, rc = 1;

  for (i = 0; i < kSignals; ++i) {
    s = resus_signal_find(names[i], &idx[i]);
    if (failed(s, "resus_signal_find", resus_last_error(NULL))) return 1;
  }
  def.seed = 1;
  s = resus_sim_create(model, &def, &sim);
  if (failed(s, "resus_sim_create", resus_last_error(NULL))) return 1;

  printf("-- rest --\n");
  if (run(sim, idx, 60.0, 10.0)) goto done;

  printf("-- hemorrhage: 1000 mL at 500 mL/min --\n");
  s = resus_sim_hemorrhage(sim, 500.0, 1000.0, RESUS_BLEED_VENOUS);
  if (failed(s, "resus_sim_hemorrhage", resus_last_error(sim))) goto done;
  if (run(sim, idx, 300.0, 30.0)) goto done;
  if (print_events(sim)) goto done;
  rc = 0;
done:
  resus_sim_destroy(sim);
  return rc;
}

int main(void) {
  resus_model* model = NULL;
  resus_status s;
  int rc;

  printf("resus %s\n", resus_version());
  s = resus_model_create_preset("adult_male_70kg", &model);
  if (failed(s, "resus_model_create_preset", resus_last_error(NULL))) return 1;
  rc = simulate(model);
  resus_model_destroy(model);
  return rc;
}
