/*
 * resus: a real-time physiology engine for advanced life support. The one public C header.
 *
 * Conventions
 *  - Opaque handles: resus_model (immutable, shareable across threads) and resus_sim (one
 *    patient; use from one thread at a time).
 *  - Every fallible call returns a resus_status. resus_status_string() gives static text;
 *    resus_last_error(handle) gives a message naming the field, value and valid range, valid
 *    until the next call on that handle. Calls that have no handle (or a NULL one) keep their
 *    message per thread: read it with resus_last_error(NULL).
 *  - No call throws, aborts or lets a C++ exception out. resus_*_destroy(NULL) is a no-op.
 *  - Structs start with a struct_size field; initialise them with resus_default_*().
 *  - Fixed-width types only. Enums and structs are append-only (ABI policy in docs/).
 *  - Units are in the names: seconds, mL, mL/min, mmHg.
 */
#ifndef RESUS_RESUS_H
#define RESUS_RESUS_H

#include <stdint.h>

#if defined(_WIN32)
#  if defined(RESUS_BUILDING)
#    define RESUS_API __declspec(dllexport)
#  else
#    define RESUS_API __declspec(dllimport)
#  endif
#else
#  define RESUS_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ---- version ---------------------------------------------------------------------------- */

#define RESUS_VERSION_MAJOR 0
#define RESUS_VERSION_MINOR 1
#define RESUS_VERSION_PATCH 0
#define RESUS_VERSION_NUMBER (RESUS_VERSION_MAJOR * 10000 + RESUS_VERSION_MINOR * 100 + RESUS_VERSION_PATCH)

/* The library's version as "major.minor.patch", and as major*10000 + minor*100 + patch. */
RESUS_API const char* resus_version(void);
RESUS_API int32_t resus_version_number(void);

/* ---- status ----------------------------------------------------------------------------- */

typedef enum resus_status {
  RESUS_OK = 0,
  RESUS_ERR_INVALID_ARGUMENT = 1, /* out of range, NaN, negative duration, NULL output pointer */
  RESUS_ERR_NULL_HANDLE = 2,
  RESUS_ERR_UNKNOWN_NAME = 3,     /* unknown preset, parameter, signal, action or field */
  RESUS_ERR_PARSE = 4,            /* malformed JSON or a field of the wrong type */
  RESUS_ERR_BUFFER_TOO_SMALL = 5,
  RESUS_ERR_INCOMPATIBLE = 6,     /* snapshot from another version or another model */
  RESUS_ERR_NUMERICAL = 7,        /* the state went non-finite; the sim keeps its last good state */
  RESUS_ERR_CAPACITY = 8,         /* a fixed-capacity queue is full */
  RESUS_ERR_OUT_OF_MEMORY = 9,
  RESUS_ERR_INTERNAL = 10
} resus_status;

/* Static text for a status; never NULL. */
RESUS_API const char* resus_status_string(resus_status status);

/* ---- models ----------------------------------------------------------------------------- */

typedef struct resus_model resus_model;

/* Presets and parameters, for discovery ("resus info"). Index from 0 to count-1; returns NULL
 * past the end. */
RESUS_API int32_t resus_preset_count(void);
RESUS_API const char* resus_preset_name(int32_t index);
RESUS_API const char* resus_preset_description(int32_t index);
RESUS_API int32_t resus_param_count(void);
/* Name, unit, valid range and description of a parameter; any output pointer may be NULL. */
RESUS_API resus_status resus_param_info(int32_t index, const char** name, const char** unit,
                                        double* min, double* max, const char** description);

/* Compiles a model from a preset name (e.g. "adult_male_70kg"). The model starts at its
 * resting steady state; compiling takes tens of milliseconds. */
RESUS_API resus_status resus_model_create_preset(const char* preset, resus_model** out);
/* Compiles a model from patient JSON: {"preset": "...", "overrides": {"name": value, ...}}. */
RESUS_API resus_status resus_model_create_json(const char* patient_json, resus_model** out);
RESUS_API void resus_model_destroy(resus_model* model);
/* A parameter's value in the compiled model, by name. */
RESUS_API resus_status resus_model_param(const resus_model* model, const char* name, double* out);
RESUS_API const char* resus_model_last_error(const resus_model* model);

/* ---- sims ------------------------------------------------------------------------------- */

typedef struct resus_sim resus_sim;

typedef struct resus_sim_def {
  uint32_t struct_size; /* sizeof(resus_sim_def); set by resus_default_sim_def() */
  uint32_t reserved;
  uint64_t seed;        /* random streams are keyed by (seed, patient_id, stream) */
  uint64_t patient_id;
} resus_sim_def;

RESUS_API resus_sim_def resus_default_sim_def(void);

/* Creates a sim at the model's resting steady state; def may be NULL for defaults. The sim keeps
 * the model alive; the model may be destroyed before the sim. */
RESUS_API resus_status resus_sim_create(const resus_model* model, const resus_sim_def* def,
                                        resus_sim** out);
RESUS_API void resus_sim_destroy(resus_sim* sim);

/* Advances by `seconds` (finite, >= 0). The fixed step is resus_step_seconds() (2 ms); a remainder
 * is carried to the next call, so many short calls add up exactly. Allocates nothing. */
RESUS_API resus_status resus_sim_advance(resus_sim* sim, double seconds);
/* Simulated time in seconds. */
RESUS_API double resus_sim_time(const resus_sim* sim);
/* The fixed integration step in seconds. */
RESUS_API double resus_step_seconds(void);

