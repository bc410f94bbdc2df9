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
 *  - 0.2 added chest compressions, airway devices, ventilation, oxygen and gas exchange (actions
 *    9-15, their resus_action fields, signals after "time_s"), the streamed device inputs
 *    resus_sim_set_compression_depth and resus_sim_set_bag_flow, and the waveform streams.
 *  - 0.3 added discovery of every action's fields and of every enum's names, actions applied by
 *    kind and an array of values (the form later kinds use: resus_action is frozen at the 0.2
 *    kinds), reads that say which sample they start at, and the dropped events and beats.
 *    docs/abi.md says what is stable and what may be appended.
 *  - 0.4 added drugs: the drug, infusion and infusion_stop actions (kinds 16-18, applied by
 *    values or JSON), resus_drug_count and resus_drug_info, and four signals per drug
 *    (plasma_<drug>_ng_mL, effect_<drug>_ng_mL, given_<drug>_mg, infusion_<drug>_ug_kg_min).
 *  - Strings the library returns are UTF-8 (ASCII in practice) and live as long as the library.
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
#define RESUS_VERSION_MINOR 10
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

/* The model a parameter belongs to ("patient", "cardiovascular", "autonomic",
 * "electrophysiology", "cpr", "respiration", "blood", "ecg"); NULL past the end (0.3). Parameters are
 * looked up by name: their order may change between versions. */
RESUS_API const char* resus_param_model(int32_t index);

/* Compiles a model from a preset name (e.g. "adult_male_70kg"). The model starts at its
 * resting steady state; compiling takes tens of milliseconds. A patient whose resting state is
 * not viable (no steady state, no cardiac output, a non-finite signal) is refused with
 * RESUS_ERR_NUMERICAL, naming the failed check and the overrides in play. */
RESUS_API resus_status resus_model_create_preset(const char* preset, resus_model** out);
/* Compiles a model from patient JSON: {"preset": "...", "overrides": {"name": value, ...},
 * "scales": {"name": factor, ...}} (scales: factors on the preset's values at the patient's mass
 * and age, before the overrides; docs/scenario.md). */
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
 * is carried to the next call, so many short calls add up exactly. Allocates nothing. No signal is
 * ever non-finite: if the state or a signal would become so, the call returns
 * RESUS_ERR_NUMERICAL naming it, the signals keep their last values and the sim stops. */
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
  RESUS_ACTION_FLUID_BOLUS = 3,     /* volume_mL; rate_mL_min (0 = 250 mL/min) */
  RESUS_ACTION_RHYTHM = 4,          /* rhythm */
  RESUS_ACTION_SHOCK = 5,           /* energy_J (1-360), waveform: unsynchronised defibrillation */
  RESUS_ACTION_CARDIOVERSION = 6,   /* energy_J, waveform: fires on the next R wave, within 3 s */
  RESUS_ACTION_PACING_START = 7,    /* rate_per_min (30-180, 0 = 70), current_mA (0-200) */
  RESUS_ACTION_PACING_STOP = 8,
  /* appended in 0.2 */
  RESUS_ACTION_CPR_START = 9,       /* rate_per_min (30-250, 0 = 110), depth_mm (0-100, 0 = 55),
                                       duty_cycle (0.2-0.8, 0 = 0.5), leaning_mm (0-30, <= depth),
                                       compressions_per_cycle (0 continuous, 1-100; 30 for 30:2),
                                       pause_s (0-60; the hands-off time after each cycle, in
                                       which the breaths are given; 0 = 2.5 s per breath when
                                       there are breaths), breaths_per_pause (0-4),
                                       tidal_volume_mL (0-3000, 0 = 500 when breaths_per_pause
                                       > 0); updates a running CPR */
  RESUS_ACTION_CPR_STOP = 10,
  RESUS_ACTION_AIRWAY = 11,         /* airway (resus_airway); RESUS_AIRWAY_NONE removes it */
  RESUS_ACTION_VENTILATION = 12,    /* vent_mode (resus_vent_mode); for BAG_RATE and VENTILATOR:
                                       rate_per_min (4-60), tidal_volume_mL (1-3000, 0 = 500),
                                       inspiratory_time_s (0.3-3, 0 = 1; at most 80% of 60/rate),
                                       peep_cmH2O (0-30) */
  RESUS_ACTION_BREATH = 13,         /* one bag breath: tidal_volume_mL (1-3000, 0 = 500),
                                       inspiratory_time_s (0.3-3, 0 = 1) */
  RESUS_ACTION_OXYGEN = 14,         /* fio2 (0.05-1; 0.6: below 0.21 allowed) */
  RESUS_ACTION_SPONTANEOUS_BREATHING = 15, /* enabled: 1 own drive, 0 paralysed or sedated */
  /* 0.4: kinds without resus_action members; apply them with resus_sim_apply_values or JSON. */
  RESUS_ACTION_DRUG = 16,           /* drug, dose, unit, route, flush_mL (resus_drug_info) */
  RESUS_ACTION_INFUSION = 17,       /* drug, rate, unit, route */
  RESUS_ACTION_INFUSION_STOP = 18,  /* drug */
  /* 0.5: blood chemistry (engine/stages/chemistry.cpp) */
  RESUS_ACTION_CONDITION = 19,      /* condition, rate_mmol_h, amount_mmol; 0.6: rate_mL_min,
                                       volume_mL, source, chronic (tamponade), side
                                       (tension_pneumothorax), obstruction
                                       (pulmonary_embolism), territory (coronary_occlusion),
                                       severity (airway_obstruction); after 0.10.0 the
                                       haemothorax condition (side, rate_mL_min, volume_mL) */
  RESUS_ACTION_CONDITION_STOP = 20, /* condition */
  RESUS_ACTION_BLOOD_GAS = 21,      /* site, analyser_delay_s */
  /* 0.5: temperature (engine/stages/thermal.cpp) */
  RESUS_ACTION_ENVIRONMENT = 22,    /* temperature_C, medium, wind_m_s, wet */
  RESUS_ACTION_TEMPERATURE_CONTROL = 23, /* device, target_C */
  /* 0.6: the chest's causes (engine/stages/thorax.cpp) */
  RESUS_ACTION_PERICARDIOCENTESIS = 24,   /* volume_mL, rate_mL_min, leave_drain */
  RESUS_ACTION_NEEDLE_DECOMPRESSION = 25, /* side, catheter_mm; after 0.10.0 site */
  RESUS_ACTION_THORACOSTOMY = 26,         /* side, kind (finger, tube) */
  /* 0.6: thrombosis (engine/stages/thrombosis.cpp) */
  RESUS_ACTION_EMBOLECTOMY = 27,
  RESUS_ACTION_REPERFUSION = 28,
  /* 0.8: fluids by kind (engine/stages/circulation.cpp, models/fluids) */
  RESUS_ACTION_FLUID = 29,                /* fluid, volume_mL, rate_mL_min; after 0.10.0
                                             temperature_C (37 = warmed) */
  /* after 0.10.0: haemodialysis (engine/stages/chemistry.cpp) */
  RESUS_ACTION_DIALYSIS = 30              /* rate_mL_min (0 stops), potassium_mmol_L,
                                             bicarbonate_mmol_L: the bath */
} resus_action_kind;

