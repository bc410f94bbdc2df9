// The respiration model's state as a restored snapshot must hold it
// (models/common/state_check.hpp). Ranges are those the commands clamp to (respiration.cpp)
// and the physical ones of gases.
#include <initializer_list>

#include "models/respiration/respiration.hpp"

namespace resus::resp {

void check_state(const RespState& s, StateCheck& c) {
  using namespace bounds;
  constexpr double V = kVolume_mL, T = kTime_s, P = kPressure_mmHg;
  constexpr double kPartialPressure_mmHg = 2000.0;  // above any gas at one atmosphere
  c.index("resp.airway", static_cast<int32_t>(s.airway), 0, static_cast<int>(Airway::kRightMainstem))
      .index("resp.vent.mode", static_cast<int32_t>(s.vent.mode), 0, static_cast<int>(VentMode::kVentilator))
      .in("resp.vent.rate_per_min", s.vent.rate_per_min, 1.0, 100.0)
      .in("resp.vent.tidal_volume_mL", s.vent.tidal_volume_mL, 0.0, 3000.0)
      .in("resp.vent.inspiratory_time_s", s.vent.inspiratory_time_s, 0.1, 10.0)
      .in("resp.vent.peep_cmH2O", s.vent.peep_cmH2O, 0.0, 30.0)
      .in("resp.fio2", s.fio2, 0.0, 1.0)
      .in("resp.obstruction", s.obstruction, 0.0, 1.0)
      .flag("resp.spontaneous_enabled", s.spontaneous_enabled)
      .index("resp.queue_count", s.queue_count, 0, kBreathQueue);
  for (int i = 0; i < kBreathQueue; ++i)
    c.in("resp.queue.volume_mL", s.queue[i].volume_mL, 0.0, 3000.0, i)
        .in("resp.queue.inspiratory_time_s", s.queue[i].inspiratory_time_s, 0.0, 10.0, i);
  c.in("resp.bag_flow_mL_s", s.bag_flow_mL_s, 0.0, 5000.0)
      .flag("resp.dev_active", s.dev_active)
      .flag("resp.dev_square", s.dev_square)
      .in("resp.dev_t_s", s.dev_t_s, -T, T)
      .in("resp.dev_volume_mL", s.dev_volume_mL, 0.0, V)
      .in("resp.dev_ti_s", s.dev_ti_s, 0.0, 10.0)
      .in("resp.dev_cycle_t_s", s.dev_cycle_t_s, -T, T)
      .in("resp.dev_idle_s", s.dev_idle_s, -T, T)
      .in("resp.lung_volume_mL", s.lung_volume_mL, 0.0, V)
      .in("resp.pmus_cmH2O", s.pmus_cmH2O, -P, P)
      .flag("resp.breath_active", s.breath_active)
      .flag("resp.breathing", s.breathing)
      .in("resp.breath_t_s", s.breath_t_s, -T, T)
      .in("resp.breath_period_s", s.breath_period_s, 0.01, 3600.0)
      .in("resp.breath_ti_s", s.breath_ti_s, 0.0, 3600.0)
      .in("resp.breath_vt_mL", s.breath_vt_mL, 0.0, V)
      .in("resp.gasp_reserve", s.gasp_reserve, 0.0, 1.0)
      .in("resp.paco2_sensed_mmHg", s.paco2_sensed_mmHg, 0.0, kPartialPressure_mmHg)
      .in("resp.pao2_sensed_mmHg", s.pao2_sensed_mmHg, 0.0, kPartialPressure_mmHg)
      .in("resp.base_excess_sensed_mmol_L", s.base_excess_sensed_mmol_L, -40.0, 40.0)
      .in("resp.map_sensed_mmHg", s.map_sensed_mmHg, -50.0, 400.0)
      .in("resp.brain_perfusion", s.brain_perfusion, 0.0, kAny)
      .in("resp.brain_o2_delivery", s.brain_o2_delivery, 0.0, 3.0)
      .in("resp.p_o2_mL", s.p_o2_mL, 0.0, V)
      .in("resp.p_co2_mL", s.p_co2_mL, 0.0, V)
      .in("resp.p_n2_mL", s.p_n2_mL, 0.0, V)
      .in("resp.d_o2_mL", s.d_o2_mL, 0.0, V)
      .in("resp.d_co2_mL", s.d_co2_mL, 0.0, V)
      .in("resp.d_n2_mL", s.d_n2_mL, 0.0, V)
      .all_in("resp.ds_fo2", s.ds_fo2, 0.0, 1.0)
      .all_in("resp.ds_fco2", s.ds_fco2, 0.0, 1.0)
      .in("resp.dead_fraction", s.dead_fraction, 0.0, 1.0)
      .in("resp.ppa_f_mmHg", s.ppa_f_mmHg, -P, P)
      .in("resp.palv_f_mmHg", s.palv_f_mmHg, -P, P)
      .in("resp.qp_f_mL_s", s.qp_f_mL_s, -kFlow_mL_s, kFlow_mL_s)
      .in("resp.qs_f_mL_s", s.qs_f_mL_s, -kFlow_mL_s, kFlow_mL_s)
      .index("resp.gas_steps", s.gas_steps, 0, kGasSteps - 1)
      .in("resp.gas_dt_s", s.gas_dt_s, 0.0, 1.0)
      .in("resp.gas_qp_mL", s.gas_qp_mL, -V, V)
      .in("resp.gas_qs_mL", s.gas_qs_mL, -V, V)
      .in("resp.gastric_mL", s.gastric_mL, 0.0, kCumulative_mL)
      .in("resp.leak_mL", s.leak_mL, 0.0, kCumulative_mL)
      .in("resp.capno_mmHg", s.capno_mmHg, 0.0, kPartialPressure_mmHg)
      .flag("resp.flow_phase", s.flow_phase)
      .in("resp.insp_volume_mL", s.insp_volume_mL, -V, V)
      .in("resp.insp_open_mL", s.insp_open_mL, -V, V)
      .in("resp.window_max_capno_mmHg", s.window_max_capno_mmHg, 0.0, kPartialPressure_mmHg)
      .in("resp.window_expired_mL", s.window_expired_mL, -kCumulative_mL, kCumulative_mL)
      .index("resp.breaths_without_expiration", s.breaths_without_expiration, 0, INT32_MAX)
      .in("resp.last_breath_t_s", s.last_breath_t_s, -T, T)
      .index("resp.n_breaths", s.n_breaths, 0, 1000000)
      .all_in("resp.breath_times_s", s.breath_times_s, -T, T)
      .all_in("resp.breath_vts_mL", s.breath_vts_mL, -V, V)
      .in("resp.spo2_lag1", s.spo2_lag1, 0.0, 1.0)
      .in("resp.spo2_lag2", s.spo2_lag2, 0.0, 1.0)
      .in("resp.spo2_avg", s.spo2_avg, 0.0, 1.0)
      .in("resp.spo2_shown", s.spo2_shown, 0.0, 100.0)
      .in("resp.pa_mean_mmHg", s.pa_mean_mmHg, -P, P)
      .in("resp.pa_hi_mmHg", s.pa_hi_mmHg, -P, P)
      .in("resp.pa_lo_mmHg", s.pa_lo_mmHg, -P, P);
  const RespReadout& o = s.out;
  int i = 0;  // the readout's doubles in declaration order
  for (double v : {o.pleural_delta_mmHg, o.airway_pressure_cmH2O, o.airway_flow_mL_s,
                   o.alveolar_pressure_mmHg, o.lung_volume_mL, o.alveolar_po2_mmHg, o.alveolar_pco2_mmHg, o.etco2_mmHg,
                   o.capnogram_mmHg, o.resp_rate_per_min, o.tidal_volume_mL,
                   o.minute_ventilation_L_min, o.spo2_pct, o.pleth, o.perfusion_index_pct,
                   o.gastric_volume_mL, o.leak_volume_mL, o.ventilation_drive, o.tick_dt_s,
                   o.tick_pulmonary_flow_mL, o.tick_systemic_flow_mL, o.o2_uptake_mL_s,
                   o.co2_release_mL_s})
    c.in("resp.out", v, -kAny, kAny, i++);
  c.flag("resp.out.spo2_valid", o.spo2_valid)
      .flag("resp.out.spontaneous", o.spontaneous)
      .flag("resp.out.gas_tick", o.gas_tick)
      .flag("resp.out.gasping", o.gasping);
}

}  // namespace resus::resp
