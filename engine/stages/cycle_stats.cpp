// The cycle-statistics stage: beat statistics (heart rate, systolic/diastolic/mean pressures,
// central pressures read at end-expiration, cardiac output, stroke volume, EF, resistances,
// coronary and cerebral perfusion and flow) accumulated every step and published when a cycle
// closes: at each ventricular activation, at each compression while compressions run, or after
// 3 s without either. And the beats' swing over each breath (pulse pressure and systolic pressure
// variation, the means of the last three breaths). Reads bus.electrical, bus.cpr, bus.lungs and
// bus.haemodynamics.
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"

namespace resus::stages::cycle {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kMaxCycle_s = 3.0;     // without a beat, cycle statistics still close this often
constexpr double kMinStroke_mL = 10.0;  // a beat ejecting less is not a mechanical beat

// A breath begins where the airway flow turns inspiratory (at most 40 a minute); in apnoea the
// beats are judged every 20 s.
constexpr double kInspiratoryFlow_mL_s = 20.0;
constexpr double kMinBreath_s = 1.5;
constexpr double kMaxBreath_s = 20.0;

constexpr int32_t kMaxBeatsPerBreath = 1000;  // 20 s at 3000/min: never reached
constexpr double kMinPulsePressure_mmHg = 1.0;

// The beats' swing over the breath just ended joins the last three; the signals are their means.
// PPV as Michard 2000 defines it: (PPmax - PPmin) / ((PPmax + PPmin) / 2). A breath with fewer
// than two beats is skipped (a fast ventilator on a slow heart), and 20 s without a beat (an
// arrest) empties the ring: no variation to read.
void end_breath(BreathVariation& v, double t, double* sig) {
  const double pp_mid = 0.5 * (v.pp_max + v.pp_min);
  if (v.beats >= 2 && pp_mid >= kMinPulsePressure_mmHg) {
    const auto slot = static_cast<std::size_t>(v.head);
    v.ppv_pct[slot] = 100.0 * (v.pp_max - v.pp_min) / pp_mid;
    v.spv_mmHg[slot] = v.sbp_max - v.sbp_min;
    v.head = (v.head + 1) % BreathVariation::kBreaths;
    v.kept = std::min(v.kept + 1, BreathVariation::kBreaths);
  } else if (t - v.last_beat_time >= kMaxBreath_s) {
    v.kept = 0;
    v.head = 0;
  }
  double ppv = 0.0, spv = 0.0;
  for (int i = 0; i < v.kept; ++i) {
    ppv += v.ppv_pct[static_cast<std::size_t>(i)] / v.kept;
    spv += v.spv_mmHg[static_cast<std::size_t>(i)] / v.kept;
  }
  sig[kPulsePressureVariation] = ppv;
  sig[kSystolicPressureVariation] = spv;
  v.breath_start_time = t;
  v.beats = 0;
  v.pp_max = v.pp_min = v.sbp_max = v.sbp_min = 0.0;
}

// A mechanical beat's systolic and pulse pressure, into the breath it fell in.
void add_beat(BreathVariation& v, double t, double systolic, double pulse_pressure) {
  v.last_beat_time = t;
  if (v.beats >= kMaxBeatsPerBreath) return;
  if (v.beats == 0) {
    v.pp_max = v.pp_min = pulse_pressure;
    v.sbp_max = v.sbp_min = systolic;
  }
  v.pp_max = std::max(v.pp_max, pulse_pressure);
  v.pp_min = std::min(v.pp_min, pulse_pressure);
  v.sbp_max = std::max(v.sbp_max, systolic);
  v.sbp_min = std::min(v.sbp_min, systolic);
  ++v.beats;
}

void close(const Model& m, SimState& s, double t, bool beat) {
  CycleStats& c = s.cycle;
  auto& sig = s.signals;
  const double duration = t - c.start_time;
  beat = beat && c.aortic_volume >= kMinStroke_mL;
  if (c.samples > 0 && duration > 0.0) {
    const double n = static_cast<double>(c.samples);
    const double map = c.sum_arterial / n;
    const double cvp = c.sum_cvp / n;
    const double pap = c.sum_pa / n;
    const double pcwp = c.sum_wedge / n;
    const double co = c.aortic_volume / duration * 0.06;  // mL/s -> L/min
    sig[kHeartRate] = beat ? 60.0 / duration : 0.0;
    sig[kSystolic] = c.max_arterial;
    sig[kDiastolic] = c.min_arterial;
    sig[kMeanArterial] = map;
    sig[kPulsePressure] = c.max_arterial - c.min_arterial;
    sig[kCentralVenous] = cvp;
    sig[kPapSystolic] = c.max_pa;
    sig[kPapDiastolic] = c.min_pa;
    sig[kPapMean] = pap;
    sig[kWedge] = pcwp;
    sig[kCardiacOutput] = co;
    sig[kCardiacOutputFraction] = co / m.resting_cardiac_output();
    sig[kStrokeVolume] = beat ? c.aortic_volume : 0.0;
    sig[kEndDiastolicVolume] = c.end_diastolic_volume;
    sig[kEndSystolicVolume] = c.min_lv_volume;
    sig[kEjectionFraction] =
        c.end_diastolic_volume > 0.0
            ? 100.0 * (c.end_diastolic_volume - c.min_lv_volume) / c.end_diastolic_volume
            : 0.0;
    sig[kSystemicResistance] = co > 1e-6 ? 80.0 * (map - cvp) / co : 0.0;
    sig[kPulmonaryResistance] = co > 1e-6 ? 80.0 * (pap - pcwp) / co : 0.0;
    sig[kCoronaryPerfusion] = c.coronary_perfusion;
    sig[kCerebralPerfusion] = map - std::max(m.params().circulation.intracranial_pressure, cvp);
    sig[kCoronaryFlow] = c.coronary_volume / duration * 60.0;
    sig[kCerebralFlow] = c.cerebral_volume / duration * 60.0;
    if (beat) add_beat(s.breath_variation, t, c.max_arterial, c.max_arterial - c.min_arterial);
  }
  c = empty(t, s.circulation.x[cv::kLV]);
}

}  // namespace

