// Fuzz target: an action's JSON, parsed without a sim and then applied to one (resus_sim_apply_json),
// which then advances. Whatever the text, the answer is a status with a message, and the sim's
// every output stays finite.
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  const std::string text(reinterpret_cast<const char*>(data), size);
  resus_action parsed = resus_default_action(RESUS_ACTION_OXYGEN);
  double at_s = 0.0;
  const resus_status status = resus_action_parse_json(text.c_str(), &parsed, &at_s);
  if (status == RESUS_ERR_INTERNAL || status == RESUS_ERR_OUT_OF_MEMORY) fail("parse status", status);
  if (status != RESUS_OK && resus_last_error(nullptr)[0] == '\0') fail("parse without message", status);

  resus_sim* sim = nullptr;
  if (resus_sim_create(male_model(), nullptr, &sim) != RESUS_OK) fail("sim", 0.0);
  const resus_status applied = resus_sim_apply_json(sim, text.c_str());
  if (applied != status && !(status == RESUS_OK && applied == RESUS_ERR_INVALID_ARGUMENT))
    fail("apply_json disagrees with parse_json", applied);  // only at_s may differ (the past)
  advance_and_check(sim, 1.0);
  // The same action again through the struct form.
  if (status == RESUS_OK) {
    const resus_status again = resus_sim_apply(sim, &parsed);
    if (again != RESUS_OK) fail("parsed action refused by resus_sim_apply", again);
    advance_and_check(sim, 1.0);
  }
  resus_sim_destroy(sim);
  return 0;
}
