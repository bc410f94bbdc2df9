// The C API shim: converts between the C structs and the engine's types and turns every
// exception into a status plus a message, so nothing thrown ever crosses the C boundary.
#include "resus/resus.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <iterator>
#include <limits>
#include <locale>
#include <memory>
#include <new>
#include <span>
#include <sstream>
#include <string>
#include <string_view>
#include <type_traits>

#include "engine/actions.hpp"
#include "engine/json_input.hpp"
#include "engine/model.hpp"
#include "engine/patient.hpp"
#include "engine/signals.hpp"
#include "engine/sim.hpp"
#include "engine/status.hpp"
#include "engine/waveforms.hpp"
#include "models/electrophysiology/conduction.hpp"
#include "models/electrophysiology/myocardium.hpp"
#include "models/respiration/respiration.hpp"

// A model is shared across threads, so it holds no mutable error slot: errors of calls on a
// model are kept per thread (see resus_model_last_error).
struct resus_model {
  std::shared_ptr<const resus::Model> model;
};

// A sim is used by one thread at a time, so its last error can live in the handle. It is
// mutable because calls that take a const sim (save, signals) still report errors.
struct resus_sim {
  std::unique_ptr<resus::Sim> sim;
  mutable std::string error;
};

namespace {

using resus::Error;
using resus::Status;

// ---- the C and engine enums must agree (both are append-only) ------------------------------

static_assert(RESUS_OK == static_cast<int>(Status::kOk));
static_assert(RESUS_ERR_INVALID_ARGUMENT == static_cast<int>(Status::kInvalidArgument));
static_assert(RESUS_ERR_NULL_HANDLE == static_cast<int>(Status::kNullHandle));
static_assert(RESUS_ERR_UNKNOWN_NAME == static_cast<int>(Status::kUnknownName));
static_assert(RESUS_ERR_PARSE == static_cast<int>(Status::kParseError));
static_assert(RESUS_ERR_BUFFER_TOO_SMALL == static_cast<int>(Status::kBufferTooSmall));
static_assert(RESUS_ERR_INCOMPATIBLE == static_cast<int>(Status::kIncompatible));
static_assert(RESUS_ERR_NUMERICAL == static_cast<int>(Status::kNumerical));
static_assert(RESUS_ERR_CAPACITY == static_cast<int>(Status::kCapacity));
static_assert(RESUS_ERR_OUT_OF_MEMORY == static_cast<int>(Status::kOutOfMemory));
static_assert(RESUS_ERR_INTERNAL == static_cast<int>(Status::kInternal));
static_assert(RESUS_ACTION_HEMORRHAGE == static_cast<int>(resus::ActionKind::kHemorrhage));
static_assert(RESUS_ACTION_HEMORRHAGE_STOP == static_cast<int>(resus::ActionKind::kHemorrhageStop));
static_assert(RESUS_ACTION_FLUID_BOLUS == static_cast<int>(resus::ActionKind::kFluidBolus));
static_assert(RESUS_BLEED_VENOUS == static_cast<int>(resus::BleedSiteCode::kVenous));
static_assert(RESUS_BLEED_ARTERIAL == static_cast<int>(resus::BleedSiteCode::kArterial));
static_assert(RESUS_EVENT_ACTION_APPLIED == static_cast<int>(resus::EventKind::kActionApplied));
static_assert(RESUS_EVENT_HEMORRHAGE_ENDED == static_cast<int>(resus::EventKind::kHemorrhageEnded));
static_assert(RESUS_EVENT_BOLUS_ENDED == static_cast<int>(resus::EventKind::kBolusEnded));
static_assert(RESUS_ACTION_RHYTHM == static_cast<int>(resus::ActionKind::kRhythm));
static_assert(RESUS_ACTION_SHOCK == static_cast<int>(resus::ActionKind::kShock));
static_assert(RESUS_ACTION_CARDIOVERSION == static_cast<int>(resus::ActionKind::kCardioversion));
static_assert(RESUS_ACTION_PACING_START == static_cast<int>(resus::ActionKind::kPacingStart));
static_assert(RESUS_ACTION_PACING_STOP == static_cast<int>(resus::ActionKind::kPacingStop));
static_assert(RESUS_EVENT_RHYTHM_CHANGED == static_cast<int>(resus::EventKind::kRhythmChanged));
static_assert(RESUS_EVENT_SHOCK_DELIVERED == static_cast<int>(resus::EventKind::kShockDelivered));
static_assert(RESUS_EVENT_PACING_CAPTURE == static_cast<int>(resus::EventKind::kPacingCapture));
static_assert(RESUS_ACTION_CPR_START == static_cast<int>(resus::ActionKind::kCprStart));
static_assert(RESUS_ACTION_CPR_STOP == static_cast<int>(resus::ActionKind::kCprStop));
static_assert(RESUS_ACTION_AIRWAY == static_cast<int>(resus::ActionKind::kAirway));
static_assert(RESUS_ACTION_VENTILATION == static_cast<int>(resus::ActionKind::kVentilation));
static_assert(RESUS_ACTION_BREATH == static_cast<int>(resus::ActionKind::kBreath));
static_assert(RESUS_ACTION_OXYGEN == static_cast<int>(resus::ActionKind::kOxygen));
static_assert(RESUS_ACTION_SPONTANEOUS_BREATHING ==
              static_cast<int>(resus::ActionKind::kSpontaneousBreathing));

using resus::resp::Airway;
using resus::resp::VentMode;
static_assert(RESUS_AIRWAY_NONE == static_cast<int>(Airway::kNone));
static_assert(RESUS_AIRWAY_BAG_MASK == static_cast<int>(Airway::kBagMask));
static_assert(RESUS_AIRWAY_SUPRAGLOTTIC == static_cast<int>(Airway::kSupraglottic));
static_assert(RESUS_AIRWAY_TRACHEAL_TUBE == static_cast<int>(Airway::kTrachealTube));
static_assert(RESUS_AIRWAY_OESOPHAGEAL_TUBE == static_cast<int>(Airway::kOesophagealTube));
static_assert(RESUS_AIRWAY_RIGHT_MAINSTEM == static_cast<int>(Airway::kRightMainstem));
static_assert(RESUS_VENT_NONE == static_cast<int>(VentMode::kNone));
static_assert(RESUS_VENT_MANUAL == static_cast<int>(VentMode::kManual));
static_assert(RESUS_VENT_BAG_RATE == static_cast<int>(VentMode::kBagRate));
static_assert(RESUS_VENT_VENTILATOR == static_cast<int>(VentMode::kVentilator));

static_assert(static_cast<int>(RESUS_WAVE_ABP) == resus::kWaveArterial);
static_assert(static_cast<int>(RESUS_WAVE_CVP) == resus::kWaveCentralVenous);
static_assert(static_cast<int>(RESUS_WAVE_PAP) == resus::kWavePulmonaryArtery);
static_assert(static_cast<int>(RESUS_WAVE_PLETH) == resus::kWavePleth);
static_assert(static_cast<int>(RESUS_WAVE_CAPNOGRAM) == resus::kWaveCapnogram);
static_assert(static_cast<int>(RESUS_WAVE_PAW) == resus::kWaveAirwayPressure);
static_assert(static_cast<int>(RESUS_WAVE_FLOW) == resus::kWaveAirwayFlow);
static_assert(static_cast<int>(RESUS_WAVE_CHEST_DEPTH) == resus::kWaveChestDepth);
static_assert(static_cast<int>(RESUS_WAVE_CHEST_DEPTH) + 1 == resus::kNumWaves,
              "a wave was added to the engine but not to resus_wave");

// The limits the header states.
static_assert(RESUS_ACTION_QUEUE_CAPACITY == resus::kQueueCapacity);
static_assert(RESUS_JSON_MAX_BYTES == resus::kMaxJsonBytes);
static_assert(RESUS_JSON_MAX_DEPTH == resus::kMaxJsonDepth);

// The streamed inputs' ranges, as the messages below state them.
static_assert(resus::kMaxDepth_mm == 100.0 && resus::kMaxBagFlow_mL_s == 3000.0);

// resus_action's 0.2 fields mirror the engine's Action field for field.
static_assert(offsetof(resus_action, reserved3) + sizeof(int32_t) == sizeof(resus_action));

using resus::ep::Rhythm;
static_assert(RESUS_RHYTHM_SINUS == static_cast<int>(Rhythm::kSinus));
static_assert(RESUS_RHYTHM_SINUS_BRADYCARDIA == static_cast<int>(Rhythm::kSinusBradycardia));
static_assert(RESUS_RHYTHM_SINUS_TACHYCARDIA == static_cast<int>(Rhythm::kSinusTachycardia));
static_assert(RESUS_RHYTHM_ATRIAL_FIBRILLATION == static_cast<int>(Rhythm::kAtrialFibrillation));
static_assert(RESUS_RHYTHM_ATRIAL_FLUTTER == static_cast<int>(Rhythm::kAtrialFlutter));
static_assert(RESUS_RHYTHM_SVT == static_cast<int>(Rhythm::kSvt));
static_assert(RESUS_RHYTHM_AV_BLOCK_1 == static_cast<int>(Rhythm::kAvBlock1));
static_assert(RESUS_RHYTHM_MOBITZ_1 == static_cast<int>(Rhythm::kMobitz1));
static_assert(RESUS_RHYTHM_MOBITZ_2 == static_cast<int>(Rhythm::kMobitz2));
static_assert(RESUS_RHYTHM_AV_BLOCK_3 == static_cast<int>(Rhythm::kAvBlock3));
static_assert(RESUS_RHYTHM_VT == static_cast<int>(Rhythm::kVentricularTachycardia));
static_assert(RESUS_RHYTHM_PULSELESS_VT == static_cast<int>(Rhythm::kPulselessVt));
static_assert(RESUS_RHYTHM_TORSADES == static_cast<int>(Rhythm::kTorsades));
static_assert(RESUS_RHYTHM_VF_COARSE == static_cast<int>(Rhythm::kVfCoarse));
static_assert(RESUS_RHYTHM_VF_FINE == static_cast<int>(Rhythm::kVfFine));
static_assert(RESUS_RHYTHM_ASYSTOLE == static_cast<int>(Rhythm::kAsystole));
static_assert(RESUS_RHYTHM_PEA == static_cast<int>(Rhythm::kPea));
static_assert(RESUS_RHYTHM_PEA + 1 == static_cast<int>(Rhythm::kNumRhythms),
              "a rhythm was added to the engine but not to resus_rhythm");

// The engine's validated() accepts waveform 0 biphasic and 1 monophasic.
static_assert(RESUS_WAVEFORM_BIPHASIC == static_cast<int>(resus::ep::ShockWaveform::kBiphasic));
static_assert(RESUS_WAVEFORM_MONOPHASIC == static_cast<int>(resus::ep::ShockWaveform::kMonophasic));

using resus::ep::ShockOutcome;
static_assert(RESUS_SHOCK_NO_EFFECT == static_cast<int>(ShockOutcome::kNoEffect));
static_assert(RESUS_SHOCK_TERMINATED == static_cast<int>(ShockOutcome::kTerminated));
static_assert(RESUS_SHOCK_NOT_TERMINATED == static_cast<int>(ShockOutcome::kNotTerminated));
static_assert(RESUS_SHOCK_INDUCED_VF == static_cast<int>(ShockOutcome::kInducedVf));
static_assert(RESUS_SHOCK_CONVERTED == static_cast<int>(ShockOutcome::kConverted));
static_assert(RESUS_SHOCK_NOT_CONVERTED == static_cast<int>(ShockOutcome::kNotConverted));
// RESUS_SHOCK_NO_SYNC (6) has no ShockOutcome: the engine's sim pushes the bare value 6 when a
// cardioversion finds no R wave (engine/sim.cpp kNoSyncOutcome). It must follow the last one.
static_assert(RESUS_SHOCK_NO_SYNC == static_cast<int>(ShockOutcome::kNotConverted) + 1);
static_assert(RESUS_SHOCK_NO_SHOCK_ADVISED == RESUS_SHOCK_NO_SYNC + 1);

#if defined(RESUS_PROJECT_VERSION_MAJOR)
static_assert(RESUS_VERSION_MAJOR == RESUS_PROJECT_VERSION_MAJOR &&
                  RESUS_VERSION_MINOR == RESUS_PROJECT_VERSION_MINOR &&
                  RESUS_VERSION_PATCH == RESUS_PROJECT_VERSION_PATCH,
              "resus.h and project(VERSION) in CMakeLists.txt disagree");
#endif

#define RESUS_STR2(x) #x
#define RESUS_STR(x) RESUS_STR2(x)
// clang-format off
constexpr char kVersion[] =
    RESUS_STR(RESUS_VERSION_MAJOR) "." RESUS_STR(RESUS_VERSION_MINOR) "." RESUS_STR(RESUS_VERSION_PATCH);
// clang-format on

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();


// The longest duration or latest time accepted (the engine's own bound, checked here first so the
// message can name it).
constexpr double kMaxSeconds = resus::kMaxDuration_s;

// Messages of calls that have no handle, a NULL one, or a shared (model) one.
thread_local std::string t_error;

// ---- enum arguments ------------------------------------------------------------------------

// The integer a caller passed for an enum argument. A C caller may pass any int; reading a value
// outside the enum's range as the C++ enum type is undefined behaviour, so its bytes are copied
// into an int32_t and checked as a number (the engine's validation names field, value, range).
template <class Enum>
int32_t raw(const Enum& e) noexcept {
  static_assert(std::is_enum_v<Enum> && sizeof(Enum) == sizeof(int32_t));
  int32_t v;
  std::memcpy(&v, &e, sizeof v);
  return v;
}

// ---- errors -------------------------------------------------------------------------------

// Stores a message. If even that fails (out of memory) the slot is emptied rather than left
// holding an older, misleading message.
resus_status store(std::string& slot, resus_status status, std::string_view prefix,
                   std::string_view message) noexcept {
  try {
    slot.assign(prefix);
    slot.append(message);
  } catch (...) {
    slot.clear();
  }
  return status;
}

// Runs a call's body, turning whatever it throws into a status and a message in `slot`.
template <class Body>
resus_status guarded(std::string& slot, Body&& body) noexcept {
  try {
    body();
    return RESUS_OK;
  } catch (const Error& e) {
    return store(slot, static_cast<resus_status>(e.status()), "", e.what());
  } catch (const std::bad_alloc&) {
    return store(slot, RESUS_ERR_OUT_OF_MEMORY, "", "out of memory");
  } catch (const std::exception& e) {
    return store(slot, RESUS_ERR_INTERNAL, "internal error: ", e.what());
  } catch (...) {
    return store(slot, RESUS_ERR_INTERNAL, "internal error: unknown exception", "");
  }
}

resus_status null_handle(const char* parameter) noexcept {
  return store(t_error, RESUS_ERR_NULL_HANDLE, parameter, " is NULL (a valid handle is required)");
}

// Formats a number the same way whatever locale the host has set.
std::string num(double v) {
  std::ostringstream os;
  os.imbue(std::locale::classic());
  os << v;
  return os.str();
}

void require(const void* pointer, const char* parameter) {
  if (!pointer)
    throw Error(Status::kInvalidArgument,
                std::string(parameter) + " is NULL (a pointer is required)");
}

// An output buffer of `capacity` elements: capacity >= 0, and `out` non-NULL when it is > 0.
void require_buffer(const void* out, int32_t capacity) {
  if (capacity < 0)
    throw Error(Status::kInvalidArgument, "capacity = " + std::to_string(capacity) + " must be >= 0");
  if (capacity > 0) require(out, "out");
}


// Checks an index (`field` names it in the message) into something of `size` entries: a
// registry, the ECG leads, the waveforms.
void check_index(const char* field, int32_t index, std::size_t size) {
  if (index < 0 || static_cast<std::size_t>(index) >= size)
    throw Error(Status::kInvalidArgument, std::string(field) + " = " + std::to_string(index) +
                                              " is out of range; valid range is [0, " +
                                              std::to_string(size - 1) + "]");
}

// Rejects a negative, non-finite or unrepresentably long duration for advance().
void check_duration(double seconds) {
  if (!(seconds >= 0.0 && seconds <= kMaxSeconds))
    throw Error(Status::kInvalidArgument, "seconds = " + num(seconds) +
                                              " must be finite and >= 0 (at most " +
                                              num(kMaxSeconds) + " s)");
}

// Runs a call on a sim: a NULL handle reports per thread, anything else in the handle.
template <class Body>
resus_status on_sim(const resus_sim* sim, Body&& body) noexcept {
  if (!sim) return null_handle("sim");
  return guarded(sim->error, [&] { body(*sim->sim); });
}

// ---- versioned structs ---------------------------------------------------------------------

// Copies a caller's struct of any older (smaller) size over `defaults`: fields the caller's
// version does not have keep their defaults (append-only ABI).
template <class T>
T read_struct(const T& in, T defaults, const char* parameter) {
  const uint32_t size = in.struct_size;
  if (size < sizeof(uint32_t) || size > sizeof(T))
    throw Error(Status::kInvalidArgument,
                std::string(parameter) + "->struct_size = " + std::to_string(size) +
                    " is out of range; valid range is [" + std::to_string(sizeof(uint32_t)) + ", " +
                    std::to_string(sizeof(T)) + "] (initialise it with resus_default_*())");
  std::memcpy(&defaults, &in, size);
  defaults.struct_size = sizeof(T);
  return defaults;
}

// ---- actions -------------------------------------------------------------------------------

// The engine's kinds are numbered from 1 in registry order.
void check_action_kind(int32_t kind) {
  const auto actions = resus::action_registry();
  if (kind >= 1 && static_cast<std::size_t>(kind) <= actions.size()) return;
  std::string known;
  for (std::size_t i = 0; i < actions.size(); ++i)
    known += (i ? ", " : "") + std::to_string(i + 1) + " " + actions[i].name;
  throw Error(Status::kUnknownName, "action.kind = " + std::to_string(kind) +
                                        " is not a known action; valid values are " + known);
}

// Reads and checks the kind of a caller's action of any (older) struct_size. The fields an older
// struct lacks take the defaults of its kind: the first read checks the size and finds the kind
// (a struct too short to hold the kind reads as kind 0, which is rejected), the second fills the
// rest.
resus_action read_action(const resus_action& in) {
  const resus_action first = read_struct(in, resus_default_action(resus_action_kind{}), "action");
  check_action_kind(first.kind);
  return read_struct(in, resus_default_action(static_cast<resus_action_kind>(first.kind)), "action");
}

// Converts and checks a caller's action (ranges and defaults come from resus::validated, whose
// messages name the field, the value and the valid range).
resus::Action to_engine(const resus_action* action) {
  require(action, "action");
  const resus_action a = read_action(*action);
  const resus::Action engine{.kind = static_cast<resus::ActionKind>(a.kind),
                             .site = a.site,
                             .rate_mL_min = a.rate_mL_min,
                             .volume_mL = a.volume_mL,
                             .rhythm = a.rhythm,
                             .waveform = a.waveform,
                             .energy_J = a.energy_J,
                             .rate_per_min = a.rate_per_min,
                             .current_mA = a.current_mA,
                             .only_if_shockable = a.only_if_shockable,
                             .reserved = 0,
                             .depth_mm = a.depth_mm,
                             .duty_cycle = a.duty_cycle,
                             .leaning_mm = a.leaning_mm,
                             .compressions_per_cycle = a.compressions_per_cycle,
                             .breaths_per_pause = a.breaths_per_pause,
                             .pause_s = a.pause_s,
                             .tidal_volume_mL = a.tidal_volume_mL,
                             .inspiratory_time_s = a.inspiratory_time_s,
                             .peep_cmH2O = a.peep_cmH2O,
                             .fio2 = a.fio2,
                             .airway = a.airway,
                             .vent_mode = a.vent_mode,
                             .enabled = a.enabled,
                             .reserved3 = 0};
  return resus::validated(engine);
}

resus_action to_c(const resus::Action& a) {
  resus_action out = resus_default_action(static_cast<resus_action_kind>(a.kind));
  out.site = a.site;
  out.rate_mL_min = a.rate_mL_min;
  out.volume_mL = a.volume_mL;
  out.rhythm = a.rhythm;
  out.waveform = a.waveform;
  out.energy_J = a.energy_J;
  out.rate_per_min = a.rate_per_min;
  out.current_mA = a.current_mA;
  out.only_if_shockable = a.only_if_shockable;
  out.depth_mm = a.depth_mm;
  out.duty_cycle = a.duty_cycle;
  out.leaning_mm = a.leaning_mm;
  out.compressions_per_cycle = a.compressions_per_cycle;
  out.breaths_per_pause = a.breaths_per_pause;
  out.pause_s = a.pause_s;
  out.tidal_volume_mL = a.tidal_volume_mL;
  out.inspiratory_time_s = a.inspiratory_time_s;
  out.peep_cmH2O = a.peep_cmH2O;
  out.fio2 = a.fio2;
  out.airway = a.airway;
  out.vent_mode = a.vent_mode;
  out.enabled = a.enabled;
  return out;
}

void schedule_checked(resus::Sim& sim, double at_s, const resus::Action& a) {
  // NaN and the past are the engine's to report; only a time its step counter cannot hold is ours.
  if (at_s > kMaxSeconds)
    throw Error(Status::kInvalidArgument, "at_s = " + num(at_s) +
                                              " is out of range; valid range is [now (" +
                                              num(sim.time()) + " s), " + num(kMaxSeconds) + " s]");
  sim.schedule(at_s, a);
}

// ---- models --------------------------------------------------------------------------------

void create_model(resus_model** out, const resus::PatientDef& def) {
  *out = new resus_model{resus::Model::compile(def)};
}

}  // namespace

