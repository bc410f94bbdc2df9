/* resus manikin loop: a CPR manikin's 200 Hz device loop through the C API only.
 *
 * The patient is in VF with a tracheal tube, bagged at 10/min, 500 mL. Every 5 ms tick the host
 * streams one sample of the chest-compression depth its sensor measured (here a synthetic trace
 * that looks like a real one: compressions of varying depth and rate, a rounded push and a
 * quicker release, now and then some leaning, a pause every ~30 compressions), advances the sim
 * by 5 ms and reads the signals a feedback display shows. Once a simulated second it prints them;
 * at the end it prints the wall time a tick took (maximum and 99.9th percentile), which is what
 * decides whether the engine fits in the device's 5 ms budget.
 *
 *   manikin_loop [--seconds N]    (default 120 simulated seconds)
 *
 * Build: part of the resus CMake build (target resus_manikin_loop), or by hand:
 *   cc -std=c99 manikin_loop.c -I<resus>/capi/include -L<build>/capi -lresus -lm
 */
#define _POSIX_C_SOURCE 199309L /* clock_gettime, CLOCK_MONOTONIC */

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <resus/resus.h>

#define TICK_S 0.005 /* 200 Hz */
#define TICKS_PER_SECOND 200
#define PI 3.14159265358979323846

/* Prints the failed call and the library's message, and returns nonzero. */
static int failed(resus_status status, const char* call, const char* message) {
  if (status == RESUS_OK) return 0;
  fprintf(stderr, "%s failed: %s: %s\n", call, resus_status_string(status),
          message ? message : "");
  return 1;
}

/* ---- a synthetic compression sensor ----------------------------------------------------- */

/* A small deterministic generator (Numerical Recipes' LCG), so every run is the same trace. */
typedef struct lcg {
  uint32_t state;
} lcg;

static double uniform(lcg* g) { /* [0, 1) */
  g->state = g->state * 1664525u + 1013904223u;
  return (double)(g->state >> 8) / 16777216.0;
}

/* One compression cycle: push down to depth_mm, release to recoil_mm, rest there. Or a pause. */
typedef struct compressor {
  lcg rng;
  double t_in_cycle;  /* s since this cycle began */
  double period_s;    /* this compression's length (60/rate) or the pause's */
  double start_mm;    /* where the chest was when the cycle began */
  double depth_mm;    /* deepest point of this compression */
  double recoil_mm;   /* where the chest comes back to (0 = full recoil) */
  int pausing;        /* 1 during a pause for breaths */
  int count;          /* compressions since the last pause */
  int cycle_length;   /* compressions before the next pause */
} compressor;

static void next_cycle(compressor* c) {
  c->start_mm = c->recoil_mm;
  c->t_in_cycle = 0.0;
  if (!c->pausing && c->count >= c->cycle_length) {
    /* A pause for two breaths: the hands come off and the chest recoils fully. */
    c->pausing = 1;
    c->period_s = 3.0 + 2.0 * uniform(&c->rng);
    c->depth_mm = 0.0;
    c->recoil_mm = 0.0;
    c->count = 0;
    c->cycle_length = 28 + (int)(5.0 * uniform(&c->rng)); /* 28-32 */
    return;
  }
  c->pausing = 0;
  /* Rate drifts within 100-120/min, with a little beat-to-beat jitter on top. */
  c->period_s = 60.0 / (100.0 + 20.0 * uniform(&c->rng)) * (0.97 + 0.06 * uniform(&c->rng));
  c->depth_mm = 45.0 + 15.0 * uniform(&c->rng);
  /* Incomplete recoil (leaning) on about one compression in eight. */
  c->recoil_mm = uniform(&c->rng) < 0.125 ? 2.0 + 4.0 * uniform(&c->rng) : 0.0;
  ++c->count;
}

static void compressor_init(compressor* c, uint32_t seed) {
  memset(c, 0, sizeof *c);
  c->rng.state = seed;
  c->cycle_length = 30;
  next_cycle(c);
}

/* The depth the sensor reads now (mm), then moves on by dt. */
static double compressor_sample(compressor* c, double dt) {
  double depth = 0.0;
  double x;
  if (c->pausing) {
    depth = 0.0;
  } else {
    /* Push over 55% of the cycle (rounded at both ends), release over 30% (fast at first, easing
     * onto the recoil), rest for the remaining 15%. */
    const double push = 0.55 * c->period_s, release = 0.30 * c->period_s;
    if (c->t_in_cycle < push) {
      x = c->t_in_cycle / push;
      depth = c->start_mm + (c->depth_mm - c->start_mm) * 0.5 * (1.0 - cos(PI * x));
    } else if (c->t_in_cycle < push + release) {
      x = (c->t_in_cycle - push) / release;
      depth = c->depth_mm - (c->depth_mm - c->recoil_mm) * (1.0 - (1.0 - x) * (1.0 - x));
    } else {
      depth = c->recoil_mm;
    }
  }
  c->t_in_cycle += dt;
  if (c->t_in_cycle >= c->period_s) next_cycle(c);
  return depth;
}

/* ---- timing ----------------------------------------------------------------------------- */

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + 1e-9 * (double)ts.tv_nsec;
}

static int by_value(const void* a, const void* b) {
  const double x = *(const double*)a, y = *(const double*)b;
  return (x > y) - (x < y);
}

