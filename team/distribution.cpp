#include "distribution.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>
#include <sstream>

namespace resus_team {
namespace {

std::string range_text(double lo, double hi) {
  std::ostringstream s;
  s << "[" << lo << ", " << hi << "]";
  return s.str();
}

double number(const nlohmann::json& j, const std::string& path) {
  if (!j.is_number()) throw StudyError(path + ": must be a number, not " + j.dump());
  const double v = j.get<double>();
  if (!std::isfinite(v)) throw StudyError(path + ": must be finite");
  return v;
}

double field(const nlohmann::json& j, const char* key, const std::string& path) {
  if (!j.contains(key)) throw StudyError(path + ": needs \"" + key + "\"");
  return number(j.at(key), path + "." + key);
}

void check_in(double v, double lo, double hi, const std::string& path) {
  if (v < lo || v > hi) {
    std::ostringstream s;
    s << path << ": " << v << " is outside the valid range " << range_text(lo, hi);
    throw StudyError(s.str());
  }
}

Distribution categorical(const nlohmann::json& j, const std::string& path, double valid_lo,
                         double valid_hi, bool labels_allowed) {
  check_fields(j, {"dist", "values", "weights"}, path);
  if (!j.contains("values") || !j.at("values").is_array() || j.at("values").empty())
    throw StudyError(path + ".values: must be a non-empty array");
  Distribution d;
  d.kind = Distribution::Kind::kCategorical;
  const auto& values = j.at("values");
  for (std::size_t i = 0; i < values.size(); ++i) {
    const std::string at = path + ".values[" + std::to_string(i) + "]";
    if (values[i].is_string() && labels_allowed) {
      d.labels.push_back(values[i].get<std::string>());
      d.values.push_back(static_cast<double>(i));
    } else {
      const double v = number(values[i], at);
      check_in(v, valid_lo, valid_hi, at);
      d.values.push_back(v);
    }
  }
  if (!d.labels.empty() && d.labels.size() != d.values.size())
    throw StudyError(path + ".values: all names or all numbers");
  std::vector<double> weights(d.values.size(), 1.0);
  if (j.contains("weights")) {
    const auto& w = j.at("weights");
    if (!w.is_array() || w.size() != d.values.size())
      throw StudyError(path + ".weights: must be an array as long as values");
    for (std::size_t i = 0; i < w.size(); ++i) {
      weights[i] = number(w[i], path + ".weights[" + std::to_string(i) + "]");
      check_in(weights[i], 0.0, 1e12, path + ".weights[" + std::to_string(i) + "]");
    }
  }
  double total = 0.0;
  for (double w : weights) total += w;
  if (!(total > 0.0)) throw StudyError(path + ".weights: must not all be 0");
  double run = 0.0;
  for (double w : weights) d.cumulative.push_back((run += w) / total);
  d.cumulative.back() = 1.0;
  return d;
}

}  // namespace

void check_fields(const nlohmann::json& j, std::initializer_list<const char*> allowed,
                  const std::string& path) {
  if (!j.is_object()) throw StudyError(path + ": must be an object");
  for (const auto& item : j.items()) {
    const std::string& key = item.key();
    const bool known = std::find_if(allowed.begin(), allowed.end(),
                                    [&key](const char* a) { return key == a; }) != allowed.end();
    if (!known) throw StudyError(path + ": unknown field \"" + key + "\"");
  }
}

double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::numbers::sqrt2); }

double normal_quantile(double u) {
  // Acklam (2003), coefficients of the central and tail rational approximations.
  static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02,
                                 -2.759285104469687e+02, 1.383577518672690e+02,
                                 -3.066479806614716e+01, 2.506628277459239e+00};
  static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02,
                                 -1.556989798598866e+02, 6.680131188771972e+01,
                                 -1.328068155288572e+01};
  static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01,
                                 -2.400758277161838e+00, -2.549732539343734e+00,
                                 4.374664141464968e+00,  2.938163982698783e+00};
  static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01,
                                 2.445134137142996e+00, 3.754408661907416e+00};
  u = std::clamp(u, 1e-300, 1.0 - 1e-16);
  double x;
  if (u < 0.02425) {
    const double q = std::sqrt(-2.0 * std::log(u));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  } else if (u <= 1.0 - 0.02425) {
    const double q = u - 0.5, r = q * q;
    x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
        (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1.0);
  } else {
    const double q = std::sqrt(-2.0 * std::log(1.0 - u));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) /
        ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1.0);
  }
  // One Halley step on Phi(x) - u.
  const double e = normal_cdf(x) - u;
  const double step = e * std::sqrt(2.0 * std::numbers::pi) * std::exp(0.5 * x * x);
  return x - step / (1.0 + 0.5 * x * step);
}

