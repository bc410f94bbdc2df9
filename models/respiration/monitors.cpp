// Monitors: sidestream/mainstream capnometer (first-order sensor), breath detection from flow
// at the airway opening (EtCO2 per breath, RR from intervals, Vt, minute ventilation), and a
// pulse oximeter with circulation lag, averaging and a perfusion-index gate (A.5 "SpO2").
#include <cmath>

#include "models/respiration/internal.hpp"

namespace resus::resp::detail {

namespace {
// Bilinear first-order filter gain (no exp(); dt/tau is small for every filter here).
double alpha(double dt, double tau) { return dt / ((tau > 1e-6 ? tau : 1e-6) + 0.5 * dt); }
constexpr double kInspStart_mL_s = 40.0, kInspEnd_mL_s = 10.0, kMinBreath_mL = 50.0;
}  // namespace

void update_monitors(const RespParams& p, const RespInputs& in, double dt_s, double q_open,
                     double q_lung, double mouth_pco2_mmHg, RespState& s) {
  RespReadout& o = s.out;
  s.capno_mmHg += (mouth_pco2_mmHg - s.capno_mmHg) * alpha(dt_s, p.capnometer_tau_s);
  if (q_open < 0.0) s.window_expired_mL -= q_open * dt_s;
  if (s.capno_mmHg > s.window_max_capno_mmHg) s.window_max_capno_mmHg = s.capno_mmHg;
  o.capnogram_mmHg = s.capno_mmHg;

  // Breath detection with hysteresis on the flow entering the patient.
  if (!s.flow_phase && q_open > kInspStart_mL_s) {
    s.flow_phase = 1;
    s.insp_volume_mL = 0.0;
    s.insp_open_mL = 0.0;
  }
  if (s.flow_phase) {
    s.insp_volume_mL += (q_lung > 0.0 ? q_lung : 0.0) * dt_s;
    s.insp_open_mL += (q_open > 0.0 ? q_open : 0.0) * dt_s;
    if (q_open < kInspEnd_mL_s) s.flow_phase = 0;
    if (!s.flow_phase && s.insp_open_mL >= kMinBreath_mL) {
      // A breath: inspired lung volume, or a device breath that went elsewhere.
      for (int i = kBreathHistory - 1; i > 0; --i) {
        s.breath_times_s[i] = s.breath_times_s[i - 1];
        s.breath_vts_mL[i] = s.breath_vts_mL[i - 1];
      }
      s.breath_times_s[0] = in.time_s;
      s.breath_vts_mL[0] = s.insp_volume_mL;
      if (s.n_breaths < 1000000) ++s.n_breaths;
      s.last_breath_t_s = in.time_s;
      o.tidal_volume_mL = s.insp_volume_mL;
      // EtCO2 = the peak of the capnogram over the previous breath's expiration. A breath that
      // follows no real expiration (a patient's effort stacked on a bag breath) has nothing to
      // measure: the display keeps the last end-tidal value, as a capnometer does.
      // Two such breaths in a row mean nothing comes back through the airway at all (a tube in
      // the oesophagus): then the flat capnogram is the reading.
      // Only an expiration longer than the airway dead space reaches alveolar gas (phase III).
      if (s.window_expired_mL >= p.tube_dead_space_mL) {
        s.breaths_without_expiration = 0;
        o.etco2_mmHg = s.window_max_capno_mmHg;
      } else if (++s.breaths_without_expiration >= 2) {
        o.etco2_mmHg = s.window_max_capno_mmHg;
      }
      s.window_max_capno_mmHg = s.capno_mmHg;
      s.window_expired_mL = 0.0;
    }
  }
  const int n = s.n_breaths < kBreathHistory ? s.n_breaths : kBreathHistory;
  const double since = in.time_s - s.last_breath_t_s;
  if (n >= 2 && since < p.etco2_timeout_s) {
    double interval = (s.breath_times_s[0] - s.breath_times_s[n - 1]) / (n - 1);
    if (since > interval) interval = since;  // slowing breathing shows up before the next breath
    o.resp_rate_per_min = interval > 0.1 ? 60.0 / interval : 0.0;
    double vt = 0.0;
    for (int i = 0; i < n; ++i) vt += s.breath_vts_mL[i];
    o.minute_ventilation_L_min = o.resp_rate_per_min * vt / n / 1000.0;
  } else {
    o.resp_rate_per_min = 0.0;
    o.minute_ventilation_L_min = 0.0;
  }
  if (s.n_breaths == 0 || since >= p.etco2_timeout_s) {
    o.etco2_mmHg = 0.0;
    if (since >= p.etco2_timeout_s) o.tidal_volume_mL = 0.0;
  }

  // Pulse oximeter: two circulation-lag stages that lengthen as flow falls, then averaging.
  const double qrest = p.resting_cardiac_output_mL_s;
  const double slow = clampd(qrest / (s.qs_f_mL_s > 1.0 ? s.qs_f_mL_s : 1.0), 1.0, 30.0);
  const double a_lag = alpha(dt_s, p.spo2_lag_s * slow);
  s.spo2_lag1 += (in.arterial_sat - s.spo2_lag1) * a_lag;
  s.spo2_lag2 += (s.spo2_lag1 - s.spo2_lag2) * a_lag;
  s.spo2_avg += (s.spo2_lag2 - s.spo2_avg) * alpha(dt_s, p.spo2_averaging_s);

  // Perfusion index from the pulsatile arterial pressure (peak/trough envelopes) scaled by
  // peripheral flow squared (vasoconstriction in low flow) [U].
  const double pa = in.arterial_pressure_mmHg;
  s.pa_mean_mmHg += (pa - s.pa_mean_mmHg) * alpha(dt_s, 3.0);
  const double a_env = alpha(dt_s, 1.5);
  s.pa_hi_mmHg += (s.pa_mean_mmHg - s.pa_hi_mmHg) * a_env;
  s.pa_lo_mmHg += (s.pa_mean_mmHg - s.pa_lo_mmHg) * a_env;
  if (pa > s.pa_hi_mmHg) s.pa_hi_mmHg = pa;
  if (pa < s.pa_lo_mmHg) s.pa_lo_mmHg = pa;
  const double amp = s.pa_hi_mmHg - s.pa_lo_mmHg;
  const double flow = clampd(s.qs_f_mL_s / qrest, 0.0, 1.5);
  const double pp = in.resting_pulse_pressure_mmHg > 5.0 ? in.resting_pulse_pressure_mmHg : 5.0;
  o.perfusion_index_pct = clampd(p.perfusion_index_rest_pct * amp / pp * flow * flow, 0.0, 20.0);
  o.spo2_valid = o.perfusion_index_pct >= p.perfusion_index_min_pct ? 1 : 0;
  if (o.spo2_valid) s.spo2_shown = clampd(100.0 * s.spo2_avg, 0.0, 100.0);
  o.spo2_pct = s.spo2_shown;
  const double norm = amp > 1e-3 ? clampd((pa - s.pa_lo_mmHg) / amp, 0.0, 1.0) : 0.0;
  o.pleth = norm * clampd(o.perfusion_index_pct / p.perfusion_index_rest_pct, 0.0, 1.0);
}

}  // namespace resus::resp::detail
