#include "engine/bus.hpp"

#include <bit>
#include <cmath>

namespace resus {

Effects neutral_effects() {
  Effects e{};
  for (int c = 0; c < kNumEffectChannels; ++c)
    e.value[static_cast<std::size_t>(c)] = c < kNumScaleEffects ? 1.0 : 0.0;
  return e;
}

void set_effect(Effects& e, Effect channel, EffectWriter writer, double amount) {
  const auto c = static_cast<std::size_t>(channel);
  const auto w = static_cast<std::size_t>(writer);
  e.slot[c][w] = static_cast<int>(c) < kNumScaleEffects ? std::log(amount) : amount;
  e.dirty |= 1u << c;
}

void update_effect(Effects& e, Effect channel, EffectWriter writer, double amount) {
  const auto c = static_cast<std::size_t>(channel);
  const double wanted = static_cast<int>(c) < kNumScaleEffects ? std::log(amount) : amount;
  if (wanted != e.slot[c][static_cast<std::size_t>(writer)]) set_effect(e, channel, writer, amount);
}

void combine_effects(Effects& e) {
  // Only the dirty channels, lowest first: most steps dirty one or two of ~30.
  for (uint32_t dirty = e.dirty; dirty != 0; dirty &= dirty - 1) {
    const int c = std::countr_zero(dirty);
    double sum = 0.0;
    for (double slot : e.slot[static_cast<std::size_t>(c)]) sum += slot;  // writer order
    e.value[static_cast<std::size_t>(c)] = c < kNumScaleEffects ? std::exp(sum) : sum;
  }
  e.dirty = 0;
}

}  // namespace resus
