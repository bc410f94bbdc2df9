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
#include <vector>

#include "engine/actions.hpp"
#include "engine/enums.hpp"
#include "engine/json_input.hpp"
#include "engine/model.hpp"
#include "engine/patient.hpp"
#include "engine/signals.hpp"
#include "engine/sim.hpp"
#include "engine/status.hpp"
#include "engine/waveforms.hpp"
#include "models/aed/aed_analysis.hpp"

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
static_assert(RESUS_EVENT_LAB_RESULT == static_cast<int>(resus::EventKind::kLabResult));
static_assert(RESUS_EVENT_NEEDLE_FAILED == static_cast<int>(resus::EventKind::kNeedleFailed));
static_assert(RESUS_EVENT_SEIZURE == static_cast<int>(resus::EventKind::kSeizure));
static_assert(RESUS_ACTION_CPR_START == static_cast<int>(resus::ActionKind::kCprStart));
static_assert(RESUS_ACTION_CPR_STOP == static_cast<int>(resus::ActionKind::kCprStop));
static_assert(RESUS_ACTION_AIRWAY == static_cast<int>(resus::ActionKind::kAirway));
static_assert(RESUS_ACTION_VENTILATION == static_cast<int>(resus::ActionKind::kVentilation));
static_assert(RESUS_ACTION_BREATH == static_cast<int>(resus::ActionKind::kBreath));
static_assert(RESUS_ACTION_OXYGEN == static_cast<int>(resus::ActionKind::kOxygen));
static_assert(RESUS_ACTION_SPONTANEOUS_BREATHING ==
              static_cast<int>(resus::ActionKind::kSpontaneousBreathing));
static_assert(RESUS_ACTION_DRUG == static_cast<int>(resus::ActionKind::kDrug));
static_assert(RESUS_ACTION_INFUSION == static_cast<int>(resus::ActionKind::kInfusion));
static_assert(RESUS_ACTION_INFUSION_STOP == static_cast<int>(resus::ActionKind::kInfusionStop));
static_assert(RESUS_ACTION_CONDITION == static_cast<int>(resus::ActionKind::kCondition));
static_assert(RESUS_ACTION_CONDITION_STOP == static_cast<int>(resus::ActionKind::kConditionStop));
static_assert(RESUS_ACTION_BLOOD_GAS == static_cast<int>(resus::ActionKind::kBloodGas));
static_assert(RESUS_ACTION_ENVIRONMENT == static_cast<int>(resus::ActionKind::kEnvironment));
static_assert(RESUS_ACTION_TEMPERATURE_CONTROL ==
              static_cast<int>(resus::ActionKind::kTemperatureControl));
static_assert(RESUS_ACTION_REPERFUSION == static_cast<int>(resus::ActionKind::kReperfusion));
static_assert(RESUS_ACTION_FLUID == static_cast<int>(resus::ActionKind::kFluid));
static_assert(RESUS_ACTION_DIALYSIS == static_cast<int>(resus::ActionKind::kDialysis));
static_assert(resus::action_registry().size() == RESUS_ACTION_DIALYSIS,
              "every action kind has its RESUS_ACTION_ value");

