// Whole-blood O2 and CO2 chemistry (physiology.md A.5 "Blood O2", "Blood CO2 content").
#include <cmath>

#include "models/blood/blood.hpp"

namespace resus::blood {
namespace {

double clampd(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
double finite_or(double x, double fallback) {
  return (x == x && x < 1e300 && x > -1e300) ? x : fallback;
}

}  // namespace


// Plasma bicarbonate by Henderson-Hasselbalch: pK 6.1, CO2 solubility 0.0307 mmol/L/mmHg.
double hco3_from(double pco2_mmHg, double ph) {
  return 0.0307 * clampd(pco2_mmHg, 0.5, 400.0) * std::pow(10.0, clampd(ph, 6.0, 8.5) - 6.1);
}

// The standard base excess (Van Slyke equation for extracellular fluid, Siggaard-Andersen 1977:
// SBE = 0.93 (HCO3 - 24.4 + 14.8 (pH - 7.4))) solved with Henderson-Hasselbalch for pH by
// Newton: the residual is increasing and convex in pH, so from a caller's last answer (or
// Henderson-Hasselbalch with HCO3 moved by 0.85 x SBE) it converges in two or three steps.
// At base excess 0 it gives the in-vivo CO2 titration (about 1 mmol/L of HCO3 per 10 mmHg).
double ph_from(double pco2_mmHg, double base_excess_mmol_L, double guess) {
  constexpr double kLn10 = 2.302585092994046;
  const double pco2 = clampd(finite_or(pco2_mmHg, 40.0), 0.5, 400.0);
  const double be = clampd(finite_or(base_excess_mmol_L, 0.0), -40.0, 40.0);
  const double a = 0.0307 * pco2;
  double ph = guess >= 6.3 && guess <= 8.0
                  ? guess
                  : 6.1 + std::log10(std::max(24.4 + 0.85 * be, 1.0) / a);
  for (int i = 0; i < 30; ++i) {
    const double h = a * std::exp(kLn10 * (ph - 6.1));
    const double f = 0.93 * (h - 24.4 + 14.8 * (ph - 7.4)) - be;
    const double slope = 0.93 * (kLn10 * h + 14.8);
    const double step = clampd(f / slope, -0.3, 0.3);
    ph -= step;
    if (std::abs(step) < 1e-10) break;
  }
  return clampd(ph, 6.3, 8.0);
}

// Severinghaus 1979 ODC on a virtual PO2 shifted for pH (Bohr, 0.48 log units/pH) and
// temperature (0.024/C) (Kelman 1966 form), scaled to the patient's P50.
double o2_saturation(double po2_mmHg, double ph, double temp_C, double p50_mmHg) {
  const double po2 = clampd(po2_mmHg, 0.0, 5000.0);
  const double shift = 0.48 * (ph - 7.4) - 0.024 * (temp_C - 37.0);
  const double x = po2 * std::pow(10.0, clampd(shift, -1.0, 1.0)) * (26.8 / p50_mmHg);
  return 1.0 / (23400.0 / (x * x * x + 150.0 * x + 1e-12) + 1.0);
}

// mL O2 (STPD) per mL blood: (1.34 Hb S + 0.003 P) / 100.
double o2_content(double po2_mmHg, double ph, double temp_C, double hb_g_dL, double p50_mmHg) {
  const double po2 = clampd(po2_mmHg, 0.0, 5000.0);
  return (1.34 * hb_g_dL * o2_saturation(po2, ph, temp_C, p50_mmHg) + 0.003 * po2) / 100.0;
}

// Inverse of o2_content: safeguarded Newton from the caller's last answer (one or two iterations
// when the content moves a little between ticks), falling back to bisection inside the bracket.
double po2_from_content(double c, double ph, double temp_C, double hb_g_dL, double p50_mmHg,
                        double guess_mmHg) {
  if (!(c > 0.0)) return 0.0;
  const double k = std::pow(10.0, clampd(0.48 * (ph - 7.4) - 0.024 * (temp_C - 37.0), -1.0, 1.0)) *
                   (26.8 / p50_mmHg);
  // Content and its slope at P, with the virtual-PO2 factor k computed once.
  auto eval = [&](double po2, double& slope) {
    const double x = po2 * k;
    const double d = x * x * x + 150.0 * x + 1e-12;
    const double sat = 1.0 / (23400.0 / d + 1.0);
    const double dsat_dx = sat * sat * 23400.0 * (3.0 * x * x + 150.0) / (d * d);
    slope = (1.34 * hb_g_dL * dsat_dx * k + 0.003) / 100.0;
    return (1.34 * hb_g_dL * sat + 0.003 * po2) / 100.0;
  };
  double lo = 0.0, hi = 2000.0, slope = 0.0;
  if (c >= eval(hi, slope)) return hi;
  double po2 = clampd(finite_or(guess_mmHg, 40.0), 1.0, 1999.0);
  for (int i = 0; i < 60; ++i) {
    const double f = eval(po2, slope) - c;
    if (f < 0.0) lo = po2; else hi = po2;
    double next = po2 - f / slope;
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);  // Newton left the bracket
    if (std::abs(next - po2) < 1e-9 * (1.0 + po2)) return next;
    po2 = next;
  }
  return po2;
}

// CO2 content C = C40 (P/40)^a + H (1 - S) + k BE: a power-law dissociation curve (A.5 suggests
// k P^a) with 48 vol% at 40 mmHg [M, West] and a slope ~0.5 vol%/mmHg near 40-50 [M]; the Haldane
// term makes deoxygenated blood carry ~3.5 vol% more [U]; a base excess moves the curve by the
// whole-blood bicarbonate it brings at a constant PCO2 (k: 0.85 mmol/L plasma HCO3 per mmol/L of
// SBE from the Van Slyke equation, times 0.87 for red cells' lower bicarbonate, x 22.3 mL/mmol).
double co2_content(double pco2_mmHg, double sat, double be, const BloodParams& p) {
  const double pco2 = clampd(pco2_mmHg, 0.0, 400.0);
  return p.co2_content_at_40_mL_mL * std::pow(pco2 / 40.0, p.co2_curve_exponent) +
         p.haldane_mL_mL * (1.0 - clampd(sat, 0.0, 1.0)) +
         p.co2_per_base_excess_mL_mL * clampd(finite_or(be, 0.0), -40.0, 40.0);
}

double pco2_from_content(double c, double sat, double be, const BloodParams& p) {
  const double base = c - p.haldane_mL_mL * (1.0 - clampd(sat, 0.0, 1.0)) -
                      p.co2_per_base_excess_mL_mL * clampd(finite_or(be, 0.0), -40.0, 40.0);
  if (!(base > 0.0)) return 0.0;
  return clampd(40.0 * std::pow(base / p.co2_content_at_40_mL_mL, 1.0 / p.co2_curve_exponent),
                0.0, 400.0);
}

// Tissue O2 store: myoglobin (hyperbolic, P50 2.8) plus O2 dissolved in tissue water.
double tissue_o2_store(double po2_mmHg, const BloodParams& p) {
  const double po2 = clampd(po2_mmHg, 0.0, 2000.0);
  return p.myoglobin_o2_mL * po2 / (po2 + p.myoglobin_p50_mmHg) +
         p.tissue_o2_solubility_mL_mmHg * po2;
}

// Inverse: k P^2 + (k P50 + Mb - A) P - A P50 = 0, positive root in the cancellation-free form.
double tissue_po2_from_store(double o2_mL, const BloodParams& p) {
  if (!(o2_mL > 0.0)) return 0.0;
  const double k = p.tissue_o2_solubility_mL_mmHg, p50 = p.myoglobin_p50_mmHg;
  const double b = k * p50 + p.myoglobin_o2_mL - o2_mL;
  const double disc = std::sqrt(b * b + 4.0 * k * o2_mL * p50);
  const double po2 = b > 0.0 ? 2.0 * o2_mL * p50 / (b + disc) : (-b + disc) / (2.0 * k);
  return clampd(po2, 0.0, 2000.0);
}

}  // namespace resus::blood
