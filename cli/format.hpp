// Number and time formatting shared by the timeline, the messages and the outputs.
#pragma once

#include <string>

namespace resus_cli {

// "HH:MM:SS", with ".mmm" appended when t is not a whole second.
std::string clock_time(double t_s);
// Fixed-point with `decimals` digits; "-" for NaN.
std::string fixed(double v, int decimals);
// Shortest readable form ("%g"), as used in messages: 1200, 0.5, 1e+06.
std::string num(double v);
// `text` in single quotes for a message, cut to 64 characters with its length said: a user's
// file can hold anything, and a message should stay readable.
std::string quoted_input(const std::string& text);
// The same cut without quotes, for a field name in a JSON path.
std::string cut_input(const std::string& text);

}  // namespace resus_cli