/* Rhythms the rhythm action sets. The simulation also reaches some by itself (VF from
 * hyperkalaemia or refibrillation, asystole from exhausted VF, sinus after a successful shock). */
typedef enum resus_rhythm {
  RESUS_RHYTHM_SINUS = 0,
  RESUS_RHYTHM_SINUS_BRADYCARDIA = 1,
  RESUS_RHYTHM_SINUS_TACHYCARDIA = 2,
  RESUS_RHYTHM_ATRIAL_FIBRILLATION = 3,
  RESUS_RHYTHM_ATRIAL_FLUTTER = 4,
  RESUS_RHYTHM_SVT = 5,
  RESUS_RHYTHM_AV_BLOCK_1 = 6,
  RESUS_RHYTHM_MOBITZ_1 = 7,
  RESUS_RHYTHM_MOBITZ_2 = 8,
  RESUS_RHYTHM_AV_BLOCK_3 = 9,
  RESUS_RHYTHM_VT = 10,            /* monomorphic, ~170/min, usually with a pulse */
  RESUS_RHYTHM_PULSELESS_VT = 11,  /* monomorphic, ~230/min */
  RESUS_RHYTHM_TORSADES = 12,
  RESUS_RHYTHM_VF_COARSE = 13,
  RESUS_RHYTHM_VF_FINE = 14,
  RESUS_RHYTHM_ASYSTOLE = 15,
  RESUS_RHYTHM_PEA = 16
} resus_rhythm;

typedef enum resus_waveform {
  RESUS_WAVEFORM_BIPHASIC = 0,
  RESUS_WAVEFORM_MONOPHASIC = 1
} resus_waveform;

/* Rhythm names ("vf_coarse", ...) by resus_rhythm value; NULL past the end. */
RESUS_API int32_t resus_rhythm_count(void);
RESUS_API const char* resus_rhythm_name(int32_t rhythm);

