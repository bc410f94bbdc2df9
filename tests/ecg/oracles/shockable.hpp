// Shock-advisory classifier built the way AEDs are (ecg.md 4.3): a 1-30 Hz front end, an
// amplitude gate for asystole, and a vote of four published VF detectors computed on the
// segment: VF-filter leakage (Kuo & Dillman 1978), threshold crossing intervals (TCI, Thakor
// 1990), the spectral algorithm (Barro 1989) and the threshold crossing sample count (TCSC,
// Arafat 2011). Shock when two or more vote VF, unless the spectrum shows narrow QRS
// complexes (a large share of power above 12 Hz), which AEDs treat as supraventricular whatever
// the rate (their QRS-width criterion). Knows nothing of the generator.
#pragma once

#include <vector>

namespace resus::ecg::oracle {

struct ShockFeatures {
  double peak_to_peak_mV;  // median of the 1-s peak-to-peak amplitudes
  double leakage;          // VF filter leakage (VF: small)
  double tci_ms;           // mean threshold crossing interval (VF: short)
  double m, a1, a2, a3;    // Barro spectral moment and band ratios
  double tcsc_pct;         // % samples above 20% of the max (VF: large)
  double hf_fraction;      // share of 1-30 Hz power above 12 Hz (narrow QRS: large)
  int votes;
  bool shockable;
};

// Thresholds (literature values, ecg.md 4.3).
struct ShockThresholds {
  double asystole_mV = 0.1;     // below: asystole, never shock (Kerber 1997)
  double leakage = 0.625;       // VF if below
  double tci_ms = 400.0;        // VF if below
  double m = 1.55, a1 = 0.19, a2 = 0.45, a3 = 0.09;
  double tcsc_pct = 48.0;       // VF if above
  int votes = 2;                // shock if at least this many
  double narrow_hf = 0.2;       // power share above 12 Hz that marks narrow complexes
};

// Classifies one segment (e.g. 4 s or 8 s) of one lead in mV.
ShockFeatures classify_segment(const std::vector<double>& x, double fs,
                               const ShockThresholds& th = {});

}  // namespace resus::ecg::oracle
