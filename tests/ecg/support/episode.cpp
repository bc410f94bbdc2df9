#include "support/episode.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <numbers>

#include "models/electrophysiology/conduction.hpp"

namespace resus::ecg::test {

using ep::AtrialMode;
using ep::BeatOrigin;
using ep::VentricularMode;

std::vector<double> Recording::lead(int l) const {
  std::vector<double> v(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) v[i] = x[i][l];
  return v;
}

std::vector<double> Recording::lead(int l, double from_s, double to_s) const {
  const auto a = static_cast<std::size_t>(std::max(from_s * fs, 0.0));
  const auto b = std::min(static_cast<std::size_t>(to_s * fs), x.size());
  std::vector<double> v;
  for (std::size_t i = a; i < b; ++i) v.push_back(x[i][l]);
  return v;
}

double Normal::uniform() {
  return (static_cast<double>(g_() >> 11) + 0.5) * (1.0 / 9007199254740992.0);
}

double Normal::operator()() {
  if (has_spare_) {
    has_spare_ = false;
    return spare_;
  }
  const double u1 = uniform(), u2 = uniform();
  const double r = std::sqrt(-2.0 * std::log(u1));
  spare_ = r * std::sin(2.0 * std::numbers::pi * u2);
  has_spare_ = true;
  return r * std::cos(2.0 * std::numbers::pi * u2);
}

Recording render(const Episode& e, const EcgParams& p) {
  const Generator g(p);
  EcgState s = g.initial_state();
  Normal normal(e.seed);
  Recording r;
  r.fs = e.fs;
  const double dt = 1.0 / e.fs;
  const auto n = static_cast<std::size_t>(std::llround(e.duration_s * e.fs));
  r.x.resize(n);
  std::size_t ia = 0, iv = 0, ip = 0;  // next activation not yet reached
  for (std::size_t k = 0; k < n; ++k) {
    const double t = static_cast<double>(k) * dt;
    EcgInputs in = e.base;
    in.t = t;
    while (ia < e.atrial.size() && e.atrial[ia] <= t) ++ia;
    while (iv < e.ventricular.size() && e.ventricular[iv].t <= t) ++iv;
    while (ip < e.pacer.size() && e.pacer[ip] <= t) ++ip;
    in.atrial_times[0] = ia >= 1 ? e.atrial[ia - 1] : -1e9;
    in.atrial_times[1] = ia >= 2 ? e.atrial[ia - 2] : -1e9;
    in.ventricular_times[0] = iv >= 1 ? e.ventricular[iv - 1].t : -1e9;
    in.ventricular_times[1] = iv >= 2 ? e.ventricular[iv - 2].t : -1e9;
    in.ventricular_origin[0] = iv >= 1 ? e.ventricular[iv - 1].origin : 0;
    in.ventricular_origin[1] = iv >= 2 ? e.ventricular[iv - 2].origin : 0;
    if (iv >= 2) in.rr_s = e.ventricular[iv - 1].t - e.ventricular[iv - 2].t;
    in.pacer_spike_time = ip >= 1 ? e.pacer[ip - 1] : -1e9;
    if (e.cpr_rate_per_min > 0.0 && t >= e.cpr_start_s && t < e.cpr_end_s) {
      const double cycles = (t - e.cpr_start_s) * e.cpr_rate_per_min / 60.0;
      in.compression_phase = cycles - std::floor(cycles);
      in.compression_depth_mm = e.cpr_depth_mm;
    }
    for (double& z : in.noise) z = normal();
    if (e.modify) e.modify(t, in);
    g.sample(in, e.switches, dt, s, r.x[k].data());
    const auto& o = r.x[k];
    if (o[kI] + o[kIII] != o[kII]) ++r.identity_failures;
  }
  EXPECT_EQ(r.identity_failures, 0) << "I + III != II on some samples";
  return r;
}

void sinus(Episode& e, double rate_bpm, double pr_s, double t0) {
  for (double t = t0; t < e.duration_s; t += 60.0 / rate_bpm) {
    e.atrial.push_back(t);
    e.ventricular.push_back({t + pr_s, static_cast<int32_t>(BeatOrigin::kConducted)});
  }
}

void irregular_conducted(Episode& e, double mean_rr_s, double cv, uint64_t seed, double t0) {
  Normal u(seed);
  e.base.atrial_mode = static_cast<int32_t>(AtrialMode::kFibrillation);
  const double half = mean_rr_s * cv * std::sqrt(3.0);  // uniform with that CV
  for (double t = t0; t < e.duration_s; t += mean_rr_s + half * (2.0 * u.uniform() - 1.0))
    e.ventricular.push_back({t, static_cast<int32_t>(BeatOrigin::kConducted)});
}

void ventricular_train(Episode& e, double rate_bpm, int32_t origin, double t0) {
  for (double t = t0; t < e.duration_s; t += 60.0 / rate_bpm) e.ventricular.push_back({t, origin});
}

void flutter(Episode& e, int ratio, double cycle_s, double av_delay_s) {
  e.base.atrial_mode = static_cast<int32_t>(AtrialMode::kFlutter);
  int k = 0;
  for (double t = 0.1; t < e.duration_s; t += cycle_s, ++k) {
    e.atrial.push_back(t);
    if (k % ratio == 0)
      e.ventricular.push_back({t + av_delay_s, static_cast<int32_t>(BeatOrigin::kConducted)});
  }
}

void svt(Episode& e, double rate_bpm) {
  e.base.atrial_mode = static_cast<int32_t>(AtrialMode::kReentry);
  for (double t = 0.2; t < e.duration_s; t += 60.0 / rate_bpm) {
    e.atrial.push_back(t);
    e.ventricular.push_back({t + 0.04, static_cast<int32_t>(BeatOrigin::kConducted)});
  }
}

void paced(Episode& e, double rate_bpm) {
  for (double t = 0.2; t < e.duration_s; t += 60.0 / rate_bpm) {
    e.pacer.push_back(t);
    e.ventricular.push_back({t, static_cast<int32_t>(BeatOrigin::kPaced)});
  }
  e.base.atrial_mode = static_cast<int32_t>(AtrialMode::kSilent);
}

void complete_block(Episode& e, double atrial_bpm, double escape_bpm, int32_t origin) {
  for (double t = 0.13; t < e.duration_s; t += 60.0 / atrial_bpm) e.atrial.push_back(t);
  for (double t = 0.5; t < e.duration_s; t += 60.0 / escape_bpm) e.ventricular.push_back({t, origin});
}

void bigeminy(Episode& e, double rate_bpm, double coupling) {
  const double rr = 60.0 / rate_bpm;
  int k = 0;
  for (double t = 0.2; t < e.duration_s; t += rr, ++k) {
    e.atrial.push_back(t);
    if (k % 2 == 0) {
      e.ventricular.push_back({t + 0.16, static_cast<int32_t>(BeatOrigin::kConducted)});
    } else {  // the PVC comes early; this sinus P is hidden and not conducted
      e.ventricular.push_back({t + 0.16 - (1.0 - coupling) * rr, static_cast<int32_t>(BeatOrigin::kEctopic)});
    }
  }
}

void vf(Episode& e, double amplitude_mV, double df_Hz) {
  e.base.atrial_mode = static_cast<int32_t>(AtrialMode::kSilent);
  e.base.ventricular_mode = static_cast<int32_t>(VentricularMode::kFibrillation);
  e.base.vf_amplitude_mV = amplitude_mV;
  e.base.vf_frequency_Hz = df_Hz;
}

void asystole(Episode& e) {
  e.base.atrial_mode = static_cast<int32_t>(AtrialMode::kSilent);
  e.base.ventricular_mode = static_cast<int32_t>(VentricularMode::kStandstill);
}

std::vector<double> ventricular_times(const Episode& e) {
  std::vector<double> v;
  for (const Beat& b : e.ventricular) v.push_back(b.t);
  return v;
}

}  // namespace resus::ecg::test