/* ---- the loop --------------------------------------------------------------------------- */

enum { kCpp, kEtco2, kRate, kDepth, kFraction, kCarotid, kSignals };

static int run(resus_sim* sim, long ticks, double* tick_s) {
  static const char* const names[kSignals] = {"cpp_mmHg",     "etco2_mmHg",   "cpr_rate_per_min",
                                               "cpr_depth_mm", "cpr_fraction", "carotid_pulse"};
  int32_t idx[kSignals];
  double v[kSignals];
  compressor sensor;
  resus_status s;
  long tick;
  int i;

  for (i = 0; i < kSignals; ++i) {
    s = resus_signal_find(names[i], &idx[i]);
    if (failed(s, "resus_signal_find", resus_last_error(NULL))) return 1;
  }
  compressor_init(&sensor, 20240601u);

  printf("    t s  CPP mmHg  EtCO2 mmHg  rate /min  depth mm  CCF   carotid\n");
  for (tick = 0; tick < ticks; ++tick) {
    const double depth = compressor_sample(&sensor, TICK_S);
    const double start = now_s();
    s = resus_sim_set_compression_depth(sim, depth);
    if (failed(s, "resus_sim_set_compression_depth", resus_last_error(sim))) return 1;
    s = resus_sim_advance(sim, TICK_S);
    if (failed(s, "resus_sim_advance", resus_last_error(sim))) return 1;
    s = resus_sim_signals(sim, idx, kSignals, v);
    if (failed(s, "resus_sim_signals", resus_last_error(sim))) return 1;
    tick_s[tick] = now_s() - start;

    if ((tick + 1) % TICKS_PER_SECOND == 0)
      printf("%7.1f  %8.1f  %10.1f  %9.0f  %8.1f  %4.2f  %7.2f\n", resus_sim_time(sim), v[kCpp],
             v[kEtco2], v[kRate], v[kDepth], v[kFraction], v[kCarotid]);
  }
  return 0;
}

static int simulate(const resus_model* model, double seconds) {
  const long ticks = (long)floor(seconds * TICKS_PER_SECOND + 0.5);
  double* tick_s = NULL;
  resus_sim* sim = NULL;
  resus_sim_def def = resus_default_sim_def();
  resus_status s;
  int rc = 1;

  tick_s = (double*)malloc((size_t)(ticks > 0 ? ticks : 1) * sizeof *tick_s);
  if (!tick_s) {
    fprintf(stderr, "out of memory\n");
    return 1;
  }
  def.seed = 1;
  s = resus_sim_create(model, &def, &sim);
  if (failed(s, "resus_sim_create", resus_last_error(NULL))) goto done;

  s = resus_sim_set_rhythm(sim, RESUS_RHYTHM_VF_COARSE);
  if (failed(s, "resus_sim_set_rhythm", resus_last_error(sim))) goto done;
  s = resus_sim_set_airway(sim, RESUS_AIRWAY_TRACHEAL_TUBE);
  if (failed(s, "resus_sim_set_airway", resus_last_error(sim))) goto done;
  /* A rescuer bagging at 10/min, 500 mL over 1 s, no PEEP. */
  s = resus_sim_set_ventilation(sim, RESUS_VENT_BAG_RATE, 10.0, 500.0, 1.0, 0.0);
  if (failed(s, "resus_sim_set_ventilation", resus_last_error(sim))) goto done;

  printf("VF, tracheal tube, bag 10/min 500 mL; streaming compressions at 200 Hz for %.0f s\n",
         seconds);
  if (run(sim, ticks, tick_s)) goto done;

  if (ticks > 0) {
    const long p999 = (long)ceil(0.999 * (double)ticks) - 1;
    double sum = 0.0;
    long i;
    for (i = 0; i < ticks; ++i) sum += tick_s[i];
    qsort(tick_s, (size_t)ticks, sizeof *tick_s, by_value);
    printf("wall time per 5 ms tick over %ld ticks: mean %.1f us, p99.9 %.1f us, max %.1f us\n",
           ticks, 1e6 * sum / (double)ticks, 1e6 * tick_s[p999 < 0 ? 0 : p999],
           1e6 * tick_s[ticks - 1]);
  }
  rc = 0;
done:
  resus_sim_destroy(sim);
  free(tick_s);
  return rc;
}

int main(int argc, char** argv) {
  double seconds = 120.0;
  resus_model* model = NULL;
  resus_status s;
  int rc, i;

  for (i = 1; i < argc; ++i) {
    if (strcmp(argv[i], "--seconds") == 0 && i + 1 < argc) {
      char* end = NULL;
      seconds = strtod(argv[++i], &end);
      if (!end || *end != '\0' || !(seconds > 0.0 && seconds <= 86400.0)) {
        fprintf(stderr, "--seconds %s: expected a number of seconds in (0, 86400]\n", argv[i]);
        return 2;
      }
    } else {
      fprintf(stderr, "usage: %s [--seconds N]\n", argv[0]);
      return 2;
    }
  }

  printf("resus %s\n", resus_version());
  s = resus_model_create_preset("adult_male_70kg", &model);
  if (failed(s, "resus_model_create_preset", resus_last_error(NULL))) return 1;
  rc = simulate(model, seconds);
  resus_model_destroy(model);
  return rc;
}
