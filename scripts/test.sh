#!/usr/bin/env bash
# The one test command. On a fresh Debian 12 machine it installs what is missing
# (scripts/setup-deps.sh), then:
#   1. Release build in build/ and the whole test suite there, the slow tests included (label
#      slow: the 24-hour soak, every parameter at its extremes);
#   2. address + undefined-behaviour sanitizer build in build-asan/ and the suite again, without
#      the slow tests, the install tests (hosts built against an installed prefix) and the
#      bindings' tests (Python, C#: their interpreters would need the sanitizer runtime);
#   3. the libFuzzer targets (clang, build-fuzz/), each fuzzed for RESUS_FUZZ_SECONDS (default
#      10: a smoke run, the corpora are replayed in both passes above) from its corpus
#      (scripts/fuzz.sh);
#   4. the arm64 cross build (scripts/cross.sh arm64, build-arm64/): the library and the C
#      examples with Debian's aarch64 cross compiler, the quickstart and the 10-minute
#      determinism check under qemu-user, bit-identical to this machine's run (about 2 minutes
#      with its packages installed).
# Exits non-zero on the first failure. Rebuilds are incremental. RESUS_JOBS overrides the
# parallelism (default 2).
#   scripts/test.sh --full   the same, with 300 s of fuzzing per target and the Windows cross
#                            build under wine as well (scripts/cross.sh all)
# Without --full, the Windows cross build (mingw-w64, wine: scripts/cross.sh windows) is left out;
# README, "Cross builds".
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jobs="${RESUS_JOBS:-2}"
fuzz_seconds="${RESUS_FUZZ_SECONDS:-10}"
cross=arm64
if [ "${1:-}" = "--full" ]; then fuzz_seconds=300; cross=all; fi
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
# -O1 -g1: what the sanitizers' manuals advise, half the compile time of -O2 -g, and line tables
# enough for their stack traces. Nothing the pass leaves out (benchmarks, slow tests, MPI) is built.
cmake -S . -B build-asan -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" -DCMAKE_C_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
  -DRESUS_SANITIZE=ON -DRESUS_BUILD_BENCH=OFF -DRESUS_BUILD_SLOW_TESTS=OFF -DRESUS_WITH_MPI=OFF
cmake --build build-asan -j"$jobs"

stage "sanitizers: tests"
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure --no-tests=error -j"$jobs" -LE 'slow|install|binding|mpi'

stage "fuzzing: ${fuzz_seconds} s per target (build-fuzz/)"
RESUS_JOBS="$jobs" scripts/fuzz.sh "$fuzz_seconds"

stage "cross build: $cross (build-arm64/ under qemu-user; with --full build-mingw/ under wine)"
RESUS_JOBS="$jobs" scripts/cross.sh "$cross"

stage "all tests passed (release, sanitizers, fuzzing, arm64)"
