#include "models/cardiovascular/circulation.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace resus::cv {
namespace {

// The smooth minimum of the sternum's reach and the blood a ventricle holds is rounded over this
// width: at most 2.5 mL below the sharp minimum, where the two are equal.
constexpr double kDisplacementSoftness_mL = 5.0;

// exp() with its argument capped, so that an absurd volume gives a huge pressure, never inf.
double capped_exp(double x) { return std::exp(std::min(x, 60.0)); }

// Free-wall pressure of a chamber, its slope dP/dV and its change with the activation dP/de,
// with one exp() for all three.
struct WallPressure {
  double pressure;
  double slope;
  double by_activation;
};
WallPressure wall(const VentricleParams& c, double emax, double e, double v) {
  const double passive = c.p0 * capped_exp(c.lambda * (v - c.v0));
  const double active = emax * (v - c.vd);
  // Activation never leaves the wall softer than at rest: in a muscle too weak to contract
  // (an exhausted heart's PEA) the blend would otherwise dip below the relaxed curve each beat
  // and pump by relaxing.
  if (active < passive - c.p0) return {passive - c.p0, c.lambda * passive, 0.0};
  return {e * active + (1.0 - e) * (passive - c.p0), e * emax + (1.0 - e) * c.lambda * passive,
          active - (passive - c.p0)};
}

// The septum's pressure (the left-to-right pressure difference across it), slope and change with
// the activation. Its relaxed curve is Smith's exponential for a bow into the right ventricle and
// the same curve mirrored for a bow into the left: a membrane resists bending either way, where
// Smith's one-sided curve levels off at -P0 (-1.1 mmHg), so that a right ventricle filled 1.1 mmHg
// above the left could push the septum without limit into the left and eject by the left's free
// wall (models/thrombosis README). Contracted, it is pulled toward Vd whichever side it lies on;
// the free walls' guard against a contraction softer than rest is not needed here, since the
// mirrored curve outgrows Emax (V - Vd) only beyond ~15 mL of bow (~700 mmHg).
WallPressure septal_wall(const VentricleParams& s, double e, double v) {
  const double bow = v - s.v0;
  const double stretch = s.p0 * capped_exp(s.lambda * std::abs(bow));
  const double passive = std::copysign(stretch - s.p0, bow);
  const double active = s.emax * (v - s.vd);
  return {e * active + (1.0 - e) * passive, e * s.emax + (1.0 - e) * s.lambda * stretch,
          active - passive};
}

// The transmural pressure a compartment's meeting walls add at volume `v` (C1 at the onset).
double collapse_pressure(const CollapseParams& c, double v) {
  const double depth = c.onset_mL - v;
  if (depth <= 0.0) return 0.0;
  if (depth < c.width_mL) return -c.slope * depth * depth / (2.0 * c.width_mL);
  return -c.slope * (depth - 0.5 * c.width_mL);
}

// The septal solve stops after a Newton step below this. Newton's error after a step s is about
// (F''/2F') s^2, and the septum's curve (lambda 0.435/mL, Smith 2004) bounds F''/2F' by ~0.22/mL,
// so the volume is then within ~2e-9 mL and the pressures, corrected to first order, within
// ~1e-8 mmHg. A tighter bound (1e-6 until 2026-12) bought nothing but a second iteration in four
// solves of ten: one RK4 evaluation in twenty-five more, of three exp() each.
constexpr double kSeptumTolerance_mL = 1e-4;

// Flow through a vessel resistance, either direction.
double flow(double p_in, double p_out, double r) { return (p_in - p_out) / r; }

// Valve flow with inertance: L dQ/dt = dP - R Q while open; a closed valve (Q <= 0 and the
// pressure difference not pushing it open) holds Q = 0.
double valve_derivative(const ValveParams& v, double q, double dp) {
  if (q <= 0.0 && dp <= 0.0) return 0.0;
  return (dp - v.resistance * std::max(q, 0.0)) / v.inertance;
}

}  // namespace

double activation(double elapsed, double rise, double fall) {
  if (!(elapsed > 0.0)) return 0.0;
  if (elapsed < rise) return 0.5 * (1.0 - std::cos(std::numbers::pi * elapsed / rise));
  const double r = elapsed - rise;
  if (r < fall) return 0.5 * (1.0 + std::cos(std::numbers::pi * r / fall));
  return 0.0;
}