extern "C" {

// ---- version and status ----------------------------------------------------------------------

const char* resus_version(void) { return kVersion; }

int32_t resus_version_number(void) { return RESUS_VERSION_NUMBER; }

const char* resus_status_string(resus_status status) {
  switch (raw(status)) {
    case RESUS_OK: return "ok";
    case RESUS_ERR_INVALID_ARGUMENT: return "invalid argument";
    case RESUS_ERR_NULL_HANDLE: return "NULL handle";
    case RESUS_ERR_UNKNOWN_NAME: return "unknown name";
    case RESUS_ERR_PARSE: return "parse error";
    case RESUS_ERR_BUFFER_TOO_SMALL: return "buffer too small";
    case RESUS_ERR_INCOMPATIBLE: return "incompatible snapshot";
    case RESUS_ERR_NUMERICAL: return "numerical failure";
    case RESUS_ERR_CAPACITY: return "capacity exceeded";
    case RESUS_ERR_OUT_OF_MEMORY: return "out of memory";
    case RESUS_ERR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

// ---- discovery -------------------------------------------------------------------------------

int32_t resus_preset_count(void) { return static_cast<int32_t>(resus::preset_registry().size()); }

const char* resus_preset_name(int32_t index) {
  const auto presets = resus::preset_registry();
  return index >= 0 && static_cast<std::size_t>(index) < presets.size() ? presets[index].name
                                                                        : nullptr;
}

const char* resus_preset_description(int32_t index) {
  const auto presets = resus::preset_registry();
  return index >= 0 && static_cast<std::size_t>(index) < presets.size() ? presets[index].description
                                                                        : nullptr;
}

int32_t resus_param_count(void) { return static_cast<int32_t>(resus::param_registry().size()); }

resus_status resus_param_info(int32_t index, const char** name, const char** unit, double* min,
                              double* max, const char** description) {
  return guarded(t_error, [&] {
    const auto params = resus::param_registry();
    check_index("parameter index", index, params.size());
    const resus::ParamInfo& p = params[index];
    if (name) *name = p.name;
    if (unit) *unit = p.unit;
    if (min) *min = p.min;
    if (max) *max = p.max;
    if (description) *description = p.description;
  });
}

// ---- models ----------------------------------------------------------------------------------

resus_status resus_model_create_preset(const char* preset, resus_model** out) {
  return guarded(t_error, [&] {
    require(out, "out");
    *out = nullptr;
    require(preset, "preset");
    resus::PatientDef def;
    def.preset = preset;
    create_model(out, def);
  });
}

resus_status resus_model_create_json(const char* patient_json, resus_model** out) {
  return guarded(t_error, [&] {
    require(out, "out");
    *out = nullptr;
    require(patient_json, "patient_json");
    create_model(out, resus::parse_patient_json(patient_json));
  });
}

void resus_model_destroy(resus_model* model) { delete model; }

resus_status resus_model_param(const resus_model* model, const char* name, double* out) {
  if (!model) return null_handle("model");
  return guarded(t_error, [&] {
    require(name, "name");
    require(out, "out");
    const resus::ParamInfo* info = resus::find_param(name);
    if (!info)
      throw Error(Status::kUnknownName, "unknown parameter " + resus::quoted_input(name) +
                                            " (list them with resus_param_info)");
    // ref() needs a mutable struct but is only read here.
    *out = info->ref(const_cast<resus::PatientParams&>(model->model->params()));
  });
}

// Per thread, since a model may be shared: the message of this thread's last failed call.
const char* resus_model_last_error(const resus_model* /*model*/) { return t_error.c_str(); }

// ---- sims ------------------------------------------------------------------------------------

resus_sim_def resus_default_sim_def(void) {
  resus_sim_def def{};
  def.struct_size = sizeof(resus_sim_def);
  return def;
}

resus_status resus_sim_create(const resus_model* model, const resus_sim_def* def, resus_sim** out) {
  if (out) *out = nullptr;
  if (!model) return null_handle("model");
  return guarded(t_error, [&] {
    require(out, "out");
    const resus_sim_def d =
        def ? read_struct(*def, resus_default_sim_def(), "def") : resus_default_sim_def();
    auto sim = std::make_unique<resus::Sim>(model->model, d.seed, d.patient_id);
    *out = new resus_sim{std::move(sim), {}};
  });
}

void resus_sim_destroy(resus_sim* sim) { delete sim; }

// The real-time path: on success it touches no std::string and allocates nothing.
resus_status resus_sim_advance(resus_sim* sim, double seconds) {
  if (!sim) return null_handle("sim");
  if (seconds >= 0.0 && seconds <= kMaxSeconds && sim->sim->advance(seconds) == Status::kOk)
    return RESUS_OK;
  // Failure only from here on, where building a message may allocate. With a valid duration
  // the engine fails only when the state went non-finite.
  return guarded(sim->error, [&] {
    check_duration(seconds);
    throw Error(Status::kNumerical, std::string(sim->sim->failure()) +
                                        " went non-finite at t = " + num(sim->sim->time()) +
                                        " s; the sim keeps its last good state and no longer "
                                        "advances (load a snapshot or create a new sim)");
  });
}

double resus_sim_time(const resus_sim* sim) { return sim ? sim->sim->time() : kNaN; }

double resus_step_seconds(void) { return resus::kStep_s; }

const char* resus_last_error(const resus_sim* sim) {
  return sim ? sim->error.c_str() : t_error.c_str();
}

// ---- signals ---------------------------------------------------------------------------------

int32_t resus_signal_count(void) { return resus::kNumSignals; }

resus_status resus_signal_info(int32_t index, const char** name, const char** unit,
                               const char** description) {
  return guarded(t_error, [&] {
    const auto signals = resus::signal_catalogue();
    check_index("signal index", index, signals.size());
    if (name) *name = signals[index].name;
    if (unit) *unit = signals[index].unit;
    if (description) *description = signals[index].description;
  });
}

resus_status resus_signal_find(const char* name, int32_t* index) {
  return guarded(t_error, [&] {
    require(index, "index");
    *index = -1;
    require(name, "name");
    const int found = resus::find_signal(name);
    if (found < 0)
      throw Error(Status::kUnknownName, "unknown signal " + resus::quoted_input(name) +
                                            " (names carry their unit, e.g. 'map_mmHg'; list "
                                            "them with resus_signal_info)");
    *index = found;
  });
}

double resus_sim_signal(const resus_sim* sim, int32_t index) {
  if (!sim || index < 0 || index >= resus::kNumSignals) return kNaN;
  return sim->sim->signal(index);
}

resus_status resus_sim_signals(const resus_sim* sim, const int32_t* indices, int32_t count,
                               double* out) {
  return on_sim(sim, [&](const resus::Sim& s) {
    if (count < 0)
      throw Error(Status::kInvalidArgument, "count = " + std::to_string(count) + " must be >= 0");
    if (count == 0) return;
    require(indices, "indices");
    require(out, "out");
    // Check every index first so that a bad one leaves `out` untouched.
    for (int32_t i = 0; i < count; ++i)
      if (indices[i] < 0 || indices[i] >= resus::kNumSignals)
        throw Error(Status::kInvalidArgument, "indices[" + std::to_string(i) +
                                                  "] = " + std::to_string(indices[i]) +
                                                  " is out of range; valid range is [0, " +
                                                  std::to_string(resus::kNumSignals - 1) + "]");
    for (int32_t i = 0; i < count; ++i) out[i] = s.signal(indices[i]);
  });
}

// ---- actions ---------------------------------------------------------------------------------

resus_action resus_default_action(resus_action_kind kind) {
  resus_action a{};
  a.struct_size = sizeof(resus_action);
  a.kind = raw(kind);
  a.site = RESUS_BLEED_VENOUS;
  a.rhythm = RESUS_RHYTHM_SINUS;
  a.waveform = RESUS_WAVEFORM_BIPHASIC;
  // 0 mA is a valid setting, so the default current is set here, as the JSON form does.
  if (a.kind == RESUS_ACTION_PACING_START) a.current_mA = resus::kDefaultPacingCurrent_mA;
  return a;
}

resus_status resus_sim_apply(resus_sim* sim, const resus_action* action) {
  return on_sim(sim, [&](resus::Sim& s) { s.apply(to_engine(action)); });
}

resus_status resus_sim_schedule(resus_sim* sim, double at_s, const resus_action* action) {
  return on_sim(sim, [&](resus::Sim& s) { schedule_checked(s, at_s, to_engine(action)); });
}

resus_status resus_sim_hemorrhage(resus_sim* sim, double rate_mL_min, double volume_mL,
                                  resus_bleed_site site) {
  resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE);
  a.rate_mL_min = rate_mL_min;
  a.volume_mL = volume_mL;
  a.site = raw(site);
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_hemorrhage_stop(resus_sim* sim) {
  const resus_action a = resus_default_action(RESUS_ACTION_HEMORRHAGE_STOP);
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_fluid_bolus(resus_sim* sim, double volume_mL, double rate_mL_min) {
  resus_action a = resus_default_action(RESUS_ACTION_FLUID_BOLUS);
  a.volume_mL = volume_mL;
  a.rate_mL_min = rate_mL_min;
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_set_rhythm(resus_sim* sim, resus_rhythm rhythm) {
  resus_action a = resus_default_action(RESUS_ACTION_RHYTHM);
  a.rhythm = raw(rhythm);
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_shock(resus_sim* sim, double energy_J, resus_waveform waveform) {
  resus_action a = resus_default_action(RESUS_ACTION_SHOCK);
  a.energy_J = energy_J;
  a.waveform = raw(waveform);
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_cardiovert(resus_sim* sim, double energy_J, resus_waveform waveform) {
  resus_action a = resus_default_action(RESUS_ACTION_CARDIOVERSION);
  a.energy_J = energy_J;
  a.waveform = raw(waveform);
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_pacing_start(resus_sim* sim, double rate_per_min, double current_mA) {
  resus_action a = resus_default_action(RESUS_ACTION_PACING_START);
  a.rate_per_min = rate_per_min;
  a.current_mA = current_mA;
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_pacing_stop(resus_sim* sim) {
  const resus_action a = resus_default_action(RESUS_ACTION_PACING_STOP);
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_cpr_start(resus_sim* sim, double rate_per_min, double depth_mm,
                                 int32_t compressions_per_cycle, int32_t breaths_per_pause) {
  resus_action a = resus_default_action(RESUS_ACTION_CPR_START);
  a.rate_per_min = rate_per_min;
  a.depth_mm = depth_mm;
  a.compressions_per_cycle = compressions_per_cycle;
  a.breaths_per_pause = breaths_per_pause;
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_cpr_stop(resus_sim* sim) {
  const resus_action a = resus_default_action(RESUS_ACTION_CPR_STOP);
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_set_airway(resus_sim* sim, resus_airway airway) {
  resus_action a = resus_default_action(RESUS_ACTION_AIRWAY);
  a.airway = raw(airway);
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_set_ventilation(resus_sim* sim, resus_vent_mode mode, double rate_per_min,
                                       double tidal_volume_mL, double inspiratory_time_s,
                                       double peep_cmH2O) {
  resus_action a = resus_default_action(RESUS_ACTION_VENTILATION);
  a.vent_mode = raw(mode);
  a.rate_per_min = rate_per_min;
  a.tidal_volume_mL = tidal_volume_mL;
  a.inspiratory_time_s = inspiratory_time_s;
  a.peep_cmH2O = peep_cmH2O;
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_give_breath(resus_sim* sim, double tidal_volume_mL,
                                   double inspiratory_time_s) {
  resus_action a = resus_default_action(RESUS_ACTION_BREATH);
  a.tidal_volume_mL = tidal_volume_mL;
  a.inspiratory_time_s = inspiratory_time_s;
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_set_oxygen(resus_sim* sim, double fio2) {
  resus_action a = resus_default_action(RESUS_ACTION_OXYGEN);
  a.fio2 = fio2;
  return resus_sim_apply(sim, &a);
}

resus_status resus_sim_set_spontaneous_breathing(resus_sim* sim, int32_t enabled) {
  resus_action a = resus_default_action(RESUS_ACTION_SPONTANEOUS_BREATHING);
  a.enabled = enabled;
  return resus_sim_apply(sim, &a);
}

// ---- streamed device inputs --------------------------------------------------------------------

// The real-time path: on success no std::string is touched and nothing is allocated.
resus_status resus_sim_set_compression_depth(resus_sim* sim, double depth_mm) {
  if (!sim) return null_handle("sim");
  if (sim->sim->set_compression_depth(depth_mm) == Status::kOk) return RESUS_OK;
  return guarded(sim->error, [&] {
    throw Error(Status::kInvalidArgument, "depth_mm = " + num(depth_mm) +
                                              " is out of range; valid range is [0, " +
                                              num(resus::kMaxDepth_mm) + "] mm");
  });
}

resus_status resus_sim_set_bag_flow(resus_sim* sim, double flow_mL_s) {
  if (!sim) return null_handle("sim");
  if (sim->sim->set_bag_flow(flow_mL_s) == Status::kOk) return RESUS_OK;
  return guarded(sim->error, [&] {
    throw Error(Status::kInvalidArgument, "flow_mL_s = " + num(flow_mL_s) +
                                              " is out of range; valid range is [0, " +
                                              num(resus::kMaxBagFlow_mL_s) + "] mL/s");
  });
}

resus_status resus_sim_apply_json(resus_sim* sim, const char* action_json) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(action_json, "action_json");
    double at_s = kNaN;
    const resus::Action a = resus::parse_action_json(action_json, &at_s);
    if (std::isnan(at_s)) {
      s.apply(a);
    } else {
      schedule_checked(s, at_s, a);
    }
  });
}

resus_status resus_action_parse_json(const char* action_json, resus_action* out, double* at_s) {
  return guarded(t_error, [&] {
    if (at_s) *at_s = kNaN;
    require(action_json, "action_json");
    double at = kNaN;
    const resus::Action a = resus::parse_action_json(action_json, &at);
    if (out) *out = to_c(a);
    if (at_s) *at_s = at;
  });
}

int32_t resus_action_count(void) { return static_cast<int32_t>(resus::action_registry().size()); }

resus_status resus_action_info(int32_t index, const char** name, const char** fields) {
  return guarded(t_error, [&] {
    const auto actions = resus::action_registry();
    check_index("action index", index, actions.size());
    if (name) *name = actions[index].name;
    if (fields) *fields = actions[index].fields;
  });
}

int32_t resus_rhythm_count(void) { return static_cast<int32_t>(Rhythm::kNumRhythms); }

const char* resus_rhythm_name(int32_t rhythm) {
  return rhythm >= 0 && rhythm < resus_rhythm_count()
             ? resus::ep::rhythm_name(static_cast<Rhythm>(rhythm))
             : nullptr;
}

// ---- events ----------------------------------------------------------------------------------

resus_status resus_sim_poll_events(resus_sim* sim, resus_event* out, int32_t capacity,
                                   int32_t* count) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(count, "count");
    *count = 0;
    require_buffer(out, capacity);
    // Drained through a small stack buffer: the engine's Event is not the C struct.
    resus::Event chunk[32];
    int32_t n = 0;
    while (n < capacity) {
      const int want = std::min<int>(capacity - n, static_cast<int>(std::size(chunk)));
      const int got = s.poll_events(chunk, want);
      for (int i = 0; i < got; ++i)
        out[n + i] = resus_event{chunk[i].time_s, static_cast<int32_t>(chunk[i].kind),
                                 chunk[i].detail, chunk[i].value};
      n += got;
      if (got < want) break;
    }
    *count = n;
  });
}

// ---- ECG and beats ------------------------------------------------------------------------

resus_ecg_def resus_default_ecg_def(void) {
  resus_ecg_def d{};
  d.struct_size = sizeof(resus_ecg_def);
  d.sample_rate_hz = 500;
  const resus::ecg::ArtefactSwitches a;  // the engine's defaults
  d.cpr = a.cpr;
  d.shock = a.shock;
  d.pacer = a.pacer;
  d.baseline_wander = a.baseline_wander;
  d.mains = a.mains;
  d.muscle = a.muscle;
  return d;
}

resus_status resus_sim_ecg_configure(resus_sim* sim, const resus_ecg_def* def) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(def, "def");
    const resus_ecg_def d = read_struct(*def, resus_default_ecg_def(), "def");
    resus::ecg::ArtefactSwitches a;
    a.cpr = d.cpr;
    a.shock = d.shock;
    a.pacer = d.pacer;
    a.baseline_wander = d.baseline_wander;
    a.mains = d.mains;
    a.muscle = d.muscle;
    s.configure_ecg(d.sample_rate_hz, a);
  });
}

int32_t resus_ecg_lead_count(void) { return resus::ecg::kNumLeads; }

const char* resus_ecg_lead_name(int32_t lead) {
  return lead >= 0 && lead < resus::ecg::kNumLeads ? resus::ecg::lead_name(lead) : nullptr;
}

resus_status resus_ecg_lead_find(const char* name, int32_t* lead) {
  return guarded(t_error, [&] {
    require(lead, "lead");
    *lead = -1;
    require(name, "name");
    const int found = resus::ecg::find_lead(name);
    if (found < 0)
      throw Error(Status::kUnknownName, "unknown ECG lead " + resus::quoted_input(name) +
                                            "; leads are I, II, III, aVR, aVL, aVF, V1-V6, pads");
    *lead = found;
  });
}

resus_status resus_sim_ecg_read(resus_sim* sim, int32_t lead, float* out, int32_t capacity,
                                int32_t* count) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(count, "count");
    *count = 0;
    check_index("lead", lead, resus::ecg::kNumLeads);
    require_buffer(out, capacity);
    *count = s.read_ecg(lead, out, capacity);
  });
}

resus_status resus_sim_ecg_available(const resus_sim* sim, int32_t lead, int64_t* count) {
  return on_sim(sim, [&](const resus::Sim& s) {
    require(count, "count");
    check_index("lead", lead, resus::ecg::kNumLeads);
    *count = s.ecg_available(lead);
  });
}

resus_status resus_sim_ecg_dropped(const resus_sim* sim, int32_t lead, int64_t* count) {
  return on_sim(sim, [&](const resus::Sim& s) {
    require(count, "count");
    check_index("lead", lead, resus::ecg::kNumLeads);
    *count = s.ecg_dropped(lead);
  });
}

resus_status resus_sim_poll_beats(resus_sim* sim, resus_beat* out, int32_t capacity,
                                  int32_t* count) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(count, "count");
    *count = 0;
    require_buffer(out, capacity);
    resus::Beat chunk[32];
    int32_t n = 0;
    while (n < capacity) {
      const int want = std::min<int>(capacity - n, static_cast<int>(std::size(chunk)));
      const int got = s.poll_beats(chunk, want);
      for (int i = 0; i < got; ++i)
        out[n + i] = resus_beat{chunk[i].time_s, chunk[i].origin, chunk[i].rhythm, chunk[i].rr_s};
      n += got;
      if (got < want) break;
    }
    *count = n;
  });
}

