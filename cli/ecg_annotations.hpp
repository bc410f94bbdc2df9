// MIT/WFDB annotation codes for what the sim reports: beat origins and rhythm names.
#pragma once

#include <cstdint>
#include <string>

namespace resus_cli {

inline constexpr int32_t kAnnotNormal = 1;    // 'N'
inline constexpr int32_t kAnnotPvc = 5;       // 'V'
inline constexpr int32_t kAnnotPaced = 12;    // '/'
inline constexpr int32_t kAnnotRhythm = 28;   // '+', aux = "(VF" etc.

// The beat code for a resus_beat origin (0 conducted, 1 ectopic, 2 escape, 3 paced).
int32_t beat_code(int32_t origin);

// The rhythm annotation's aux string for a rhythm name ("vf_coarse" -> "(VF"): the WFDB/MIT
// mnemonic where one exists, otherwise a short one in the same style.
std::string rhythm_mnemonic(const std::string& rhythm_name);

}  // namespace resus_cli
