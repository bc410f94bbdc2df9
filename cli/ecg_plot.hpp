// Draws a recorded ECG with tools/ecg_plot.py (python3 + matplotlib): a 12-lead page on ECG
// grid paper, PNG or SVG by the output's extension.
#pragma once

#include <string>

namespace resus_cli {

// Throws InputError (exit 2) when python3 or matplotlib is missing, before anything runs.
void check_plot_tool();

// Renders `record` (an ECG CSV file, or a WFDB record name) to `out`. Returns an error message,
// or "" on success.
std::string render_ecg_plot(const std::string& record, const std::string& out);

}  // namespace resus_cli
