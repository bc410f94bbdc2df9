#include "engine/patient.hpp"

#include <array>
#include <cmath>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/json_input.hpp"
#include "engine/status.hpp"
#include "models/ageing/ageing.hpp"
#include "models/common/units.hpp"

namespace resus {
namespace {

// The reference adult at a body mass: each model's reference values (sources in its README),
// scaled where the model scales. What holds mass (blood, drugs' tissues, heat) scales with the
// body mass; what works for the body's metabolism (heart and vessels, lungs, O2 use, the
// solutes' spaces) with the metabolic mass, the mass a reference body of the same resting energy
// expenditure would have (make_patient; equal to the body mass for a preset at its own mass).
PatientParams reference_adult(double mass_kg, double metabolic_mass_kg) {
  const double s = metabolic_mass_kg / 70.0;
  PatientParams p{};
  p.body_mass_kg = mass_kg;
  p.metabolic_mass_kg = metabolic_mass_kg;
  p.blood_volume_mL = 70.0 * mass_kg;  // 70 mL/kg (ATLS; physiology B.1 row 11)
  p.heart_rate_set_bpm = 72.0;
  p.age_years = ageing::kReferenceAge;
  p.circulation = cv::reference_circulation();
  cv::scale_to_mass(p.circulation, s);
  p.baroreflex = autonomic::reference_baroreflex();
  autonomic::scale_to_mass(p.baroreflex, s);
  p.conduction = ep::reference_conduction();
  p.myocardium = ep::reference_myocardium();
  p.ecg = ecg::default_ecg_params();
  p.compression = cpr::reference_compression();
  p.cpr_quality = cpr::QualityParams{};
  p.pulse = cpr::default_pulse_params();
  p.respiration = resp::default_resp_params(metabolic_mass_kg);
  p.blood = blood::default_blood_params(metabolic_mass_kg, 15.0);
  p.pharmacology = pharm::default_pharm_params(mass_kg);
  p.chemistry = chem::default_chem_params(metabolic_mass_kg);
  p.thermal = thermal::default_thermal_params(mass_kg);
  p.thorax = thorax::default_thorax_params(metabolic_mass_kg, p.respiration.frc_mL,
                                           p.respiration.lung_compliance_mL_cmH2O * kCmH2OPerMmHg,
                                           p.circulation.pericardial_fluid_mL);
  p.thrombosis = thrombosis::default_thrombosis_params();
  p.fluids = fluids::default_fluids_params();
  p.brain = brain::default_brain_params();
  p.inflammation = inflammation::default_inflammation_params();
  return p;
}

// A preset is the reference adult at its mass with overrides by name: a value, a factor on the
// mass-scaled value, or an amount per kg, so that a preset scales with an overridden mass.
enum class Op { kSet, kScale, kPerKg };
struct PresetOverride {
  const char* param;
  Op op;
  double value;
};

constexpr PresetOverride kMale[] = {
    {"hemoglobin_g_dL", Op::kSet, 15.0},  // Hb 13.5-17.5 g/dL in men
};

// Adult female: 65 mL/kg of blood (ATLS) held in vessels scaled alike (unstressed volumes x
// 65/70, so the stressed share is the man's), a faster resting rate, and systemic arterioles 15%
// below the mass-scaled man's (women's lower resting MAP), calibrated once against physiology
// B.1 rows 3, 4 and 10, then frozen.
constexpr double kFemaleVolume = 65.0 / 70.0;
// The vessels' unstressed volumes, where a body's blood beyond (or short of) what its vessels were
// built for sits (make_patient), so that its stressed volume, and its resting pressures, stay the
// preset's.
constexpr const char* kUnstressedVolumes[] = {
    "aorta_unstressed_mL",          "arteries_unstressed_mL",
    "splanchnic_veins_unstressed_mL", "extrasplanchnic_veins_unstressed_mL",
    "jugular_veins_unstressed_mL",  "thoracic_veins_unstressed_mL",
    "pulmonary_arteries_unstressed_mL", "pulmonary_veins_unstressed_mL"};
constexpr PresetOverride kFemale[] = {
    {"aorta_unstressed_mL", Op::kScale, kFemaleVolume},
    {"arteries_unstressed_mL", Op::kScale, kFemaleVolume},
    {"splanchnic_veins_unstressed_mL", Op::kScale, kFemaleVolume},
    {"extrasplanchnic_veins_unstressed_mL", Op::kScale, kFemaleVolume},
    {"jugular_veins_unstressed_mL", Op::kScale, kFemaleVolume},
    {"thoracic_veins_unstressed_mL", Op::kScale, kFemaleVolume},
    {"pulmonary_arteries_unstressed_mL", Op::kScale, kFemaleVolume},
    {"pulmonary_veins_unstressed_mL", Op::kScale, kFemaleVolume},
    {"blood_volume_mL", Op::kPerKg, 65.0},
    {"splanchnic_resistance_mmHg_s_per_mL", Op::kScale, 0.85},
    {"extrasplanchnic_resistance_mmHg_s_per_mL", Op::kScale, 0.85},
    {"heart_rate_set_bpm", Op::kSet, 78.0},
    {"hemoglobin_g_dL", Op::kSet, 13.5},  // Hb 12-15.5 g/dL in women
    {"chest_wall_mm", Op::kSet, 49.0},    // Givens 2004: 4.90 cm in women, 4.16 in men
};

// Nadler, Hidalgo and Bloch 1962 (Surgery 51:224): blood volume (L) = a H^3 + b W + c, height H in
// m and mass W in kg, fitted by sex on 100 adults (I-131 albumin and Cr-51 red cells).
struct Nadler {
  double a, b, c;
  double blood_volume_mL(double height_cm, double mass_kg) const {
    const double h = height_cm / 100.0;
    return 1000.0 * (a * h * h * h + b * mass_kg + c);
  }
};
constexpr Nadler kNadlerMen{0.3669, 0.03219, 0.6041};
constexpr double kMinHeight_cm = 120.0;  // the shortest a height may be given
constexpr Nadler kNadlerWomen{0.3561, 0.03308, 0.1833};

// Pairs of thresholds whose hysteresis or interpolation needs the first below the second: a
// patient that reverses them is refused, not run with a band that never (or always) switches.
struct OrderedPair {
  const char* lower;
  const char* upper;
};
constexpr OrderedPair kOrderedPairs[] = {
    {"pea_enter_energy", "pea_exit_energy"},
    {"reperfusion_low_ratio", "reperfusion_high_ratio"},
    {"cold_af_onset_C", "cold_af_rewarmed_C"},
    {"baro_f_min", "baro_f_max"},  // reversed, the baroreflex would answer a fall with a fall
};

// Mifflin and St Jeor 1990 (Am J Clin Nutr 51:241): resting energy expenditure (kcal/day) =
// 10 W + 6.25 H - 5 A + 5 for men, - 161 for women (W kg, H cm, A years; 498 adults, lean and
// obese), the equation models/ageing already takes for age. Here at the presets' age, which
// models/ageing then shifts.
struct Mifflin {
  double sex_kcal;
  double reference_height_cm;  // the preset's height when none is given
  double ree_kcal_day(double mass_kg, double height_cm) const {
    return 10.0 * mass_kg + 6.25 * height_cm - 5.0 * ageing::kReferenceAge + sex_kcal;
  }
};

// Du Bois and Du Bois 1916: body surface area (m2) = 0.007184 W^0.425 H^0.725 (W kg, H cm).
double du_bois_m2(double mass_kg, double height_cm) {
  return 0.007184 * std::pow(mass_kg, 0.425) * std::pow(height_cm, 0.725);
}

struct Preset {
  PresetInfo info;
  double default_mass_kg;
  Nadler nadler;  // the blood volume by height, when a height is given
  Mifflin mifflin;
  std::span<const PresetOverride> overrides;
  // The mass whose isometric scaling of the preset matches this body's resting energy
  // expenditure: a 140 kg man of 175 cm spends 1.43 times a 70 kg man's, not twice.
  double metabolic_mass_kg(double mass_kg, double height_cm) const {
    const double h = height_cm > 0.0 ? height_cm : mifflin.reference_height_cm;
    return default_mass_kg * mifflin.ree_kcal_day(mass_kg, h) /
           mifflin.ree_kcal_day(default_mass_kg, mifflin.reference_height_cm);
  }
};

constexpr Preset kPresets[] = {
    {{"adult_male_70kg", "healthy adult man, 70 kg, supine at rest"}, 70.0, kNadlerMen, {5.0, 175.0}, kMale},
    {{"adult_female_60kg", "healthy adult woman, 60 kg, supine at rest"}, 60.0, kNadlerWomen, {-161.0, 161.0}, kFemale},
};

// Body mass, age and height are inputs of the preset: set before it is built, never scaled.
bool is_preset_input(std::string_view name) {
  return name == "body_mass_kg" || name == "age_years" || name == "height_cm";
}

// ---- the registry ------------------------------------------------------------------------------

#define RESUS_PATIENT(f) RESUS_FIELD(PatientParams, f)
constexpr ParamSpec<PatientParams> kPatient[] = {
    {"body_mass_kg", "kg", 30, 140, "body mass; rescales the preset: blood, drugs' tissues and heat capacity with it, heart, vessels, lungs and O2 use with the resting energy expenditure it gives (Mifflin 1990)", RESUS_PATIENT(body_mass_kg)},
    {"blood_volume_mL", "mL", 1500, 10000, "total blood volume at start", RESUS_PATIENT(blood_volume_mL)},
    {"heart_rate_set_bpm", "1/min", 30, 180, "resting sinus rate held by the reflex", RESUS_PATIENT(heart_rate_set_bpm)},
    {"age_years", "years", 18, 100, "age; shifts the preset's 35-year-old (models/ageing), as body mass does", RESUS_PATIENT(age_years)},
    {"height_cm", "cm", 0, 220, "height, 120-220; given, it sets the blood volume with body mass and sex (Nadler 1962) instead of the preset's mL/kg, and the resting energy expenditure with them (Mifflin 1990); 0 (the default) for none", RESUS_PATIENT(height_cm)},
};
#undef RESUS_PATIENT

// A model's parameters in the registry: `Section` finds the model's struct in PatientParams.
template <class P, P& (*Section)(PatientParams&)>
void add_model(std::vector<ParamInfo>& out, const char* model, std::span<const ParamSpec<P>> table) {
  for (const ParamSpec<P>& spec : table)
    out.push_back(ParamInfo{spec.name, spec.unit, spec.min, spec.max, spec.description, model, &spec,
                            [](PatientParams& p, const void* s) -> double& {
                              return static_cast<const ParamSpec<P>*>(s)->ref(Section(p));
                            }});
}

PatientParams& whole(PatientParams& p) { return p; }
cv::CirculationParams& circulation(PatientParams& p) { return p.circulation; }
cpr::CompressionParams& compression(PatientParams& p) { return p.compression; }
ep::ConductionParams& conduction(PatientParams& p) { return p.conduction; }
ep::MyocardiumParams& myocardium(PatientParams& p) { return p.myocardium; }
autonomic::BaroreflexParams& baroreflex(PatientParams& p) { return p.baroreflex; }
resp::RespParams& respiration(PatientParams& p) { return p.respiration; }
blood::BloodParams& blood_params(PatientParams& p) { return p.blood; }
pharm::PharmParams& pharm_params(PatientParams& p) { return p.pharmacology; }
chem::ChemParams& chem_params(PatientParams& p) { return p.chemistry; }
thermal::ThermalParams& thermal_params(PatientParams& p) { return p.thermal; }
thorax::ThoraxParams& thorax_params(PatientParams& p) { return p.thorax; }
thrombosis::ThrombosisParams& thrombosis_params(PatientParams& p) { return p.thrombosis; }
fluids::FluidsParams& fluids_params(PatientParams& p) { return p.fluids; }
brain::BrainParams& brain_params(PatientParams& p) { return p.brain; }
inflammation::InflammationParams& inflammation_params(PatientParams& p) {
  return p.inflammation;
}
ecg::EcgParams& ecg_params(PatientParams& p) { return p.ecg; }
cpr::QualityParams& cpr_quality(PatientParams& p) { return p.cpr_quality; }
cpr::PulseParams& pulse(PatientParams& p) { return p.pulse; }

std::vector<ParamInfo> build_registry() {
  std::vector<ParamInfo> r;
  add_model<PatientParams, whole>(r, "patient", kPatient);
  add_model<cv::CirculationParams, circulation>(r, "cardiovascular", cv::param_table());
  add_model<cpr::CompressionParams, compression>(r, "cpr", cpr::compression_param_table());
  add_model<ep::ConductionParams, conduction>(r, "electrophysiology", ep::conduction_param_table());
  add_model<ep::MyocardiumParams, myocardium>(r, "electrophysiology", ep::myocardium_param_table());
  add_model<autonomic::BaroreflexParams, baroreflex>(r, "autonomic", autonomic::param_table());
  add_model<resp::RespParams, respiration>(r, "respiration", resp::param_table());
  add_model<blood::BloodParams, blood_params>(r, "blood", blood::param_table());
  add_model<pharm::PharmParams, pharm_params>(r, "pharmacology", pharm::param_table());
  add_model<chem::ChemParams, chem_params>(r, "chemistry", chem::param_table());
  add_model<thermal::ThermalParams, thermal_params>(r, "thermal", thermal::param_table());
  add_model<thorax::ThoraxParams, thorax_params>(r, "thorax", thorax::param_table());
  add_model<thrombosis::ThrombosisParams, thrombosis_params>(r, "thrombosis",
                                                             thrombosis::param_table());
  add_model<fluids::FluidsParams, fluids_params>(r, "fluids", fluids::param_table());
  add_model<brain::BrainParams, brain_params>(r, "brain", brain::param_table());
  add_model<inflammation::InflammationParams, inflammation_params>(r, "inflammation",
                                                                   inflammation::param_table());
  add_model<ecg::EcgParams, ecg_params>(r, "ecg", ecg::param_table());
  add_model<cpr::QualityParams, cpr_quality>(r, "cpr", cpr::quality_param_table());
  add_model<cpr::PulseParams, pulse>(r, "cpr", cpr::pulse_param_table());
  return r;
}

std::string format_range_error(const ParamInfo& info, double value) {
  std::ostringstream os;
  os << "parameter '" << info.name << "' = " << value << " " << info.unit
     << " is out of range; valid range is [" << info.min << ", " << info.max << "] "
     << info.unit;
  return os.str();
}

}  // namespace

std::span<const ParamInfo> param_registry() {
  static const std::vector<ParamInfo> registry = build_registry();
  return registry;
}

const ParamInfo* find_param(std::string_view name) {
  for (const ParamInfo& p : param_registry())
    if (name == p.name) return &p;
  return nullptr;
}

std::span<const PresetInfo> preset_registry() {
  static const std::array<PresetInfo, std::size(kPresets)> infos = [] {
    std::array<PresetInfo, std::size(kPresets)> out{};
    for (std::size_t i = 0; i < std::size(kPresets); ++i) out[i] = kPresets[i].info;
    return out;
  }();
  return infos;
}

PatientParams make_patient(const PatientDef& def) {
  const Preset* preset = nullptr;
  for (const Preset& p : kPresets)
    if (def.preset == p.info.name) preset = &p;
  if (!preset) {
    std::string known;
    for (const Preset& p : kPresets) known += std::string(known.empty() ? "" : ", ") + p.info.name;
    throw Error(Status::kUnknownName,
                "unknown preset " + quoted_input(def.preset) + "; known presets: " + known);
  }

  // Body mass, age and height are inputs of the preset; every other override applies to its
  // output.
  double mass = preset->default_mass_kg;
  double age = ageing::kReferenceAge;
  double height = 0.0;  // none given
  for (const auto& [name, value] : def.overrides) {
    const ParamInfo* info = find_param(name);
    if (!info) throw Error(Status::kUnknownName, "unknown parameter " + quoted_input(name) + " (see 'resus info')");
    if (!std::isfinite(value) || value < info->min || value > info->max)
      throw Error(Status::kInvalidArgument, format_range_error(*info, value));
    if (name == "body_mass_kg") mass = value;
    if (name == "age_years") age = value;
    if (name == "height_cm") height = value;
    if (name == "height_cm" && value != 0.0 && value < kMinHeight_cm) {
      std::ostringstream os;
      os << "'height_cm' = " << value << " is out of range; valid range is [" << kMinHeight_cm
         << ", " << info->max << "], or 0 for none";
      throw Error(Status::kInvalidArgument, os.str());
    }
  }
  const double metabolic_mass = preset->metabolic_mass_kg(mass, height);
  PatientParams params = reference_adult(mass, metabolic_mass);
  for (const PresetOverride& o : preset->overrides) {
    double& v = find_param(o.param)->ref(params);
    v = o.op == Op::kSet ? o.value : o.op == Op::kScale ? v * o.value : o.value * mass;
  }
  params.age_years = age;
  params.height_cm = height;
  // The vessels are the metabolic mass's, built for its blood (the preset's mL/kg of it). What
  // the body holds beyond that (the preset's mL/kg of the body mass, or Nadler's volume) sits in
  // their unstressed volumes, in proportion to them, so every build rests at the preset's
  // pressures (what an adult's kidneys regulate is the stressed volume). Before this
  // (2026-12-07) a short heavy patient given a height (Nadler's mL/kg falls with adiposity: 56
  // for 100 kg at 170 cm) started in shock at rest (MAP 61) and a tall light one congested.
  const double built_for_mL = params.blood_volume_mL * metabolic_mass / mass;
  if (height > 0.0) params.blood_volume_mL = preset->nadler.blood_volume_mL(height, mass);
  // The skin that exchanges heat by Du Bois's formula, against the preset's own build, at the
  // preset's height when none is given (as the metabolic mass takes it): a 140 kg man of 175 cm
  // has 2.41 m2 (as mass^2/3 it was 2.86).
  const double skin_height_cm = height > 0.0 ? height : preset->mifflin.reference_height_cm;
  params.thermal.body_surface_m2 =
      thermal::default_thermal_params(preset->default_mass_kg).body_surface_m2 *
      du_bois_m2(mass, skin_height_cm) /
      du_bois_m2(preset->default_mass_kg, preset->mifflin.reference_height_cm);
  if (params.blood_volume_mL != built_for_mL) {
    double unstressed_mL = 0.0;
    for (const char* name : kUnstressedVolumes) unstressed_mL += find_param(name)->ref(params);
    const double r = 1.0 + (params.blood_volume_mL - built_for_mL) / unstressed_mL;
    for (const char* name : kUnstressedVolumes) find_param(name)->ref(params) *= r;
  }
  for (const ageing::Effect& e : ageing::effects()) find_param(e.param)->ref(params) *= ageing::factor(e, age);
  for (const auto& [name, factor] : def.scales) {
    const ParamInfo* info = find_param(name);
    if (!info) throw Error(Status::kUnknownName, "unknown parameter " + quoted_input(name) + " in scales (see 'resus info')");
    if (is_preset_input(name))
      throw Error(Status::kInvalidArgument, "scales: '" + name + "' is an input of the preset; override its value instead");
    if (!std::isfinite(factor) || factor < kMinScale || factor > kMaxScale) {
      std::ostringstream os;
      os << "scales: factor on '" << name << "' = " << factor << " is out of range; valid range is ["
         << kMinScale << ", " << kMaxScale << "]";
      throw Error(Status::kInvalidArgument, os.str());
    }
    info->ref(params) *= factor;
  }
  for (const auto& [name, value] : def.overrides) {
    if (is_preset_input(name)) continue;
    find_param(name)->ref(params) = value;
  }
  // Values one model keeps of another's, after the overrides of either.
  params.thorax.frc_mL = params.respiration.frc_mL;
  params.thorax.lung_compliance_mL_mmHg =
      params.respiration.lung_compliance_mL_cmH2O * kCmH2OPerMmHg;
  params.thorax.normal_pericardial_fluid_mL = params.circulation.pericardial_fluid_mL;
  // Values scaled from the preset must still lie in range.
  for (const ParamInfo& info : param_registry()) {
    const double v = info.ref(params);
    if (!std::isfinite(v) || v < info.min || v > info.max)
      throw Error(Status::kInvalidArgument, format_range_error(info, v) + " after scaling to body mass, age and scales");
  }
  for (const OrderedPair& pair : kOrderedPairs) {
    const double lower = find_param(pair.lower)->ref(params);
    const double upper = find_param(pair.upper)->ref(params);
    if (!(lower < upper)) {
      std::ostringstream os;
      os << "parameter '" << pair.lower << "' = " << lower << " must be below '" << pair.upper
         << "' = " << upper;
      throw Error(Status::kInvalidArgument, os.str());
    }
  }
  return params;
}

namespace {

// patient.<field>: an object of name: number, appended to `out` in the object's order.
void read_named_numbers(const nlohmann::json& value, const std::string& field,
                        std::vector<std::pair<std::string, double>>& out) {
  if (!value.is_object())
    throw Error(Status::kParseError, "patient." + field + ": expected an object of name: number");
  for (const auto& [name, v] : value.items()) {
    if (!v.is_number())
      throw Error(Status::kParseError, "patient." + field + "." + cut_input(name) + ": expected a number");
    out.emplace_back(name, v.get<double>());
  }
}

}  // namespace

PatientDef parse_patient_json(std::string_view text) {
  const nlohmann::json j = parse_json_input(text, "patient");
  if (!j.is_object()) throw Error(Status::kParseError, "patient: expected a JSON object");
  PatientDef def;
  for (const auto& [key, value] : j.items()) {
    if (key == "preset") {
      if (!value.is_string()) throw Error(Status::kParseError, "patient.preset: expected a string");
      def.preset = value.get<std::string>();
    } else if (key == "overrides" || key == "scales") {
      read_named_numbers(value, key, key == "overrides" ? def.overrides : def.scales);
    } else {
      throw Error(Status::kUnknownName, "patient." + cut_input(key) +
                                            ": unknown field (expected 'preset', 'overrides' or 'scales')");
    }
  }
  return def;
}

}  // namespace resus