// Enum values by name: the C constants must index the engine's name tables.
constexpr bool named(std::span<const char* const> names, int value, std::string_view name) {
  return value >= 0 && static_cast<std::size_t>(value) < names.size() && names[value] == name;
}
constexpr std::span<const char* const> names_of(const resus::FieldSpec& f) {
  return {f.names.names, static_cast<std::size_t>(f.names.count)};
}
namespace table = resus::action_table;
constexpr auto kAirways = names_of(table::kAirway[0]);
constexpr auto kVentModes = names_of(table::kVentilation[0]);
constexpr auto kRhythms = names_of(table::kRhythm[0]);
static_assert(named(kAirways, RESUS_AIRWAY_NONE, "none"));
static_assert(named(kAirways, RESUS_AIRWAY_BAG_MASK, "bag_mask"));
static_assert(named(kAirways, RESUS_AIRWAY_SUPRAGLOTTIC, "supraglottic"));
static_assert(named(kAirways, RESUS_AIRWAY_TRACHEAL_TUBE, "tracheal_tube"));
static_assert(named(kAirways, RESUS_AIRWAY_OESOPHAGEAL_TUBE, "oesophageal_tube"));
static_assert(named(kAirways, RESUS_AIRWAY_RIGHT_MAINSTEM, "right_mainstem"));
static_assert(kAirways.size() == RESUS_AIRWAY_RIGHT_MAINSTEM + 1);
static_assert(named(kVentModes, RESUS_VENT_NONE, "none"));
static_assert(named(kVentModes, RESUS_VENT_MANUAL, "manual"));
static_assert(named(kVentModes, RESUS_VENT_BAG_RATE, "bag_rate"));
static_assert(named(kVentModes, RESUS_VENT_VENTILATOR, "ventilator"));
static_assert(kVentModes.size() == RESUS_VENT_VENTILATOR + 1);

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


static_assert(named(kRhythms, RESUS_RHYTHM_SINUS, "sinus"));
static_assert(named(kRhythms, RESUS_RHYTHM_SINUS_BRADYCARDIA, "sinus_bradycardia"));
static_assert(named(kRhythms, RESUS_RHYTHM_SINUS_TACHYCARDIA, "sinus_tachycardia"));
static_assert(named(kRhythms, RESUS_RHYTHM_ATRIAL_FIBRILLATION, "atrial_fibrillation"));
static_assert(named(kRhythms, RESUS_RHYTHM_ATRIAL_FLUTTER, "atrial_flutter"));
static_assert(named(kRhythms, RESUS_RHYTHM_SVT, "svt"));
static_assert(named(kRhythms, RESUS_RHYTHM_AV_BLOCK_1, "av_block_1"));
static_assert(named(kRhythms, RESUS_RHYTHM_MOBITZ_1, "mobitz_1"));
static_assert(named(kRhythms, RESUS_RHYTHM_MOBITZ_2, "mobitz_2"));
static_assert(named(kRhythms, RESUS_RHYTHM_AV_BLOCK_3, "av_block_3"));
static_assert(named(kRhythms, RESUS_RHYTHM_VT, "vt"));
static_assert(named(kRhythms, RESUS_RHYTHM_PULSELESS_VT, "pulseless_vt"));
static_assert(named(kRhythms, RESUS_RHYTHM_TORSADES, "torsades"));
static_assert(named(kRhythms, RESUS_RHYTHM_VF_COARSE, "vf_coarse"));
static_assert(named(kRhythms, RESUS_RHYTHM_VF_FINE, "vf_fine"));
static_assert(named(kRhythms, RESUS_RHYTHM_ASYSTOLE, "asystole"));
static_assert(named(kRhythms, RESUS_RHYTHM_PEA, "pea"));
static_assert(kRhythms.size() == RESUS_RHYTHM_PEA + 1,
              "a rhythm was added to the engine but not to resus_rhythm");

static_assert(named(table::kShockWaveforms, RESUS_WAVEFORM_BIPHASIC, "biphasic"));
static_assert(named(table::kShockWaveforms, RESUS_WAVEFORM_MONOPHASIC, "monophasic"));
static_assert(named(table::kBleedSites, RESUS_BLEED_VENOUS, "venous"));
static_assert(named(table::kBleedSites, RESUS_BLEED_ARTERIAL, "arterial"));