double ventricular_systole(const CirculationParams& p, double period_s) {
  const double f = 1.0 / std::max(period_s, 0.2);
  // Never shorter than 0.15 s nor longer than 90% of the period.
  return std::clamp(p.systole_intercept_s - p.systole_slope_s2 * f, 0.15, 0.9 * period_s);
}

Circulation::Septum Circulation::solve_septum(const VentricleParams& lv,
                                              const VentricleParams& rv, double vlv, double vrv,
                                              double e, SeptumStart& start) const {
  // Smith 2004: the septal pressure equals the free-wall pressure difference,
  //   Pspt(Vspt) = Plvf(Vlv - Vspt) - Prvf(Vrv + Vspt),
  // monotonic in Vspt, solved by damped Newton started from the last solution moved to first
  // order with the volumes and the activation. Newton converges quadratically, so after a step
  // below kSeptumTolerance_mL the error is ~1e-9 mL and the free-wall pressures are corrected to
  // first order instead of being evaluated again.
  const VentricleParams& s = p_->septum;
  const double predicted = start.d_lv * (vlv - start.lv_mL) + start.d_rv * (vrv - start.rv_mL) +
                           start.d_activation * (e - start.activation);
  double v = start.volume + std::clamp(predicted, -10.0, 10.0);
  for (int i = 0;; ++i) {
    const WallPressure spt = septal_wall(s, e, v);
    const WallPressure left = wall(lv, lv.emax, e, vlv - v);
    const WallPressure right = wall(rv, rv.emax, e, vrv + v);
    const double slope = spt.slope + left.slope + right.slope;
    const double step =
        std::clamp((spt.pressure - left.pressure + right.pressure) / slope, -10.0, 10.0);
    v -= step;
    if (std::abs(step) < kSeptumTolerance_mL || i == 30) {
      // The implicit function's derivatives at the solution, for the next start.
      start = SeptumStart{v, vlv, vrv, e, left.slope / slope, -right.slope / slope,
                          -(spt.by_activation - left.by_activation + right.by_activation) / slope};
      return {v, left.pressure + left.slope * step, right.pressure - right.slope * step};
    }
  }
}

