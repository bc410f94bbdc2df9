// The CPR update functions never allocate: counts global operator new around them.
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>

#include "models/cpr/pulse.hpp"
#include "models/cpr/quality.hpp"
#include "signals.hpp"

namespace {
std::atomic<long> g_allocations{0};

// Out of line, so that the compiler sees operator new/delete pairs at the call sites rather than
// malloc/free inlined into them (which GCC's -Wmismatched-new-delete would misread).
[[gnu::noinline]] void* counted_alloc(std::size_t n) {
  ++g_allocations;
  return std::malloc(n ? n : 1);
}
[[gnu::noinline]] void counted_free(void* p) noexcept { std::free(p); }
}  // namespace

void* operator new(std::size_t n) {
  if (void* p = counted_alloc(n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) { return operator new(n); }
void operator delete(void* p) noexcept { counted_free(p); }
void operator delete[](void* p) noexcept { counted_free(p); }
void operator delete(void* p, std::size_t) noexcept { counted_free(p); }
void operator delete[](void* p, std::size_t) noexcept { counted_free(p); }

namespace resus::cpr {
namespace {

TEST(NoAllocation, QualityAndPulseUpdates) {
  QualityState qs = make_quality_state();
  QualityReadout qr{};
  PulseState ps = make_pulse_state();
  PulseReadout pr{};
  const QualityParams qp{};
  const PulseParams pp = default_pulse_params();
  test::Compressions c;
  c.per_set = 30;
  c.pause_s = 4.0;
  const long before = g_allocations.load();
  for (int i = 0; i < 100000; ++i) {
    const double t = i * 0.002;
    update_quality(qp, t, 0.002, c.depth(t), qs);
    qr = read_quality(qp, qs);
    update_pulse(pp, 0.002, test::cpr_pressure(t, 110, 60, 15), test::cpr_pressure(t, 110, 60, 15),
                 test::cpr_pressure(t, 110, 40, 5), ps, pr);
  }
  EXPECT_EQ(g_allocations.load() - before, 0);
  EXPECT_GT(qr.count, 0);
}

}  // namespace
}  // namespace resus::cpr
