// Thrombosis constants (als-next.md 4.3; README.md gives each source).
#include "models/thrombosis/thrombosis.hpp"

namespace resus::thrombosis {

ThrombosisParams default_thrombosis_params() {
  ThrombosisParams p{};
  p.pe_shunt_per_obstruction = 0.25;   // [U] PaO2 ~60 on air at 60% obstruction
  p.pe_dead_space_share = 0.8;         // [U] the obstructed share's ventilation, less redistribution
  p.pe_max_obstruction = 0.95;         // [U]
  p.pe_lysis_share = 0.16;             // [F] PAIMS-2: 100 mg lowers the Miller index ~21% by 2 h
  // [F] McIntyre and Sasahara 1971: the mean PA pressure is raised from ~30% obstruction and at
  // most about 40 mmHg up to 68% in previously normal patients (the model: 20 and 40-41; the
  // mechanical share alone gave 15 and 27).
  p.pe_vasoconstriction = 1.5;
  // LAD ~45-50%, LCx ~20-25%, RCA ~30% of the LV in right dominance; the RCA feeds most of the
  // RV free wall, the LAD its anterior part and the septum [M].
  p.lv_share[0] = 0.45;
  p.lv_share[1] = 0.25;
  p.lv_share[2] = 0.30;
  p.rv_share[0] = 0.2;
  p.rv_share[1] = 0.0;
  p.rv_share[2] = 0.8;
  p.ischaemic_contraction = 0.1;       // [M] akinesis within a minute of occlusion
  p.ischaemia_onset_s = 60.0;          // [M] contraction lost in 30-60 s, ST up within minutes
  p.ischaemia_resolution_s = 1800.0;   // [U] ST resolution within 60-90 min of reperfusion
  // Primary VF: ~10% of infarctions, peaking 20-50 min after the onset (Gheeraert's group) and
  // high through the first hour, low from ~6 h (Sayer 2000, Heart 84:258: 118 per 1000 per hour
  // in the first hour). Peak 0.2/h for the whole LV: an LAD occlusion's VF comes in 13% [U].
  p.primary_vf_per_h = 0.2;
  p.primary_vf_peak_s = 2100.0;
  p.patent_below = 0.3;                // [U]
  return p;
}

namespace {

#define F(f) RESUS_FIELD(ThrombosisParams, f)
constexpr ParamSpec<ThrombosisParams> kTable[] = {
    {"pe_shunt_per_obstruction", "1", 0, 1, "shunt fraction per unit of pulmonary obstruction (V/Q mismatch)", F(pe_shunt_per_obstruction)},
    {"pe_dead_space_share", "1", 0, 1, "alveolar dead space per unit of pulmonary obstruction", F(pe_dead_space_share)},
    {"pe_max_obstruction", "1", 0.5, 0.99, "largest share of the pulmonary bed an embolus closes", F(pe_max_obstruction)},
    {"pe_lysis_share", "1", 0, 1, "an embolus's lysis rate relative to a fresh coronary clot's", F(pe_lysis_share)},
    {"pe_vasoconstriction", "1", 0, 5, "the open pulmonary bed's resistance rises by this times the obstruction (the clot's serotonin and thromboxane)", F(pe_vasoconstriction)},
    {"lad_lv_share", "1", 0, 1, "share of the LV the LAD feeds", F(lv_share[0])},
    {"lcx_lv_share", "1", 0, 1, "share of the LV the LCx feeds", F(lv_share[1])},
    {"rca_lv_share", "1", 0, 1, "share of the LV the RCA feeds", F(lv_share[2])},
    {"lad_rv_share", "1", 0, 1, "share of the RV the LAD feeds", F(rv_share[0])},
    {"lcx_rv_share", "1", 0, 1, "share of the RV the LCx feeds", F(rv_share[1])},
    {"rca_rv_share", "1", 0, 1, "share of the RV the RCA feeds", F(rv_share[2])},
    {"ischaemic_contraction", "1", 0, 1, "contraction ischaemic muscle keeps", F(ischaemic_contraction)},
    {"ischaemia_onset_s", "s", 5, 3600, "time constant of ischaemia after an occlusion", F(ischaemia_onset_s)},
    {"ischaemia_resolution_s", "s", 60, 86400, "time constant of recovery after reperfusion", F(ischaemia_resolution_s)},
    {"primary_vf_per_h", "1/h", 0, 10, "peak VF hazard of ischaemia of the whole LV", F(primary_vf_per_h)},
    {"primary_vf_peak_s", "s", 60, 86400, "time from a coronary occlusion to its peak VF hazard", F(primary_vf_peak_s)},
    {"coronary_patent_below", "1", 0.01, 0.99, "clot burden below which an artery carries flow again", F(patent_below)},
};
#undef F

}  // namespace

std::span<const ParamSpec<ThrombosisParams>> param_table() { return kTable; }

}  // namespace resus::thrombosis