typedef enum resus_bleed_site {
  RESUS_BLEED_VENOUS = 0,
  RESUS_BLEED_ARTERIAL = 1
} resus_bleed_site;

/* Airway devices (the airway action; the "airway_device" signal reports the one in place). */
typedef enum resus_airway {
  RESUS_AIRWAY_NONE = 0,
  RESUS_AIRWAY_BAG_MASK = 1,
  RESUS_AIRWAY_SUPRAGLOTTIC = 2,
  RESUS_AIRWAY_TRACHEAL_TUBE = 3,
  RESUS_AIRWAY_OESOPHAGEAL_TUBE = 4, /* misplaced tube: ventilates the stomach */
  RESUS_AIRWAY_RIGHT_MAINSTEM = 5    /* tube too deep: one lung */
} resus_airway;

/* How the patient is ventilated (the ventilation action). Single bag breaths (the breath action)
 * and a streamed bag flow (resus_sim_set_bag_flow) work in every mode but VENTILATOR. */
typedef enum resus_vent_mode {
  RESUS_VENT_NONE = 0,       /* no automatic ventilation from outside */
  RESUS_VENT_MANUAL = 1,     /* breaths only as given (breath action, resus_sim_set_bag_flow) */
  RESUS_VENT_BAG_RATE = 2,   /* a rescuer bagging at rate_per_min */
  RESUS_VENT_VENTILATOR = 3  /* a mechanical ventilator */
} resus_vent_mode;

/* One struct for every action; the JSON form parses into it and both reach one dispatcher. */
typedef struct resus_action {
  uint32_t struct_size; /* sizeof(resus_action); set by resus_default_action() */
  int32_t kind;         /* resus_action_kind */
  int32_t site;         /* resus_bleed_site, for hemorrhage */
  int32_t reserved;
  double rate_mL_min;   /* 0 = the kind's default */
  double volume_mL;     /* hemorrhage: 0 = until stopped; bolus: required */
  /* appended in 0.1 (structs are append-only; struct_size tells which fields a caller has) */
  int32_t rhythm;       /* resus_rhythm, for RESUS_ACTION_RHYTHM */
  int32_t waveform;     /* resus_waveform, for shocks */
  double energy_J;      /* shock and cardioversion energy, 1-360 J */
  double rate_per_min;  /* pacing rate */
  double current_mA;    /* pacing current */
  int32_t only_if_shockable; /* shock: 1 = AED mode, no shock unless VF or VT */
  int32_t reserved2;
  /* appended in 0.2: CPR, airway, ventilation and oxygen (rate_per_min above is also the CPR
   * and the ventilation rate). 0 means the kind's default where the kind has one. */
  double depth_mm;               /* CPR depth, 0-100 mm */
  double duty_cycle;             /* CPR compression share of each cycle, 0.2-0.8 */
  double leaning_mm;             /* CPR residual depth between compressions, 0-30 mm */
  int32_t compressions_per_cycle; /* CPR: 0 continuous, 30 for 30:2 */
  int32_t breaths_per_pause;     /* CPR: breaths in each pause, 0-4 */
  double pause_s;                /* CPR: pause after each cycle, 0-60 s */
  double tidal_volume_mL;        /* breath, ventilation and CPR pause breath volume */
  double inspiratory_time_s;     /* breath and ventilation, 0.3-3 s */
  double peep_cmH2O;             /* ventilation, 0-30 cmH2O */
  double fio2;                   /* oxygen, 0.05-1 */
  int32_t airway;                /* resus_airway, for RESUS_ACTION_AIRWAY */
  int32_t vent_mode;             /* resus_vent_mode, for RESUS_ACTION_VENTILATION */
  int32_t enabled;               /* spontaneous breathing: 1 on, 0 off */
  int32_t reserved3;
} resus_action;

RESUS_API resus_action resus_default_action(resus_action_kind kind);

/* A sim holds at most this many scheduled actions not yet applied; resus_sim_schedule returns
 * RESUS_ERR_CAPACITY beyond it. A host with a longer timeline schedules as its run reaches each
 * action (the resus command does). */
#define RESUS_ACTION_QUEUE_CAPACITY 256

/* Applies an action now, on the current step boundary. */
RESUS_API resus_status resus_sim_apply(resus_sim* sim, const resus_action* action);
/* Schedules an action at simulated time at_s (>= now); applied on that step boundary. */
RESUS_API resus_status resus_sim_schedule(resus_sim* sim, double at_s, const resus_action* action);