// ---- waveforms -------------------------------------------------------------------------------

int32_t resus_wave_count(void) { return resus::kNumWaves; }

const char* resus_wave_name(int32_t wave) {
  return wave >= 0 && wave < resus::kNumWaves ? resus::kWaveInfo[wave].name : nullptr;
}

const char* resus_wave_unit(int32_t wave) {
  return wave >= 0 && wave < resus::kNumWaves ? resus::kWaveInfo[wave].unit : nullptr;
}

resus_status resus_wave_find(const char* name, int32_t* wave) {
  return guarded(t_error, [&] {
    require(wave, "wave");
    *wave = -1;
    require(name, "name");
    for (int32_t i = 0; i < resus::kNumWaves; ++i)
      if (std::string_view(name) == resus::kWaveInfo[i].name) {
        *wave = i;
        return;
      }
    std::string known;
    for (const resus::WaveInfo& w : resus::wave_catalogue())
      known += std::string(known.empty() ? "" : ", ") + w.name;
    throw Error(Status::kUnknownName,
                "unknown waveform " + resus::quoted_input(name) + "; waveforms are " + known);
  });
}

resus_status resus_sim_waveforms_configure(resus_sim* sim, int32_t sample_rate_hz) {
  return on_sim(sim, [&](resus::Sim& s) { s.configure_waveforms(sample_rate_hz); });
}

