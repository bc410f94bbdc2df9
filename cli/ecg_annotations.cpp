#include "ecg_annotations.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>
#include <utility>

namespace resus_cli {

int32_t beat_code(int32_t origin) {
  switch (origin) {
    case 0: return kAnnotNormal;
    case 3: return kAnnotPaced;
    default: return kAnnotPvc;  // ectopic or escape
  }
}

std::string rhythm_mnemonic(const std::string& rhythm_name) {
  // MIT-BIH rhythm mnemonics (N, SBR, AFIB, AFL, SVTA, BII, VT, VFL...), the CU/VFDB ones (VF,
  // ASYS) and, without a standard one, ST (sinus tachycardia), BI/BIII (AV block), TDP
  // (torsades) and PEA.
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 17> kTable{{
      {"sinus", "(N"},
      {"sinus_bradycardia", "(SBR"},
      {"sinus_tachycardia", "(ST"},
      {"atrial_fibrillation", "(AFIB"},
      {"atrial_flutter", "(AFL"},
      {"svt", "(SVTA"},
      {"av_block_1", "(BI"},
      {"mobitz_1", "(BII"},
      {"mobitz_2", "(BII"},
      {"av_block_3", "(BIII"},
      {"vt", "(VT"},
      {"pulseless_vt", "(VT"},
      {"torsades", "(TDP"},
      {"vf_coarse", "(VF"},
      {"vf_fine", "(VF"},
      {"asystole", "(ASYS"},
      {"pea", "(PEA"},
  }};
  for (const auto& [name, mnemonic] : kTable)
    if (name == rhythm_name) return std::string(mnemonic);
  std::string upper = "(" + rhythm_name;  // a rhythm newer than this table
  std::transform(upper.begin(), upper.end(), upper.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return upper;
}

}  // namespace resus_cli
