// The circulation stage: the closed-loop circulation (models/cardiovascular) integrated with
// classical RK4 over one step, its drive assembled from the bus (the reflex's effectors, the
// beat's contraction, pleural and chest pressure, the effect channels, the pericardial contents)
// and the fluids going in and out (hemorrhage, boluses). Writes bus.haemodynamics.
#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include <boost/numeric/odeint/stepper/runge_kutta4.hpp>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"
#include "models/common/units.hpp"

namespace resus::stages::circulation {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// The ODE right-hand side handed to the stepper by reference. It remembers the hemodynamics of
// the first stage of a step, which are those of the state at the start of the step.
struct System {
  const cv::Circulation* circulation;
  const cv::Drive* drive;
  cv::SeptumStart* septum;
  cv::Hemodynamics* first;
  bool captured;

  void operator()(const cv::State& x, cv::State& dxdt, double t) {
    cv::Hemodynamics h;
    circulation->evaluate(x, t, *drive, *septum, h);
    circulation->derivatives(x, h, *drive, dxdt);
    if (!captured) {
      *first = h;
      captured = true;
    }
  }
};

// A free slot; else the same fluid's slot closest to finishing is merged into; else (four other
// fluids running) the slot closest to finishing takes the new fluid's kind.
void start_fluid(CirculationState& st, resus::fluids::FluidKind kind, double volume_mL,
                 double rate_mL_s, double temperature_C) {
  const auto k = static_cast<int32_t>(kind);
  Infusion* slot = nullptr;
  for (Infusion& f : st.infusions)
    if (f.rate_mL_s == 0.0) {
      slot = &f;
      break;
    }
  if (!slot)
    for (Infusion& f : st.infusions)
      if (f.kind == k && (!slot || f.remaining_mL < slot->remaining_mL)) slot = &f;
  if (!slot) {
    slot = &st.infusions[0];
    for (Infusion& f : st.infusions)
      if (f.remaining_mL < slot->remaining_mL) slot = &f;
  }
  if (slot->rate_mL_s == 0.0) {
    *slot = Infusion{rate_mL_s, volume_mL, 0.0, temperature_C, k, 0};
  } else {
    slot->temperature_C = (slot->temperature_C * slot->remaining_mL + temperature_C * volume_mL) /
                          (slot->remaining_mL + volume_mL);
    slot->remaining_mL += volume_mL;
    slot->rate_mL_s = std::max(slot->rate_mL_s, rate_mL_s);
    slot->kind = k;
  }
}

}  // namespace

bool finite(const cv::State& x) {
  double sum = 0.0;
  for (double v : x) sum += v;
  return std::isfinite(sum);
}