CycleStats empty(double start_time, double lv_volume_mL) {
  CycleStats c{};
  c.start_time = start_time;
  c.max_arterial = -kInf;
  c.min_arterial = kInf;
  c.max_pa = -kInf;
  c.min_pa = kInf;
  c.min_lv_volume = kInf;
  c.end_diastolic_volume = lv_volume_mL;
  c.coronary_perfusion = kNaN;  // taken from the first sample of the cycle
  return c;
}

void on_beat(const StepContext& c, SimState& s) {
  if (s.bus.cpr.compressing) return;  // cycles follow compressions (on_compression)
  const double eps = 0.5 * kStep_s;
  if (s.bus.electrical.beat) {
    close(c.model, s, c.t, true);
  } else if (c.t - s.cycle.start_time >= kMaxCycle_s - eps) {
    close(c.model, s, c.t, false);
  }
}

// Breaths are told by the airway flow turning inspiratory, whoever drives it (the patient, a bag,
// a ventilator). Compressions make the pressures follow the chest, not the breaths: no variation.
void track_breaths(const StepContext& c, SimState& s) {
  BreathVariation& v = s.breath_variation;
  if (s.bus.cpr.compressing) {
    v.beats = 0;
    v.kept = 0;
    v.head = 0;
    v.breath_start_time = c.t;
    s.signals[kPulsePressureVariation] = s.signals[kSystolicPressureVariation] = 0.0;
    return;
  }
  const double flow = c.breathing_coupled ? s.bus.lungs.airway_flow_mL_s : 0.0;
  const bool inspiration = v.last_airway_flow_mL_s <= kInspiratoryFlow_mL_s &&
                           flow > kInspiratoryFlow_mL_s;
  v.last_airway_flow_mL_s = flow;
  const double since = c.t - v.breath_start_time;
  if ((inspiration && since >= kMinBreath_s) || since >= kMaxBreath_s)
    end_breath(v, c.t, s.signals.data());
}

void accumulate(const StepContext& c, SimState& s) {
  track_breaths(c, s);
  CycleStats& y = s.cycle;
  const HaemodynamicsBus& hb = s.bus.haemodynamics;
  const auto& P = hb.h.pressure;
  if (y.samples == 0) y.coronary_perfusion = P[cv::kAorta] - P[cv::kRA];
  ++y.samples;
  y.sum_arterial += P[cv::kArteries];
  y.max_arterial = std::max(y.max_arterial, P[cv::kArteries]);
  y.min_arterial = std::min(y.min_arterial, P[cv::kArteries]);
  // CVP and wedge as read at end-expiration: the breath's pleural swing taken out.
  const LungsBus& l = s.bus.lungs;
  const double swing =
      c.breathing_coupled ? l.pleural_delta_mmHg - l.end_expiratory_pleural_mmHg : 0.0;
  y.sum_cvp += P[cv::kThoracicVeins] - swing;
  y.sum_pa += P[cv::kPulmonaryArteries];
  y.max_pa = std::max(y.max_pa, P[cv::kPulmonaryArteries]);
  y.min_pa = std::min(y.min_pa, P[cv::kPulmonaryArteries]);
  y.sum_wedge += P[cv::kPulmonaryVeins] - swing;  // a wedged catheter reads pulmonary venous pressure
  y.aortic_volume += hb.h.q_aortic * kStep_s;
  y.coronary_volume += hb.h.q_coronary * kStep_s;
  y.cerebral_volume += hb.h.q_cerebral * kStep_s;
  y.min_lv_volume = std::min(y.min_lv_volume, hb.lv_volume_mL);
}

