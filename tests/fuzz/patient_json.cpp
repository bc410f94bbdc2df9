// Fuzz target: a patient's JSON (resus_model_create_json). Compiling a valid patient takes tens
// of milliseconds, so the fuzzer mostly explores the parser and the parameter checks; each
// patient that compiles is run for a few seconds and its outputs checked.
#include <string>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  const std::string text(reinterpret_cast<const char*>(data), size);
  resus_model* model = nullptr;
  const resus_status status = resus_model_create_json(text.c_str(), &model);
  if (status == RESUS_ERR_INTERNAL || status == RESUS_ERR_OUT_OF_MEMORY) fail("create status", status);
  if (status != RESUS_OK) {
    if (model != nullptr) fail("model returned with an error", status);
    if (resus_last_error(nullptr)[0] == '\0') fail("error without message", status);
    return 0;
  }
  resus_sim* sim = nullptr;
  if (resus_sim_create(model, nullptr, &sim) != RESUS_OK) fail("sim", 0.0);
  check_sim(sim);  // a compiled patient starts with every signal finite
  advance_and_check(sim, 3.0);
  resus_sim_destroy(sim);
  resus_model_destroy(model);
  return 0;
}
