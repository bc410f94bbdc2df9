// A simple fiducial delineator on an averaged beat, written for the tests (independent of the
// generator's kernels): QRS onset/offset from the spatial velocity of several leads, baseline
// from the PR segment, T end by the tangent method, P onset from the spatial magnitude.
#pragma once

#include <vector>

namespace resus::ecg::oracle {

using Leads = std::vector<std::vector<double>>;  // [lead][sample]

// Mean of the windows [anchor - pre, anchor + post) over the anchors that fit in the record.
Leads average_beat(const Leads& x, double fs, const std::vector<double>& anchors_s, double pre_s,
                   double post_s);

struct Fiducials {
  // Times in s relative to the anchor (the averaged activation time).
  double qrs_onset = 0, qrs_offset = 0, t_peak = 0, t_end = 0, p_onset = 0, p_offset = 0;
  bool p_found = false;
  double pr() const { return qrs_onset - p_onset; }
  double p_duration() const { return p_offset - p_onset; }
  double qrs() const { return qrs_offset - qrs_onset; }
  double qt() const { return t_end - qrs_onset; }
  // Per lead, mV relative to the PR-segment baseline.
  std::vector<double> baseline, r_max, r_min, st, t_amp, p_amp, u_amp;
};

// velocity_leads: leads for the spatial velocity (e.g. I, II, V1-V6); t_leads: leads whose
// latest tangent T end is the T end. The T wave is searched up to `max_s` after the anchor
// (before the next P), the P wave from `p_from_s` (after the previous T).
Fiducials delineate(const Leads& avg, double fs, double pre_s, const std::vector<int>& velocity_leads,
                    const std::vector<int>& t_leads, double max_s, double p_from_s);

}  // namespace resus::ecg::oracle