/* Typed shorthands. */
RESUS_API resus_status resus_sim_hemorrhage(resus_sim* sim, double rate_mL_min, double volume_mL,
                                            resus_bleed_site site);
RESUS_API resus_status resus_sim_hemorrhage_stop(resus_sim* sim);
RESUS_API resus_status resus_sim_fluid_bolus(resus_sim* sim, double volume_mL, double rate_mL_min);
RESUS_API resus_status resus_sim_set_rhythm(resus_sim* sim, resus_rhythm rhythm);
RESUS_API resus_status resus_sim_shock(resus_sim* sim, double energy_J, resus_waveform waveform);
RESUS_API resus_status resus_sim_cardiovert(resus_sim* sim, double energy_J, resus_waveform waveform);
RESUS_API resus_status resus_sim_pacing_start(resus_sim* sim, double rate_per_min, double current_mA);
RESUS_API resus_status resus_sim_pacing_stop(resus_sim* sim);
/* Programmed CPR at rate_per_min and depth_mm (0 = 110/min, 55 mm): continuous with
 * compressions_per_cycle 0, else cycles of that many compressions with breaths_per_pause 500 mL
 * breaths after each, in a pause of 2.5 s per breath (30, 2: 30:2 with 5 s pauses). The other
 * fields take their defaults: duty cycle 0.5, no leaning; set them, or another pause, through
 * resus_action. Updates a running CPR. */
RESUS_API resus_status resus_sim_cpr_start(resus_sim* sim, double rate_per_min, double depth_mm,
                                           int32_t compressions_per_cycle,
                                           int32_t breaths_per_pause);
RESUS_API resus_status resus_sim_cpr_stop(resus_sim* sim);
RESUS_API resus_status resus_sim_set_airway(resus_sim* sim, resus_airway airway);
/* rate, volume, inspiratory time and PEEP apply to BAG_RATE and VENTILATOR (0 volume = 500 mL,
 * 0 inspiratory time = 1 s); NONE and MANUAL ignore them. */
RESUS_API resus_status resus_sim_set_ventilation(resus_sim* sim, resus_vent_mode mode,
                                                 double rate_per_min, double tidal_volume_mL,
                                                 double inspiratory_time_s, double peep_cmH2O);
/* One bag breath through the airway device (0 = 500 mL over 1 s). */
RESUS_API resus_status resus_sim_give_breath(resus_sim* sim, double tidal_volume_mL,
                                             double inspiratory_time_s);
RESUS_API resus_status resus_sim_set_oxygen(resus_sim* sim, double fio2);
RESUS_API resus_status resus_sim_set_spontaneous_breathing(resus_sim* sim, int32_t enabled);

/* ---- streamed device inputs -------------------------------------------------------------- */

/* For a manikin's device loop: samples applied at once, not actions (no event, no queue).
 * They allocate nothing and set no message on success; a bad value returns
 * RESUS_ERR_INVALID_ARGUMENT, sets the sim's message and changes nothing. */

/* One sample of the measured compression depth, 0-100 mm (0 = chest fully up). The first sample
 * switches compressions to the streamed source (a programmed CPR stops); the engine ramps to
 * each sample over the host's own sample interval, so call it once per tick before advancing. */
RESUS_API resus_status resus_sim_set_compression_depth(resus_sim* sim, double depth_mm);
/* Gas flow squeezed from the bag into the airway device, 0-3000 mL/s; held until changed
 * (send 0 when the bag is released). */
RESUS_API resus_status resus_sim_set_bag_flow(resus_sim* sim, double flow_mL_s);

/* JSON inputs (actions here, patients in resus_model_create_json) are at most
 * RESUS_JSON_MAX_BYTES long and nest at most RESUS_JSON_MAX_DEPTH containers deep; a field may
 * not appear twice in one object, and every number must fit a double. Messages quote what the
 * caller sent up to 64 characters. */
#define RESUS_JSON_MAX_BYTES 1048576
#define RESUS_JSON_MAX_DEPTH 32

/* JSON form, e.g. {"do": "hemorrhage", "rate_mL_min": 500, "volume_mL": 1000}. If the object
 * has "at_s", the action is scheduled for that time, otherwise applied now. */
RESUS_API resus_status resus_sim_apply_json(resus_sim* sim, const char* action_json);
/* Parses and checks an action's JSON without a sim (for validating scenario files). `out` may be
 * NULL; otherwise its struct_size must be set (resus_default_action()), and only that many bytes
 * are written, so a caller built against an older header keeps its struct. `at_s` (may be NULL)
 * receives "at_s" or NaN. The message is per thread. */
