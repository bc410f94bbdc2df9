// The per-sample glue: dipole from the beats and continuous sources, electrode potentials through
// the Dower lead vectors, artefacts at the electrodes, then the leads.
#include <algorithm>
#include <cmath>
#include <numbers>

#include "models/ecg/artefacts.hpp"
#include "models/ecg/beats.hpp"
#include "models/ecg/ecg.hpp"
#include "models/ecg/morphology.hpp"
#include "models/ecg/sources.hpp"
#include "models/electrophysiology/conduction.hpp"

namespace resus::ecg {
namespace {

using ep::AtrialMode;
using ep::BeatOrigin;
using ep::VentricularMode;

// Dower et al. 1980 lead vectors (ecg.md 1.3) for I, II and V1..V6 on Frank x, y, z.
constexpr double kDowerI[3] = {0.632, -0.235, 0.059};
constexpr double kDowerII[3] = {0.235, 1.066, -0.132};
constexpr double kDowerV[6][3] = {{-0.515, 0.157, -0.917}, {0.044, 0.164, -1.387},
                                  {0.882, 0.098, -1.277},  {1.213, 0.127, -0.601},
                                  {1.125, 0.127, -0.086},  {0.831, 0.076, 0.230}};

// Activations older than this no longer contribute (the longest stretched U wave ends sooner).
constexpr double kBeatWindowMs = 1500.0;

int template_for(int32_t origin, bool torsades) {
  if (torsades) return kTemplateVentricular;
  switch (static_cast<BeatOrigin>(origin)) {
    case BeatOrigin::kConducted: return kTemplateNarrow;
    case BeatOrigin::kPaced: return kTemplatePaced;
    default: return kTemplateVentricular;
  }
}

constexpr double kQrsEdgeShare = 0.03;

}  // namespace

Generator::Generator(const EcgParams& p) : p_(p) {
  // Electrode potentials with the Wilson terminal at zero: RA + LA + LL = 0, LA - RA = I,
  // LL - RA = II. Precordial electrodes carry the Dower V rows.
  for (int i = 0; i < 3; ++i) {
    e_[kRA][i] = -(kDowerI[i] + kDowerII[i]) / 3.0;
    e_[kLA][i] = (2.0 * kDowerI[i] - kDowerII[i]) / 3.0;
    e_[kLL][i] = (2.0 * kDowerII[i] - kDowerI[i]) / 3.0;
    for (int v = 0; v < 6; ++v) e_[kEV1 + v][i] = kDowerV[v][i];
    e_[kEPads][i] = p_.pads_lead[i];
  }
  for (auto& row : e_)
    for (double& x : row) x *= p_.gain;

  // Each template's QRS width as drawn: where the QRS kernels' dipole first and last exceeds 3%
  // of its peak (the tests' delineator measures within ~10 ms of it, tests/ecg/intervals_test).
  for (int t = 0; t < kNumTemplates; ++t) {
    const BeatTemplate& b = p_.ventricular[t];
    double mag[400], peak = 0.0;
    for (int ms = 0; ms < 400; ++ms) {
      double d[3] = {0.0, 0.0, 0.0};
      for (int k = 0; k < b.count; ++k) {
        const EcgKernel& e = b.kernels[k];
        if (e.wave != kWaveQ && e.wave != kWaveR && e.wave != kWaveS) continue;
        const double z = (ms - e.centre_ms) / e.width_ms;
        for (int i = 0; i < 3; ++i) d[i] += e.amp[i] * std::exp(-0.5 * z * z);
      }
      mag[ms] = std::sqrt(d[0] * d[0] + d[1] * d[1] + d[2] * d[2]);
      peak = std::max(peak, mag[ms]);
    }
    int first = -1, last = -1;
    for (int ms = 0; ms < 400; ++ms)
      if (mag[ms] > kQrsEdgeShare * peak) (first < 0 ? first : last) = ms, last = ms;
    qrs_width_ms_[t] = first >= 0 ? static_cast<double>(last - first) : 0.0;
  }

  const BeatTemplate* all[1 + kNumTemplates] = {&p_.atrial, &p_.ventricular[0],
                                                &p_.ventricular[1], &p_.ventricular[2]};
  for (int t = 0; t <= kNumTemplates; ++t)
    for (int k = 0; k < kMaxKernels; ++k) {
      const double w = k < all[t]->count ? all[t]->kernels[k].width_ms : 0.0;
      inv_width_[t][k] = w > 0.0 ? 1.0 / w : 0.0;
    }

  // T axis: the area vector of the conducted T kernels (for the hypokalaemic ST depression).
  double a[3] = {0.0, 0.0, 0.0};
  const BeatTemplate& n = p_.ventricular[kTemplateNarrow];
  for (int k = 0; k < n.count; ++k)
    if (n.kernels[k].wave == kWaveT)
      for (int i = 0; i < 3; ++i) a[i] += n.kernels[k].amp[i] * n.kernels[k].width_ms;
  const double norm = std::sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
  for (int i = 0; i < 3; ++i) t_axis_[i] = norm > 0.0 ? a[i] / norm : 0.0;
}

namespace {

// The twelve leads and the pads from the electrode potentials (Einthoven, Goldberger, Wilson).
void leads_from_electrodes(const double phi[kNumElectrodes], double out[kNumLeads]) {
  const double lead_i = phi[kLA] - phi[kRA];
  const double lead_iii = phi[kLL] - phi[kLA];
  const double lead_ii = lead_i + lead_iii;  // exactly I + III, bit for bit
  out[kI] = lead_i;
  out[kII] = lead_ii;
  out[kIII] = lead_iii;
  out[kAVR] = -0.5 * (lead_i + lead_ii);
  out[kAVL] = lead_i - 0.5 * lead_ii;
  out[kAVF] = lead_ii - 0.5 * lead_i;
  const double wct = (phi[kRA] + phi[kLA] + phi[kLL]) / 3.0;
  for (int v = 0; v < 6; ++v) out[kV1 + v] = phi[kEV1 + v] - wct;
  out[kPads] = phi[kEPads];
}

}  // namespace

EcgState Generator::initial_state() const {
  EcgState s{};
  // Different starting phases so the VF sinusoids do not start in step.
  s.vf_phase[0] = 0.0;
  s.vf_phase[1] = 2.1;
  s.vf_phase[2] = 4.2;
  s.last_ventricular_time = -1e9;
  return s;
}

double Generator::vf_pads_sample(const EcgInputs& in, double dt, EcgState& s) const {
  detail::advance_slow_noise(in, dt, s);
  double d[3] = {0.0, 0.0, 0.0};
  detail::add_vf(p_, in, dt, s, d);
  return e_[kEPads][0] * d[0] + e_[kEPads][1] * d[1] + e_[kEPads][2] * d[2];
}

void Generator::sample(const EcgInputs& in, const ArtefactSwitches& a, double dt, EcgState& s,
                       double out[kNumLeads]) const {
  const detail::Physiology ph = detail::physiology(p_, t_axis_, in);
  double d[3] = {0.0, 0.0, 0.0};

  // P waves (none in AF, flutter or silent atria).
  const auto atrial = static_cast<AtrialMode>(in.atrial_mode);
  if ((atrial == AtrialMode::kSinus || atrial == AtrialMode::kReentry) &&
      ph.wave_amp[kWaveP] != 0.0) {
    detail::WaveMap m;
    detail::atrial_map(ph, m);
    for (int i = 0; i < 2; ++i) {
      const double t_ms = (in.t - in.atrial_times[i]) * 1000.0;
      if (t_ms >= 0.0 && t_ms < kBeatWindowMs) detail::add_beat(p_.atrial, inv_width_[0], m, t_ms, d);
    }
  }

  // QRS-T of the last two ventricular activations.
  if (in.ventricular_times[0] != s.last_ventricular_time) {
    s.last_ventricular_time = in.ventricular_times[0];
    ++s.beat_count;
  }
  const bool torsades = in.ventricular_mode == static_cast<int32_t>(VentricularMode::kTorsades);
  double tc = 1.0, ts = 0.0;
  if (torsades) {
    constexpr double kTwoPi = 2.0 * std::numbers::pi;
    s.torsades_angle += kTwoPi * p_.torsades_rotation_Hz * dt;
    if (s.torsades_angle > kTwoPi) s.torsades_angle -= kTwoPi;
    tc = std::cos(s.torsades_angle);
    ts = std::sin(s.torsades_angle);
  }
  for (int i = 0; i < 2; ++i) {
    const double t_ms = (in.t - in.ventricular_times[i]) * 1000.0;
    if (t_ms < 0.0 || t_ms >= kBeatWindowMs) continue;
    if (i == 1 && in.ventricular_times[1] == in.ventricular_times[0]) continue;
    const int tpl = template_for(in.ventricular_origin[i], torsades);
    detail::WaveMap m;
    detail::ventricular_map(ph, p_.ventricular[tpl], m);
    double b[3] = {0.0, 0.0, 0.0};
    detail::add_beat(p_.ventricular[tpl], inv_width_[1 + tpl], m, t_ms, b);
    detail::add_st_segment(m, ph.st_vector, t_ms, b);
    if (torsades) detail::rotate(p_.torsades_axis, tc, ts, b);
    const double scale = ((s.beat_count - i) & 1) ? 1.0 - ph.alternans : 1.0;
    for (int k = 0; k < 3; ++k) d[k] += scale * b[k];
  }

  // Continuous sources.
  detail::advance_slow_noise(in, dt, s);
  detail::add_vf(p_, in, dt, s, d);
  detail::add_af(p_, in, dt, s, d);
  detail::add_flutter(p_, in, dt, s, d);
  for (double& x : d) x *= ph.global_scale;
  if (a.pacer) detail::add_pacer_spike(p_, in, dt, d);

  // Electrodes, their artefacts, then the leads.
  double phi[kNumElectrodes];
  for (int e = 0; e < kNumElectrodes; ++e) phi[e] = e_[e][0] * d[0] + e_[e][1] * d[1] + e_[e][2] * d[2];
  detail::add_electrode_artefacts(p_, in, a, dt, s, phi);
  if (a.shock) detail::apply_shock(p_, in, phi);

  leads_from_electrodes(phi, out);
}

double Generator::qrs_ms(const EcgInputs& in) const {
  const auto mode = static_cast<VentricularMode>(in.ventricular_mode);
  if (mode == VentricularMode::kFibrillation || mode == VentricularMode::kTorsades ||
      mode == VentricularMode::kStandstill || in.ventricular_times[0] < -1e8)
    return 0.0;
  return detail::physiology(p_, t_axis_, in).qrs_stretch *
         qrs_width_ms_[template_for(in.ventricular_origin[0], false)];
}

double Generator::st_max_mV(const EcgInputs& in) const {
  const detail::Physiology ph = detail::physiology(p_, t_axis_, in);
  double phi[kNumElectrodes], leads[kNumLeads];
  for (int e = 0; e < kNumElectrodes; ++e) {
    phi[e] = 0.0;
    for (int i = 0; i < 3; ++i) phi[e] += e_[e][i] * ph.st_vector[i] * ph.global_scale;
  }
  leads_from_electrodes(phi, leads);
  double top = leads[kI];
  for (int l = kI; l <= kV6; ++l) top = std::max(top, leads[l]);
  return top;
}

}  // namespace resus::ecg
