// A study's distributions over one value (a patient parameter, a team's human factor, the
// arrest's rhythm): fixed, normal, log-normal, uniform (each optionally truncated) or
// categorical. Sampled by inverse CDF from a uniform draw, so that a Gaussian copula can
// correlate any of them (population.hpp).
#pragma once

#include <initializer_list>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace resus_team {

// Bad study input; the message names the JSON path, the value and what is valid.
class StudyError : public std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct Distribution {
  enum class Kind { kFixed, kNormal, kLogNormal, kUniform, kCategorical } kind = Kind::kFixed;
  double a = 0.0, b = 0.0;  // normal: mean, sd; log-normal: median, geometric sd; uniform: min, max
  double lo = -INFINITY, hi = INFINITY;  // truncation (a categorical's values are not truncated)
  std::vector<double> values;            // categorical: numbers, or indices into labels
  std::vector<std::string> labels;       // categorical over names
  std::vector<double> cumulative;        // categorical: normalised cumulative weights

  bool continuous() const { return kind == Kind::kNormal || kind == Kind::kLogNormal || kind == Kind::kUniform; }
  // The value at uniform u in (0, 1); for labels, the label's index.
  double quantile(double u) const;
  // The value's label (categorical over names only).
  const std::string& label(double value) const { return labels.at(static_cast<std::size_t>(value)); }
};

// Parses a number (fixed), a string (fixed label, when labels are allowed) or
// {"dist": ..., ...}. `valid_lo`/`valid_hi` is the quantity's valid range: a fixed value or
// a categorical value outside it is an error; continuous draws are truncated to it.
Distribution parse_distribution(const nlohmann::json& j, const std::string& path, double valid_lo,
                                double valid_hi, bool labels_allowed = false);

// Refuses an object field not in `allowed` (a typo must not be silently ignored), or a
// non-object.
void check_fields(const nlohmann::json& j, std::initializer_list<const char*> allowed,
                  const std::string& path);

// The standard normal's CDF and its inverse (Acklam's rational approximation refined by one
// Halley step: about 1e-15 relative), from <cmath> only, for identical results everywhere.
double normal_cdf(double z);
double normal_quantile(double u);

}  // namespace resus_team