RESUS_API resus_status resus_action_parse_json(const char* action_json, resus_action* out,
                                               double* at_s);
/* Action names and their fields in words, for discovery; index 0 is kind 1. */
RESUS_API int32_t resus_action_count(void);
RESUS_API resus_status resus_action_info(int32_t index, const char** name, const char** fields);
/* The drugs (0.4), in the order of the drug actions' "drug" values: each one's name and, in
 * words, its standard preparation, usual adult dose, the units it may be given in and its
 * ceilings (checked at 70 kg for per-kg units). */
RESUS_API int32_t resus_drug_count(void);
RESUS_API resus_status resus_drug_info(int32_t index, const char** name, const char** description);

/* ---- actions by kind and values (0.3) ---------------------------------------------------------
 * Every action kind, those to come included, is a row of fields: look a kind up by name, its
 * fields by index, and apply it with an array of doubles in field order (integers, booleans and
 * enum values as whole numbers). A NaN value, or a field past `count`, takes the field's default;
 * a required field has none. Blittable and allocation-free on success. */

typedef enum resus_field_type {
  RESUS_FIELD_NUMBER = 0,
  RESUS_FIELD_INTEGER = 1,
  RESUS_FIELD_BOOLEAN = 2, /* 0 false, 1 true */
  RESUS_FIELD_ENUM = 3     /* 0..n-1, named by resus_action_field_enum_name */
} resus_field_type;

/* resus_action_field_rules' flags. */
#define RESUS_FIELD_REQUIRED 1        /* no default */
#define RESUS_FIELD_ZERO_IS_DEFAULT 2 /* 0 stands for the default */
#define RESUS_FIELD_MIN_EXCLUSIVE 4   /* the range is (min, max] */

/* The most fields a kind has. */
#define RESUS_ACTION_MAX_FIELDS 12

/* The kind (resus_action_kind value) of an action by its name ("cpr_start"). */
RESUS_API resus_status resus_action_find(const char* name, int32_t* kind);
/* How many fields a kind has; 0 for an unknown kind. */
RESUS_API int32_t resus_action_field_count(int32_t kind);
/* A field's name, unit ("" when none), resus_field_type, valid range and default (NaN when
 * required); any output pointer may be NULL. */
RESUS_API resus_status resus_action_field_info(int32_t kind, int32_t field, const char** name,
                                               const char** unit, int32_t* type, double* min,
                                               double* max, double* default_value);
/* Its RESUS_FIELD_* flags, and when it applies only for some values of another field (a
 * ventilator's rate only in the modes that breathe for the patient): that field's index and a
 * bit per value (applies_when_field -1: always); and its description. */
RESUS_API resus_status resus_action_field_rules(int32_t kind, int32_t field, int32_t* flags,
                                                int32_t* applies_when_field,
                                                uint32_t* applies_when_mask,
                                                const char** description);
/* The name of an enum field's value; NULL past the end or for another type. */
RESUS_API const char* resus_action_field_enum_name(int32_t kind, int32_t field, int32_t value);
/* A field's index by name. */
RESUS_API resus_status resus_action_field_find(int32_t kind, const char* name, int32_t* field);
/* A kind's one-line summary and its rules across fields in words ("" when none). */
RESUS_API resus_status resus_action_summary(int32_t kind, const char** summary, const char** rules);
/* JSON spellings that set a field from a named choice (oxygen "source": "non_rebreather" sets
 * fio2 0.8): how many a kind has, each one's name, the field it sets and its description, and
 * its choices (name and value; NULL name past the end). */
RESUS_API int32_t resus_action_alias_count(int32_t kind);
RESUS_API resus_status resus_action_alias_info(int32_t kind, int32_t alias, const char** name,
                                               int32_t* field, const char** description);
RESUS_API const char* resus_action_alias_choice(int32_t kind, int32_t alias, int32_t choice,
                                                double* value);

/* Applies (or schedules at at_s) an action of `kind` from `count` values in field order. */
RESUS_API resus_status resus_sim_apply_values(resus_sim* sim, int32_t kind, const double* values,
                                              int32_t count);
RESUS_API resus_status resus_sim_schedule_values(resus_sim* sim, double at_s, int32_t kind,
                                                 const double* values, int32_t count);
/* Parses an action's JSON into its kind and values (every field, defaults filled in; at most
 * `capacity`, RESUS_ACTION_MAX_FIELDS always suffices); `at_s` (may be NULL) receives "at_s" or
 * NaN. The message is per thread. */