constexpr std::span<const char* const> kOutcomes = resus::enum_names::kShockOutcomes;
static_assert(named(kOutcomes, RESUS_SHOCK_NO_EFFECT, "no_effect"));
static_assert(named(kOutcomes, RESUS_SHOCK_TERMINATED, "terminated"));
static_assert(named(kOutcomes, RESUS_SHOCK_NOT_TERMINATED, "not_terminated"));
static_assert(named(kOutcomes, RESUS_SHOCK_INDUCED_VF, "induced_vf"));
static_assert(named(kOutcomes, RESUS_SHOCK_CONVERTED, "converted"));
static_assert(named(kOutcomes, RESUS_SHOCK_NOT_CONVERTED, "not_converted"));
static_assert(named(kOutcomes, RESUS_SHOCK_NO_SYNC, "no_sync"));
static_assert(named(kOutcomes, RESUS_SHOCK_NO_SHOCK_ADVISED, "no_shock_advised"));
static_assert(kOutcomes.size() == RESUS_SHOCK_NO_SHOCK_ADVISED + 1);

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

// A caller's struct_size, checked against what this library's version of the struct holds.
uint32_t checked_struct_size(uint32_t size, std::size_t current, const char* parameter) {
  if (size < sizeof(uint32_t) || size > current)
    throw Error(Status::kInvalidArgument,
                std::string(parameter) + "->struct_size = " + std::to_string(size) +
                    " is out of range; valid range is [" + std::to_string(sizeof(uint32_t)) + ", " +
                    std::to_string(current) + "] (initialise it with resus_default_*())");
  return size;
}

// Copies a caller's struct of any older (smaller) size over `defaults`: fields the caller's
// version does not have keep their defaults (append-only ABI).
template <class T>
T read_struct(const T& in, T defaults, const char* parameter) {
  const uint32_t size = checked_struct_size(in.struct_size, sizeof(T), parameter);
  std::memcpy(&defaults, &in, size);
  defaults.struct_size = sizeof(T);
  return defaults;
}

