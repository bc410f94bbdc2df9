#include "timeline.hpp"

#include <cmath>
#include <string>

#include "events.hpp"
#include "format.hpp"

namespace resus_cli {
namespace {

int32_t find(const char* name) {
  int32_t index = -1;
  resus_signal_find(name, &index);  // a missing signal reads as NaN and prints as "-"
  return index;
}

std::string preset_description(const std::string& preset) {
  for (int32_t i = 0; i < resus_preset_count(); ++i)
    if (preset == resus_preset_name(i)) return resus_preset_description(i);
  return "";
}

}  // namespace

void print_header(std::ostream& out, const Scenario& sc, const resus_model* model) {
  const std::string preset = sc.patient.value("preset", "");
  double age = NAN, mass = NAN, blood = NAN, rate = NAN;
  resus_model_param(model, "age_years", &age);
  resus_model_param(model, "body_mass_kg", &mass);
  resus_model_param(model, "blood_volume_mL", &blood);
  resus_model_param(model, "heart_rate_set_bpm", &rate);

  std::string overrides;
  if (sc.patient.contains("overrides"))
    for (const auto& [name, value] : sc.patient["overrides"].items())
      overrides += (overrides.empty() ? "" : ", ") + name + " = " + value.dump();
  std::string scales;
  if (sc.patient.contains("scales"))
    for (const auto& [name, value] : sc.patient["scales"].items())
      scales += (scales.empty() ? "" : ", ") + name + " x " + value.dump();

  out << "resus " << resus_version() << "  scenario: " << sc.source << "\n"
      << "patient: " << preset << " (" << preset_description(preset) << ")\n"
      << "         " << fixed(age, 0) << " years, " << fixed(mass, 0) << " kg, blood volume " << fixed(blood, 0)
      << " mL, resting heart rate " << fixed(rate, 0) << "/min"
      << "; overrides: " << (overrides.empty() ? "none" : overrides)
      << (scales.empty() ? "" : "; scales: " + scales) << "\n"
      << "seed " << sc.seed << ", duration " << clock_time(sc.duration_s) << ", recording "
      << sc.signals.size() << " signals every " << num(sc.record_interval_s) << " s\n\n";
}

Timeline::Timeline(std::ostream& out)
    : out_(out),
      hr_(find("hr_bpm")),
      sbp_(find("sbp_mmHg")),
      dbp_(find("dbp_mmHg")),
      map_(find("map_mmHg")),
      co_(find("co_L_min")),
      cvp_(find("cvp_mmHg")),
      bv_(find("blood_volume_mL")),
      rhythm_(find("rhythm_id")),
      cpp_(find("cpp_mmHg")),
      etco2_(find("etco2_mmHg")),
      spo2_(find("spo2_pct")),
      spo2_valid_(find("spo2_valid")),
      rr_(find("rr_per_min")),
      lost_(find("blood_lost_mL")),
      infused_(find("fluid_infused_mL")),
      cpr_rate_(find("cpr_rate_per_min")),
      cpr_depth_(find("cpr_depth_mm")),
      cpr_fraction_(find("cpr_fraction")),
      compressing_(find("cpr_hands_off_s")) {}

void Timeline::on_event(const ScenarioEvent& e) {
  out_ << clock_time(e.time_s) << "  " << e.text << std::endl;
}

void Timeline::on_vitals(double t, const resus_sim* sim) {
  auto v = [sim](int32_t index) { return resus_sim_signal(sim, index); };
  out_ << clock_time(t) << "  HR " << fixed(v(hr_), 0) << "  BP " << fixed(v(sbp_), 0) << "/"
       << fixed(v(dbp_), 0) << " (" << fixed(v(map_), 0) << ")  CPP " << fixed(v(cpp_), 0)
       << "  CO " << fixed(v(co_), 1) << "  CVP " << fixed(v(cvp_), 0) << "  EtCO2 "
       << fixed(v(etco2_), 0) << "  SpO2 "
       << (v(spo2_valid_) > 0.5 ? fixed(v(spo2_), 0) : std::string("--")) << "  RR "
       << fixed(v(rr_), 0);
  // Blood volume only once something has changed it (hemorrhage, fluids).
  if (v(lost_) > 0.0 || v(infused_) > 0.0) out_ << "  BV " << fixed(v(bv_), 0) << " mL";
  if (const double r = v(rhythm_); std::isfinite(r)) out_ << "  " << rhythm_text(static_cast<int32_t>(r));
  // CPR feedback while a rescuer compresses (or has paused for less than 10 s).
  if (v(cpr_fraction_) > 0.0 && v(compressing_) < 10.0)
    out_ << "  | CPR " << fixed(v(cpr_rate_), 0) << "/min " << fixed(v(cpr_depth_), 0)
         << " mm CCF " << fixed(100.0 * v(cpr_fraction_), 0) << "%";
  out_ << std::endl;
}

}  // namespace resus_cli
