// Lead names and look-up, with the aliases datasets use (ecg.md section 5).
#include <cctype>
#include <cstddef>
#include <iterator>

#include "models/ecg/ecg.hpp"

namespace resus::ecg {
namespace {

constexpr const char* kNames[] = {"I",  "II", "III", "aVR", "aVL", "aVF", "V1",
                                  "V2", "V3", "V4",  "V5",  "V6",  "pads"};
static_assert(std::size(kNames) == kNumLeads);

struct Alias {
  const char* name;
  int lead;
};
constexpr Alias kAliases[] = {{"MLII", kII}, {"ECG II", kII}, {"ECG I", kI}, {"ECG III", kIII},
                              {"PADDLES", kPads}, {"PAD", kPads}};

bool same_ignoring_case(std::string_view a, const char* b) {
  std::size_t i = 0;
  for (; i < a.size() && b[i] != '\0'; ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return i == a.size() && b[i] == '\0';
}

}  // namespace

const char* lead_name(int lead) {
  return lead >= 0 && lead < kNumLeads ? kNames[lead] : "unknown";
}

int find_lead(std::string_view name) {
  for (int i = 0; i < kNumLeads; ++i)
    if (same_ignoring_case(name, kNames[i])) return i;
  for (const Alias& a : kAliases)
    if (same_ignoring_case(name, a.name)) return a.lead;
  return -1;
}

}  // namespace resus::ecg
