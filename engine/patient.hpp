// A patient definition compiled into parameters: the reference adult at a body mass, a preset's
// overrides, then the caller's overrides by name. Every parameter of every model is reachable by
// name: each model lists its own (models/*/params), and the registry here concatenates the
// lists behind the patient's own (body mass, blood volume, resting rate).
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "models/autonomic/baroreflex.hpp"
#include "models/blood/blood.hpp"
#include "models/chemistry/chemistry.hpp"
#include "models/thermal/thermal.hpp"
#include "models/thorax/thorax.hpp"
#include "models/thrombosis/thrombosis.hpp"
#include "models/fluids/fluids.hpp"
#include "models/brain/brain.hpp"
#include "models/inflammation/inflammation.hpp"
#include "models/pharmacology/pharmacology.hpp"
#include "models/cardiovascular/circulation_params.hpp"
#include "models/cpr/compression.hpp"
#include "models/cpr/pulse.hpp"
#include "models/cpr/quality.hpp"
#include "models/ecg/ecg.hpp"
#include "models/electrophysiology/conduction.hpp"
#include "models/electrophysiology/myocardium.hpp"
#include "models/respiration/params.hpp"

namespace resus {

struct PatientParams {
  double body_mass_kg;
  double metabolic_mass_kg;    // the body mass a preset of this resting energy expenditure has
                               // (Mifflin 1990): heart, vessels, lungs and O2 use scale with it
  double blood_volume_mL;      // total blood volume the sim starts with
  double heart_rate_set_bpm;   // resting sinus rate, which the reflex holds at rest
  double age_years;            // shifts other models' parameters (models/ageing)
  double height_cm;            // given, it sets the blood volume (Nadler), the metabolic mass
                               // (Mifflin) and the skin's area (Du Bois)
  cv::CirculationParams circulation;
  autonomic::BaroreflexParams baroreflex;
  ep::ConductionParams conduction;
  ep::MyocardiumParams myocardium;
  ecg::EcgParams ecg;
  cpr::CompressionParams compression;  // chest mechanics under compression (models/cpr)
  cpr::QualityParams cpr_quality;      // the CPR-feedback meter's thresholds
  cpr::PulseParams pulse;              // palpation thresholds
  resp::RespParams respiration;        // lungs, airway devices, control of breathing
  pharm::PharmParams pharmacology;     // drug transport sites, tissues, the body's own hormones
  blood::BloodParams blood;            // haemoglobin, gas chemistry, tissue stores, metabolism
  chem::ChemParams chemistry;          // acid-base, lactate, potassium and the other solutes
  thermal::ThermalParams thermal;      // core and shell temperature, heat exchange, devices
  thorax::ThoraxParams thorax;         // pericardial fluid and pleural air, their sources and vents
  thrombosis::ThrombosisParams thrombosis;  // pulmonary and coronary clots, lysis, ischaemia
  fluids::FluidsParams fluids;        // transcapillary exchange, the blood's cells and proteins
  brain::BrainParams brain;           // cerebral O2, consciousness, pupils, ischaemia index
  inflammation::InflammationParams inflammation;  // post-arrest vasoplegia
};

// One parameter of the registry: a model's (or the patient's) parameter and where it sits.
struct ParamInfo {
  const char* name;
  const char* unit;
  double min, max;  // valid range, inclusive
  const char* description;
  const char* model;  // "patient", "cardiovascular", "autonomic", ...
  const void* spec;   // the model's ParamSpec
  double& (*get)(PatientParams&, const void* spec);
  double& ref(PatientParams& p) const { return get(p, spec); }
};

// The registry: the patient's parameters, then each model's, in a stable order within a build
// (look parameters up by name: the order is not part of the ABI).
std::span<const ParamInfo> param_registry();
const ParamInfo* find_param(std::string_view name);

struct PresetInfo {
  const char* name;
  const char* description;
};
std::span<const PresetInfo> preset_registry();

struct PatientDef {
  std::string preset = "adult_male_70kg";
  std::vector<std::pair<std::string, double>> overrides;
  // Factors on the preset's values at the patient's mass and age (a comorbidity's shifts),
  // applied before the overrides; a parameter scaled twice takes both factors.
  std::vector<std::pair<std::string, double>> scales;
};

// The range a factor in PatientDef::scales must lie in.
inline constexpr double kMinScale = 0.01, kMaxScale = 100.0;

// Builds parameters from a definition. Throws resus::Error naming the field, value and range.
PatientParams make_patient(const PatientDef& def);

// Parses {"preset": "...", "overrides": {"name": value, ...}, "scales": {"name": factor, ...}}.
// Throws resus::Error with the JSON path of a bad field.
PatientDef parse_patient_json(std::string_view json);

}  // namespace resus