cv::Drive drive(const Model& m, const SimState& s, double t, bool breathing_coupled) {
  const cv::CirculationParams& p = m.params().circulation;
  const Bus& b = s.bus;
  const AutonomicBus& a = b.autonomic;
  const ElectricalBus& e = b.electrical;
  const Effects& fx = b.effects;
  cv::Drive out{};
  // The beat's origin (a dyssynchronous ectopic beat, electromechanical dissociation) and a
  // stunned, energy-depleted muscle scale what the reflex sets.
  // A contractile state (against rest: reflex, drugs, the muscle's energy) the blood's O2 cannot
  // pay for (deep hypoxaemia) is held to what it can: the muscle's O2 use rises with it.
  const auto paid = [&e](double state) {
    return state > e.o2_inotropy_limit ? e.o2_inotropy_limit / state : 1.0;
  };
  const double lv_state = a.lv_emax / p.lv.emax * e.contractility * fx[Effect::kLvContractility];
  const double rv_state = a.rv_emax / p.rv.emax * e.contractility * e.rv_contraction *
                          fx[Effect::kRvContractility];
  const double contraction = e.beat_contraction * e.contractility;
  out.lv_emax = a.lv_emax * contraction * fx[Effect::kLvContractility] * paid(lv_state);
  out.rv_emax = a.rv_emax * contraction * e.rv_contraction * fx[Effect::kRvContractility] *
                paid(rv_state);
  out.r_splanchnic = a.r_splanchnic * fx[Effect::kSystemicResistance];
  out.r_extrasplanchnic = a.r_extrasplanchnic * fx[Effect::kSystemicResistance];
  out.vu_splanchnic_veins = a.vu_splanchnic_veins * fx[Effect::kVenousUnstressedVolume];
  out.vu_extrasplanchnic_veins = a.vu_extrasplanchnic_veins * fx[Effect::kVenousUnstressedVolume];
  out.r_coronary = p.r_coronary * fx[Effect::kCoronaryResistance];
  out.r_cerebral = p.r_cerebral * b.brain.cerebral_resistance;
  out.r_pulmonary = p.r_pulmonary * fx[Effect::kPulmonaryResistance];
  // A chronically stretched pericardium holds part of its fluid slack.
  out.pericardial_fluid_mL = b.conditions.pericardial_fluid_mL - b.conditions.pericardial_slack_mL;
  out.intrathoracic_pressure = p.intrathoracic_pressure +
                               (breathing_coupled ? b.lungs.pleural_delta_mmHg : 0.0) +
                               b.conditions.mediastinal_mmHg;
  // The lung's elastic recoil (transpulmonary pressure) above its value at FRC, from the volume
  // the lungs hold; a lung below FRC pulls on nothing.
  const resp::RespParams& lung = m.params().respiration;
  out.lung_recoil_rise_mmHg =
      breathing_coupled ? std::max(b.lungs.lung_volume_mL - lung.frc_mL, 0.0) /
                              lung.lung_compliance_mL_cmH2O / kCmH2OPerMmHg
                        : 0.0;
  out.chest_bleed_mL_s = b.conditions.chest_bleed_mL_s;
  out.compression_start_s = t;
  out.thoracic_compression_mmHg = b.chest.thoracic_mmHg;
  out.thoracic_compression_slope = b.chest.thoracic_slope;
  out.cardiac_compression_mmHg = b.chest.cardiac_mmHg;
  out.cardiac_compression_slope = b.chest.cardiac_slope;
  out.ventricular_displacement_mL = b.chest.displacement_mL;
  out.ventricular_displacement_slope = b.chest.displacement_slope;
  out.atrial_activation_time = e.atrial_activation_time;
  out.ventricular_activation_time = e.ventricular_activation_time;
  out.ventricular_systole_s = e.ventricular_systole_s;

  // Rates are cut on the last step so that a volume-limited action delivers exactly its volume.
  const CirculationState& c = s.circulation;
  out.hemorrhage_mL_s = std::min(c.bleed.rate_mL_s, c.bleed.remaining_mL / kStep_s);
  out.bleed_site = c.bleed.site == static_cast<int32_t>(BleedSiteCode::kArterial)
                       ? cv::BleedSite::kArterial
                       : cv::BleedSite::kVenous;
  double infusion = 0.0;
  for (const Infusion& f : c.infusions) infusion += std::min(f.rate_mL_s, f.remaining_mL / kStep_s);
  out.infusion_mL_s = infusion;
  out.refill_mL_s = b.fluids.refill_mL_s;
  return out;
}

bool integrate(const StepContext& c, SimState& s) {
  CirculationState& st = s.circulation;
  HaemodynamicsBus& hb = s.bus.haemodynamics;
  const cv::Drive d = drive(c.model, s, c.t, c.breathing_coupled);
  cv::Hemodynamics first;
  System system{&c.eval.circulation, &d, &st.septum, &first, false};
  const cv::State before = st.x;
  // The LV volume of the sample belongs to the start of the step, like `first`.
  const double lv_before = st.x[cv::kLV];
  // Classical RK4 keeps nothing between steps but scratch arrays of fixed size, so a stepper
  // made here costs nothing and keeps odeint out of the engine's headers.
  boost::numeric::odeint::runge_kutta4<cv::State> stepper;
  stepper.do_step(std::ref(system), st.x, c.t, kStep_s);
  cv::Circulation::clamp_valves(st.x);
  if (!finite(st.x)) {
    st.x = before;
    return false;
  }
  hb.h = first;
  hb.lv_volume_mL = lv_before;
  hb.blood_lost_mL = st.x[cv::kBloodLost] - before[cv::kBloodLost];
  const cv::State& x = st.x;
  hb.arterial_blood_mL =
      x[cv::kPulmonaryVeins] + x[cv::kLA] + x[cv::kLV] + x[cv::kAorta] + x[cv::kArteries];
  hb.venous_blood_mL = cv::Circulation::blood_volume(x) - hb.arterial_blood_mL;
  return true;
}