RESUS_API resus_status resus_action_parse_values(const char* action_json, int32_t* kind,
                                                 double* values, int32_t capacity, int32_t* count,
                                                 double* at_s);

/* ---- names of the enums (0.3) ---------------------------------------------------------------- */

typedef enum resus_enum {
  RESUS_ENUM_STATUS = 0,
  RESUS_ENUM_ACTION_KIND = 1,     /* value 0 is "none"; kinds from 1 */
  RESUS_ENUM_EVENT_KIND = 2,      /* value 0 is "none"; kinds from 1 */
  RESUS_ENUM_RHYTHM = 3,
  RESUS_ENUM_SHOCK_OUTCOME = 4,
  RESUS_ENUM_SHOCK_WAVEFORM = 5,
  RESUS_ENUM_AIRWAY = 6,
  RESUS_ENUM_VENT_MODE = 7,
  RESUS_ENUM_BLEED_SITE = 8,
  RESUS_ENUM_FIELD_TYPE = 9,
  RESUS_ENUM_EFFECT = 10          /* the effect channels of the engine's bus (docs/abi.md) */
} resus_enum;

/* How many values an enum has (resus_enum passed as an int), and a value's name (NULL past the
 * end). */
RESUS_API int32_t resus_enum_count(int32_t which);
RESUS_API const char* resus_enum_name(int32_t which, int32_t value);

/* ---- events ----------------------------------------------------------------------------- */

typedef enum resus_event_kind {
  RESUS_EVENT_ACTION_APPLIED = 1,   /* detail = resus_action_kind, value = rate, volume, rhythm,
                                       energy or current; CPR start: depth_mm; airway: the
                                       resus_airway; ventilation: the resus_vent_mode; breath:
                                       tidal_volume_mL, or -1 if dropped (four breaths were
                                       already waiting); oxygen: fio2; spontaneous breathing:
                                       enabled; otherwise 0 */
  RESUS_EVENT_HEMORRHAGE_ENDED = 2, /* value = mL lost */
  RESUS_EVENT_BOLUS_ENDED = 3,      /* value = mL infused */
  RESUS_EVENT_RHYTHM_CHANGED = 4,   /* detail = new resus_rhythm, value = previous rhythm */
  RESUS_EVENT_SHOCK_DELIVERED = 5,  /* detail = resus_shock_outcome, value = energy J */
  RESUS_EVENT_PACING_CAPTURE = 6,   /* detail = 1 capture gained / 0 lost, value = current mA */
  RESUS_EVENT_LAB_RESULT = 7,       /* a blood gas is ready (lab_* signals): detail = site
                                       (0 arterial, 1 venous), value = pH */
  RESUS_EVENT_NEEDLE_FAILED = 8,    /* after 0.10.0: a decompression catheter kinked, blocked or
                                       came out: detail = side (0 left, 1 right), value = how
                                       long it worked, s */
  RESUS_EVENT_SEIZURE = 9           /* after 0.10.0: a post-anoxic seizure began (the seizing
                                       signal is 1 while it lasts): value = the brain injury
                                       index, min */
} resus_event_kind;

typedef enum resus_shock_outcome {
  RESUS_SHOCK_NO_EFFECT = 0,      /* organised rhythm off the T wave, asystole, PEA */
  RESUS_SHOCK_TERMINATED = 1,     /* VF/VT ended (what follows: a RHYTHM_CHANGED event) */
  RESUS_SHOCK_NOT_TERMINATED = 2,
  RESUS_SHOCK_INDUCED_VF = 3,     /* an unsynchronised shock landed on a T wave */
  RESUS_SHOCK_CONVERTED = 4,      /* cardioversion restored sinus rhythm */
  RESUS_SHOCK_NOT_CONVERTED = 5,
  RESUS_SHOCK_NO_SYNC = 6,        /* cardioversion found no R wave in 3 s; nothing delivered */
  RESUS_SHOCK_NO_SHOCK_ADVISED = 7 /* AED mode: the rhythm was not shockable; nothing delivered */
} resus_shock_outcome;

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
/* How many events (0.3), and beats, were dropped because the host did not poll in time. */
RESUS_API resus_status resus_sim_events_dropped(const resus_sim* sim, int64_t* count);
RESUS_API resus_status resus_sim_beats_dropped(const resus_sim* sim, int64_t* count);

/* ---- ECG and beats ------------------------------------------------------------------------ */

/* The synthetic ECG: 12 standard leads plus the defibrillator pads, in mV, generated as the sim
 * advances from the heart's activation times and state. Off until configured. */
