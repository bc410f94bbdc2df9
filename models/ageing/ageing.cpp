#include "models/ageing/ageing.hpp"

#include <algorithm>
#include <iterator>

namespace resus::ageing {
namespace {

// Factors at the ages 18, 35, 45, 55, 65, 75, 85, 100 (README.md: each row's source and how its
// numbers were read).
constexpr Effect kEffects[] = {
    // Large arteries stiffen: total compliance x1 to 35 (it plateaus near 30), x0.55 at 75 (aortic
    // pulse-wave velocity 6.5 -> 10.5 m/s, RVASC 2010, with the aorta's widening), x0.40 at 100;
    // elastance is its inverse.
    {"aorta_elastance_mmHg_per_mL", {1.0, 1.0, 1.111, 1.333, 1.5625, 1.818, 2.222, 2.5}},
    {"arteries_elastance_mmHg_per_mL", {1.0, 1.0, 1.111, 1.333, 1.5625, 1.818, 2.222, 2.5}},
    // Arterioles: peripheral resistance +37% from 20 to 60 (Nichols 1985), linear, its share after
    // 35 only (the preset's is a young adult's), then flat as the mean pressure levels off
    // (Franklin 1997).
    {"splanchnic_resistance_mmHg_s_per_mL", {1.0, 1.0, 1.081, 1.162, 1.203, 1.203, 1.203, 1.203}},
    {"extrasplanchnic_resistance_mmHg_s_per_mL", {1.0, 1.0, 1.081, 1.162, 1.203, 1.203, 1.203, 1.203}},
    // Cardiac-vagal baroreflex sensitivity falls 2.3% a year (Fauvel 2007), exponentially.
    {"baro_gain_period_vagal_s", {1.479, 1.0, 0.795, 0.631, 0.502, 0.399, 0.317, 0.224}},
    // The sympathetic limb shortens the period at most to the maximal rate's, 208 - 0.7 age
    // (Tanaka 2001): its gain follows the period reserve below a resting 72/min.
    {"baro_gain_period_sympathetic_s", {1.039, 1.0, 0.9745, 0.9467, 0.9167, 0.8838, 0.8480, 0.7872}},
    // Resting metabolism at a fixed mass and height: Mifflin-St Jeor 1990, -5 kcal/day per year
    // (its rounded form of -4.92) on the 70 kg, 175 cm man's 1624 kcal/day at 35.
    {"vo2_rest_mL_min", {1.0523, 1.0, 0.9692, 0.9384, 0.9076, 0.8768, 0.8460, 0.7998}},
    // The chest wall stiffens: compliance -31% between 24 and 75 (Estenne 1985), linear.
    {"chest_wall_compliance_mL_cmH2O", {1.111, 1.0, 0.935, 0.869, 0.804, 0.739, 0.673, 0.575}},
    // GFR flat to 35, then -0.7 mL/min/1.73 m2 a year from 100 (Fenton 2018).
    {"renal_potassium_clearance_mL_min", {1.0, 1.0, 0.93, 0.86, 0.79, 0.72, 0.65, 0.545}},
    // Arterial PO2 on air 109 - 0.43 age (Sorbini 1968) to 65, then flat at 79 mmHg (Cerveri 1995:
    // no age effect from 75); the model's lever is its shunt, calibrated with the rows above in
    // place (README.md). At 18 a 1.2% anatomical shunt.
    {"shunt_fraction", {0.4, 1.0, 1.85, 2.722, 3.727, 4.293, 4.367, 4.547}},
};

}  // namespace

std::span<const Effect> effects() { return kEffects; }

double factor(const Effect& e, double age_years) {
  if (!(age_years > kAges.front())) return e.factor.front();  // NaN too
  if (age_years >= kAges.back()) return e.factor.back();
  const auto hi = std::upper_bound(kAges.begin(), kAges.end(), age_years);
  const auto i = static_cast<std::size_t>(std::distance(kAges.begin(), hi)) - 1;
  const double t = (age_years - kAges[i]) / (kAges[i + 1] - kAges[i]);
  return e.factor[i] + (e.factor[i + 1] - e.factor[i]) * t;
}

}  // namespace resus::ageing
