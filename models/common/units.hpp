// Unit conversions shared by the models and the engine.
#pragma once

namespace resus {

inline constexpr double kCmH2OPerMmHg = 1.36;  // 1 mmHg = 1.36 cmH2O

}  // namespace resus
