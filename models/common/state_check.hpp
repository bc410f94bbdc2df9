// Checks of a model's state before it is trusted (a snapshot being restored): every double
// finite and in its physical range, every enum and index in range. The first failure is kept
// with the field's name, its value and the valid range, so the engine can say what was wrong;
// later checks then do nothing. No allocation, no strings, no exceptions.
#pragma once

#include <cmath>
#include <cstdint>

namespace resus {

class StateCheck {
 public:
  bool ok() const { return field_ == nullptr; }
  const char* field() const { return field_; }
  int element() const { return element_; }  // index into an array field, -1 for a scalar
  double value() const { return value_; }
  double min() const { return min_; }
  double max() const { return max_; }

  // A finite value in [lo, hi].
  StateCheck& in(const char* name, double v, double lo, double hi, int element = -1) {
    if (ok() && !(std::isfinite(v) && v >= lo && v <= hi)) fail(name, element, v, lo, hi);
    return *this;
  }
  // As in(), but NaN is also accepted (a field that uses NaN for "none").
  StateCheck& in_or_nan(const char* name, double v, double lo, double hi, int element = -1) {
    return std::isnan(v) ? *this : in(name, v, lo, hi, element);
  }
  // An integer (enum value, index, count) in [lo, hi].
  StateCheck& index(const char* name, int64_t v, int64_t lo, int64_t hi, int element = -1) {
    if (ok() && (v < lo || v > hi))
      fail(name, element, static_cast<double>(v), static_cast<double>(lo), static_cast<double>(hi));
    return *this;
  }
  // A 0/1 flag.
  StateCheck& flag(const char* name, int64_t v) { return index(name, v, 0, 1); }
  // Every element of an array in [lo, hi].
  template <class Array>
  StateCheck& all_in(const char* name, const Array& a, double lo, double hi) {
    int i = 0;
    for (double v : a) in(name, v, lo, hi, i++);
    return *this;
  }

 private:
  void fail(const char* name, int element, double v, double lo, double hi) {
    field_ = name;
    element_ = element;
    value_ = v;
    min_ = lo;
    max_ = hi;
  }

  const char* field_ = nullptr;
  int element_ = -1;
  double value_ = 0.0, min_ = 0.0, max_ = 0.0;
};

// Generous physical bounds shared by the models' checks.
namespace bounds {
constexpr double kTime_s = 1e10;        // absolute times: ~300 years either side of zero
constexpr double kVolume_mL = 1e5;      // any volume in or out of a patient
constexpr double kFlow_mL_s = 1e6;      // any flow
constexpr double kPressure_mmHg = 1e4;  // any pressure
constexpr double kCumulative_mL = 1e9;  // totals over a run (blood lost, fluid given)
constexpr double kAny = 1e15;           // finite, with no physical range of its own
}  // namespace bounds

}  // namespace resus
