// The engine's own pads recording of VF, and the AMSA computed from it as an AED computes it:
// models/ecg's VF source alone on the pads at 250 Hz (no beats, no artefacts, none of the host's
// ECG settings, its own noise stream), the last 2 s kept, models/aed's published AMSA on them
// each second. The heart's shocks read it from bus.electrical.amsa_mV_Hz, so a host's ECG
// settings never change a shock's outcome. Before 2 s of an episode of VF have been recorded, the
// bus carries the VF source's expected AMSA at the current energy (models/electrophysiology), and
// the heart's shocks use that expected value too (and for VT and torsades, which are not VF).
#include <algorithm>
#include <cstring>

#include "engine/model.hpp"
#include "engine/stages/stages.hpp"
#include "models/electrophysiology/conduction.hpp"

namespace resus::stages::vf_pads {
namespace {

constexpr int kStepsPerSample = 2;  // 250 Hz on the 2-ms step
constexpr double kSample_s = kStepsPerSample * kStep_s;
constexpr int kWindow = 500;        // 2 s
constexpr int kEvery = 250;         // an AMSA each second
static_assert(kWindow == std::tuple_size_v<decltype(VfPadsState::window)>);

bool fibrillating(const SimState& s) {
  return s.bus.electrical.ventricular_mode ==
         static_cast<int32_t>(ep::VentricularMode::kFibrillation);
}

double expected_amsa(const StepContext& c, const SimState& s) {
  return c.eval.myocardium.vf_features(s.bus.electrical.myocardial_energy).amsa_mV_Hz;
}

}  // namespace

void step(const StepContext& c, SimState& s, aed::AmsaScratch& scratch) {
  VfPadsState& v = s.vf_pads;
  ElectricalBus& e = s.bus.electrical;
  // A new episode (VF begins, or a host turns coarse VF fine) starts a new recording, at full
  // amplitude: the ECG's half-second fade-in is a display's, not the heart's.
  if (!fibrillating(s) || e.rhythm != v.rhythm) {
    v.filled = 0;
    v.measured = 0;
    v.source.vf_env = 1.0;
    v.rhythm = e.rhythm;
  }
  if (!fibrillating(s)) {
    e.amsa_mV_Hz = 0.0;
    return;
  }
  if (!v.measured) e.amsa_mV_Hz = expected_amsa(c, s);
  if (++v.phase < kStepsPerSample) return;
  v.phase = 0;
  resus::ecg::EcgInputs in;
  in.ventricular_mode = e.ventricular_mode;
  in.vf_amplitude_mV = e.vf_amplitude_mV;
  in.vf_frequency_Hz = e.vf_frequency_Hz;
  c.draws.rng().normals4(RngStream::kVfPads, v.draws++, in.noise);
  const double x = c.eval.ecg.vf_pads_sample(in, kSample_s, v.source);
  if (v.filled == kWindow) {  // keep the newest second, oldest first
    std::memmove(v.window.data(), v.window.data() + kEvery, (kWindow - kEvery) * sizeof(float));
    v.filled = kWindow - kEvery;
  }
  v.window[static_cast<std::size_t>(v.filled++)] = static_cast<float>(x);
  if (v.filled == kWindow) {
    e.amsa_mV_Hz = aed::amplitude_spectrum_area(v.window, 1.0 / kSample_s, scratch);
    v.measured = 1;
  }
}

void check(const SimState& s, StateCheck& c) {
  const VfPadsState& v = s.vf_pads;
  resus::ecg::check_state(v.source, c);
  c.index("vf_pads.filled", v.filled, 0, kWindow)
      .index("vf_pads.phase", v.phase, 0, kStepsPerSample - 1)
      .index("vf_pads.measured", v.measured, 0, 1)
      .all_in("vf_pads.window", v.window, -1e3, 1e3)
      .in("vf_pads.source.vf_env", v.source.vf_env, 0.0, 1.0)
      .in("bus.electrical.amsa_mV_Hz", s.bus.electrical.amsa_mV_Hz, 0.0, bounds::kAny);
}

}  // namespace resus::stages::vf_pads
