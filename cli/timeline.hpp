// The readable timeline `resus run` prints: a header naming the patient, a line per event and a
// vitals line every print interval.
#pragma once

#include <resus/resus.h>

#include <cstdint>
#include <ostream>

#include "runner.hpp"
#include "scenario.hpp"

namespace resus_cli {

void print_header(std::ostream& out, const Scenario& scenario, const resus_model* model);

class Timeline : public RunObserver {
 public:
  explicit Timeline(std::ostream& out);
  void on_event(const ScenarioEvent& event) override;
  void on_vitals(double t_s, const resus_sim* sim) override;

 private:
  std::ostream& out_;
  int32_t hr_ = -1, sbp_ = -1, dbp_ = -1, map_ = -1, co_ = -1, cvp_ = -1, bv_ = -1, rhythm_ = -1;
  int32_t cpp_ = -1, etco2_ = -1, spo2_ = -1, spo2_valid_ = -1, rr_ = -1, lost_ = -1, infused_ = -1;
  int32_t cpr_rate_ = -1, cpr_depth_ = -1, cpr_fraction_ = -1, compressing_ = -1;
};

}  // namespace resus_cli
