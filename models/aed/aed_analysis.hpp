// AED-style shock advisory for the automated ACLS team: reads the rhythm from a few seconds of
// the defibrillator-pads ECG, as a real AED does, never from the engine's hidden state.
//
// The analysis (README.md, "AED rhythm analysis"): a 1-30 Hz zero-phase front end with a 20-ms
// moving average; an amplitude gate for asystole; a slope-energy complex detector giving the
// rate, the interval regularity and the QRS width; VF features, the threshold crossing sample
// count (Arafat et al. 2009) and the VF-filter leakage (Kuo & Dillman 1978); and the
// autocorrelation that tells a repeating tachycardia from VF. Shock for VF and for rapid
// (>= 180/min) wide-complex tachycardia; no shock for everything else.
#pragma once

#include <span>

namespace resus::aed {

enum class AedAdvice { kShock, kNoShock };

struct AedFinding {
  AedAdvice advice = AedAdvice::kNoShock;
  bool asystole = false;      // flat line: no shock, no organised activity
  bool organised = false;     // discrete QRS complexes at a regular-enough rate
  double rate_per_min = 0.0;  // QRS (or VF-wave) rate estimate
  double amplitude_mV = 0.0;  // robust peak-to-peak amplitude

  // Why: the features behind the advice, for logs and tests.
  bool analysed = false;       // false: too short, a bad sample rate or non-finite samples
  bool fibrillation = false;   // VF (or polymorphic VT): shock
  bool rapid_wide = false;     // rapid wide-complex or sinusoidal tachycardia: shock
  int complexes = 0;           // complexes (or VF waves) detected
  double qrs_width_ms = 0.0;   // median width of the detected complexes
  double rr_variation = 0.0;   // coefficient of variation of the intervals (0 = regular)
  double tcsc_pct = 0.0;       // threshold crossing sample count, % (VF: high)
  double leakage = 1.0;        // VF-filter leakage (VF: low)
  double regularity = 0.0;     // autocorrelation at one tachycardia cycle (monomorphic: ~1)
};

// Analyses a segment of the pads lead (mV), typically 4-6 s recorded with compressions paused.
// Pure and deterministic. Segments shorter than 2 s, sample rates below 100 Hz and non-finite
// samples give the default finding (no shock, not analysed). Below 0.1 mV: asystole, and the
// feature fields keep their defaults.
AedFinding analyse_rhythm(std::span<const float> pads_mV, double sample_rate_hz);

}  // namespace resus::aed