void on_compression(const StepContext& c, SimState& s) {
  // While compressions run, the cycle statistics (SBP/DBP, CPP at the end of relaxation, CO) are
  // taken compression to compression instead of beat to beat.
  if (s.bus.cpr.new_compression) close(c.model, s, c.t, false);
}

void check(const SimState& s, StateCheck& c) {
  using namespace bounds;
  const CycleStats& y = s.cycle;
  const double P = kPressure_mmHg;
  c.in("cycle.start_time", y.start_time, -kTime_s, kTime_s)
      .index("cycle.samples", y.samples, 0, INT64_MAX)
      .in("cycle.sum_arterial", y.sum_arterial, -kAny, kAny)
      .in("cycle.sum_cvp", y.sum_cvp, -kAny, kAny)
      .in("cycle.sum_pa", y.sum_pa, -kAny, kAny)
      .in("cycle.sum_wedge", y.sum_wedge, -kAny, kAny)
      .in("cycle.aortic_volume", y.aortic_volume, -kAny, kAny)
      .in("cycle.coronary_volume", y.coronary_volume, -kAny, kAny)
      .in("cycle.cerebral_volume", y.cerebral_volume, -kAny, kAny)
      .in("cycle.end_diastolic_volume", y.end_diastolic_volume, -kVolume_mL, kVolume_mL);
  if (y.samples > 0) {
    c.in("cycle.max_arterial", y.max_arterial, -P, P)
        .in("cycle.min_arterial", y.min_arterial, -P, P)
        .in("cycle.max_pa", y.max_pa, -P, P)
        .in("cycle.min_pa", y.min_pa, -P, P)
        .in("cycle.min_lv_volume", y.min_lv_volume, -kVolume_mL, kVolume_mL)
        .in("cycle.coronary_perfusion", y.coronary_perfusion, -P, P);
  } else if (!(y.max_arterial == -kInf && y.max_pa == -kInf && y.min_arterial == kInf &&
               y.min_pa == kInf && y.min_lv_volume == kInf && std::isnan(y.coronary_perfusion))) {
    c.in("cycle.extremes (an empty cycle has none)", y.max_arterial, -kInf, -kInf);
  }
  const BreathVariation& v = s.breath_variation;
  c.in("breath_variation.breath_start_time", v.breath_start_time, -kTime_s, kTime_s)
      .in("breath_variation.last_beat_time", v.last_beat_time, -kTime_s, kTime_s)
      .in("breath_variation.last_airway_flow_mL_s", v.last_airway_flow_mL_s, -kAny, kAny)
      .index("breath_variation.beats", v.beats, 0, kMaxBeatsPerBreath)
      .index("breath_variation.kept", v.kept, 0, BreathVariation::kBreaths)
      .index("breath_variation.head", v.head, 0, BreathVariation::kBreaths - 1)
      .in("breath_variation.pp_max", v.pp_max, -P, P)
      .in("breath_variation.pp_min", v.pp_min, -P, v.pp_max)
      .in("breath_variation.sbp_max", v.sbp_max, -P, P)
      .in("breath_variation.sbp_min", v.sbp_min, -P, v.sbp_max)
      .all_in("breath_variation.ppv_pct", v.ppv_pct, 0.0, 200.0)
      .all_in("breath_variation.spv_mmHg", v.spv_mmHg, 0.0, 2.0 * P);
  if (v.kept < BreathVariation::kBreaths)  // a ring not yet full is filled from its start
    c.index("breath_variation.head (a ring not yet full)", v.head, v.kept, v.kept);
}

void rebase(SimState& s, double dt) {
  s.cycle.start_time -= dt;
  s.breath_variation.breath_start_time -= dt;
  s.breath_variation.last_beat_time -= dt;
}

}  // namespace resus::stages::cycle