/* Message for the last failed call on this sim (or, with NULL, on this thread). */
RESUS_API const char* resus_last_error(const resus_sim* sim);

/* ---- signals ---------------------------------------------------------------------------- */

/* The signal catalogue is the same for every model. Names carry their unit (e.g. "map_mmHg"). */
RESUS_API int32_t resus_signal_count(void);
RESUS_API resus_status resus_signal_info(int32_t index, const char** name, const char** unit,
                                         const char** description);
/* Index of a signal by name; look up once, then read by index. */
RESUS_API resus_status resus_signal_find(const char* name, int32_t* index);
/* Reads one signal. Returns NaN for a NULL sim or a bad index (no error message is set, so this
 * can sit in a hot loop); check indices once with resus_signal_find. */
RESUS_API double resus_sim_signal(const resus_sim* sim, int32_t index);
/* Copies `count` signals named by `indices` into `out`. */
RESUS_API resus_status resus_sim_signals(const resus_sim* sim, const int32_t* indices,
                                         int32_t count, double* out);

/* ---- actions ---------------------------------------------------------------------------- */

typedef enum resus_action_kind {
  RESUS_ACTION_HEMORRHAGE = 1,      /* rate_mL_min and/or volume_mL; site */
  RESUS_ACTION_HEMORRHAGE_STOP = 2,
  RESUS_ACTION_FLUID_BOLUS = 3      /* volume_mL; rate_mL_min (0 = 250 mL/min) */
} resus_action_kind;

typedef enum resus_bleed_site {
  RESUS_BLEED_VENOUS = 0,
  RESUS_BLEED_ARTERIAL = 1
} resus_bleed_site;

/* One struct for every action; the JSON form parses into it and both reach one dispatcher. */
typedef struct resus_action {
  uint32_t struct_size; /* sizeof(resus_action); set by resus_default_action() */
  int32_t kind;         /* resus_action_kind */
  int32_t site;         /* resus_bleed_site, for hemorrhage */
  int32_t reserved;
  double rate_mL_min;   /* 0 = the kind's default */
  double volume_mL;     /* hemorrhage: 0 = until stopped; bolus: required */
} resus_action;

RESUS_API resus_action resus_default_action(resus_action_kind kind);

/* Applies an action now, on the current step boundary. */
RESUS_API resus_status resus_sim_apply(resus_sim* sim, const resus_action* action);
/* Schedules an action at simulated time at_s (>= now); applied on that step boundary. */
RESUS_API resus_status resus_sim_schedule(resus_sim* sim, double at_s, const resus_action* action);

/* Typed shorthands. */
RESUS_API resus_status resus_sim_hemorrhage(resus_sim* sim, double rate_mL_min, double volume_mL,
                                            resus_bleed_site site);
RESUS_API resus_status resus_sim_hemorrhage_stop(resus_sim* sim);
RESUS_API resus_status resus_sim_fluid_bolus(resus_sim* sim, double volume_mL, double rate_mL_min);

/* JSON form, e.g. {"do": "hemorrhage", "rate_mL_min": 500, "volume_mL": 1000}. If the object
 * has "at_s", the action is scheduled for that time, otherwise applied now. */
RESUS_API resus_status resus_sim_apply_json(resus_sim* sim, const char* action_json);
/* Parses and checks an action's JSON without a sim (for validating scenario files). `out` may be
 * NULL; `at_s` (may be NULL) receives "at_s" or NaN. The message is per thread. */
RESUS_API resus_status resus_action_parse_json(const char* action_json, resus_action* out,
                                               double* at_s);
/* Action names and their fields, for discovery. */
RESUS_API int32_t resus_action_count(void);
RESUS_API resus_status resus_action_info(int32_t index, const char** name, const char** fields);

/* ---- events ----------------------------------------------------------------------------- */

typedef enum resus_event_kind {
  RESUS_EVENT_ACTION_APPLIED = 1,   /* detail = resus_action_kind, value = rate or volume */
  RESUS_EVENT_HEMORRHAGE_ENDED = 2, /* value = mL lost */
  RESUS_EVENT_BOLUS_ENDED = 3       /* value = mL infused */
} resus_event_kind;

/* An output struct: written whole by the library. It is frozen; a richer event will come as a new
 * struct and a new poll call, never by growing this one. */
typedef struct resus_event {
  double time_s;
  int32_t kind;   /* resus_event_kind */
  int32_t detail;
  double value;
} resus_event;

/* Moves up to `capacity` pending events into `out`, oldest first; *count receives how many.
 * The sim keeps the newest 256 undrained events. */
RESUS_API resus_status resus_sim_poll_events(resus_sim* sim, resus_event* out, int32_t capacity,
                                             int32_t* count);

/* ---- snapshots -------------------------------------------------------------------------- */

/* Size in bytes of a snapshot (the same for every sim of this build). */
RESUS_API int64_t resus_snapshot_size(void);
/* Writes the whole state; fails with RESUS_ERR_BUFFER_TOO_SMALL if capacity is too small. */
RESUS_API resus_status resus_sim_save(const resus_sim* sim, void* buffer, int64_t capacity);
/* Restores a snapshot taken from a sim of an identical model; the sim then continues
 * bit-identically to the one saved. A bad snapshot leaves the sim unchanged. */
RESUS_API resus_status resus_sim_load(resus_sim* sim, const void* buffer, int64_t size);

#ifdef __cplusplus
}
#endif

#endif /* RESUS_RESUS_H */
