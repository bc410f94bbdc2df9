// Fuzz target: a scenario file through the resus command's own loader (cli/scenario.cpp) and,
// when it is valid and its patient is the default adult, its first simulated seconds through the
// command's own runner (cli/runner.cpp: actions fed as the run reaches them). Bad input must come
// back as InputError with a readable message, never anything else.
#include <algorithm>
#include <string>

#include "fuzz_support.hpp"
#include "runner.hpp"
#include "scenario.hpp"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, std::size_t size) {
  using namespace resus_fuzz;
  const std::string text(reinterpret_cast<const char*>(data), size);
  resus_cli::Scenario sc;
  try {
    sc = resus_cli::parse_scenario(text, "fuzz.json");
  } catch (const resus_cli::InputError& e) {
    if (std::string(e.what()).size() > 4096) fail("message length", static_cast<double>(std::string(e.what()).size()));
    return 0;
  }
  // Compiling another patient takes tens of milliseconds; the parser was the target.
  if (sc.patient.dump() != R"({"preset":"adult_male_70kg"})") return 0;
  sc.duration_s = std::min(sc.duration_s, 4.0);
  sc.record_interval_s = std::min(sc.record_interval_s, sc.duration_s);
  sc.print_interval_s = std::min(sc.print_interval_s, sc.duration_s);
  try {
    resus_cli::run_scenario(sc, male_model(), {});
  } catch (const resus_cli::InputError&) {
    // e.g. an action scheduled at a time the shortened run never reaches: refused, not a crash
  }
  return 0;
}
