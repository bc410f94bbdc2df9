// Transport of dissolved species over the blood pools by the circulation's flows, one tick at a
// time (the pools' time constants are seconds; the engine ticks every 10 ms). The mixing of the
// pools is the same linear update for every species, done as fixed-size Eigen arrays; only the
// tissue's exchange differs by species (O2 and CO2 follow their dissociation curves).
#include <Eigen/Core>
#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <utility>

#include "models/blood/blood.hpp"

namespace resus::blood {
namespace {

// The species in use of a pool: a fixed-capacity array (on the stack, never the heap) and the
// views of the state's storage, so a tick costs what its species need, not kMaxSpecies.
using Pool = Eigen::Array<double, kMaxSpecies, 1>;
using InUse = Eigen::Array<double, Eigen::Dynamic, 1, Eigen::ColMajor, kMaxSpecies, 1>;
using PoolView = decltype(std::declval<Eigen::Map<Pool>&>().head(0));

double clampd(double x, double lo, double hi) { return x < lo ? lo : (x > hi ? hi : x); }
double finite_or(double x, double fallback) { return std::isfinite(x) ? x : fallback; }

// Inputs brought into the ranges the model is meant for: a caller's bad number never reaches the
// pools as a NaN.
BloodInputs sanitize(const BloodInputs& in, int species) {
  BloodInputs c = in;
  c.dt_s = clampd(finite_or(in.dt_s, 0.0), 0.0, 1.0);
  c.pulmonary_flow_mL = clampd(finite_or(in.pulmonary_flow_mL, 0.0), -1e4, 1e4);
  c.systemic_flow_mL = clampd(finite_or(in.systemic_flow_mL, 0.0), 0.0, 1e4);
  c.arterial_blood_mL = clampd(finite_or(in.arterial_blood_mL, 1100.0), 200.0, 5000.0);
  c.venous_blood_mL = clampd(finite_or(in.venous_blood_mL, 3900.0), 500.0, 12000.0);
  c.temperature_C = clampd(finite_or(in.temperature_C, 37.0), 20.0, 43.0);
  c.metabolic_scale = clampd(finite_or(in.metabolic_scale, 1.0), 0.1, 10.0);
  c.hemoglobin_g_dL = in.hemoglobin_g_dL > 0.0 ? clampd(in.hemoglobin_g_dL, 1.0, 25.0) : 0.0;
  for (int i = 0; i < species; ++i) {
    const auto k = static_cast<std::size_t>(i);
    c.lung_flux_mL_s[k] = clampd(finite_or(in.lung_flux_mL_s[k], 0.0), -1e4, 1e4);
    c.tissue_volume_mL[k] = clampd(finite_or(in.tissue_volume_mL[k], 0.0), 0.0, 1e6);
    c.tissue_source[k] = clampd(finite_or(in.tissue_source[k], 0.0), -1e7, 1e7);
    c.venous_source[k] = clampd(finite_or(in.venous_source[k], 0.0), -1e7, 1e7);
  }
  return c;
}

// A pool's base excess: its buffer base over normal, when a chemistry model carries one.
double base_excess(const Amounts& c, int species) {
  return species > kBufferBase ? c[kBufferBase] - kNormalBufferBase_mmol_L : 0.0;
}

// The gases' tensions, saturations and pH of both pools, from their contents.
void read_gases(const BloodParams& p, double temperature_C, BloodState& s) {
  BloodReadout& o = s.out;
  const double T = temperature_C, hb = p.hemoglobin_g_dL;
  const int n = s.species;
  const double be_a = base_excess(s.arterial, n), be_v = base_excess(s.venous, n);
  o.paco2_mmHg = pco2_from_content(s.arterial[kCO2], s.art_sat, be_a, p);
  s.art_ph = ph_from(o.paco2_mmHg, be_a, s.art_ph);
  o.pao2_mmHg = po2_from_content(s.arterial[kO2], s.art_ph, T, hb, p.p50_mmHg, o.pao2_mmHg);
  s.art_sat = o2_saturation(o.pao2_mmHg, s.art_ph, T, p.p50_mmHg);
  o.pvco2_mmHg = pco2_from_content(s.venous[kCO2], o.svo2, be_v, p);
  s.ven_ph = ph_from(o.pvco2_mmHg, be_v, s.ven_ph);
  o.pvo2_mmHg = po2_from_content(s.venous[kO2], s.ven_ph, T, hb, p.p50_mmHg, o.pvo2_mmHg);
  o.svo2 = o2_saturation(o.pvo2_mmHg, s.ven_ph, T, p.p50_mmHg);
  o.sao2 = s.art_sat;
  o.ph_arterial = s.art_ph;
  o.hco3_mmol_L = hco3_from(o.paco2_mmHg, s.art_ph);
  o.ph_venous = s.ven_ph;
  o.o2_debt_mL = s.o2_debt_mL;
  o.base_excess_arterial = be_a;
  o.base_excess_venous = be_v;
}

// Contents stay non-negative, the gases below what a litre of blood can hold (1 L of O2, 5 L
// of CO2) and other species below 10 mol per litre: only absurd fluxes reach these bounds (a day
// of the largest infusion into blood that no longer flows), never physiology.
void keep_physical(PoolView c) {
  c = c.max(0.0).min(kMaxLinearContent);
  c(kO2) = std::min(c(kO2), 1.0);
  c(kCO2) = std::min(c(kCO2), 5.0);
}

}  // namespace

void transport(const BloodParams& params, const BloodInputs& raw, BloodState& s) noexcept {
  const int n = std::clamp<int>(s.species, kFirstLinearSpecies, kMaxSpecies);
  const BloodInputs in = sanitize(raw, n);
  // The blood's haemoglobin now: bleeding and fluids change it from the patient's resting value.
  BloodParams p = params;
  if (in.hemoglobin_g_dL > 0.0) p.hemoglobin_g_dL = in.hemoglobin_g_dL;
  Eigen::Map<Pool> arterial_pool(s.arterial.data()), venous_pool(s.venous.data());
  PoolView arterial = arterial_pool.head(n), venous = venous_pool.head(n);
  const auto lung_flux = Eigen::Map<const Pool>(in.lung_flux_mL_s.data()).head(n);
  const double dt = in.dt_s;
  if (!(dt > 0.0)) return;
  const double qp = in.pulmonary_flow_mL / dt, qs = in.systemic_flow_mL / dt;
  const double T = in.temperature_C, hb = p.hemoglobin_g_dL;

  // Every pool is advanced from the tick's starting contents (explicit Euler), so that what one
  // pool loses over the tick is what the next gains: with equal pulmonary and systemic flow the
  // species are conserved exactly, up to what the lungs and the tissue add or remove.
  const InUse arterial_start = arterial;

  // --- Arterial pool: mixed pulmonary venous blood (end-capillary plus shunt) ---
  if (qp > 0.0) {
    const double a = clampd(qp * dt / in.arterial_blood_mL, 0.0, 1.0);
    arterial += (venous + lung_flux / qp - arterial) * a;
  }

  // --- Tissue: arterial blood comes in, and leaves at tissue tensions (the effluent) ---
  InUse effluent = arterial_start;  // a species without tissue exchange passes through
  const double pt_o2 = tissue_po2_from_store(s.tissue[kO2], p);
  // Linear species with a tissue volume leave at the tissue's concentration (small solutes
  // cross capillaries far faster than blood flows: flow-limited exchange).
  for (int i = kFirstLinearSpecies; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    const double v = in.tissue_volume_mL[k];
    if (v > 0.0) effluent(i) = std::max(s.tissue[k], 0.0) / v;
  }
  s.tissue_base_excess =
      n > kBufferBase ? effluent(kBufferBase) - kNormalBufferBase_mmol_L : 0.0;
  const double pt_co2 = s.tissue[kCO2] / p.tissue_co2_capacitance_mL_mmHg;
  s.tissue_ph = ph_from(pt_co2, s.tissue_base_excess, s.tissue_ph);
  s.tissue_sat = o2_saturation(pt_o2, s.tissue_ph, T, p.p50_mmHg);
  // Blood leaves at tissue PO2, but capillary heterogeneity caps extraction at the maximal
  // extraction ratio (Ronco 1993, JAMA 270:1724: critical O2ER 0.6-0.7): below a critical
  // delivery, as in CPR, the tissue store runs down and uptake becomes supply-dependent.
  effluent(kO2) = std::max(o2_content(pt_o2, s.tissue_ph, T, hb, p.p50_mmHg),
                           (1.0 - p.max_o2_extraction) * arterial_start(kO2));
  effluent(kCO2) = co2_content(pt_co2, s.tissue_sat, s.tissue_base_excess, p);
  const double vo2_dem =
      p.vo2_rest_mL_min / 60.0 * std::pow(p.q10, (T - 37.0) / 10.0) * in.metabolic_scale;
  // Mitochondrial uptake is flat down to a few mmHg tissue PO2 (Michaelis-Menten, Km ~1) [U].
  const double km = p.vo2_km_mmHg;
  const double vo2 = vo2_dem * clampd(pt_o2 / (pt_o2 + km) * (10.0 + km) / 10.0, 0.0, 1.0);
  const double vco2 = p.rq * vo2 + p.anaerobic_co2_per_o2_debt * (vo2_dem - vo2);
  s.tissue[kO2] =
      clampd(s.tissue[kO2] + (qs * (arterial_start(kO2) - effluent(kO2)) - vo2) * dt, 0.0, 1e5);
  s.tissue[kCO2] =
      clampd(s.tissue[kCO2] + (vco2 - qs * (effluent(kCO2) - arterial_start(kCO2))) * dt, 0.0, 1e6);
  for (int i = kFirstLinearSpecies; i < n; ++i) {
    const auto k = static_cast<std::size_t>(i);
    if (!(in.tissue_volume_mL[k] > 0.0)) continue;
    s.tissue[k] = clampd(
        s.tissue[k] + (qs * (arterial_start(i) - effluent(i)) + in.tissue_source[k]) * dt, 0.0,
        1e9);
  }
  s.o2_debt_mL += (vo2_dem - vo2) * dt;

  // --- Mixed venous pool ---
  const double a = clampd(qs * dt / in.venous_blood_mL, 0.0, 1.0);
  venous += (effluent - venous) * a;
  // What enters the veins directly (an infusion, a bolus reaching the central veins).
  for (int i = kCO2; i < n; ++i) {
    const double src = in.venous_source[static_cast<std::size_t>(i)];
    if (src != 0.0) venous(i) += src * dt / in.venous_blood_mL;
  }
  keep_physical(arterial);
  keep_physical(venous);

  read_gases(p, T, s);
  BloodReadout& o = s.out;
  o.vo2_mL_min = vo2 * 60.0;
  o.vco2_mL_min = vco2 * 60.0;
  o.tissue_po2_mmHg = pt_o2;
  o.tissue_pco2_mmHg = pt_co2;
  o.o2_deficit_mL_s = vo2_dem - vo2;
}

BloodState initial_state(const BloodParams& p, double pao2, double paco2, double shunt,
                         double q) {
  BloodState s{};
  s.species = 2;
  const double T = 37.0, hb = p.hemoglobin_g_dL;
  // Blood by the Fick principle; iterate the shunt/venous coupling.
  const double ph_c = ph_hh(paco2);
  const double sc = o2_saturation(pao2, ph_c, T, p.p50_mmHg);
  const double cc_o2 = o2_content(pao2, ph_c, T, hb, p.p50_mmHg);
  const double cc_co2 = co2_content(paco2, sc, p);
  const double vo2 = p.vo2_rest_mL_min / 60.0, vco2 = p.rq * vo2;
  double ca_o2 = cc_o2, ca_co2 = cc_co2, cv_o2 = cc_o2, cv_co2 = cc_co2;
  for (int it = 0; it < 50; ++it) {
    cv_o2 = ca_o2 - vo2 / q;
    cv_co2 = ca_co2 + vco2 / q;
    ca_o2 = (1.0 - shunt) * cc_o2 + shunt * cv_o2;
    ca_co2 = (1.0 - shunt) * cc_co2 + shunt * cv_co2;
  }
  s.arterial[kO2] = ca_o2;
  s.arterial[kCO2] = ca_co2;
  s.venous[kO2] = cv_o2;
  s.venous[kCO2] = cv_co2;
  s.art_ph = s.ven_ph = s.tissue_ph = 7.4;
  s.art_sat = sc;
  double sv = 0.75, pvco2 = 46.0, pvo2 = 40.0;
  for (int it = 0; it < 5; ++it) {
    pvco2 = pco2_from_content(cv_co2, sv, 0.0, p);
    pvo2 = po2_from_content(cv_o2, ph_hh(pvco2), T, hb, p.p50_mmHg, pvo2);
    sv = o2_saturation(pvo2, ph_hh(pvco2), T, p.p50_mmHg);
  }
  s.tissue[kO2] = tissue_o2_store(pvo2, p);
  s.tissue[kCO2] = p.tissue_co2_capacitance_mL_mmHg * pvco2;
  s.tissue_sat = sv;
  s.tissue_base_excess = 0.0;
  s.out.paco2_mmHg = paco2;
  s.out.pao2_mmHg = pao2;
  s.out.pvo2_mmHg = pvo2;
  s.out.svo2 = sv;
  read_gases(p, T, s);
  s.out.vo2_mL_min = p.vo2_rest_mL_min;
  s.out.vco2_mL_min = p.rq * p.vo2_rest_mL_min;
  s.out.tissue_po2_mmHg = pvo2;
  s.out.tissue_pco2_mmHg = pvco2;
  return s;
}

void check_state(const BloodState& s, StateCheck& c) {
  using namespace bounds;
  c.index("blood.species", s.species, 2, kMaxSpecies);
  // Gas contents, mL STPD per mL of blood: a litre of blood holds under 1 L of O2, 5 L of CO2.
  c.in("blood.arterial_o2", s.arterial[kO2], 0.0, 1.0)
      .in("blood.arterial_co2", s.arterial[kCO2], 0.0, 5.0)
      .in("blood.venous_o2", s.venous[kO2], 0.0, 1.0)
      .in("blood.venous_co2", s.venous[kCO2], 0.0, 5.0)
      .in("blood.tissue_o2_mL", s.tissue[kO2], 0.0, kVolume_mL)
      .in("blood.tissue_co2_mL", s.tissue[kCO2], 0.0, 1e6)
      .all_in("blood.arterial", s.arterial, 0.0, kAny)
      .all_in("blood.venous", s.venous, 0.0, kAny)
      .all_in("blood.tissue", s.tissue, 0.0, kAny)
      .in("blood.art_ph", s.art_ph, 5.0, 9.0)
      .in("blood.ven_ph", s.ven_ph, 5.0, 9.0)
      .in("blood.tissue_ph", s.tissue_ph, 5.0, 9.0)
      .in("blood.art_sat", s.art_sat, 0.0, 1.0)
      .in("blood.tissue_sat", s.tissue_sat, 0.0, 1.0)
      .in("blood.o2_debt_mL", s.o2_debt_mL, -kCumulative_mL, kCumulative_mL)
      .in("blood.tissue_base_excess", s.tissue_base_excess, -kNormalBufferBase_mmol_L, 1e3);
  const BloodReadout& o = s.out;
  int i = 0;
  for (double v : {o.pao2_mmHg, o.paco2_mmHg, o.sao2, o.ph_arterial, o.hco3_mmol_L, o.pvo2_mmHg,
                   o.pvco2_mmHg, o.svo2, o.ph_venous, o.vo2_mL_min, o.vco2_mL_min, o.o2_debt_mL,
                   o.tissue_po2_mmHg, o.tissue_pco2_mmHg, o.o2_deficit_mL_s,
                   o.base_excess_arterial, o.base_excess_venous})
    c.in("blood.out", v, -kAny, kAny, i++);
}

}  // namespace resus::blood
