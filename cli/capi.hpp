// Small C++ conveniences over the public C API: owning handles and error text.
#pragma once

#include <resus/resus.h>

#include <memory>
#include <string>

namespace resus_cli {

struct ModelDeleter {
  void operator()(resus_model* m) const { resus_model_destroy(m); }
};
struct SimDeleter {
  void operator()(resus_sim* s) const { resus_sim_destroy(s); }
};
using ModelPtr = std::unique_ptr<resus_model, ModelDeleter>;
using SimPtr = std::unique_ptr<resus_sim, SimDeleter>;

// The message of the last failed call on `sim` (or, with nullptr, on this thread), falling back
// to the status text when the library left none.
inline std::string error_text(resus_status status, const resus_sim* sim = nullptr) {
  const char* message = resus_last_error(sim);
  if (message && *message) return message;
  return resus_status_string(status);
}

}  // namespace resus_cli
