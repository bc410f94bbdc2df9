// AED-style shock advisory on the pads ECG. README.md ("AED rhythm analysis") gives the design,
// the thresholds and their sources.
#include "models/aed/aed_analysis.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <numbers>
#include <vector>

namespace resus::aed {
namespace {

// ---- thresholds -------------------------------------------------------------------------------

constexpr double kMinimumSeconds = 2.0;        // shorter: not analysed
constexpr double kMinimumSampleRate_Hz = 100.0;  // the 30 Hz low-pass needs headroom
constexpr double kHighPass_Hz = 1.0;           // AED bandwidth: drops drift and wander
constexpr double kLowPass_Hz = 30.0;           // drops most muscle noise
constexpr double kMainsAverageSeconds = 0.02;  // moving average with its null near 50 Hz
constexpr double kBlockSeconds = 2.0;          // amplitude and detector blocks...
constexpr double kBlockStepSeconds = 0.5;      // ...overlapping, so slow rhythms fill each one
// Below this robust peak-to-peak: asystole. Half the 200 uV coarse-VF boundary of the AHA
// statement (Kerber 1997), where fine VF fades into the noise of real pads (README).
constexpr double kAsystole_mV = 0.1;
constexpr double kSlopeWindowSeconds = 0.1;    // moving integration of the squared slope
constexpr double kDetectFraction = 0.3;        // of the typical block maximum of slope energy
constexpr double kRefractorySeconds = 0.2;     // no two complexes closer (300/min)
constexpr double kWidthSearchSeconds = 0.15;   // either side of a complex, for its width
constexpr double kWidthSlopeFraction = 0.15;   // significant slope: this share of the steepest
constexpr double kWidthGapSeconds = 0.02;      // a flatter stretch this long ends the complex
constexpr double kTcscWindowSeconds = 3.0;     // Arafat et al.: 3-s windows stepped by 1 s...
constexpr double kTcscStepSeconds = 1.0;
constexpr double kTcscTaperSeconds = 0.25;     // ...cosine-tapered 0.25 s at each end...
constexpr double kTcscLevel = 0.2;             // ...|x| above 20% of the window maximum
constexpr double kTcscFibrillation_pct = 35.0;  // VF: TCSC above, leakage below (set on the
constexpr double kLeakageFibrillation = 0.6;     // engine's rhythms, README)
// VF's dominant frequency lies in 3-9 Hz; slower waves are something else (compression artefact
// at 100-120/min is the one that matters, should an analysis run during CPR).
constexpr double kSlowestFibrillation_per_min = 180.0;
constexpr double kRapidRate_per_min = 180.0;   // rapid VT (Clifford 1996: 150 or 180/min)
constexpr double kWideQrs_ms = 120.0;          // wide complex (ACLS: QRS >= 0.12 s)
constexpr double kRegularityFastest_per_min = 400.0;  // cycle lags searched for regularity
constexpr double kRegularitySlowest_per_min = 120.0;
constexpr double kMonomorphic = 0.9;           // autocorrelation of a repeating tachycardia
constexpr double kOrganisedVariation = 0.5;    // organised: intervals not chaotic
constexpr int kMinimumComplexes = 2;

std::size_t samples(double seconds, double fs) {
  return static_cast<std::size_t>(std::lround(seconds * fs));
}

// ---- front end ----------------------------------------------------------------------------------

struct Biquad {
  double b0, b1, b2, a1, a2;  // a0 normalised to 1
};

// Second-order Butterworth sections by the bilinear transform (RBJ audio-EQ cookbook, Q = 1/sqrt2).
Biquad butterworth(double cutoff_Hz, double fs, bool high_pass) {
  const double w0 = 2.0 * std::numbers::pi * cutoff_Hz / fs;
  const double cosw = std::cos(w0);
  const double alpha = std::sin(w0) / std::numbers::sqrt2;  // sin(w0) / (2Q)
  const double a0 = 1.0 + alpha;
  const double k = high_pass ? (1.0 + cosw) / 2.0 : (1.0 - cosw) / 2.0;
  const double b1 = high_pass ? -2.0 * k : 2.0 * k;
  return {k / a0, b1 / a0, k / a0, -2.0 * cosw / a0, (1.0 - alpha) / a0};
}

void run_biquad(const Biquad& f, std::vector<double>& x) {
  double x1 = 0.0, x2 = 0.0, y1 = 0.0, y2 = 0.0;
  for (double& v : x) {
    const double y = f.b0 * v + f.b1 * x1 + f.b2 * x2 - f.a1 * y1 - f.a2 * y2;
    x2 = x1, x1 = v, y2 = y1, y1 = y;
    v = y;
  }
}

// Centred moving average over about `seconds` (an odd number of samples, so it does not shift
// the signal): its first null near 1/seconds takes out mains hum, and it smooths the muscle noise
// above 20 Hz (Amann et al. 2005's front end: five samples at 250 Hz).
std::vector<double> moving_average(const std::vector<double>& x, double seconds, double fs) {
  const std::size_t half = samples(seconds, fs) / 2;
  if (half == 0) return x;
  std::vector<double> cumulative(x.size() + 1, 0.0);
  for (std::size_t i = 0; i < x.size(); ++i) cumulative[i + 1] = cumulative[i] + x[i];
  std::vector<double> y(x.size());
  for (std::size_t i = 0; i < x.size(); ++i) {
    const std::size_t lo = i > half ? i - half : 0, hi = std::min(x.size(), i + half + 1);
    y[i] = (cumulative[hi] - cumulative[lo]) / static_cast<double>(hi - lo);
  }
  return y;
}

// The front end: 1-30 Hz, run forward then backward (zero phase, so complexes keep their width
// and position), then the mains smoother. The ends are padded by odd reflection so the filters
// start on a continuation of the signal, not on a step.
std::vector<double> band_pass(std::span<const float> raw, double fs) {
  const std::size_t n = raw.size();
  const std::size_t pad = std::min(n - 1, static_cast<std::size_t>(fs));
  std::vector<double> x(n + 2 * pad);  // the segment, padded at both ends
  const double first = raw.front(), last = raw.back();
  for (std::size_t i = 0; i < pad; ++i) x[i] = 2.0 * first - raw[pad - i];
  for (std::size_t i = 0; i < n; ++i) x[pad + i] = raw[i];
  for (std::size_t i = 0; i < pad; ++i) x[pad + n + i] = 2.0 * last - raw[n - 2 - i];
  const Biquad high = butterworth(kHighPass_Hz, fs, true);
  const Biquad low = butterworth(kLowPass_Hz, fs, false);
  for (int pass = 0; pass < 2; ++pass) {
    run_biquad(high, x);
    run_biquad(low, x);
    std::reverse(x.begin(), x.end());
  }
  x = moving_average(x, kMainsAverageSeconds, fs);
  return {x.begin() + static_cast<std::ptrdiff_t>(pad),
          x.begin() + static_cast<std::ptrdiff_t>(pad + n)};
}

// ---- helpers ------------------------------------------------------------------------------------

double median(std::vector<double> v) {
  if (v.empty()) return 0.0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  if (v.size() % 2 == 1) return *mid;
  return 0.5 * (*mid + *std::max_element(v.begin(), mid));
}

// Overlapping blocks [begin, end) covering the segment (one block when it is shorter).
struct Block {
  std::size_t begin, end;
};

std::vector<Block> blocks(std::size_t n, double fs) {
  const std::size_t length = std::min(n, samples(kBlockSeconds, fs));
  const std::size_t step = std::max<std::size_t>(1, samples(kBlockStepSeconds, fs));
  std::vector<Block> out;
  for (std::size_t b = 0; b + length <= n; b += step) out.push_back({b, b + length});
  return out;
}

// The typical peak-to-peak amplitude: robust to one large beat or artefact, and to the pauses
// between the complexes of a slow rhythm (each block holds a complex down to 30/min).
double median_block_peak_to_peak(const std::vector<double>& x, double fs) {
  std::vector<double> pp;
  for (const Block& b : blocks(x.size(), fs)) {
    const auto [lo, hi] = std::minmax_element(x.begin() + static_cast<std::ptrdiff_t>(b.begin),
                                              x.begin() + static_cast<std::ptrdiff_t>(b.end));
    pp.push_back(*hi - *lo);
  }
  return median(pp);
}

// The typical block maximum, for a detection threshold that one large beat does not set.
double median_block_maximum(const std::vector<double>& x, double fs) {
  std::vector<double> m;
  for (const Block& b : blocks(x.size(), fs))
    m.push_back(*std::max_element(x.begin() + static_cast<std::ptrdiff_t>(b.begin),
                                  x.begin() + static_cast<std::ptrdiff_t>(b.end)));
  return median(m);
}

// ---- complexes ----------------------------------------------------------------------------------

// Central-difference slope in mV/s.
std::vector<double> slope(const std::vector<double>& x, double fs) {
  std::vector<double> d(x.size(), 0.0);
  for (std::size_t i = 1; i + 1 < x.size(); ++i) d[i] = (x[i + 1] - x[i - 1]) * fs / 2.0;
  return d;
}

// Pan & Tompkins' slope energy: the squared slope averaged over a centred window, so a complex
// shows as one hump whatever its polarity and shape.
std::vector<double> slope_energy(const std::vector<double>& d, double fs) {
  const std::size_t n = d.size();
  const std::size_t half = std::max<std::size_t>(1, samples(kSlopeWindowSeconds, fs) / 2);
  std::vector<double> cumulative(n + 1, 0.0);
  for (std::size_t i = 0; i < n; ++i) cumulative[i + 1] = cumulative[i] + d[i] * d[i];
  std::vector<double> e(n);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t lo = i > half ? i - half : 0, hi = std::min(n, i + half + 1);
    e[i] = (cumulative[hi] - cumulative[lo]) / static_cast<double>(hi - lo);
  }
  return e;
}

// Complex positions: the peak of each run of slope energy above a fraction of its typical block
// maximum (typical, so one large beat or artefact does not hide the others); of two peaks closer
// than the refractory period the larger stays.
std::vector<std::size_t> detect_complexes(const std::vector<double>& e, double fs) {
  const double threshold = kDetectFraction * median_block_maximum(e, fs);
  const std::size_t refractory = samples(kRefractorySeconds, fs);
  std::vector<std::size_t> peaks;
  std::size_t i = 0;
  while (i < e.size()) {
    if (e[i] <= threshold) {
      ++i;
      continue;
    }
    std::size_t top = i;
    for (; i < e.size() && e[i] > threshold; ++i)
      if (e[i] > e[top]) top = i;
    if (!peaks.empty() && top - peaks.back() < refractory) {
      if (e[top] > e[peaks.back()]) peaks.back() = top;
    } else {
      peaks.push_back(top);
    }
  }
  return peaks;
}

// Width of one complex: from its steepest slope outwards, as long as slopes steeper than a share
// of that one keep coming within a short gap (the apex of the R wave is flat for a moment). The
// ST segment is a longer flat gap, so neither the T wave nor, at fast rates, the previous T is
// counted.
double complex_width_ms(const std::vector<double>& d, std::size_t at, double fs) {
  const std::size_t reach = samples(kWidthSearchSeconds, fs);
  const std::size_t lo = at > reach ? at - reach : 0, hi = std::min(d.size(), at + reach + 1);
  std::size_t steepest = lo;
  for (std::size_t i = lo; i < hi; ++i)
    if (std::abs(d[i]) > std::abs(d[steepest])) steepest = i;
  const double significant = kWidthSlopeFraction * std::abs(d[steepest]);
  if (significant <= 0.0) return 0.0;
  const std::size_t gap = samples(kWidthGapSeconds, fs);
  std::size_t first = steepest, last = steepest;
  for (std::size_t i = steepest; i < hi && i - last <= gap; ++i)
    if (std::abs(d[i]) >= significant) last = i;
  for (std::size_t i = steepest + 1; i-- > lo && first - i <= gap;)
    if (std::abs(d[i]) >= significant) first = i;
  return 1000.0 * static_cast<double>(last - first + 1) / fs;
}

struct Complexes {
  int count = 0;
  double rate_per_min = 0.0;
  double rr_variation = 0.0;
  double width_ms = 0.0;
};

Complexes measure_complexes(const std::vector<double>& x, double fs) {
  const std::vector<double> d = slope(x, fs);
  const std::vector<std::size_t> at = detect_complexes(slope_energy(d, fs), fs);
  Complexes c;
  c.count = static_cast<int>(at.size());
  std::vector<double> widths;
  for (std::size_t p : at) widths.push_back(complex_width_ms(d, p, fs));
  c.width_ms = median(widths);
  if (at.size() < 2) return c;
  std::vector<double> rr;
  for (std::size_t k = 1; k < at.size(); ++k)
    rr.push_back(static_cast<double>(at[k] - at[k - 1]) / fs);
  double mean = 0.0;
  for (double r : rr) mean += r;
  mean /= static_cast<double>(rr.size());
  double variance = 0.0;
  for (double r : rr) variance += (r - mean) * (r - mean);
  variance /= static_cast<double>(rr.size());
  c.rate_per_min = 60.0 / mean;
  c.rr_variation = std::sqrt(variance) / mean;
  return c;
}

// ---- fibrillation features ----------------------------------------------------------------------

// Threshold crossing sample count (Arafat, Chowdhury & Hasan, SIViP 2011, online 2009): the share
// of samples whose magnitude exceeds 20% of the window maximum, averaged over tapered 3-s windows.
// Organised rhythms spend most of the time near the baseline between complexes; VF never does.
double tcsc_percent(const std::vector<double>& x, double fs) {
  const std::size_t window = std::min(x.size(), samples(kTcscWindowSeconds, fs));
  const std::size_t step = samples(kTcscStepSeconds, fs);
  const double taper = kTcscTaperSeconds * fs;
  double sum = 0.0;
  int windows = 0;
  std::vector<double> y(window);
  for (std::size_t start = 0; start + window <= x.size(); start += step) {
    double top = 0.0;
    for (std::size_t i = 0; i < window; ++i) {
      const double edge = static_cast<double>(std::min(i, window - 1 - i));
      const double w = edge < taper ? 0.5 * (1.0 - std::cos(std::numbers::pi * edge / taper)) : 1.0;
      y[i] = std::abs(x[start + i]) * w;
      top = std::max(top, y[i]);
    }
    std::size_t above = 0;
    for (double v : y) above += top > 0.0 && v > kTcscLevel * top;
    sum += 100.0 * static_cast<double>(above) / static_cast<double>(window);
    ++windows;
  }
  return windows > 0 ? sum / windows : 0.0;
}

// VF-filter leakage (Kuo & Dillman 1978): VF is close to a sinusoid, so a notch at its own mean
// half period (pi times the mean magnitude over the mean absolute difference, exact for a sine)
// cancels most of it; what leaks through is small in VF and large for complexes separated by
// baseline. The same half period gives the mean wave frequency, VF's rate.
struct VfFilter {
  double leakage = 1.0;
  double wave_rate_per_min = 0.0;
};

VfFilter vf_filter(const std::vector<double>& x, double fs) {
  double magnitude = 0.0, difference = 0.0;
  for (std::size_t i = 1; i < x.size(); ++i) {
    magnitude += std::abs(x[i]);
    difference += std::abs(x[i] - x[i - 1]);
  }
  VfFilter out;
  if (difference <= 0.0) return out;
  const double half_period_exact = std::numbers::pi * magnitude / difference;
  const auto half_period = static_cast<std::size_t>(std::floor(half_period_exact + 0.5));
  if (half_period == 0 || half_period >= x.size()) return out;
  double left = 0.0, total = 0.0;
  for (std::size_t i = half_period; i < x.size(); ++i) {
    left += std::abs(x[i] + x[i - half_period]);
    total += std::abs(x[i]) + std::abs(x[i - half_period]);
  }
  if (total > 0.0) out.leakage = left / total;
  out.wave_rate_per_min = 60.0 * fs / (2.0 * half_period_exact);
  return out;
}

// Temporal regularity (the "auto-correlation" AED makers describe): the normalised
// autocorrelation of the segment at lags of one tachycardia cycle, 120-400/min. A monomorphic
// tachycardia repeats itself (near 1) and its first peak is its cycle; VF, even when it looks
// periodic, drifts (below ~0.85).
struct Regularity {
  double best = 0.0;
  double cycle_rate_per_min = 0.0;  // at the first peak reaching kMonomorphic; 0 when none does
};

Regularity tachycardia_regularity(const std::vector<double>& x, double fs) {
  const std::size_t n = x.size();
  const std::size_t shortest = samples(60.0 / kRegularityFastest_per_min, fs);
  const std::size_t longest = std::min(n / 2, samples(60.0 / kRegularitySlowest_per_min, fs));
  Regularity out;
  if (shortest < 1 || longest <= shortest + 1) return out;
  std::vector<double> r(longest + 2, 0.0);
  for (std::size_t lag = shortest - 1; lag <= longest + 1; ++lag) {
    double xy = 0.0, xx = 0.0, yy = 0.0;
    for (std::size_t i = lag; i < n; ++i) {
      xy += x[i] * x[i - lag];
      xx += x[i] * x[i];
      yy += x[i - lag] * x[i - lag];
    }
    r[lag] = xx > 0.0 && yy > 0.0 ? xy / std::sqrt(xx * yy) : 0.0;
  }
  for (std::size_t lag = shortest; lag <= longest; ++lag) {
    out.best = std::max(out.best, r[lag]);
    const bool peak = r[lag] >= r[lag - 1] && r[lag] >= r[lag + 1];
    if (out.cycle_rate_per_min == 0.0 && peak && r[lag] >= kMonomorphic)
      out.cycle_rate_per_min = 60.0 * fs / static_cast<double>(lag);
  }
  return out;
}

bool usable(std::span<const float> pads_mV, double fs) {
  if (!std::isfinite(fs) || fs < kMinimumSampleRate_Hz) return false;
  if (static_cast<double>(pads_mV.size()) < kMinimumSeconds * fs) return false;
  return std::all_of(pads_mV.begin(), pads_mV.end(), [](float v) { return std::isfinite(v); });
}

// ---- decision -----------------------------------------------------------------------------------

struct Features {
  Complexes complexes;
  VfFilter vf;
  Regularity regularity;
  double tcsc_pct;
};

Features measure(const std::vector<double>& x, double fs) {
  return {measure_complexes(x, fs), vf_filter(x, fs), tachycardia_regularity(x, fs),
          tcsc_percent(x, fs)};
}

// Broad waves (no narrow QRS among them) with no baseline between them (TCSC) and close to a
// sinusoid (leakage): VF or VT without an isoelectric line.
bool ventricular_waves(const Features& m) {
  return m.tcsc_pct >= kTcscFibrillation_pct && m.vf.leakage <= kLeakageFibrillation &&
         m.complexes.width_ms >= kWideQrs_ms;
}

// Fills in the advice: fibrillation if the ventricular waves do not repeat themselves and run at
// VF's frequencies; a ventricular tachycardia or flutter if they repeat, shocked for its rate; else
// discrete complexes, shocked only if rapid and wide.
void classify(const Features& m, AedFinding& f) {
  const Complexes& c = m.complexes;
  const bool waves = ventricular_waves(m);
  const bool monomorphic = m.regularity.cycle_rate_per_min > 0.0;
  f.fibrillation =
      waves && !monomorphic && m.vf.wave_rate_per_min >= kSlowestFibrillation_per_min;
  if (f.fibrillation) {
    f.rate_per_min = m.vf.wave_rate_per_min;  // the detector misses VF's smaller waves
  } else if (waves && monomorphic) {
    f.rate_per_min = m.regularity.cycle_rate_per_min;
    f.rapid_wide = f.rate_per_min >= kRapidRate_per_min;  // wide: no narrow complexes
    f.organised = true;
  } else {
    f.rate_per_min = c.rate_per_min;
    f.rapid_wide = c.count >= kMinimumComplexes && c.rate_per_min >= kRapidRate_per_min &&
                   c.width_ms >= kWideQrs_ms;
    f.organised = c.count >= kMinimumComplexes && c.rr_variation <= kOrganisedVariation;
  }
  f.advice = f.fibrillation || f.rapid_wide ? AedAdvice::kShock : AedAdvice::kNoShock;
}

}  // namespace

AedFinding analyse_rhythm(std::span<const float> pads_mV, double sample_rate_hz) {
  AedFinding f;
  if (!usable(pads_mV, sample_rate_hz)) return f;
  const double fs = sample_rate_hz;
  f.analysed = true;
  const std::vector<double> x = band_pass(pads_mV, fs);
  f.amplitude_mV = median_block_peak_to_peak(x, fs);
  f.asystole = f.amplitude_mV < kAsystole_mV;
  if (f.asystole) return f;
  const Features m = measure(x, fs);
  f.complexes = m.complexes.count;
  f.rr_variation = m.complexes.rr_variation;
  f.qrs_width_ms = m.complexes.width_ms;
  f.tcsc_pct = m.tcsc_pct;
  f.leakage = m.vf.leakage;
  f.regularity = m.regularity.best;
  classify(m, f);
  return f;
}

}  // namespace resus::aed