typedef struct resus_ecg_def {
  uint32_t struct_size;    /* sizeof(resus_ecg_def); set by resus_default_ecg_def() */
  int32_t sample_rate_hz;  /* 0 (off), 250, 500 (default) or 1000 */
  /* artefacts, 1 = on: compression artefact, shock saturation and recovery, pacer spikes
   * (default on); baseline wander, mains hum, muscle noise (default off) */
  int32_t cpr, shock, pacer, baseline_wander, mains, muscle;
  int32_t reserved;
} resus_ecg_def;

RESUS_API resus_ecg_def resus_default_ecg_def(void);
/* Switches the ECG on, off or to another rate (not for the real-time loop: the first call sizes
 * the per-lead buffers, 8192 samples each). */
RESUS_API resus_status resus_sim_ecg_configure(resus_sim* sim, const resus_ecg_def* def);

/* Leads: 0..12 = I, II, III, aVR, aVL, aVF, V1..V6, pads. */
RESUS_API int32_t resus_ecg_lead_count(void);
RESUS_API const char* resus_ecg_lead_name(int32_t lead);  /* NULL past the end */
RESUS_API resus_status resus_ecg_lead_find(const char* name, int32_t* lead);

/* Moves up to `capacity` undrained samples of one lead into `out` (mV, oldest first); *count
 * receives how many. Each lead drains on its own; a lead not read for longer than its buffer
 * loses its oldest samples (see resus_sim_ecg_dropped). Allocates nothing. */
RESUS_API resus_status resus_sim_ecg_read(resus_sim* sim, int32_t lead, float* out,
                                          int32_t capacity, int32_t* count);
/* The same (0.3), with the index of the first sample moved (or of the next, when none was):
 * sample i is at simulated time i / sample_rate_hz, so a gap in the indices is a gap in time. */
RESUS_API resus_status resus_sim_ecg_read_indexed(resus_sim* sim, int32_t lead, float* out,
                                                  int32_t capacity, int32_t* count,
                                                  int64_t* first_index);
RESUS_API resus_status resus_sim_ecg_available(const resus_sim* sim, int32_t lead, int64_t* count);
RESUS_API resus_status resus_sim_ecg_dropped(const resus_sim* sim, int32_t lead, int64_t* count);

/* A ventricular activation (R wave), for annotation and beat counting. Output struct, frozen. */
typedef struct resus_beat {
  double time_s;
  int32_t origin;  /* 0 conducted, 1 ectopic, 2 escape, 3 paced */
  int32_t rhythm;  /* resus_rhythm at that moment */
  double rr_s;     /* interval from the previous ventricular activation */
} resus_beat;

/* Moves up to `capacity` undrained beats into `out`, oldest first (the sim keeps the newest 256). */
RESUS_API resus_status resus_sim_poll_beats(resus_sim* sim, resus_beat* out, int32_t capacity,
                                            int32_t* count);

/* ---- waveforms ----------------------------------------------------------------------------- */

/* Monitor waveforms, sampled on a regular grid and buffered per wave like the ECG. Off until
 * configured. */
typedef enum resus_wave {
  RESUS_WAVE_ABP = 0,         /* "abp", systemic arterial pressure, mmHg */
  RESUS_WAVE_CVP = 1,         /* "cvp", right atrial pressure, mmHg */
  RESUS_WAVE_PAP = 2,         /* "pap", pulmonary arterial pressure, mmHg */
  RESUS_WAVE_PLETH = 3,       /* "pleth", 0..1 */
  RESUS_WAVE_CAPNOGRAM = 4,   /* "capnogram", CO2 at the airway opening, mmHg */
  RESUS_WAVE_PAW = 5,         /* "paw", airway pressure, cmH2O */
  RESUS_WAVE_FLOW = 6,        /* "flow", airway flow into the patient, mL/s */
  RESUS_WAVE_CHEST_DEPTH = 7  /* "chest_depth", compression depth, mm */
} resus_wave;

RESUS_API int32_t resus_wave_count(void);
RESUS_API const char* resus_wave_name(int32_t wave);  /* NULL past the end */
RESUS_API const char* resus_wave_unit(int32_t wave);  /* NULL past the end */
RESUS_API resus_status resus_wave_find(const char* name, int32_t* wave);

/* Switches every waveform on at 50, 100, 125, 250 or 500 Hz, or off with 0 (not for the
 * real-time loop: the first call sizes the per-wave buffers, 8192 samples each). */
