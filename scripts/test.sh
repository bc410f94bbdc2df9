#!/usr/bin/env bash
# The one test command. On a fresh Debian 12 machine it installs what is missing
# (scripts/setup-deps.sh), then:
#   1. Release build in build/ and the whole test suite there;
#   2. address + undefined-behaviour sanitizer build in build-asan/ and the suite again.
# Exits non-zero on the first failure. About 14 minutes on 2 cores from scratch (13.5 measured); rebuilds are
# incremental. RESUS_JOBS overrides the parallelism (default 2).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs="${RESUS_JOBS:-2}"
start=$SECONDS
stage() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - start)); }

stage "dependencies"
scripts/setup-deps.sh

stage "release: configure and build (build/)"
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
cmake --build build -j"$jobs"

stage "release: tests"
ctest --test-dir build --output-on-failure --no-tests=error -j"$jobs"

stage "sanitizers: configure and build (build-asan/)"
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DRESUS_SANITIZE=ON -DRESUS_BUILD_BENCH=OFF
cmake --build build-asan -j"$jobs"

stage "sanitizers: tests"
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs"

stage "all tests passed (release and sanitizers)"
