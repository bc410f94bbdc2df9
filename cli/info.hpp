// `resus info`: what the library offers (presets, signals, actions, parameters), all from the
// C API's discovery calls so it can never drift from the library.
#pragma once

#include <ostream>

namespace resus_cli {

void print_info(std::ostream& out);

// Every action's fields as the markdown table of docs/scenario.md, from the library's table.
void print_actions_markdown(std::ostream& out);

}  // namespace resus_cli
