// Shared by the C API tests: checks that an error message names what it should.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <string>

namespace resus_test {

// Checks that a message mentions every one of `parts`.
inline ::testing::AssertionResult Mentions(const std::string& message,
                                           std::initializer_list<const char*> parts) {
  for (const char* part : parts)
    if (message.find(part) == std::string::npos)
      return ::testing::AssertionFailure()
             << "message \"" << message << "\" lacks \"" << part << "\"";
  return ::testing::AssertionSuccess();
}

}  // namespace resus_test
