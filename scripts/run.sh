#!/usr/bin/env bash
# Sets everything up and runs a scenario: installs missing dependencies, builds the Release
# command-line tool in build/, then runs `resus run` with this script's arguments.
#   scripts/run.sh                          the built-in default scenario
#   scripts/run.sh my_scenario.json --csv out.csv
# Set-up and build output goes to stderr, so stdout carries only what resus prints.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs="${RESUS_JOBS:-2}"
{
  scripts/setup-deps.sh
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
  cmake --build build -j"$jobs" --target resus_cli
} >&2

exec build/cli/resus run "$@"