void book_volumes(const StepContext& c, SimState& s) {
  CirculationState& st = s.circulation;
  HaemodynamicsBus& hb = s.bus.haemodynamics;
  const double lost = hb.blood_lost_mL;
  hb.infused_hemoglobin_g = 0.0;
  hb.infused_protein_mL = 0.0;
  hb.infused_heat_capacity_J_C = hb.infused_heat_J = 0.0;
  if (st.bleed.rate_mL_s > 0.0) {
    st.bleed.lost_mL += lost;
    st.bleed.remaining_mL -= lost;
    if (st.bleed.remaining_mL <= 1e-6) {  // rounding over ~1e5 steps
      c.events.push(EventKind::kHemorrhageEnded, 0, st.bleed.lost_mL);
      st.bleed = Bleed{};
    }
  }
  for (Infusion& f : st.infusions) {
    if (f.rate_mL_s == 0.0) continue;
    const double given = std::min(f.rate_mL_s, f.remaining_mL / kStep_s) * kStep_s;
    f.infused_mL += given;
    f.remaining_mL -= given;
    const resus::fluids::FluidSpec& kind = resus::fluids::fluid_spec(static_cast<resus::fluids::FluidKind>(f.kind));
    hb.infused_hemoglobin_g += given * kind.hemoglobin_g_dL / 100.0;
    hb.infused_protein_mL += given * kind.protein;
    hb.infused_heat_capacity_J_C += given * kind.heat_capacity_J_mL_C;
    hb.infused_heat_J += given * kind.heat_capacity_J_mL_C * f.temperature_C;
    if (f.remaining_mL <= 1e-6) {
      c.events.push(EventKind::kBolusEnded, 0, f.infused_mL);
      f = Infusion{};
    }
  }
}

void apply(const StepContext& c, SimState& s, const Action& a) {
  constexpr int kBleedRate = field_index(ActionKind::kHemorrhage, "rate_mL_min");
  constexpr int kBleedVolume = field_index(ActionKind::kHemorrhage, "volume_mL");
  constexpr int kBleedSite = field_index(ActionKind::kHemorrhage, "site");
  constexpr int kBolusVolume = field_index(ActionKind::kFluidBolus, "volume_mL");
  constexpr int kBolusRate = field_index(ActionKind::kFluidBolus, "rate_mL_min");
  // A fluid_bolus (the 0.2 C struct's kind, which has no member for it) is warmed; the fluid
  // action takes a temperature.
  constexpr double kWarmed_C = 37.0;
  CirculationState& st = s.circulation;
  const auto kind = static_cast<int32_t>(a.kind);
  switch (a.kind) {
    case ActionKind::kHemorrhage:
      st.bleed.rate_mL_s = a[kBleedRate] / 60.0;
      st.bleed.remaining_mL = a[kBleedVolume] > 0.0 ? a[kBleedVolume] : kInf;
      st.bleed.lost_mL = 0.0;
      st.bleed.site = static_cast<int32_t>(a[kBleedSite]);
      c.events.push(EventKind::kActionApplied, kind, a[kBleedRate]);
      break;
    case ActionKind::kHemorrhageStop:
      if (st.bleed.rate_mL_s > 0.0) c.events.push(EventKind::kHemorrhageEnded, 0, st.bleed.lost_mL);
      st.bleed = Bleed{};
      c.events.push(EventKind::kActionApplied, kind, 0.0);
      break;
    case ActionKind::kFluidBolus:
      start_fluid(st, resus::fluids::FluidKind::kCrystalloid, a[kBolusVolume], a[kBolusRate] / 60.0,
                  kWarmed_C);
      c.events.push(EventKind::kActionApplied, kind, a[kBolusVolume]);
      break;
    case ActionKind::kFluid: {
      constexpr int kFluidKind = field_index(ActionKind::kFluid, "fluid");
      constexpr int kFluidVolume = field_index(ActionKind::kFluid, "volume_mL");
      constexpr int kFluidRate = field_index(ActionKind::kFluid, "rate_mL_min");
      constexpr int kFluidTemperature = field_index(ActionKind::kFluid, "temperature_C");
      start_fluid(st, static_cast<resus::fluids::FluidKind>(a[kFluidKind]), a[kFluidVolume],
                  a[kFluidRate] / 60.0, a[kFluidTemperature]);
      c.events.push(EventKind::kActionApplied, kind, a[kFluidVolume]);
      break;
    }
    default:
      break;
  }
}