RESUS_API resus_status resus_sim_waveforms_configure(resus_sim* sim, int32_t sample_rate_hz);
/* Moves up to `capacity` undrained samples of one wave into `out`, oldest first; *count
 * receives how many. Each wave drains on its own; a wave not read for longer than its buffer
 * loses its oldest samples (see resus_sim_waveform_dropped). Allocates nothing. */
RESUS_API resus_status resus_sim_waveform_read(resus_sim* sim, int32_t wave, float* out,
                                               int32_t capacity, int32_t* count);
/* The same (0.3), with the index of the first sample moved (time = index / sample rate). */
RESUS_API resus_status resus_sim_waveform_read_indexed(resus_sim* sim, int32_t wave, float* out,
                                                       int32_t capacity, int32_t* count,
                                                       int64_t* first_index);
RESUS_API resus_status resus_sim_waveform_available(const resus_sim* sim, int32_t wave,
                                                    int64_t* count);
RESUS_API resus_status resus_sim_waveform_dropped(const resus_sim* sim, int32_t wave,
                                                  int64_t* count);

/* ---- snapshots -------------------------------------------------------------------------- */

/* Size in bytes of a snapshot (the same for every sim of this build). */
RESUS_API int64_t resus_snapshot_size(void);
/* Writes the whole state; fails with RESUS_ERR_BUFFER_TOO_SMALL if capacity is too small. */
RESUS_API resus_status resus_sim_save(const resus_sim* sim, void* buffer, int64_t capacity);
/* Restores a snapshot taken from a sim of an identical model; the sim then continues
 * bit-identically to the one saved. Every field of the body is checked first (a checksum, then
 * each value finite and in its range, each index and ring consistent); a bad snapshot returns
 * RESUS_ERR_INCOMPATIBLE with the field named and leaves the sim unchanged. */
RESUS_API resus_status resus_sim_load(resus_sim* sim, const void* buffer, int64_t size);

/* ---- AED rhythm analysis (0.10) ------------------------------------------------------------
 * What a defibrillator reads from its pads (models/aed/README.md): shock or no shock from 2 to
 * 60 s of a pads ECG in mV, recorded with compressions paused, never from a sim's rhythm label.
 * A sim's "pads" lead (resus_sim_read_ecg) is one such recording, a manikin's own another. Meets
 * the AHA goals (Kerber 1997) on the engine's rhythms: VF and rapid VT shocked, sinus, the other
 * organised rhythms and asystole not. No state, any thread; it allocates (not for a real-time
 * loop). */
typedef enum resus_aed_advice { RESUS_AED_NO_SHOCK = 0, RESUS_AED_SHOCK = 1 } resus_aed_advice;

typedef struct resus_aed_finding {
  uint32_t struct_size;  /* sizeof(resus_aed_finding); set by resus_default_aed_finding() */
  int32_t advice;        /* resus_aed_advice */
  int32_t asystole;      /* 1: a flat line (below 0.1 mV peak to peak): no shock */
  int32_t organised;     /* 1: discrete complexes at a regular-enough rate: check a pulse */
  int32_t fibrillation;  /* 1: VF or polymorphic VT (shock) */
  int32_t rapid_wide;    /* 1: wide-complex or sinusoidal tachycardia of 180/min or more (shock) */
  int32_t complexes;     /* complexes (or VF waves) detected */
  int32_t reserved;      /* 0 */
  double rate_per_min;   /* QRS (or VF-wave) rate */
  double amplitude_mV;   /* robust peak-to-peak amplitude */
  double qrs_width_ms;   /* median width of the complexes */
  double rr_variation;   /* coefficient of variation of the intervals (0: regular) */
  double tcsc_pct;       /* threshold crossing sample count, % (VF: high) */
  double leakage;        /* VF-filter leakage (VF: low) */
  double regularity;     /* autocorrelation at one tachycardia cycle (monomorphic: near 1) */
} resus_aed_finding;

RESUS_API resus_aed_finding resus_default_aed_finding(void);
/* Analyses `count` samples of the pads lead taken at `sample_rate_hz` (100-10000 Hz; at least
 * 2 s, at most 60 s of them; every sample finite). Bad arguments return
 * RESUS_ERR_INVALID_ARGUMENT naming the argument, its value and the valid range (the message is
 * per thread, resus_last_error(NULL)); `out` is then untouched. */
RESUS_API resus_status resus_aed_analyse(const float* pads_mV, int64_t count, double sample_rate_hz,
                                         resus_aed_finding* out);

#ifdef __cplusplus
}
#endif

#endif /* RESUS_RESUS_H */