double Distribution::quantile(double u) const {
  switch (kind) {
    case Kind::kFixed:
      return a;
    case Kind::kUniform:
      return a + (b - a) * u;
    case Kind::kNormal:
    case Kind::kLogNormal: {
      const bool log_scale = kind == Kind::kLogNormal;
      const double mu = log_scale ? std::log(a) : a, sigma = log_scale ? std::log(b) : b;
      const double zlo = std::isfinite(lo) && (!log_scale || lo > 0)
                             ? ((log_scale ? std::log(lo) : lo) - mu) / sigma
                             : -INFINITY;
      const double zhi = std::isfinite(hi) ? ((log_scale ? std::log(hi) : hi) - mu) / sigma : INFINITY;
      const double plo = std::isfinite(zlo) ? normal_cdf(zlo) : 0.0;
      const double phi = std::isfinite(zhi) ? normal_cdf(zhi) : 1.0;
      const double x = mu + sigma * normal_quantile(plo + u * (phi - plo));
      return std::clamp(log_scale ? std::exp(x) : x, lo, hi);
    }
    case Kind::kCategorical: {
      const auto it = std::lower_bound(cumulative.begin(), cumulative.end(), u);
      return values[static_cast<std::size_t>(
          std::min<std::ptrdiff_t>(it - cumulative.begin(), static_cast<std::ptrdiff_t>(values.size()) - 1))];
    }
  }
  return a;
}

Distribution parse_distribution(const nlohmann::json& j, const std::string& path, double valid_lo,
                                double valid_hi, bool labels_allowed) {
  Distribution d;
  if (j.is_number()) {
    d.a = number(j, path);
    check_in(d.a, valid_lo, valid_hi, path);
    return d;
  }
  if (j.is_string() && labels_allowed) {
    d.kind = Distribution::Kind::kCategorical;
    d.labels = {j.get<std::string>()};
    d.values = {0.0};
    d.cumulative = {1.0};
    return d;
  }
  if (!j.is_object() || !j.contains("dist") || !j.at("dist").is_string())
    throw StudyError(path + ": must be a number" + (labels_allowed ? ", a name" : "") +
                     " or an object with \"dist\" (fixed, normal, lognormal, uniform, categorical)");
  const std::string kind = j.at("dist").get<std::string>();
  if (kind == "categorical") return categorical(j, path, valid_lo, valid_hi, labels_allowed);
  d.lo = valid_lo;
  d.hi = valid_hi;
  if (kind == "fixed") {
    check_fields(j, {"dist", "value"}, path);
    d.a = field(j, "value", path);
    check_in(d.a, valid_lo, valid_hi, path + ".value");
    return d;
  }
  if (kind == "uniform") {
    check_fields(j, {"dist", "min", "max"}, path);
    d.kind = Distribution::Kind::kUniform;
    d.a = field(j, "min", path);
    d.b = field(j, "max", path);
    check_in(d.a, valid_lo, valid_hi, path + ".min");
    check_in(d.b, d.a, valid_hi, path + ".max");
    return d;
  }
  if (kind != "normal" && kind != "lognormal")
    throw StudyError(path + ".dist: \"" + kind +
                     "\" is not one of fixed, normal, lognormal, uniform, categorical");
  const bool log_scale = kind == "lognormal";
  check_fields(j, {"dist", log_scale ? "median" : "mean", log_scale ? "gsd" : "sd", "min", "max"}, path);
  d.kind = log_scale ? Distribution::Kind::kLogNormal : Distribution::Kind::kNormal;
  d.a = field(j, log_scale ? "median" : "mean", path);
  d.b = field(j, log_scale ? "gsd" : "sd", path);
  if (log_scale) {
    check_in(d.a, 1e-300, INFINITY, path + ".median");
    if (!(d.b > 1.0)) throw StudyError(path + ".gsd: the geometric standard deviation must be > 1");
  } else if (!(d.b > 0.0)) {
    throw StudyError(path + ".sd: must be > 0");
  }
  if (j.contains("min")) d.lo = std::max(d.lo, field(j, "min", path));
  if (j.contains("max")) d.hi = std::min(d.hi, field(j, "max", path));
  if (!(d.lo < d.hi))
    throw StudyError(path + ": its min and max leave nothing of the valid range " +
                     range_text(valid_lo, valid_hi));
  return d;
}

}  // namespace resus_team