resus_status resus_sim_waveform_read(resus_sim* sim, int32_t wave, float* out, int32_t capacity,
                                     int32_t* count) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(count, "count");
    *count = 0;
    check_index("wave", wave, resus::kNumWaves);
    require_buffer(out, capacity);
    *count = s.read_waveform(wave, out, capacity);
  });
}

resus_status resus_sim_waveform_available(const resus_sim* sim, int32_t wave, int64_t* count) {
  return on_sim(sim, [&](const resus::Sim& s) {
    require(count, "count");
    check_index("wave", wave, resus::kNumWaves);
    *count = s.waveform_available(wave);
  });
}

resus_status resus_sim_waveform_dropped(const resus_sim* sim, int32_t wave, int64_t* count) {
  return on_sim(sim, [&](const resus::Sim& s) {
    require(count, "count");
    check_index("wave", wave, resus::kNumWaves);
    *count = s.waveform_dropped(wave);
  });
}

// ---- snapshots -------------------------------------------------------------------------------

int64_t resus_snapshot_size(void) { return static_cast<int64_t>(resus::Sim::snapshot_size()); }

resus_status resus_sim_save(const resus_sim* sim, void* buffer, int64_t capacity) {
  return on_sim(sim, [&](const resus::Sim& s) {
    require(buffer, "buffer");
    const int64_t needed = resus_snapshot_size();
    if (capacity < needed)
      throw Error(Status::kBufferTooSmall, "capacity = " + std::to_string(capacity) +
                                               " bytes is too small; a snapshot needs " +
                                               std::to_string(needed) +
                                               " bytes (resus_snapshot_size())");
    s.save(buffer);
  });
}

resus_status resus_sim_load(resus_sim* sim, const void* buffer, int64_t size) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(buffer, "buffer");
    if (size < 0)
      throw Error(Status::kInvalidArgument, "size = " + std::to_string(size) + " must be >= 0");
    s.restore(buffer, static_cast<std::size_t>(size));  // checks everything before writing
  });
}

}  // extern "C"
