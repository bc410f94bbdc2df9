// The action table: one row per action kind, with the stage that owns it and its fields (name,
// type, unit, range, default, enum names). Validation, the JSON parser, `resus info`, the docs'
// field tables, the C API's discovery calls, the CLI's narration and every error message read
// it, so a range is written once. Adding an action is one row here plus one case in its stage.
//
// The rows are constexpr, so stage code finds a field's index at compile time by name
// (field_index(ActionKind::kCprStart, "depth_mm")): a misspelt name does not compile.
#pragma once

#include <cstdint>
#include <limits>
#include <span>
#include <string_view>

#include "models/chemistry/chemistry.hpp"
#include "models/electrophysiology/conduction.hpp"
#include "models/pharmacology/drugs.hpp"
#include "models/respiration/respiration.hpp"
#include "models/thermal/thermal.hpp"
#include "models/thorax/thorax.hpp"
#include "models/thrombosis/thrombosis.hpp"
#include "models/fluids/fluids.hpp"

namespace resus {

// Values match resus_action_kind in the C API (append-only; kinds count from 1 in table order).
enum class ActionKind : int32_t {
  kHemorrhage = 1,
  kHemorrhageStop = 2,
  kFluidBolus = 3,
  kRhythm = 4,
  kShock = 5,
  kCardioversion = 6,
  kPacingStart = 7,
  kPacingStop = 8,
  kCprStart = 9,
  kCprStop = 10,
  kAirway = 11,
  kVentilation = 12,
  kBreath = 13,
  kOxygen = 14,
  kSpontaneousBreathing = 15,
  // 0.4: drugs (engine/stages/pharmacology.cpp).
  kDrug = 16,
  kInfusion = 17,
  kInfusionStop = 18,
  // 0.5: blood chemistry (engine/stages/chemistry.cpp).
  kCondition = 19,
  kConditionStop = 20,
  kBloodGas = 21,
  // 0.5: temperature (engine/stages/thermal.cpp).
  kEnvironment = 22,
  kTemperatureControl = 23,
  // 0.6: the chest's causes and their treatments (engine/stages/thorax.cpp).
  kPericardiocentesis = 24,
  kNeedleDecompression = 25,
  kThoracostomy = 26,
  // 0.6: thrombosis (engine/stages/thrombosis.cpp).
  kEmbolectomy = 27,
  kReperfusion = 28,
  // 0.8: fluids by kind (engine/stages/circulation.cpp, models/fluids).
  kFluid = 29,
  // After 0.10.0: haemodialysis (engine/stages/chemistry.cpp).
  kDialysis = 30,
};

// The stage that applies a kind (engine/stages/).
enum class Stage : int32_t {
  kCirculation, kHeart, kCompressions, kBreathing, kPharmacology, kChemistry, kThermal, kThorax,
  kThrombosis
};

// What a `condition` action names: the chemistry's conditions (the same values as
// chem::Condition), then the chest's (models/thorax). Append-only.
enum class ConditionName : int32_t {
  kHyperkalaemia = 0,
  kHypokalaemia,
  kAcidLoad,
  kTamponade,
  kTensionPneumothorax,
  kPulmonaryEmbolism,
  kCoronaryOcclusion,
  kAirwayObstruction,
  kHaemothorax,
};
constexpr const char* kConditionNames[] = {"hyperkalaemia",        "hypokalaemia", "acid_load",
                                           "tamponade",            "tension_pneumothorax",
                                           "pulmonary_embolism",   "coronary_occlusion",
                                           "airway_obstruction",   "haemothorax"};
constexpr int kFirstThoraxCondition = static_cast<int>(ConditionName::kTamponade);
constexpr int kFirstThrombosisCondition = static_cast<int>(ConditionName::kPulmonaryEmbolism);
constexpr int kAirwayObstructionCondition = static_cast<int>(ConditionName::kAirwayObstruction);
constexpr int kHaemothoraxCondition = static_cast<int>(ConditionName::kHaemothorax);
static_assert(kFirstThoraxCondition == static_cast<int>(chem::Condition::kNumConditions),
              "the chemistry's conditions come first, with their own values");

// Values match resus_field_type in the C API.
enum class FieldType : int32_t { kNumber = 0, kInteger = 1, kBoolean = 2, kEnum = 3 };

enum FieldFlag : uint32_t {
  kRequired = 1,       // no default: JSON must give it, a values array may not leave it NaN
  kZeroIsDefault = 2,  // 0 stands for the default (the C struct cannot say "absent")
  kMinExclusive = 4,   // the range is (min, max]
};

struct EnumNames {
  const char* const* names;
  int32_t count;
};

struct FieldSpec {
  const char* name;         // in JSON, discovery and messages
  FieldType type;
  const char* unit;         // "" when dimensionless or an enum
  double min, max;          // valid range; an enum's is [0, count - 1]
  double def;               // when absent (JSON) or NaN (a values array)
  uint32_t flags;
  EnumNames names;          // kEnum: the values' names
  const char* description;
  const char* legacy = nullptr;  // its resus_action member when the name differs
  int32_t when_field = -1;       // applies only when this field's value...
  uint32_t when_mask = 0;        // ...has its bit set here (value-dependent fields)
};

// A JSON spelling that sets another field from a named choice (oxygen "source": "non_rebreather").
struct AliasChoice {
  const char* name;
  double value;
};
struct AliasSpec {
  const char* name;
  int32_t target;  // field index it sets
  std::span<const AliasChoice> choices;
  const char* description;
};

constexpr int kMaxActionFields = 12;

// An action: its kind and its fields' values in its row's order (integers, booleans and enums
// as exact doubles).
struct Action {
  ActionKind kind{};
  int32_t pad = 0;
  double values[kMaxActionFields] = {};
  double operator[](int field) const { return values[field]; }
  double& operator[](int field) { return values[field]; }
};

struct ActionSpec {
  ActionKind kind;
  const char* name;
  Stage stage;
  const char* summary;
  std::span<const FieldSpec> fields;
  std::span<const AliasSpec> aliases;
  // Rules across fields and defaults that depend on other fields, after each field is checked;
  // throws Error(kInvalidArgument) naming the field. May be null.
  void (*finish)(Action& a);
  const char* rules;  // the same in words, for the docs ("" when none)
  // When the stage depends on a value (a condition goes to the model that owns it); null: `stage`.
  Stage (*route)(const Action& a) = nullptr;
};

namespace action_table {

constexpr double kNoDefault = std::numeric_limits<double>::quiet_NaN();
constexpr const char* kBleedSites[] = {"venous", "arterial"};
constexpr const char* kShockWaveforms[] = {"biphasic", "monophasic"};

template <std::size_t N>
constexpr EnumNames names(const char* const (&n)[N]) { return {n, static_cast<int32_t>(N)}; }
template <std::size_t N>
constexpr double last(const char* const (&)[N]) { return static_cast<double>(N - 1); }
constexpr EnumNames kNone{nullptr, 0};

constexpr FieldSpec kHemorrhage[] = {
    {"rate_mL_min", FieldType::kNumber, "mL/min", 0, 10000, 0, kZeroIsDefault | kMinExclusive, kNone,
     "bleeding rate; 0 with a volume: 1000 mL/min"},
    {"volume_mL", FieldType::kNumber, "mL", 0, 10000, 0, 0, kNone,
     "volume to lose, then the bleeding stops; 0: until stopped"},
    {"site", FieldType::kEnum, "", 0, last(kBleedSites), 0, 0, names(kBleedSites),
     "venous or arterial (the arterial pool empties first)"},
};
constexpr FieldSpec kFluidBolus[] = {
    {"volume_mL", FieldType::kNumber, "mL", 0, 10000, kNoDefault, kRequired | kMinExclusive, kNone,
     "volume of crystalloid to give"},
    {"rate_mL_min", FieldType::kNumber, "mL/min", 0, 10000, 250, kZeroIsDefault | kMinExclusive,
     kNone, "infusion rate (a rapid bolus by default)"},
};
constexpr FieldSpec kFluid[] = {
    {"fluid", FieldType::kEnum, "", 0, last(fluids::kFluidKindNames), kNoDefault, kRequired,
     names(fluids::kFluidKindNames),
     "what is given: crystalloid (saline, Ringer's), colloid (5% albumin), packed_red_cells, "
     "whole_blood or plasma"},
    {"volume_mL", FieldType::kNumber, "mL", 0, 10000, kNoDefault, kRequired | kMinExclusive, kNone,
     "volume to give"},
    {"rate_mL_min", FieldType::kNumber, "mL/min", 0, 10000, 250, kZeroIsDefault | kMinExclusive,
     kNone, "infusion rate (a rapid bolus by default; a pressure bag gives ~150 mL/min of blood)"},
    {"temperature_C", FieldType::kNumber, "C", 0, 45, 37, 0, kNone,
     "temperature of what is given: 37 warmed (the default), ~21 from the shelf, 4 refrigerated "
     "(cold saline to induce cooling; blood straight from the fridge)"},
};
constexpr FieldSpec kRhythm[] = {
    {"rhythm", FieldType::kEnum, "", 0, last(ep::kRhythmNames), kNoDefault, kRequired,
     names(ep::kRhythmNames),
     "the rhythm to set"},
};
constexpr FieldSpec kShock[] = {
    {"energy_J", FieldType::kNumber, "J", 1, 360, kNoDefault, kRequired, kNone, "energy delivered"},
    {"waveform", FieldType::kEnum, "", 0, last(kShockWaveforms), 0, 0, names(kShockWaveforms),
     "shock waveform"},
    {"only_if_shockable", FieldType::kBoolean, "", 0, 1, 0, 0, kNone,
     "AED mode: no shock unless the rhythm is VF or VT"},
};
constexpr FieldSpec kCardioversion[] = {
    {"energy_J", FieldType::kNumber, "J", 1, 360, kNoDefault, kRequired, kNone,
     "energy, delivered on the next R wave (within 3 s)"},
    {"waveform", FieldType::kEnum, "", 0, last(kShockWaveforms), 0, 0, names(kShockWaveforms),
     "shock waveform"},
};
constexpr FieldSpec kPacingStart[] = {
    {"rate_per_min", FieldType::kNumber, "/min", 30, 180, 70, kZeroIsDefault, kNone,
     "pacing rate (demand mode)"},
    {"current_mA", FieldType::kNumber, "mA", 0, 200, 70, 0, kNone,
     "transcutaneous pacing current; it captures above the patient's threshold"},
};
constexpr FieldSpec kCprStart[] = {
    {"rate_per_min", FieldType::kNumber, "/min", 30, 250, 110, kZeroIsDefault, kNone,
     "compression rate"},
    {"depth_mm", FieldType::kNumber, "mm", 0, 100, 55, kZeroIsDefault, kNone, "compression depth"},
    {"duty_cycle", FieldType::kNumber, "", 0.2, 0.8, 0.5, kZeroIsDefault, kNone,
     "compression share of each cycle"},
    {"leaning_mm", FieldType::kNumber, "mm", 0, 30, 0, 0, kNone,
     "residual depth between compressions (incomplete recoil)"},
    {"compressions_per_cycle", FieldType::kInteger, "", 0, 100, 0, 0, kNone,
     "0: continuous; else compressions before each pause (30 for 30:2)"},
    {"breaths_per_pause", FieldType::kInteger, "", 0, 4, 0, 0, kNone,
     "breaths the rescuer gives in each pause (2 for 30:2)"},
    {"pause_s", FieldType::kNumber, "s", 0, 60, 0, 0, kNone,
     "hands-off pause after each cycle; 0 with breaths: 2.5 s per breath"},
    {"tidal_volume_mL", FieldType::kNumber, "mL", 0, 3000, 0, 0, kNone,
     "volume of each pause breath; 0 with breaths: 500 mL"},
};
constexpr FieldSpec kAirway[] = {
    {"airway", FieldType::kEnum, "", 0, last(resp::kAirwayNames), kNoDefault, kRequired,
     names(resp::kAirwayNames),
     "the device placed (none removes it)"},
};
constexpr uint32_t kAutomaticModes = (1u << 2) | (1u << 3);  // bag_rate, ventilator
constexpr FieldSpec kVentilation[] = {
    {"mode", FieldType::kEnum, "", 0, last(resp::kVentModeNames), kNoDefault, kRequired,
     names(resp::kVentModeNames),
     "none; manual (breaths as given); bag_rate (a rescuer bagging); ventilator", "vent_mode"},
    {"rate_per_min", FieldType::kNumber, "/min", 4, 60, kNoDefault, kRequired, kNone,
     "breaths per minute", nullptr, 0, kAutomaticModes},
    {"tidal_volume_mL", FieldType::kNumber, "mL", 1, 3000, 500, kZeroIsDefault, kNone,
     "volume delivered per breath", nullptr, 0, kAutomaticModes},
    {"inspiratory_time_s", FieldType::kNumber, "s", 0.3, 3, 1, kZeroIsDefault, kNone,
     "inspiratory time, at most 80% of the breath period", nullptr, 0, kAutomaticModes},
    {"peep_cmH2O", FieldType::kNumber, "cmH2O", 0, 30, 0, 0, kNone,
     "positive end-expiratory pressure", nullptr, 0, kAutomaticModes},
};
constexpr FieldSpec kBreath[] = {
    {"tidal_volume_mL", FieldType::kNumber, "mL", 1, 3000, 500, kZeroIsDefault, kNone,
     "volume of the bag breath"},
    {"inspiratory_time_s", FieldType::kNumber, "s", 0.3, 3, 1, kZeroIsDefault, kNone,
     "inspiratory time"},
};
constexpr FieldSpec kOxygen[] = {
    {"fio2", FieldType::kNumber, "", 0.05, 1, kNoDefault, kRequired, kNone,
     "inspired O2 fraction of the gas breathed or ventilated (below 0.21: a hypoxic mixture, "
     "altitude, a fire, an inert-gas leak)"},
};
constexpr AliasChoice kOxygenSources[] = {
    {"room_air", 0.21},   {"nasal_cannula", 0.32},    {"face_mask", 0.5},
    {"non_rebreather", 0.8}, {"bag_no_reservoir", 0.5}, {"bag_reservoir", 0.95}};
constexpr AliasSpec kOxygenAliases[] = {
    {"source", 0, kOxygenSources, "an O2 source instead of fio2: its typical FiO2"}};
constexpr FieldSpec kSpontaneousBreathing[] = {
    {"enabled", FieldType::kBoolean, "", 0, 1, kNoDefault, kRequired, kNone,
     "false: paralysed or sedated (apnoea); true: the patient's own drive"},
};

constexpr FieldSpec kDrug[] = {
    {"drug", FieldType::kEnum, "", 0, last(pharm::kDrugNames), kNoDefault, kRequired,
     names(pharm::kDrugNames), "the drug (resus info lists each with its preparation and usual dose)"},
    {"dose", FieldType::kNumber, "", 0, 1e6, 0, kZeroIsDefault, kNone,
     "amount in `unit`; 0 or absent: the drug's usual adult dose"},
    {"unit", FieldType::kEnum, "", 0, last(pharm::kDoseUnitNames), 0, 0,
     names(pharm::kDoseUnitNames),
     "mg, ug, mmol, units, mg_kg, or mL of the standard preparation; default: the drug's own"},
    {"route", FieldType::kEnum, "", 0, last(pharm::kRouteNames), 0, 0, names(pharm::kRouteNames),
     "where the dose goes in"},
    {"flush_mL", FieldType::kNumber, "mL", 0, 1000, 0, 0, kNone,
     "saline pushed behind a peripheral or intraosseous dose"},
};
constexpr FieldSpec kInfusion[] = {
    {"drug", FieldType::kEnum, "", 0, last(pharm::kDrugNames), kNoDefault, kRequired,
     names(pharm::kDrugNames), "the drug"},
    {"rate", FieldType::kNumber, "", 0, 1e6, kNoDefault, kRequired | kMinExclusive, kNone,
     "rate in `unit`"},
    {"unit", FieldType::kEnum, "", 0, last(pharm::kRateUnitNames), 0, 0,
     names(pharm::kRateUnitNames), "ug_kg_min, ug_min, mg_min, mg_h, units_min, units_h, mmol_h"},
    {"route", FieldType::kEnum, "", 0, last(pharm::kRouteNames), 1, 0, names(pharm::kRouteNames),
     "where it runs in (a central line by default)"},
};
constexpr FieldSpec kInfusionStop[] = {
    {"drug", FieldType::kEnum, "", 0, last(pharm::kDrugNames), kNoDefault, kRequired,
     names(pharm::kDrugNames), "the drug whose infusion stops"},
};

constexpr uint32_t kChemistryConditions = 0b00111;
constexpr uint32_t kAcidLoadOnly = 0b00100;
constexpr uint32_t kThoraxConditions = 0b11000;
constexpr uint32_t kTamponadeOnly = 0b01000;
constexpr uint32_t kPneumothoraxOnly = 0b10000;
constexpr uint32_t kEmbolismOnly = 0b0100000;
constexpr uint32_t kOcclusionOnly = 0b1000000;
constexpr uint32_t kObstructionOnly = 0b10000000;
constexpr uint32_t kHaemothoraxOnly = 0b100000000;
constexpr FieldSpec kCondition[] = {
    {"condition", FieldType::kEnum, "", 0, last(kConditionNames), kNoDefault, kRequired,
     names(kConditionNames),
     "hyperkalaemia (a potassium intake), hypokalaemia (a loss), acid_load (a strong acid), "
     "tamponade (fluid into the pericardium), tension_pneumothorax (air into a pleural space "
     "through a one-way leak), pulmonary_embolism (a clot in the pulmonary bed), "
     "coronary_occlusion (a clot in a coronary artery), airway_obstruction (the upper airway "
     "narrowed or closed; a tracheal tube passes it), haemothorax (blood into a pleural space "
     "from the aorta)"},
    {"rate_mmol_h", FieldType::kNumber, "mmol/h", 0, 2000, 0, kZeroIsDefault | kMinExclusive,
     kNone, "potassium in or out, or acid in; 0: 20 mmol/h for potassium, 600 for acid", nullptr,
     0, kChemistryConditions},
    {"amount_mmol", FieldType::kNumber, "mmol", 0, 2000, 0, 0, kNone,
     "the amount of acid to give, then it stops; 0: until stopped", nullptr, 0, kAcidLoadOnly},
    {"rate_mL_min", FieldType::kNumber, "mL/min", 0, 2000, 0, kZeroIsDefault | kMinExclusive,
     kNone,
     "tamponade: the source's rate while the pressure allows (0: 50); tension_pneumothorax: the "
     "air admitted per minute of normal breathing (0: 200); haemothorax: the bleeding rate while "
     "the pressure allows (0: 100)",
     nullptr, 0, kThoraxConditions | kHaemothoraxOnly},
    {"volume_mL", FieldType::kNumber, "mL", 0, 3000, 0, 0, kNone,
     "tamponade or haemothorax: the volume after which the source stops (0: until stopped); "
     "chronic tamponade: the volume already there", nullptr, 0, kTamponadeOnly | kHaemothoraxOnly},
    {"source", FieldType::kEnum, "", 0, last(thorax::kFluidSourceNames), 0, 0,
     names(thorax::kFluidSourceNames),
     "tamponade: effusion (against the venous pressure) or blood (against the aortic, taken from "
     "the circulation)", nullptr, 0, kTamponadeOnly},
    {"chronic", FieldType::kBoolean, "", 0, 1, 0, 0, kNone,
     "tamponade: volume_mL has built up over weeks in a pericardium stretched to hold most of it",
     nullptr, 0, kTamponadeOnly},
    {"side", FieldType::kEnum, "", 0, last(thorax::kSideNames), 0, 0, names(thorax::kSideNames),
     "tension_pneumothorax or haemothorax: left, right or both", nullptr, 0,
     kPneumothoraxOnly | kHaemothoraxOnly},
    {"obstruction", FieldType::kNumber, "", 0, 0.95, 0.5, kZeroIsDefault | kMinExclusive, kNone,
     "pulmonary_embolism: the share of the open pulmonary bed the clot closes", nullptr, 0,
     kEmbolismOnly},
    {"territory", FieldType::kEnum, "", 0, last(thrombosis::kTerritoryNames), 0, 0,
     names(thrombosis::kTerritoryNames),
     "coronary_occlusion: lad (anterior), lcx (lateral) or rca (inferior, and most of the RV)",
     nullptr, 0, kOcclusionOnly},
    {"severity", FieldType::kNumber, "", 0, 1, 1, kZeroIsDefault | kMinExclusive, kNone,
     "airway_obstruction: how much of the airway is closed (1: completely)", nullptr, 0,
     kObstructionOnly},
};
constexpr FieldSpec kConditionStop[] = {
    {"condition", FieldType::kEnum, "", 0, last(kConditionNames), kNoDefault, kRequired,
     names(kConditionNames), "the condition whose source stops (what it left stays)"},
};
constexpr const char* kLabSites[] = {"arterial", "venous"};
constexpr FieldSpec kBloodGas[] = {
    {"site", FieldType::kEnum, "", 0, last(kLabSites), 0, 0, names(kLabSites),
     "arterial, or mixed venous (a central line)"},
    {"analyser_delay_s", FieldType::kNumber, "s", 0, 3600, 90, 0, kNone,
     "time until the result shows (lab_* signals and a lab_result event)"},
};
constexpr FieldSpec kDialysis[] = {
    {"rate_mL_min", FieldType::kNumber, "mL/min", 0, 500, kNoDefault, kRequired, kNone,
     "blood flow through the dialyser (200-300 usual); 0 stops the run"},
    {"potassium_mmol_L", FieldType::kNumber, "mmol/L", 0, 5, 2, 0, kNone,
     "the bath's potassium (2 usual for hyperkalaemia; 0-1 removes it faster)"},
    {"bicarbonate_mmol_L", FieldType::kNumber, "mmol/L", 20, 40, 35, 0, kNone,
     "the bath's bicarbonate"},
};

constexpr FieldSpec kEnvironment[] = {
    {"temperature_C", FieldType::kNumber, "C", -30, 50, kNoDefault, kRequired, kNone,
     "temperature of the air or water around the body"},
    {"medium", FieldType::kEnum, "", 0, last(thermal::kMediumNames), 0, 0,
     names(thermal::kMediumNames), "air, or water (immersion)"},
    {"wind_m_s", FieldType::kNumber, "m/s", 0, 40, 0, 0, kNone, "wind speed (air)"},
    {"wet", FieldType::kBoolean, "", 0, 1, 0, 0, kNone, "a wet body or clothes (air)"},
};
constexpr FieldSpec kTemperatureControl[] = {
    {"device", FieldType::kEnum, "", 0, last(thermal::kDeviceNames), kNoDefault, kRequired,
     names(thermal::kDeviceNames),
     "none (stops), blanket (insulation), forced_air, surface_pads, intravascular, ecls"},
    {"target_C", FieldType::kNumber, "C", 28, 40, 36, 0, kNone,
     "core temperature the device's servo aims for (TTM 32-36, fever prevention 37.5)"},
    {"suppress_shivering", FieldType::kBoolean, "", 0, 1, 1, 0, kNone,
     "the sedation and paralysis of a temperature-control protocol; false: an awake patient "
     "shivers against the device"},
};

constexpr FieldSpec kPericardiocentesis[] = {
    {"volume_mL", FieldType::kNumber, "mL", 0, 3000, 60, kZeroIsDefault, kNone,
     "volume to aspirate (a syringe: 60); less comes if the pericardium runs dry"},
    {"rate_mL_min", FieldType::kNumber, "mL/min", 1, 2000, 600, kZeroIsDefault, kNone,
     "how fast the syringe or catheter draws"},
    {"leave_drain", FieldType::kBoolean, "", 0, 1, 0, 0, kNone,
     "a catheter left in place keeps draining what collects, at rate_mL_min"},
};
constexpr FieldSpec kNeedleDecompression[] = {
    {"side", FieldType::kEnum, "", 0, last(thorax::kSideNames), kNoDefault, kRequired,
     names(thorax::kSideNames), "left, right or both"},
    {"catheter_mm", FieldType::kNumber, "mm", 10, 150, 50, kZeroIsDefault, kNone,
     "catheter length; one shorter than the chest wall at the site never reaches the pleura"},
    {"site", FieldType::kEnum, "", 0, last(thorax::kNeedleSiteNames), 0, 0,
     names(thorax::kNeedleSiteNames),
     "2nd_ics_mcl (2nd intercostal space, mid-clavicular line: chest_wall_mm) or 5th_ics_aal "
     "(4th-5th space, anterior axillary line: thinner by lateral_chest_wall_offset_mm)"},
};
constexpr FieldSpec kThoracostomy[] = {
    {"side", FieldType::kEnum, "", 0, last(thorax::kSideNames), kNoDefault, kRequired,
     names(thorax::kSideNames), "left, right or both"},
    {"kind", FieldType::kEnum, "", 0, last(thorax::kThoracostomyNames), 1, 0,
     names(thorax::kThoracostomyNames),
     "finger (an open wound the breaths re-expand the lung through) or tube (a drain on suction)"},
};

// Rules across fields (engine/actions.cpp).
void finish_hemorrhage(Action& a);
void finish_drug(Action& a);
void finish_infusion(Action& a);
void finish_cpr(Action& a);
void finish_ventilation(Action& a);
// A condition goes to the model that owns it (`condition` is field 0 of both kinds).
constexpr Stage route_condition(const Action& a) {
  if (a.values[0] == kAirwayObstructionCondition) return Stage::kBreathing;
  if (a.values[0] == kHaemothoraxCondition) return Stage::kThorax;
  if (a.values[0] >= kFirstThrombosisCondition) return Stage::kThrombosis;
  return a.values[0] >= kFirstThoraxCondition ? Stage::kThorax : Stage::kChemistry;
}

constexpr ActionSpec kRows[] = {
    {ActionKind::kHemorrhage, "hemorrhage", Stage::kCirculation,
     "bleeding at a rate, for a volume or until stopped; replaces a running hemorrhage",
     kHemorrhage, {}, finish_hemorrhage, "rate_mL_min or volume_mL must be above 0"},
    {ActionKind::kHemorrhageStop, "hemorrhage_stop", Stage::kCirculation,
     "stops a running hemorrhage", {}, {}, nullptr, ""},
    {ActionKind::kFluidBolus, "fluid_bolus", Stage::kCirculation,
     "a crystalloid bolus into a vein; boluses overlap", kFluidBolus, {}, nullptr, ""},
    {ActionKind::kRhythm, "rhythm", Stage::kHeart, "sets the heart's rhythm", kRhythm, {}, nullptr,
     ""},
    {ActionKind::kShock, "shock", Stage::kHeart, "unsynchronised defibrillation", kShock, {},
     nullptr, ""},
    {ActionKind::kCardioversion, "cardioversion", Stage::kHeart,
     "synchronised cardioversion, on the next R wave", kCardioversion, {}, nullptr, ""},
    {ActionKind::kPacingStart, "pacing_start", Stage::kHeart,
     "transcutaneous pacing in demand mode; replaces running settings", kPacingStart, {}, nullptr,
     ""},
    {ActionKind::kPacingStop, "pacing_stop", Stage::kHeart, "stops pacing", {}, {}, nullptr, ""},
    {ActionKind::kCprStart, "cpr_start", Stage::kCompressions,
     "a rescuer's chest compressions (and pause breaths); updates a running CPR", kCprStart, {},
     finish_cpr, "leaning_mm may not exceed depth_mm"},
    {ActionKind::kCprStop, "cpr_stop", Stage::kCompressions, "stops compressions", {}, {},
     nullptr, ""},
    {ActionKind::kAirway, "airway", Stage::kBreathing, "places an airway device", kAirway, {},
     nullptr, ""},
    {ActionKind::kVentilation, "ventilation", Stage::kBreathing,
     "how the patient is ventilated; rate and volumes apply to bag_rate and ventilator",
     kVentilation, {}, finish_ventilation,
     "inspiratory_time_s at most 80% of the breath period 60/rate_per_min"},
    {ActionKind::kBreath, "breath", Stage::kBreathing,
     "one bag breath through the airway device (any mode but ventilator)", kBreath, {}, nullptr,
     ""},
    {ActionKind::kOxygen, "oxygen", Stage::kBreathing, "the O2 the patient breathes", kOxygen,
     kOxygenAliases, nullptr, ""},
    {ActionKind::kSpontaneousBreathing, "spontaneous_breathing", Stage::kBreathing,
     "the patient's own breathing on or off", kSpontaneousBreathing, {}, nullptr, ""},
    {ActionKind::kDrug, "drug", Stage::kPharmacology,
     "a bolus of a drug by a route, optionally flushed", kDrug, {}, finish_drug,
     "the unit must be one of the drug's (mmol needs a molar mass, units a unit size); the dose "
     "may not exceed the drug's ceiling (resus info)"},
    {ActionKind::kInfusion, "infusion", Stage::kPharmacology,
     "a continuous infusion of a drug; replaces that drug's running infusion", kInfusion, {},
     finish_infusion, "the unit must be one of the drug's; the rate may not exceed its ceiling"},
    {ActionKind::kInfusionStop, "infusion_stop", Stage::kPharmacology,
     "stops a drug's infusion", kInfusionStop, {}, nullptr, ""},
    {ActionKind::kCondition, "condition", Stage::kChemistry,
     "starts a condition's source; replaces that condition's running source", kCondition, {},
     nullptr, "", route_condition},
    {ActionKind::kConditionStop, "condition_stop", Stage::kChemistry,
     "stops a condition's source; what it left stays until treated", kConditionStop, {},
     nullptr, "", route_condition},
    {ActionKind::kBloodGas, "blood_gas", Stage::kChemistry,
     "draws a blood gas; the analyser shows it after a delay", kBloodGas, {}, nullptr, ""},
    {ActionKind::kEnvironment, "environment", Stage::kThermal,
     "the air or water around the body", kEnvironment, {}, nullptr, ""},
    {ActionKind::kTemperatureControl, "temperature_control", Stage::kThermal,
     "a warming or cooling device with a servo to a core target; replaces the running one",
     kTemperatureControl, {}, nullptr, ""},
    {ActionKind::kPericardiocentesis, "pericardiocentesis", Stage::kThorax,
     "drains the pericardium by needle or catheter", kPericardiocentesis, {}, nullptr, ""},
    {ActionKind::kNeedleDecompression, "needle_decompression", Stage::kThorax,
     "a catheter into the pleural space; lets air out while it stays open (it can kink, block "
     "or dislodge: a needle_failed event)",
     kNeedleDecompression, {}, nullptr, ""},
    {ActionKind::kThoracostomy, "thoracostomy", Stage::kThorax,
     "opens the pleural space (finger or chest tube): the air leaves and the lung re-expands",
     kThoracostomy, {}, nullptr, ""},
    {ActionKind::kEmbolectomy, "embolectomy", Stage::kThrombosis,
     "removes the pulmonary clot (surgery or catheter), all but a tenth", {}, {}, nullptr, ""},
    {ActionKind::kReperfusion, "reperfusion", Stage::kThrombosis,
     "opens the occluded coronary arteries (PCI); the ischaemia then fades", {}, {}, nullptr, ""},
    {ActionKind::kFluid, "fluid", Stage::kCirculation,
     "a fluid or blood product into a vein: what it carries (cells, protein) dilutes or restores "
     "the blood; fluids overlap",
     kFluid, {}, nullptr, ""},
    {ActionKind::kDialysis, "dialysis", Stage::kChemistry,
     "intermittent haemodialysis from a central venous catheter: potassium, lactate and the "
     "other small solutes toward the bath's, bicarbonate in; replaces the running one",
     kDialysis, {}, nullptr, ""},
};

}  // namespace action_table

// Every kind's row, in kind order (kind k at index k - 1).
constexpr std::span<const ActionSpec> action_registry() { return action_table::kRows; }

// The row of a kind, or null for a kind outside the table.
constexpr const ActionSpec* find_action(ActionKind kind) {
  const auto k = static_cast<int64_t>(kind);  // any int32 a host passes, without overflow
  return k >= 1 && k <= static_cast<int64_t>(action_registry().size())
             ? &action_registry()[static_cast<std::size_t>(k - 1)]
             : nullptr;
}

// A field's index in its kind's row, at compile time.
consteval int field_index(ActionKind kind, std::string_view name) {
  const ActionSpec* spec = find_action(kind);
  if (!spec) throw "no such action kind";
  for (std::size_t i = 0; i < spec->fields.size(); ++i)
    if (std::string_view(spec->fields[i].name) == name) return static_cast<int>(i);
  throw "no such field";  // not a constant expression: a misspelt name does not compile
}

}  // namespace resus