void Circulation::evaluate(const State& x, double t, const Drive& d, SeptumStart& start,
                           Hemodynamics& h) const {
  const CirculationParams& p = *p_;
  const double since = t - d.compression_start_s;
  const double pth =
      d.intrathoracic_pressure + d.thoracic_compression_mmHg + d.thoracic_compression_slope * since;
  const double squeeze = d.cardiac_compression_mmHg + d.cardiac_compression_slope * since;

  const double ts = d.ventricular_systole_s;
  const double ev = activation(t - d.ventricular_activation_time, p.systole_rise_fraction * ts,
                               (1.0 - p.systole_rise_fraction) * ts);
  const double ea = activation(t - d.atrial_activation_time, 0.5 * p.atrial_systole_s,
                               0.5 * p.atrial_systole_s);
  h.ventricular_activation = ev;
  h.atrial_activation = ea;

  const double heart_volume = x[kLA] + x[kLV] + x[kRA] + x[kRV] + d.pericardial_fluid_mL;
  h.pericardial_pressure =
      p.pericardium_p0 * (capped_exp(p.pericardium_lambda * (heart_volume - p.pericardium_v0)) -
                          1.0) +
      pth + squeeze;
  const double pperi = h.pericardial_pressure;

  // The septal solve uses the reflex-adjusted free-wall elastances.
  VentricleParams lv = p.lv, rv = p.rv;
  lv.emax = d.lv_emax;
  rv.emax = d.rv_emax;
  // The sternum's indentation takes part of the left ventricle's cavity (the area of maximal
  // compression is the left heart's outflow, Hwang 2009): its walls are loaded as if it held that
  // much more, so a compression ejects a volume against whatever the aorta holds. It cannot take
  // more than the blood there is: an emptied ventricle is only flattened (a smooth minimum with
  // the volume above the walls' meeting, rounded over kDisplacementSoftness).
  const double reach =
      std::max(d.ventricular_displacement_mL + d.ventricular_displacement_slope * since, 0.0);
  double displaced = 0.0;
  if (reach > 0.0) {
    const double holds = std::max(x[kLV] - p.collapse.onset_mL, 0.0);
    const double gap = reach - holds;
    displaced = std::max(
        0.5 * (reach + holds -
               std::sqrt(gap * gap + kDisplacementSoftness_mL * kDisplacementSoftness_mL)),
        0.0);
  }
  const Septum septum = solve_septum(lv, rv, x[kLV] + displaced, x[kRV], ev, start);
  h.septal_volume = septum.volume;

  auto& P = h.pressure;
  P[kLV] = septum.lv_free_wall + pperi;
  P[kRV] = septum.rv_free_wall + pperi;
  P[kLA] = (p.la.emin + ea * (p.la.emax - p.la.emin)) * (x[kLA] - p.la.v0) + pperi;
  P[kRA] = (p.ra.emin + ea * (p.ra.emax - p.ra.emin)) * (x[kRA] - p.ra.v0) + pperi;
  for (int chamber : {kLA, kLV, kRA, kRV}) P[chamber] += collapse_pressure(p.collapse, x[chamber]);

  auto vessel = [&](int i, const VesselParams& vp, double vu, double external) {
    P[i] = vp.elastance * (x[i] - vu) + external + collapse_pressure(p.collapse, x[i]);
  };
  vessel(kAorta, p.aorta, p.aorta.unstressed_volume, pth);
  vessel(kArteries, p.systemic_arteries, p.systemic_arteries.unstressed_volume, 0.0);
  vessel(kSplanchnicVeins, p.splanchnic_veins, d.vu_splanchnic_veins, 0.0);
  vessel(kExtrasplanchnicVeins, p.extrasplanchnic_veins, d.vu_extrasplanchnic_veins, 0.0);
  vessel(kJugularVeins, p.jugular_veins, p.jugular_veins.unstressed_volume, 0.0);
  vessel(kThoracicVeins, p.thoracic_veins, p.thoracic_veins.unstressed_volume, pth);
  // The extra-alveolar vessels feel less than pleural pressure as the inflating lung pulls on
  // them: a breath in draws blood into the lungs, and away from the left heart.
  vessel(kPulmonaryArteries, p.pulmonary_arteries, p.pulmonary_arteries.unstressed_volume,
         pth - p.pulmonary_artery_tethering * d.lung_recoil_rise_mmHg);
  vessel(kPulmonaryVeins, p.pulmonary_veins, p.pulmonary_veins.unstressed_volume,
         pth - p.pulmonary_vein_tethering * d.lung_recoil_rise_mmHg);

  h.q_mitral = std::max(x[kQMitral], 0.0);
  h.q_aortic = std::max(x[kQAortic], 0.0);
  h.q_tricuspid = std::max(x[kQTricuspid], 0.0);
  h.q_pulmonic = std::max(x[kQPulmonic], 0.0);

  h.q_aorta_arteries = flow(P[kAorta], P[kArteries], p.r_aorta_arteries);
  // Coronary flow: aortic root to the coronary sinus, throttled by intramyocardial pressure.
  const double intramyocardial = pperi + p.intramyocardial_factor * std::max(P[kLV] - pperi, 0.0);
  h.q_coronary = flow(P[kAorta], std::max(P[kRA], intramyocardial), d.r_coronary);
  // Cerebral bed: a Starling resistor whose outflow pressure is the larger of ICP and jugular.
  h.q_cerebral =
      std::max(flow(P[kArteries], std::max(p.intracranial_pressure, P[kJugularVeins]),
                    d.r_cerebral),
               0.0);
  h.q_splanchnic = flow(P[kArteries], P[kSplanchnicVeins], d.r_splanchnic);
  h.q_extrasplanchnic = flow(P[kArteries], P[kExtrasplanchnicVeins], d.r_extrasplanchnic);
  h.q_splanchnic_return = flow(P[kSplanchnicVeins], P[kThoracicVeins], p.r_splanchnic_veins);
  h.q_extrasplanchnic_return =
      flow(P[kExtrasplanchnicVeins], P[kThoracicVeins], p.r_extrasplanchnic_veins);
  // Thoracic-inlet (jugular) venous valve: flow only toward the chest.
  h.q_jugular_return = std::max(flow(P[kJugularVeins], P[kThoracicVeins], p.r_jugular_valve), 0.0);
  h.q_vena_cava = flow(P[kThoracicVeins], P[kRA], p.r_vena_cava_atrium);
  h.q_pulmonary = flow(P[kPulmonaryArteries], P[kPulmonaryVeins], d.r_pulmonary);
  h.q_pulmonary_veins = flow(P[kPulmonaryVeins], P[kLA], p.r_pulmonary_veins);

  // Bleeding tapers off as the source compartment empties, and stops once the vessel's wall
  // would have to suck to give more: a bleed run on below the unstressed volume, where the linear
  // wall pulls at hundreds of mmHg, drained every other compartment through its source and took
  // total blood volume below zero. Between -5 and -10 mmHg it tapers to nothing; an ordinary
  // haemorrhage never gets there.
  const int source = d.bleed_site == BleedSite::kArterial ? kArteries : kExtrasplanchnicVeins;
  h.q_hemorrhage = d.hemorrhage_mL_s * std::clamp((x[source] - 20.0) / 50.0, 0.0, 1.0) *
                   std::clamp((P[source] + 10.0) / 5.0, 0.0, 1.0);
  h.q_infusion = d.infusion_mL_s;
}

