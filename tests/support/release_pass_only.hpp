// Tests that simulate hours of one model's physiology run in the Release pass only: under the
// address and undefined-behaviour sanitizers they cost minutes of a 30-minute test command, and
// the model's code is sanitized by its shorter tests (scripts/test.sh). Skipped, not hidden:
// ctest lists them as skipped in the sanitizer pass.
#pragma once

#include <gtest/gtest.h>

#if defined(__SANITIZE_ADDRESS__)
#define RESUS_UNDER_SANITIZERS 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define RESUS_UNDER_SANITIZERS 1
#endif
#endif

#ifdef RESUS_UNDER_SANITIZERS
#define RESUS_RELEASE_PASS_ONLY() \
  GTEST_SKIP() << "hours of simulated physiology: the Release pass runs this test"
#else
#define RESUS_RELEASE_PASS_ONLY() static_cast<void>(0)
#endif
