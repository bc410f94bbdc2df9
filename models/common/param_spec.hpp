// A model's parameter as it is reachable by name (patient overrides, population sampling): its
// name with its unit, the unit, the valid range, what it means, and where it sits in the model's
// parameter struct. Each model lists its own; the engine's registry concatenates the lists.
#pragma once

#include <span>

namespace resus {

template <class Params>
struct ParamSpec {
  const char* name;
  const char* unit;
  double min, max;  // valid range, inclusive
  const char* description;
  double& (*ref)(Params&);
};

}  // namespace resus

// Inside a model's table: the accessor of one field of its parameter struct.
#define RESUS_FIELD(Params, field) [](Params& p) -> double& { return p.field; }
