// Averaged-beat fiducials of a rendered episode (the delineator oracle on a Recording).
#pragma once

#include "oracles/delineator.hpp"
#include "support/episode.hpp"

namespace resus::ecg::test {

struct Measured {
  oracle::Leads avg;        // averaged beat per lead
  oracle::Fiducials f;
  double pre_s;             // anchor position in avg
  double fs;
};

// Averages the beats anchored at the ventricular activations after skip_s (all of one kind
// when `origin` >= 0) and delineates them. rr_s sets the windows; p_from_s as in delineate().
Measured measure(const Recording& r, const Episode& e, double rr_s, double max_s, double p_from_s,
                 int origin = -1, double skip_s = 2.0);

// Net QRS area sign and size in a lead of the averaged beat (onset to offset), mV*s.
double qrs_area(const Measured& m, int lead);

}  // namespace resus::ecg::test