// Writes `value` into a caller's struct of any older (smaller) size: only the bytes that the
// caller's version has (its struct_size, set by resus_default_*()), which keeps its struct_size.
// The size is checked before anything is written.
template <class T>
void write_struct(const T& value, T& out, const char* parameter) {
  const uint32_t size = checked_struct_size(out.struct_size, sizeof(T), parameter);
  std::memcpy(reinterpret_cast<unsigned char*>(&out) + sizeof(uint32_t),
              reinterpret_cast<const unsigned char*>(&value) + sizeof(uint32_t),
              size - sizeof(uint32_t));
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

// The 0.2 struct's members by name. A kind's fields are read from (and written to) the member
// that has the field's name (or its legacy name), so the struct serves the fifteen kinds it was
// made for; later kinds are applied by values (resus_sim_apply_values) or JSON.
struct LegacyMember {
  const char* name;
  std::size_t offset;
  bool is_int;
};
#define RESUS_MEMBER(m, is_int) {#m, offsetof(resus_action, m), is_int}
constexpr LegacyMember kLegacyMembers[] = {
    RESUS_MEMBER(site, true),          RESUS_MEMBER(rate_mL_min, false),
    RESUS_MEMBER(volume_mL, false),    RESUS_MEMBER(rhythm, true),
    RESUS_MEMBER(waveform, true),      RESUS_MEMBER(energy_J, false),
    RESUS_MEMBER(rate_per_min, false), RESUS_MEMBER(current_mA, false),
    RESUS_MEMBER(only_if_shockable, true), RESUS_MEMBER(depth_mm, false),
    RESUS_MEMBER(duty_cycle, false),   RESUS_MEMBER(leaning_mm, false),
    RESUS_MEMBER(compressions_per_cycle, true), RESUS_MEMBER(breaths_per_pause, true),
    RESUS_MEMBER(pause_s, false),      RESUS_MEMBER(tidal_volume_mL, false),
    RESUS_MEMBER(inspiratory_time_s, false), RESUS_MEMBER(peep_cmH2O, false),
    RESUS_MEMBER(fio2, false),         RESUS_MEMBER(airway, true),
    RESUS_MEMBER(vent_mode, true),     RESUS_MEMBER(enabled, true),
};
#undef RESUS_MEMBER
constexpr int32_t kLegacyKinds = RESUS_ACTION_SPONTANEOUS_BREATHING;  // the struct's kinds

constexpr const LegacyMember* legacy_member(const resus::FieldSpec& f) {
  const std::string_view name = f.legacy ? f.legacy : f.name;
  for (const LegacyMember& m : kLegacyMembers)
    if (name == m.name) return &m;
  return nullptr;
}

// Every field of the struct's kinds has its member (checked when this file compiles).
constexpr bool legacy_kinds_complete() {
  for (int32_t k = 0; k < kLegacyKinds; ++k)
    for (const resus::FieldSpec& f : resus::action_registry()[static_cast<std::size_t>(k)].fields)
      if (!legacy_member(f)) return false;
  return true;
}
static_assert(legacy_kinds_complete(), "a field of a 0.2 kind has no resus_action member");

double read_member(const resus_action& a, const LegacyMember& m) {
  const auto* p = reinterpret_cast<const unsigned char*>(&a) + m.offset;
  if (m.is_int) {
    int32_t v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
  double v;
  std::memcpy(&v, p, sizeof v);
  return v;
}

void write_member(resus_action& a, const LegacyMember& m, double value) {
  auto* p = reinterpret_cast<unsigned char*>(&a) + m.offset;
  if (m.is_int) {
    const auto v = static_cast<int32_t>(value);
    std::memcpy(p, &v, sizeof v);
  } else {
    std::memcpy(p, &value, sizeof value);
  }
}

// Converts and checks a caller's action (ranges and defaults come from resus::validated, whose
// messages name the field, the value and the valid range).
resus::Action to_engine(const resus_action* action) {
  require(action, "action");
  const resus_action a = read_action(*action);
  // The struct is frozen at the 0.2 kinds (docs/abi.md): later kinds have no members to read.
  if (a.kind > kLegacyKinds)
    throw Error(Status::kInvalidArgument,
                "action.kind = " + std::to_string(a.kind) + " ('" +
                    resus::find_action(static_cast<resus::ActionKind>(a.kind))->name +
                    "') has no resus_action form; apply it with resus_sim_apply_values or "
                    "resus_sim_apply_json");
  resus::Action engine{};
  engine.kind = static_cast<resus::ActionKind>(a.kind);
  const auto fields = resus::find_action(engine.kind)->fields;
  for (std::size_t i = 0; i < fields.size(); ++i)
    engine[static_cast<int>(i)] = read_member(a, *legacy_member(fields[i]));
  try {
    return resus::validated(engine);
  } catch (const Error& e) {
    // Name the member the caller set where it differs from the field's name ("vent_mode").
    const std::string message = e.what();
    for (const resus::FieldSpec& f : fields)
      if (f.legacy && message.rfind(std::string(f.name) + " = ", 0) == 0)
        throw Error(e.status(), f.legacy + message.substr(std::strlen(f.name)));
    throw;
  }
}

// The struct form of an action of one of the struct's kinds.
resus_action to_c(const resus::Action& a) {
  if (static_cast<int32_t>(a.kind) > kLegacyKinds)
    throw Error(Status::kInvalidArgument,
                std::string("action '") + resus::find_action(a.kind)->name +
                    "' has no resus_action form; use resus_action_parse_values");
  resus_action out = resus_default_action(static_cast<resus_action_kind>(a.kind));
  const auto fields = resus::find_action(a.kind)->fields;
  for (std::size_t i = 0; i < fields.size(); ++i)
    write_member(out, *legacy_member(fields[i]), a[static_cast<int>(i)]);
  return out;
}

// An action from a values array in its row's order: fields past `count`, and NaN values, take
// the field's default (required fields have none).
resus::Action from_values(int32_t kind, const double* values, int32_t count) {
  check_action_kind(kind);
  const resus::ActionSpec& spec = *resus::find_action(static_cast<resus::ActionKind>(kind));
  const auto n = static_cast<int32_t>(spec.fields.size());
  if (count < 0 || count > n)
    throw Error(Status::kInvalidArgument, "count = " + std::to_string(count) +
                                              " is out of range; '" + spec.name + "' has " +
                                              std::to_string(n) + " fields");
  if (count > 0) require(values, "values");
  resus::Action a = resus::default_action(spec.kind);
  for (int32_t i = 0; i < count; ++i)
    if (!std::isnan(values[i])) a[i] = values[i];
  for (int32_t i = 0; i < n; ++i) {
    const resus::FieldSpec& f = spec.fields[static_cast<std::size_t>(i)];
    if (std::isnan(a[i]) && f.when_field < 0)
      throw Error(Status::kInvalidArgument, std::string(f.name) + " is required (" +
                                                resus::describe_range(f) + ")");
  }
  return resus::validated(a);
}

// A field of a kind, checked.
const resus::FieldSpec& field_of(int32_t kind, int32_t field) {
  check_action_kind(kind);
  const auto fields = resus::find_action(static_cast<resus::ActionKind>(kind))->fields;
  if (fields.empty())
    throw Error(Status::kInvalidArgument, std::string("action '") +
                                              resus::find_action(static_cast<resus::ActionKind>(kind))->name +
                                              "' has no fields");
  check_index("field", field, fields.size());
  return fields[static_cast<std::size_t>(field)];
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

const char* resus_param_model(int32_t index) {
  const auto params = resus::param_registry();
  return index >= 0 && static_cast<std::size_t>(index) < params.size() ? params[static_cast<std::size_t>(index)].model
                                                                       : nullptr;
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
  // A field whose default is not 0 and for which 0 is a value of its own (a pacing current)
  // carries its default; elsewhere 0 stands for the default.
  const resus::ActionSpec* spec = resus::find_action(static_cast<resus::ActionKind>(a.kind));
  if (spec && a.kind <= kLegacyKinds)
    for (const resus::FieldSpec& f : spec->fields)
      if (std::isfinite(f.def) && f.def != 0.0 && !(f.flags & resus::kZeroIsDefault))
        write_member(a, *legacy_member(f), f.def);
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
    if (out) write_struct(to_c(a), *out, "out");
    if (at_s) *at_s = at;
  });
}

int32_t resus_action_count(void) { return static_cast<int32_t>(resus::action_registry().size()); }

int32_t resus_drug_count(void) { return resus::pharm::kNumDrugs; }

resus_status resus_drug_info(int32_t index, const char** name, const char** description) {
  return guarded(t_error, [&] {
    check_index("drug index", index, resus::pharm::kNumDrugs);
    // Each drug in words, built once from its row.
    static const std::vector<std::string> texts = [] {
      namespace ph = resus::pharm;
      std::vector<std::string> out;
      for (int i = 0; i < ph::kNumDrugs; ++i) {
        const ph::DrugSpec& d = ph::drug_spec(static_cast<ph::Drug>(i));
        std::ostringstream os;
        os.imbue(std::locale::classic());
        os << d.preparation << "; usual dose " << d.default_dose << " "
           << ph::kDoseUnitNames[static_cast<int>(d.default_unit)] << "; units mg, ug, mg_kg, mL";
        if (d.molar_mass_g_mol > 0.0) os << ", mmol";
        if (d.mg_per_unit > 0.0) os << ", units";
        os << "; at most " << d.max_dose_mg << " mg per dose, " << d.max_rate_mg_min
           << " mg/min (per-kg units checked at 70 kg)";
        out.push_back(os.str());
      }
      return out;
    }();
    if (name) *name = resus::pharm::kDrugNames[index];
    if (description) *description = texts[static_cast<std::size_t>(index)].c_str();
  });
}

resus_status resus_action_info(int32_t index, const char** name, const char** fields) {
  return guarded(t_error, [&] {
    const auto actions = resus::action_registry();
    check_index("action index", index, actions.size());
    // Each kind's fields in words, built once from the table.
    static const std::vector<std::string> texts = [] {
      std::vector<std::string> out;
      for (const resus::ActionSpec& spec : resus::action_registry()) {
        std::string t;
        for (const resus::FieldSpec& f : spec.fields)
          t += (t.empty() ? "" : ", ") + std::string(f.name) + " " + resus::describe_range(f) +
               ((f.flags & resus::kRequired) ? " (required)" : "");
        for (const resus::AliasSpec& alias : spec.aliases) t += std::string(", or ") + alias.name;
        out.push_back(t.empty() ? "no fields" : t);
      }
      return out;
    }();
    if (name) *name = actions[static_cast<std::size_t>(index)].name;
    if (fields) *fields = texts[static_cast<std::size_t>(index)].c_str();
  });
}

resus_status resus_action_find(const char* name, int32_t* kind) {
  return guarded(t_error, [&] {
    require(kind, "kind");
    *kind = 0;
    require(name, "name");
    for (const resus::ActionSpec& spec : resus::action_registry())
      if (std::string_view(name) == spec.name) {
        *kind = static_cast<int32_t>(spec.kind);
        return;
      }
    throw Error(Status::kUnknownName, "unknown action " + resus::quoted_input(name) +
                                          " (list them with resus_action_info)");
  });
}

int32_t resus_action_field_count(int32_t kind) {
  const resus::ActionSpec* spec = resus::find_action(static_cast<resus::ActionKind>(kind));
  return kind >= 1 && spec ? static_cast<int32_t>(spec->fields.size()) : 0;
}

resus_status resus_action_field_info(int32_t kind, int32_t field, const char** name,
                                     const char** unit, int32_t* type, double* min, double* max,
                                     double* default_value) {
  return guarded(t_error, [&] {
    const resus::FieldSpec& f = field_of(kind, field);
    if (name) *name = f.name;
    if (unit) *unit = f.unit;
    if (type) *type = static_cast<int32_t>(f.type);
    if (min) *min = f.min;
    if (max) *max = f.max;
    if (default_value) *default_value = f.def;
  });
}

resus_status resus_action_field_rules(int32_t kind, int32_t field, int32_t* flags,
                                      int32_t* applies_when_field, uint32_t* applies_when_mask,
                                      const char** description) {
  return guarded(t_error, [&] {
    const resus::FieldSpec& f = field_of(kind, field);
    if (flags) *flags = static_cast<int32_t>(f.flags);
    if (applies_when_field) *applies_when_field = f.when_field;
    if (applies_when_mask) *applies_when_mask = f.when_mask;
    if (description) *description = f.description;
  });
}

const char* resus_action_field_enum_name(int32_t kind, int32_t field, int32_t value) {
  const resus::ActionSpec* spec = resus::find_action(static_cast<resus::ActionKind>(kind));
  if (kind < 1 || !spec || field < 0 || static_cast<std::size_t>(field) >= spec->fields.size())
    return nullptr;
  const resus::FieldSpec& f = spec->fields[static_cast<std::size_t>(field)];
  return value >= 0 && value < f.names.count ? f.names.names[value] : nullptr;
}

resus_status resus_action_field_find(int32_t kind, const char* name, int32_t* field) {
  return guarded(t_error, [&] {
    require(field, "field");
    *field = -1;
    require(name, "name");
    check_action_kind(kind);
    const resus::ActionSpec& spec = *resus::find_action(static_cast<resus::ActionKind>(kind));
    for (std::size_t i = 0; i < spec.fields.size(); ++i)
      if (std::string_view(name) == spec.fields[i].name) {
        *field = static_cast<int32_t>(i);
        return;
      }
    throw Error(Status::kUnknownName, "action '" + std::string(spec.name) + "' has no field " +
                                          resus::quoted_input(name));
  });
}

resus_status resus_action_summary(int32_t kind, const char** summary, const char** rules) {
  return guarded(t_error, [&] {
    check_action_kind(kind);
    const resus::ActionSpec& spec = *resus::find_action(static_cast<resus::ActionKind>(kind));
    if (summary) *summary = spec.summary;
    if (rules) *rules = spec.rules;
  });
}

int32_t resus_action_alias_count(int32_t kind) {
  const resus::ActionSpec* spec = resus::find_action(static_cast<resus::ActionKind>(kind));
  return kind >= 1 && spec ? static_cast<int32_t>(spec->aliases.size()) : 0;
}

resus_status resus_action_alias_info(int32_t kind, int32_t alias, const char** name,
                                     int32_t* field, const char** description) {
  return guarded(t_error, [&] {
    check_action_kind(kind);
    const auto aliases = resus::find_action(static_cast<resus::ActionKind>(kind))->aliases;
    if (aliases.empty()) throw Error(Status::kInvalidArgument, "this action has no aliases");
    check_index("alias", alias, aliases.size());
    const resus::AliasSpec& a = aliases[static_cast<std::size_t>(alias)];
    if (name) *name = a.name;
    if (field) *field = a.target;
    if (description) *description = a.description;
  });
}

const char* resus_action_alias_choice(int32_t kind, int32_t alias, int32_t choice, double* value) {
  if (resus_action_alias_count(kind) <= alias || alias < 0) return nullptr;
  const auto choices =
      resus::find_action(static_cast<resus::ActionKind>(kind))->aliases[static_cast<std::size_t>(alias)].choices;
  if (choice < 0 || static_cast<std::size_t>(choice) >= choices.size()) return nullptr;
  if (value) *value = choices[static_cast<std::size_t>(choice)].value;
  return choices[static_cast<std::size_t>(choice)].name;
}

resus_status resus_sim_apply_values(resus_sim* sim, int32_t kind, const double* values,
                                    int32_t count) {
  return on_sim(sim, [&](resus::Sim& s) { s.apply(from_values(kind, values, count)); });
}

resus_status resus_sim_schedule_values(resus_sim* sim, double at_s, int32_t kind,
                                       const double* values, int32_t count) {
  return on_sim(sim, [&](resus::Sim& s) { schedule_checked(s, at_s, from_values(kind, values, count)); });
}

resus_status resus_action_parse_values(const char* action_json, int32_t* kind, double* values,
                                       int32_t capacity, int32_t* count, double* at_s) {
  return guarded(t_error, [&] {
    if (at_s) *at_s = kNaN;
    require(kind, "kind");
    require(count, "count");
    *kind = 0;
    *count = 0;
    require_buffer(values, capacity);
    require(action_json, "action_json");
    double at = kNaN;
    const resus::Action a = resus::parse_action_json(action_json, &at);
    const auto n = static_cast<int32_t>(resus::find_action(a.kind)->fields.size());
    if (capacity < n)
      throw Error(Status::kBufferTooSmall, "capacity = " + std::to_string(capacity) +
                                               " is too small; this action has " +
                                               std::to_string(n) + " fields");
    for (int32_t i = 0; i < n; ++i) values[i] = a[i];
    *kind = static_cast<int32_t>(a.kind);
    *count = n;
    if (at_s) *at_s = at;
  });
}

int32_t resus_rhythm_count(void) { return resus_enum_count(RESUS_ENUM_RHYTHM); }

const char* resus_rhythm_name(int32_t rhythm) { return resus_enum_name(RESUS_ENUM_RHYTHM, rhythm); }

int32_t resus_enum_count(int32_t which) {
  if (which < 0 || which >= static_cast<int32_t>(resus::EnumType::kCount)) return 0;
  return static_cast<int32_t>(resus::enum_names_of(static_cast<resus::EnumType>(which)).size());
}

const char* resus_enum_name(int32_t which, int32_t value) {
  if (which < 0 || which >= static_cast<int32_t>(resus::EnumType::kCount)) return nullptr;
  return resus::enum_name(static_cast<resus::EnumType>(which), value);
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

resus_status resus_sim_events_dropped(const resus_sim* sim, int64_t* count) {
  return on_sim(sim, [&](const resus::Sim& s) {
    require(count, "count");
    *count = s.events_dropped();
  });
}

resus_status resus_sim_beats_dropped(const resus_sim* sim, int64_t* count) {
  return on_sim(sim, [&](const resus::Sim& s) {
    require(count, "count");
    *count = s.beats_dropped();
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
  return resus_sim_ecg_read_indexed(sim, lead, out, capacity, count, nullptr);
}

resus_status resus_sim_ecg_read_indexed(resus_sim* sim, int32_t lead, float* out,
                                        int32_t capacity, int32_t* count, int64_t* first_index) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(count, "count");
    *count = 0;
    if (first_index) *first_index = 0;
    check_index("lead", lead, resus::ecg::kNumLeads);
    require_buffer(out, capacity);
    *count = s.read_ecg(lead, out, capacity, first_index);
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
  return resus_sim_waveform_read_indexed(sim, wave, out, capacity, count, nullptr);
}

resus_status resus_sim_waveform_read_indexed(resus_sim* sim, int32_t wave, float* out,
                                             int32_t capacity, int32_t* count,
                                             int64_t* first_index) {
  return on_sim(sim, [&](resus::Sim& s) {
    require(count, "count");
    *count = 0;
    if (first_index) *first_index = 0;
    check_index("wave", wave, resus::kNumWaves);
    require_buffer(out, capacity);
    *count = s.read_waveform(wave, out, capacity, first_index);
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

// ---- AED rhythm analysis ------------------------------------------------------------------------

resus_aed_finding resus_default_aed_finding(void) {
  resus_aed_finding f{};
  f.struct_size = sizeof(resus_aed_finding);
  f.advice = RESUS_AED_NO_SHOCK;
  f.leakage = 1.0;
  return f;
}

resus_status resus_aed_analyse(const float* pads_mV, int64_t count, double sample_rate_hz,
                               resus_aed_finding* out) {
  return guarded(t_error, [&] {
    require(out, "out");
    checked_struct_size(out->struct_size, sizeof(resus_aed_finding), "out");
    if (!(sample_rate_hz >= 100.0 && sample_rate_hz <= 10000.0))
      throw Error(Status::kInvalidArgument, "sample_rate_hz = " + num(sample_rate_hz) +
                                                " is out of range; valid range is [100, 10000] Hz");
    const double seconds = static_cast<double>(count) / sample_rate_hz;
    if (!(seconds >= 2.0 && seconds <= 60.0))
      throw Error(Status::kInvalidArgument,
                  "count = " + std::to_string(count) + " samples at " + num(sample_rate_hz) +
                      " Hz is " + num(seconds) + " s; valid range is [2, 60] s of samples");
    require(pads_mV, "pads_mV");
    const std::span<const float> samples(pads_mV, static_cast<std::size_t>(count));
    const auto bad = std::find_if(samples.begin(), samples.end(),
                                  [](float x) { return !std::isfinite(x); });
    if (bad != samples.end())
      throw Error(Status::kInvalidArgument,
                  "pads_mV[" + std::to_string(bad - samples.begin()) + "] = " + num(*bad) +
                      " is not finite; every sample must be a finite voltage in mV");
    const resus::aed::AedFinding a = resus::aed::analyse_rhythm(samples, sample_rate_hz);
    resus_aed_finding f = resus_default_aed_finding();
    f.advice = a.advice == resus::aed::AedAdvice::kShock ? RESUS_AED_SHOCK : RESUS_AED_NO_SHOCK;
    f.asystole = a.asystole;
    f.organised = a.organised;
    f.fibrillation = a.fibrillation;
    f.rapid_wide = a.rapid_wide;
    f.complexes = a.complexes;
    f.rate_per_min = a.rate_per_min;
    f.amplitude_mV = a.amplitude_mV;
    f.qrs_width_ms = a.qrs_width_ms;
    f.rr_variation = a.rr_variation;
    f.tcsc_pct = a.tcsc_pct;
    f.leakage = a.leakage;
    f.regularity = a.regularity;
    write_struct(f, *out, "out");
  });
}

}  // extern "C"