void Circulation::derivatives(const State& x, const Hemodynamics& h, const Drive& d,
                              State& dxdt) const {
  const CirculationParams& p = *p_;
  const auto& P = h.pressure;
  dxdt[kLA] = h.q_pulmonary_veins - h.q_mitral;
  dxdt[kLV] = h.q_mitral - h.q_aortic;
  dxdt[kRA] = h.q_vena_cava + h.q_coronary - h.q_tricuspid;
  dxdt[kRV] = h.q_tricuspid - h.q_pulmonic;
  dxdt[kAorta] = h.q_aortic - h.q_aorta_arteries - h.q_coronary;
  dxdt[kArteries] = h.q_aorta_arteries - h.q_splanchnic - h.q_extrasplanchnic - h.q_cerebral;
  dxdt[kSplanchnicVeins] = h.q_splanchnic - h.q_splanchnic_return;
  dxdt[kExtrasplanchnicVeins] =
      h.q_extrasplanchnic - h.q_extrasplanchnic_return + h.q_infusion + d.refill_mL_s;
  dxdt[kJugularVeins] = h.q_cerebral - h.q_jugular_return;
  dxdt[kThoracicVeins] =
      h.q_splanchnic_return + h.q_extrasplanchnic_return + h.q_jugular_return - h.q_vena_cava;
  dxdt[kPulmonaryArteries] = h.q_pulmonic - h.q_pulmonary;
  dxdt[kPulmonaryVeins] = h.q_pulmonary - h.q_pulmonary_veins;

  const int source = d.bleed_site == BleedSite::kArterial ? kArteries : kExtrasplanchnicVeins;
  dxdt[source] -= h.q_hemorrhage;
  // A haemopericardium or haemothorax: blood out of the circulation, into the pericardium or a
  // pleura (models/thorax holds it); the circulation counts it as lost.
  dxdt[kAorta] -= d.chest_bleed_mL_s;
  dxdt[kBloodLost] = h.q_hemorrhage + d.chest_bleed_mL_s;
  dxdt[kFluidInfused] = h.q_infusion;
  dxdt[kRefilled] = d.refill_mL_s;

  dxdt[kQMitral] = valve_derivative(p.mitral, x[kQMitral], P[kLA] - P[kLV]);
  dxdt[kQAortic] = valve_derivative(p.aortic, x[kQAortic], P[kLV] - P[kAorta]);
  dxdt[kQTricuspid] = valve_derivative(p.tricuspid, x[kQTricuspid], P[kRA] - P[kRV]);
  dxdt[kQPulmonic] = valve_derivative(p.pulmonic, x[kQPulmonic], P[kRV] - P[kPulmonaryArteries]);
}

void Circulation::clamp_valves(State& x) {
  for (int i = kQMitral; i <= kQPulmonic; ++i) x[i] = std::max(x[i], 0.0);
}

double Circulation::blood_volume(const State& x) {
  double v = 0.0;
  for (int i = 0; i < kNumVolumes; ++i) v += x[i];
  return v;
}

}  // namespace resus::cv
