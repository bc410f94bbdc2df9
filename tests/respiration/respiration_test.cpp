// Standalone tests of the respiration model (models/respiration): scripted RespInputs, no
// engine. Each physiological check names its source and range (physiology.md Part B, A.2, A.5).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>

#include "models/respiration/internal.hpp"
#include "models/respiration/respiration.hpp"

namespace {

using namespace resus::resp;
using resus::blood::BloodParams;
using resus::blood::BloodReadout;
using resus::blood::BloodState;
constexpr double kDt = 0.002;

RespInputs rest_inputs(double flow = 83.3) {
  RespInputs in = resting_inputs(default_resp_params(70), BloodState{}, 15.0);
  in.pulmonary_flow_mL_s = flow;
  in.systemic_flow_mL_s = flow;
  return in;
}

// The lungs with the blood they exchange with (models/blood), as the engine's breathing and
// blood stages run them.
struct Sim {
  RespParams p = default_resp_params(70.0);
  BloodParams bp = resus::blood::default_blood_params(70.0, 15.0);
  Respiration r{p, bp};
  BloodState blood{};
  RespState s = initial_state(p, bp, blood);
  double t = 0.0;
  const BloodReadout& b() const { return blood.out; }
  // Run for `secs`, pulsatile arterial pressure with amplitude proportional to flow.
  template <class F>
  void run(RespInputs in, double secs, F&& each) {
    const int n = static_cast<int>(secs / kDt + 0.5);
    const double amp = 20.0 * std::min(1.0, in.systemic_flow_mL_s / 83.3);
    for (int k = 0; k < n; ++k) {
      t += kDt;
      in.arterial_pressure_mmHg = 93.0 * std::min(1.0, in.systemic_flow_mL_s / 83.3 + 0.1) +
                                  amp * std::sin(2.0 * M_PI * 1.25 * t);
      in.time_s = t;
      step_with_blood(r, in, kDt, s, blood);
      each(s.out, blood.out);
    }
  }
  void run(RespInputs in, double secs) {
    run(in, secs, [](const RespReadout&, const BloodReadout&) {});
  }
};

VentSettings bag(double rate, double vt, double ti = 1.0, double peep = 0.0) {
  return VentSettings{VentMode::kBagRate, rate, vt, ti, peep};
}

// 1. Resting adult. B.1 rows 12-15, 17.
// Agonal gasping is a starved brainstem's (models/respiration README): with its gate partly
// closed and a chemical drive that would breathe it gasps; a hyperventilated one (PaCO2 25, no
// drive) with the same gate does not, its apnoea being for want of CO2 (hypocapnia narrows the
// cerebral vessels and lowers the flow the gate sees, models/brain).
TEST(Respiration, OnlyABrainstemThatWouldBreatheGaspsWhenItsFlowFails) {
  const RespParams p = default_resp_params(70.0);
  const BloodParams bp = resus::blood::default_blood_params(70.0, 15.0);
  BloodState blood{};
  auto gasps_within_a_minute = [&](double paco2_mmHg) {
    RespState s = initial_state(p, bp, blood);
    s.brain_perfusion = 0.3;  // below the gate's lower end: no ordinary breathing
    s.paco2_sensed_mmHg = paco2_mmHg;
    s.gasp_reserve = 1.0;
    bool gasped = false;
    for (int i = 0; i < 30000; ++i) {
      detail::update_pattern(p, s, kDt, 1.0, 200.0);
      gasped = gasped || s.out.gasping == 1;
    }
    return gasped;
  };
  EXPECT_TRUE(gasps_within_a_minute(40.0));
  EXPECT_FALSE(gasps_within_a_minute(25.0));
}

TEST(Respiration, RestingAdultRoomAir) {
  Sim m;
  m.run(rest_inputs(), 300.0);
  const RespReadout& o = m.s.out;
  const BloodReadout& b = m.b();
  std::printf("rest: RR %.1f Vt %.0f MV %.2f SpO2 %.1f PaO2 %.1f PaCO2 %.1f EtCO2 %.1f pH %.3f "
              "HCO3 %.1f VO2 %.0f VCO2 %.0f PvO2 %.1f PvCO2 %.1f SvO2 %.3f valid %d PI %.2f\n",
              o.resp_rate_per_min, o.tidal_volume_mL, o.minute_ventilation_L_min, o.spo2_pct,
              b.pao2_mmHg, b.paco2_mmHg, o.etco2_mmHg, b.ph_arterial, b.hco3_mmol_L,
              b.vo2_mL_min, b.vco2_mL_min, b.pvo2_mmHg, b.pvco2_mmHg, b.svo2, o.spo2_valid,
              o.perfusion_index_pct);
  EXPECT_GE(o.resp_rate_per_min, 12.0); EXPECT_LE(o.resp_rate_per_min, 20.0);   // row 12
  EXPECT_GE(o.tidal_volume_mL, 6 * 70.0); EXPECT_LE(o.tidal_volume_mL, 8 * 70.0);
  EXPECT_GE(o.spo2_pct, 95.0); EXPECT_LE(o.spo2_pct, 100.0);                   // row 13
  EXPECT_EQ(o.spo2_valid, 1);
  EXPECT_GE(b.pao2_mmHg, 80.0); EXPECT_LE(b.pao2_mmHg, 100.0);
  EXPECT_GE(b.paco2_mmHg, 35.0); EXPECT_LE(b.paco2_mmHg, 45.0);                // row 14
  EXPECT_GE(o.etco2_mmHg, 35.0); EXPECT_LE(o.etco2_mmHg, 45.0);
  EXPECT_GE(b.paco2_mmHg - o.etco2_mmHg, 2.0); EXPECT_LE(b.paco2_mmHg - o.etco2_mmHg, 5.0);
  EXPECT_GE(b.ph_arterial, 7.35); EXPECT_LE(b.ph_arterial, 7.45);              // row 15
  EXPECT_GE(b.hco3_mmol_L, 22.0); EXPECT_LE(b.hco3_mmol_L, 26.0);
  EXPECT_NEAR(b.vo2_mL_min, 250.0, 25.0);                                       // row 17
  EXPECT_NEAR(b.vco2_mL_min, 200.0, 20.0);
  EXPECT_EQ(o.spontaneous, 1);
}

// 2. Apnoea. B.4 row 76 (Farmery & Roe 1996, generous 40-150 s), Benumof 1997 (> 5 min after
// pre-oxygenation), row 77 (PaCO2 +8-16 mmHg first minute, then 3-4 mmHg/min, generous 2-5).
TEST(Respiration, ApnoeaDesaturationAndCo2Rise) {
  Sim m;
  m.run(rest_inputs(), 30.0);
  Respiration::set_spontaneous_enabled(m.s, false);
  const double pa0 = m.b().paco2_mmHg;
  double t90 = -1.0, pa60 = 0.0, pa120 = 0.0, pa180 = 0.0, t = 0.0;
  m.run(rest_inputs(), 240.0, [&](const RespReadout&, const BloodReadout& o) {
    t += kDt;
    if (t90 < 0 && o.sao2 < 0.90) t90 = t;
    if (std::fabs(t - 60.0) < 1e-3) pa60 = o.paco2_mmHg;
    if (std::fabs(t - 120.0) < 1e-3) pa120 = o.paco2_mmHg;
    if (std::fabs(t - 180.0) < 1e-3) pa180 = o.paco2_mmHg;
  });
  std::printf("apnoea air: t90 %.0f s, PaCO2 %.1f -> %.1f (1 min) %.1f (2) %.1f (3)\n", t90, pa0,
              pa60, pa120, pa180);
  EXPECT_GE(t90, 40.0); EXPECT_LE(t90, 150.0);
  EXPECT_GE(pa60 - pa0, 8.0); EXPECT_LE(pa60 - pa0, 16.0);
  EXPECT_GE((pa180 - pa60) / 2.0, 2.0); EXPECT_LE((pa180 - pa60) / 2.0, 5.0);

  Sim o2;
  Respiration::set_fio2(o2.s, 1.0);
  o2.run(rest_inputs(), 180.0);
  Respiration::set_spontaneous_enabled(o2.s, false);
  double t90b = -1.0; t = 0.0;
  o2.run(rest_inputs(), 330.0, [&](const RespReadout&, const BloodReadout& o) {
    t += kDt;
    if (t90b < 0 && o.sao2 < 0.90) t90b = t;
  });
  std::printf("apnoea after preoxygenation: t90 %s %.0f s\n", t90b < 0 ? ">" : "=", t90b < 0 ? 330.0 : t90b);
  EXPECT_TRUE(t90b < 0 || t90b > 300.0);
}

// 3. Chemoreflex: no growing oscillation over 20 min; VCO2 up (fever, Q10) -> VE up.
TEST(Respiration, ChemoreflexStableAndResponsive) {
  Sim m;
  double lo1 = 1e9, hi1 = -1e9, lo2 = 1e9, hi2 = -1e9, t = 0.0;
  m.run(rest_inputs(), 1200.0, [&](const RespReadout&, const BloodReadout& o) {
    t += kDt;
    if (t > 300 && t < 600) { lo1 = std::min(lo1, o.paco2_mmHg); hi1 = std::max(hi1, o.paco2_mmHg); }
    if (t > 900) { lo2 = std::min(lo2, o.paco2_mmHg); hi2 = std::max(hi2, o.paco2_mmHg); }
  });
  std::printf("chemoreflex: PaCO2 swing 5-10 min %.2f, 15-20 min %.2f, final %.1f MV %.2f\n",
              hi1 - lo1, hi2 - lo2, m.b().paco2_mmHg, m.s.out.minute_ventilation_L_min);
  EXPECT_LE(hi2 - lo2, hi1 - lo1 + 0.2);
  EXPECT_LT(hi2 - lo2, 3.0);
  const double ve0 = m.s.out.minute_ventilation_L_min;
  RespInputs fever = rest_inputs();
  fever.temperature_C = 39.0;
  m.run(fever, 300.0);
  std::printf("fever 39: MV %.2f -> %.2f, PaCO2 %.1f\n", ve0, m.s.out.minute_ventilation_L_min,
              m.b().paco2_mmHg);
  EXPECT_GT(m.s.out.minute_ventilation_L_min, ve0 * 1.08);
}

RespInputs arrest_inputs(double flow) {
  RespInputs in = rest_inputs(flow);
  in.cerebral_flow_ratio = 0.3;
  in.pulmonary_artery_mmHg = 12.0;
  return in;
}

// 4. Devices (A.5 "Mechanics" [U]).
TEST(Respiration, BagMaskLeakAndGastricInflation) {
  Sim m;
  Respiration::set_spontaneous_enabled(m.s, false);
  Respiration::set_airway(m.s, Airway::kBagMask);
  Respiration::set_ventilation(m.s, VentSettings{VentMode::kManual, 10, 0, 1, 0});
  for (int i = 0; i < 2; ++i) {
    Respiration::request_breath(m.s, 600.0, 0.4);
    m.run(rest_inputs(), 3.0);
  }
  std::printf("mask 600 mL/0.4 s: gastric %.0f leak %.0f\n", m.s.out.gastric_volume_mL,
              m.s.out.leak_volume_mL);
  EXPECT_GT(m.s.out.gastric_volume_mL, 20.0);
  EXPECT_GT(m.s.out.leak_volume_mL, 20.0);

  Sim slow;
  Respiration::set_spontaneous_enabled(slow.s, false);
  Respiration::set_airway(slow.s, Airway::kBagMask);
  Respiration::set_ventilation(slow.s, VentSettings{VentMode::kManual, 10, 0, 1, 0});
  for (int i = 0; i < 2; ++i) {
    EXPECT_TRUE(Respiration::request_breath(slow.s, 400.0, 1.5));
    slow.run(rest_inputs(), 5.0);
  }
  std::printf("mask 400 mL/1.5 s: gastric %.1f leak %.1f Vt %.0f\n", slow.s.out.gastric_volume_mL,
              slow.s.out.leak_volume_mL, slow.s.out.tidal_volume_mL);
  EXPECT_LT(slow.s.out.gastric_volume_mL, 1.0);
  EXPECT_LT(slow.s.out.leak_volume_mL, 1.0);
  EXPECT_GT(slow.s.out.tidal_volume_mL, 350.0);
  // Queue of 4.
  for (int i = 0; i < 4; ++i) EXPECT_TRUE(Respiration::request_breath(slow.s, 400.0, 1.0));
  EXPECT_FALSE(Respiration::request_breath(slow.s, 400.0, 1.0));
}

struct TubeResult { double peak_paw, pao2, etco2, gastric, leak, sao2; };
TubeResult tube(Airway a, double secs = 180.0) {
  Sim m;
  Respiration::set_spontaneous_enabled(m.s, false);
  Respiration::set_airway(m.s, a);
  Respiration::set_ventilation(m.s, VentSettings{VentMode::kVentilator, 12, 500, 1.0, 5});
  m.run(rest_inputs(), secs - 20.0);
  double peak = 0;
  m.run(rest_inputs(), 20.0, [&](const RespReadout& o, const BloodReadout&) {
    peak = std::max(peak, o.airway_pressure_cmH2O);
  });
  return {peak, m.b().pao2_mmHg, m.s.out.etco2_mmHg, m.s.out.gastric_volume_mL,
          m.s.out.leak_volume_mL, m.b().sao2};
}

TEST(Respiration, TubesOesophagealAndMainstem) {
  const TubeResult ett = tube(Airway::kTrachealTube);
  const TubeResult oes = tube(Airway::kOesophagealTube);
  const TubeResult rms = tube(Airway::kRightMainstem);
  std::printf("ETT: peak %.1f PaO2 %.0f EtCO2 %.1f gastric %.0f leak %.0f\n", ett.peak_paw,
              ett.pao2, ett.etco2, ett.gastric, ett.leak);
  std::printf("oesophageal: PaO2 %.0f SaO2 %.2f EtCO2 %.1f gastric %.0f\n", oes.pao2, oes.sao2,
              oes.etco2, oes.gastric);
  std::printf("right mainstem: peak %.1f PaO2 %.0f\n", rms.peak_paw, rms.pao2);
  EXPECT_EQ(ett.gastric, 0.0);
  EXPECT_EQ(ett.leak, 0.0);
  EXPECT_GT(ett.etco2, 25.0);
  EXPECT_LT(oes.etco2, 1.0);
  EXPECT_GT(oes.gastric, 10000.0);
  EXPECT_LT(oes.sao2, 0.85);  // 3 min of apnoea with no alveolar ventilation
  EXPECT_GT(rms.peak_paw, ett.peak_paw + 2.0);
  EXPECT_LT(rms.pao2, ett.pao2 - 10.0);
}

// 5. Pleural pressure (A.2 "Ventilation": each breath raises Pth by ~0.3-0.5 of Paw).
double mean_pleural(Airway a, VentSettings v, double* ratio = nullptr) {
  Sim m;
  Respiration::set_spontaneous_enabled(m.s, false);
  Respiration::set_airway(m.s, a);
  Respiration::set_ventilation(m.s, v);
  m.run(rest_inputs(), 30.0);
  double sum = 0, n = 0, ppl_max = -1e9, ppl_min = 1e9, paw_max = -1e9, paw_min = 1e9;
  m.run(rest_inputs(), 30.0, [&](const RespReadout& o, const BloodReadout&) {
    sum += o.pleural_delta_mmHg; n += 1;
    ppl_max = std::max(ppl_max, o.pleural_delta_mmHg); ppl_min = std::min(ppl_min, o.pleural_delta_mmHg);
    paw_max = std::max(paw_max, o.airway_pressure_cmH2O); paw_min = std::min(paw_min, o.airway_pressure_cmH2O);
  });
  if (ratio) *ratio = (ppl_max - ppl_min) * 1.36 / (paw_max - paw_min);
  return sum / n;
}

TEST(Respiration, PleuralPressureFromVentilation) {
  double ratio = 0;
  const double base = mean_pleural(Airway::kTrachealTube, VentSettings{VentMode::kVentilator, 10, 500, 1.0, 0}, &ratio);
  const double peep = mean_pleural(Airway::kTrachealTube, VentSettings{VentMode::kVentilator, 10, 500, 1.0, 10});
  const double fast = mean_pleural(Airway::kTrachealTube, VentSettings{VentMode::kVentilator, 30, 500, 1.0, 0});
  std::printf("pleural mean: base %.2f PEEP10 %.2f rate30 %.2f mmHg; dPpl/dPaw %.2f\n", base,
              peep, fast, ratio);
  EXPECT_GT(peep, base + 2.0);
  EXPECT_GT(fast, base + 0.5);
  EXPECT_GE(ratio, 0.3); EXPECT_LE(ratio, 0.5);
}

// 6. Low flow (A.5 "Low-flow behaviour"; Weil 1986 venous paradox; Weil 1985 EtCO2 ~ CO).
RespState cpr_state(Sim& m) {
  Respiration::set_spontaneous_enabled(m.s, false);
  Respiration::set_airway(m.s, Airway::kTrachealTube);
  Respiration::set_ventilation(m.s, bag(10, 500, 1.0));
  return m.s;
}

TEST(Respiration, LowFlowVenousParadoxAndEtco2) {
  Sim m;
  cpr_state(m);
  m.run(arrest_inputs(20.0), 120.0);
  std::printf("CPR 20 mL/s 2 min: PaCO2 %.1f PvCO2 %.1f EtCO2 %.1f pHa %.2f pHv %.2f SpO2 valid %d\n",
              m.b().paco2_mmHg, m.b().pvco2_mmHg, m.s.out.etco2_mmHg, m.b().ph_arterial,
              m.b().ph_venous, m.s.out.spo2_valid);
  EXPECT_GT(m.b().pvco2_mmHg - m.b().paco2_mmHg, 10.0);
  EXPECT_EQ(m.s.out.spo2_valid, 0);

  double prev = -1.0;
  for (double q : {10.0, 20.0, 30.0, 40.0}) {
    Sim k;
    cpr_state(k);
    k.run(arrest_inputs(q), 120.0);
    std::printf("flow %.0f: EtCO2 %.1f\n", q, k.s.out.etco2_mmHg);
    EXPECT_GT(k.s.out.etco2_mmHg, prev);
    prev = k.s.out.etco2_mmHg;
  }

  Sim z;
  cpr_state(z);
  z.run(arrest_inputs(0.0), 90.0);
  std::printf("zero flow 90 s: EtCO2 %.1f\n", z.s.out.etco2_mmHg);
  EXPECT_LT(z.s.out.etco2_mmHg, 5.0);

  // ROSC washout overshoot after 5 min of low flow, ventilation 12 x 550 mL throughout.
  Sim w;
  cpr_state(w);
  Respiration::set_ventilation(w.s, bag(12, 550, 1.0));
  w.run(arrest_inputs(10.0), 300.0);
  double peak = 0, t = 0;
  RespInputs rosc = rest_inputs(80.0);
  w.run(rosc, 60.0, [&](const RespReadout& o, const BloodReadout&) {
    t += kDt;
    if (t > 2) peak = std::max(peak, o.etco2_mmHg);
  });
  w.run(rosc, 540.0);
  std::printf("ROSC: EtCO2 peak %.1f, after 10 min %.1f\n", peak, w.s.out.etco2_mmHg);
  EXPECT_GT(peak, w.s.out.etco2_mmHg + 3.0);
}

// 7. Robustness: extreme and zero inputs never give non-finite outputs.
bool all_finite(const RespReadout& o, const BloodReadout& b) {
  const double v[] = {o.pleural_delta_mmHg, o.airway_pressure_cmH2O, o.airway_flow_mL_s,
      o.lung_volume_mL, o.alveolar_po2_mmHg, o.alveolar_pco2_mmHg, o.etco2_mmHg,
      o.capnogram_mmHg, o.resp_rate_per_min, o.tidal_volume_mL, o.minute_ventilation_L_min,
      o.spo2_pct, o.pleth, o.perfusion_index_pct, o.gastric_volume_mL, o.leak_volume_mL,
      o.ventilation_drive, o.o2_uptake_mL_s, o.co2_release_mL_s, b.pao2_mmHg, b.paco2_mmHg,
      b.sao2, b.ph_arterial, b.hco3_mmol_L, b.pvo2_mmHg, b.pvco2_mmHg, b.svo2, b.ph_venous,
      b.vo2_mL_min, b.vco2_mL_min, b.o2_debt_mL, b.tissue_po2_mmHg, b.tissue_pco2_mmHg};
  for (double x : v) if (!std::isfinite(x)) return false;
  return true;
}

TEST(Respiration, RobustToExtremeInputs) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  // The circulation's inputs (the blood's come from the blood model through step_with_blood).
  auto inputs = [](double qp, double qs, double va, double vv, double cerebral, double ppa,
                   double pa, double pp, double temp) {
    RespInputs in{};
    in.pulmonary_flow_mL_s = qp;
    in.systemic_flow_mL_s = qs;
    in.arterial_blood_mL = va;
    in.venous_blood_mL = vv;
    in.cerebral_flow_ratio = cerebral;
    in.pulmonary_artery_mmHg = ppa;
    in.arterial_pressure_mmHg = pa;
    in.resting_pulse_pressure_mmHg = pp;
    in.temperature_C = temp;
    return in;
  };
  const RespInputs cases[] = {
      inputs(0, 0, 0, 0, 0, 0, 0, 0, 0),
      inputs(1e6, 1e6, 1e6, 1e6, 100, 1e4, 1e4, 1e4, 60),
      inputs(-500, -500, -10, -10, -1, -100, -100, -5, -40),
      inputs(nan, inf, nan, -inf, nan, nan, inf, nan, nan),
  };
  int idx = 0;
  for (const RespInputs& in : cases) {
    const RespParams p = default_resp_params(70);
    const BloodParams bp = resus::blood::default_blood_params(70, 15);
    const Respiration r(p, bp);
    BloodState blood{};
    RespState s = initial_state(p, bp, blood);
    Respiration::set_airway(s, static_cast<Airway>(idx % 6));
    Respiration::set_ventilation(s, VentSettings{static_cast<VentMode>(idx % 4), 60, 3000, 0.2, 30});
    Respiration::set_bag_flow(s, 5000);
    Respiration::set_fio2(s, idx % 2 ? 1.0 : 0.21);
    bool ok = true;
    for (int k = 0; k < 300000 && ok; ++k) {   // 10 min
      if (k % 50000 == 0) {
        Respiration::set_airway(s, static_cast<Airway>((idx + k / 50000) % 6));
        Respiration::request_breath(s, 3000, 0.1);
      }
      RespInputs at = in;
      at.time_s = (k + 1) * kDt;
      step_with_blood(r, at, kDt, s, blood);
      ok = all_finite(s.out, blood.out);
    }
    EXPECT_TRUE(ok) << "case " << idx;
    ++idx;
  }
}

TEST(Respiration, DeterministicAndTriviallyCopyable) {
  static_assert(std::is_trivially_copyable_v<RespState>);
  Sim a, b;
  a.run(rest_inputs(), 20.0);
  b.run(rest_inputs(), 20.0);
  EXPECT_EQ(a.b().paco2_mmHg, b.b().paco2_mmHg);
  EXPECT_EQ(a.s.out.capnogram_mmHg, b.s.out.capnogram_mmHg);
  EXPECT_EQ(a.s.out.pleural_delta_mmHg, b.s.out.pleural_delta_mmHg);
  EXPECT_EQ(a.s.lung_volume_mL, b.s.lung_volume_mL);
}

}  // namespace
