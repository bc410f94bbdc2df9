// Per-channel ring buffers of samples (ECG leads, waveforms), filled by the sim as it steps and
// drained by the host channel by channel. Sized once when the sim is created; writing and reading never allocate. When the
// host falls behind, the oldest samples of a lead are overwritten and counted as dropped.
#pragma once

#include <cstdint>
#include <vector>

namespace resus {

class EcgStream {
 public:
  EcgStream(int leads, int capacity)
      : leads_(leads), capacity_(capacity),
        data_(static_cast<std::size_t>(leads) * static_cast<std::size_t>(capacity)),
        read_(static_cast<std::size_t>(leads), 0), dropped_(static_cast<std::size_t>(leads), 0) {}

  int capacity() const { return capacity_; }

  // Appends one sample of every lead.
  void push(const double* sample) noexcept {
    const std::size_t slot = static_cast<std::size_t>(written_ % capacity_);
    for (int lead = 0; lead < leads_; ++lead)
      data_[static_cast<std::size_t>(lead) * capacity_ + slot] = static_cast<float>(sample[lead]);
    ++written_;
    for (int lead = 0; lead < leads_; ++lead) {
      int64_t& r = read_[static_cast<std::size_t>(lead)];
      if (written_ - r > capacity_) {
        dropped_[static_cast<std::size_t>(lead)] += written_ - capacity_ - r;
        r = written_ - capacity_;
      }
    }
  }

  // Samples of `lead` not yet read.
  int64_t available(int lead) const noexcept { return written_ - read_[static_cast<std::size_t>(lead)]; }

  // Moves up to `capacity` samples of `lead`, oldest first; returns how many. `first_index`
  // (may be null) receives the index of the first sample moved (or of the next one, if none):
  // the sim's sample index, so time = index / rate.
  int read(int lead, float* out, int capacity, int64_t* first_index = nullptr) noexcept {
    int64_t& r = read_[static_cast<std::size_t>(lead)];
    if (first_index) *first_index = origin_ + r;
    int n = 0;
    for (; n < capacity && r < written_; ++n, ++r)
      out[n] = data_[static_cast<std::size_t>(lead) * capacity_ + static_cast<std::size_t>(r % capacity_)];
    return n;
  }

  int64_t dropped(int lead) const noexcept { return dropped_[static_cast<std::size_t>(lead)]; }

  // Empties every lead; the next sample pushed has index `next_index` (a new rate, or a restored
  // snapshot, starts a new stream).
  void restart(int64_t next_index) noexcept {
    for (auto& r : read_) r = written_;
    origin_ = next_index - written_;
  }

 private:
  int leads_;
  int capacity_;
  std::vector<float> data_;
  int64_t written_ = 0;
  int64_t origin_ = 0;  // sample index of the push numbered 0
  std::vector<int64_t> read_;
  std::vector<int64_t> dropped_;
};

}  // namespace resus
