// Fuzz target: an action's JSON, parsed without a sim and then applied to one (resus_sim_apply_json),
// which then advances. Whatever the text, the answer is a status with a message, and the sim's
// every output stays finite. The parse is by kind and values, which every kind has; the 0.2
// kinds also go through the struct form.
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  const std::string text(reinterpret_cast<const char*>(data), size);
  int32_t kind = 0, count = 0;
  double values[RESUS_ACTION_MAX_FIELDS] = {};
  double at_s = 0.0;
  const resus_status status =
      resus_action_parse_values(text.c_str(), &kind, values, RESUS_ACTION_MAX_FIELDS, &count, &at_s);
  if (status == RESUS_ERR_INTERNAL || status == RESUS_ERR_OUT_OF_MEMORY) fail("parse status", status);
  if (status != RESUS_OK && resus_last_error(nullptr)[0] == '\0') fail("parse without message", status);

  resus_sim* sim = nullptr;
  if (resus_sim_create(male_model(), nullptr, &sim) != RESUS_OK) fail("sim", 0.0);
  const resus_status applied = resus_sim_apply_json(sim, text.c_str());
  if (applied != status && !(status == RESUS_OK && applied == RESUS_ERR_INVALID_ARGUMENT))
    fail("apply_json disagrees with parse_values", applied);  // only at_s may differ (the past)
  advance_and_check(sim, 1.0);
  if (status == RESUS_OK) {
    // The same action again by kind and values.
    const resus_status again = resus_sim_apply_values(sim, kind, values, count);
    if (again != RESUS_OK) fail("parsed values refused by resus_sim_apply_values", again);
    advance_and_check(sim, 1.0);
    // And through the struct form, which holds the 0.2 kinds only.
    resus_action parsed = resus_default_action(RESUS_ACTION_OXYGEN);
    const resus_status as_struct = resus_action_parse_json(text.c_str(), &parsed, nullptr);
    const bool legacy = kind <= RESUS_ACTION_SPONTANEOUS_BREATHING;
    if (legacy != (as_struct == RESUS_OK)) fail("the struct form disagrees for kind", kind);
    if (legacy) {
      if (resus_sim_apply(sim, &parsed) != RESUS_OK) fail("parsed action refused by resus_sim_apply", kind);
      advance_and_check(sim, 1.0);
    }
  }
  resus_sim_destroy(sim);
  return 0;
}