void publish(const Model& m, const Evaluators& e, SimState& s, bool breathing_coupled,
             double* sig) {
  // Evaluated on a copy of the septal warm start, so reading signals never changes the trajectory.
  const CirculationState& st = s.circulation;
  cv::SeptumStart start = st.septum;
  const double t = now(s);
  const cv::Drive d = drive(m, s, t, breathing_coupled);
  cv::Hemodynamics h;
  e.circulation.evaluate(st.x, t, d, start, h);
  const auto& P = h.pressure;
  sig[kArterialPressure] = P[cv::kArteries];
  sig[kAorticPressure] = P[cv::kAorta];
  sig[kLvPressure] = P[cv::kLV];
  sig[kRvPressure] = P[cv::kRV];
  sig[kLaPressure] = P[cv::kLA];
  sig[kRaPressure] = P[cv::kRA];
  sig[kPaPressure] = P[cv::kPulmonaryArteries];
  sig[kLvVolume] = st.x[cv::kLV];
  sig[kRvVolume] = st.x[cv::kRV];
  sig[kPericardialPressure] = h.pericardial_pressure;
  sig[kIntrathoracicPressure] = d.intrathoracic_pressure;
  sig[kAorticFlow] = h.q_aortic;
  sig[kBloodVolume] = cv::Circulation::blood_volume(st.x);
  sig[kBloodLost] = st.x[cv::kBloodLost];
  sig[kFluidInfused] = st.x[cv::kFluidInfused];
  sig[kLvEmax] = d.lv_emax;
  sig[kCoronaryPerfusionInstant] = P[cv::kAorta] - P[cv::kRA];
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  const CirculationState& st = s.circulation;
  cv::check_state(st.x, c);
  const cv::SeptumStart& sp = st.septum;
  c.in("circulation.septum.volume", sp.volume, -kVolume_mL, kVolume_mL)
      .in("circulation.septum.lv_mL", sp.lv_mL, -kVolume_mL, kVolume_mL)
      .in("circulation.septum.rv_mL", sp.rv_mL, -kVolume_mL, kVolume_mL)
      .in("circulation.septum.activation", sp.activation, 0.0, 1.0)
      // The septum moves less than the ventricles do; a derivative beyond 1 is not physical.
      .in("circulation.septum.d_lv", sp.d_lv, -1.0, 1.0)
      .in("circulation.septum.d_rv", sp.d_rv, -1.0, 1.0)
      // Large when the walls are slack (small slopes); the prediction is clamped to +-10 mL.
      .in("circulation.septum.d_activation", sp.d_activation, -kAny, kAny)
      .in("bleed.rate_mL_s", st.bleed.rate_mL_s, 0.0, kMaxRate_mL_min / 60.0)
      .in("bleed.lost_mL", st.bleed.lost_mL, 0.0, kCumulative_mL)
      .index("bleed.site", st.bleed.site, 0, 1);
  if (!std::isinf(st.bleed.remaining_mL))
    c.in("bleed.remaining_mL", st.bleed.remaining_mL, 0.0, kMaxVolume_mL);
  for (int i = 0; i < kInfusionSlots; ++i) {
    const Infusion& f = st.infusions[static_cast<std::size_t>(i)];
    c.in("infusions.rate_mL_s", f.rate_mL_s, 0.0, kMaxRate_mL_min / 60.0, i)
        .in("infusions.remaining_mL", f.remaining_mL, 0.0, kCumulative_mL, i)
        .in("infusions.infused_mL", f.infused_mL, 0.0, kCumulative_mL, i)
        .in("infusions.temperature_C", f.temperature_C, 0.0, 45.0, i)
        .index("infusions.kind", f.kind, 0, resus::fluids::kNumFluidKinds - 1, i);
  }
}

}  // namespace resus::stages::circulation
