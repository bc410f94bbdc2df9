/* resus determinism check: a 10-minute VF arrest scenario through the C API only, printing every
 * signal every 60 s as the bits of its IEEE double, then an FNV-1a hash of them all. Two builds
 * (another compiler, CPU or operating system) that print the same lines computed the same bits;
 * scripts/cross.sh compares an arm64 and a Windows build with the native one this way.
 *
 * Output (plain ASCII, the same on every platform):
 *   resus <version>
 *   signals <n>
 *   <t_s> <signal name> <16 hex digits: the double's bits>   for each signal, each 60 s
 *   fnv1a64 <16 hex digits>                                   over every value printed, in order
 *
 * Build: part of the resus CMake build (target resus_determinism_check), or by hand:
 *   cc -std=c99 determinism_check.c -I<resus>/capi/include -L<build>/capi -lresus
 */
#include <stdio.h>
#include <string.h>

#include <resus/resus.h>

#define FNV_OFFSET 0xcbf29ce484222325ULL
#define FNV_PRIME 0x100000001b3ULL

/* Prints the failed call and the library's message, and returns nonzero. */
static int failed(resus_status status, const char* call, const char* message) {
  if (status == RESUS_OK) return 0;
  fprintf(stderr, "%s failed: %s: %s\n", call, resus_status_string(status),
          message ? message : "");
  return 1;
}

/* The double's bits, whatever the platform's byte order. */
static unsigned long long bits_of(double value) {
  uint64_t bits;
  memcpy(&bits, &value, sizeof bits);
  return (unsigned long long)bits;
}

/* FNV-1a over the value's eight bytes, least significant first (byte-order independent). */
static unsigned long long fnv1a(unsigned long long hash, unsigned long long bits) {
  int i;
  for (i = 0; i < 8; ++i) {
    hash ^= (bits >> (8 * i)) & 0xffULL;
    hash *= FNV_PRIME;
  }
  return hash;
}

/* Schedules one action given as a resus_action (the 0.2 kinds). */
static int schedule(resus_sim* sim, double at_s, const resus_action* action) {
  return failed(resus_sim_schedule(sim, at_s, action), "resus_sim_schedule",
                resus_last_error(sim));
}

/* The scenario: a witnessed VF arrest, CPR 30:2 with bag-mask breaths, shocks, epinephrine
 * and amiodarone (JSON, by kind and values), intubation and continuous CPR. */
static int schedule_scenario(resus_sim* sim) {
  static const char* const json[] = {
      "{\"at_s\": 140, \"do\": \"drug\", \"drug\": \"epinephrine\", \"dose\": 1, "
      "\"unit\": \"mg\", \"route\": \"peripheral_iv\", \"flush_mL\": 20}",
      "{\"at_s\": 255, \"do\": \"drug\", \"drug\": \"amiodarone\", \"dose\": 300, "
      "\"unit\": \"mg\", \"route\": \"io_humeral\", \"flush_mL\": 10}",
      "{\"at_s\": 360, \"do\": \"drug\", \"drug\": \"epinephrine\", \"dose\": 1, "
      "\"unit\": \"mg\", \"route\": \"io_humeral\", \"flush_mL\": 10}",
  };
  resus_action a;
  size_t i;

  a = resus_default_action(RESUS_ACTION_RHYTHM);
  a.rhythm = RESUS_RHYTHM_VF_COARSE;
  if (schedule(sim, 10.0, &a)) return 1;

  a = resus_default_action(RESUS_ACTION_AIRWAY);
  a.airway = RESUS_AIRWAY_BAG_MASK;
  if (schedule(sim, 30.0, &a)) return 1;
  a = resus_default_action(RESUS_ACTION_OXYGEN);
  a.fio2 = 1.0;
  if (schedule(sim, 30.0, &a)) return 1;
  a = resus_default_action(RESUS_ACTION_CPR_START);
  a.rate_per_min = 110.0;
  a.depth_mm = 55.0;
  a.compressions_per_cycle = 30;
  a.breaths_per_pause = 2;
  if (schedule(sim, 30.0, &a)) return 1;

  a = resus_default_action(RESUS_ACTION_SHOCK);
  a.energy_J = 200.0;
  a.waveform = RESUS_WAVEFORM_BIPHASIC;
  a.only_if_shockable = 1;
  if (schedule(sim, 130.0, &a)) return 1;
  if (schedule(sim, 250.0, &a)) return 1;
  if (schedule(sim, 370.0, &a)) return 1;

  a = resus_default_action(RESUS_ACTION_AIRWAY);
  a.airway = RESUS_AIRWAY_TRACHEAL_TUBE;
  if (schedule(sim, 300.0, &a)) return 1;
  a = resus_default_action(RESUS_ACTION_CPR_START);
  a.rate_per_min = 110.0;
  a.depth_mm = 55.0;
  if (schedule(sim, 300.0, &a)) return 1;
  a = resus_default_action(RESUS_ACTION_VENTILATION);
  a.vent_mode = RESUS_VENT_BAG_RATE;
  a.rate_per_min = 10.0;
  a.tidal_volume_mL = 500.0;
  if (schedule(sim, 300.0, &a)) return 1;

  for (i = 0; i < sizeof json / sizeof json[0]; ++i)
    if (failed(resus_sim_apply_json(sim, json[i]), "resus_sim_apply_json",
               resus_last_error(sim)))
      return 1;
  return 0;
}

static int simulate(const resus_model* model) {
  const int32_t count = resus_signal_count();
  resus_sim* sim = NULL;
  resus_sim_def def = resus_default_sim_def();
  unsigned long long hash = FNV_OFFSET;
  resus_status s;
  int minute, rc = 1;
  int32_t i;

  printf("signals %d\n", (int)count);
  def.seed = 1;
  s = resus_sim_create(model, &def, &sim);
  if (failed(s, "resus_sim_create", resus_last_error(NULL))) return 1;
  if (schedule_scenario(sim)) goto done;

  for (minute = 1; minute <= 10; ++minute) {
    s = resus_sim_advance(sim, 60.0);
    if (failed(s, "resus_sim_advance", resus_last_error(sim))) goto done;
    for (i = 0; i < count; ++i) {
      const char* name = NULL;
      const unsigned long long bits = bits_of(resus_sim_signal(sim, i));
      s = resus_signal_info(i, &name, NULL, NULL);
      if (failed(s, "resus_signal_info", resus_last_error(NULL))) goto done;
      printf("%d %s %016llx\n", minute * 60, name, bits);
      hash = fnv1a(hash, bits);
    }
  }
  printf("fnv1a64 %016llx\n", hash);
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
