// Fuzz target: a Monte Carlo study file through its parser (team/study.cpp) and the sampling of
// a few of its patients. Bad input must come back as StudyError with a readable message; a valid
// study's every sampled value must be finite and every team value inside its table's range.
#include <cmath>
#include <string>

#include "fuzz_support.hpp"
#include "study.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  const std::string text(reinterpret_cast<const char*>(data), size);
  resus_team::Study study;
  try {
    study = resus_team::parse_study(text, "fuzz.json");
  } catch (const resus_team::StudyError& e) {
    if (std::string(e.what()).size() > 4096) fail("message length", static_cast<double>(std::string(e.what()).size()));
    return 0;
  }
  for (int64_t patient : {int64_t{0}, int64_t{1}, int64_t{7312}, study.patients - 1}) {
    const resus_team::PatientDraw draw = resus_team::sample_patient(study, patient);
    for (const auto& [name, value] : draw.overrides)
      if (!std::isfinite(value)) fail("override", value);
    for (const auto& row : resus_team::team_param_table()) {
      double value = 0.0;
      resus_team::get_team_param(draw.team, row.name, &value);
      if (!(value >= row.min && value <= row.max)) fail("team parameter", value);
    }
    if (draw.preset.empty() || draw.rhythm.empty()) fail("preset or rhythm", 0.0);
  }
  return 0;
}
