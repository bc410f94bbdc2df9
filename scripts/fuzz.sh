#!/usr/bin/env bash
# Builds the libFuzzer targets of tests/fuzz with clang (build-fuzz/, address and undefined-
# behaviour sanitizers) and fuzzes each for a while, starting from its seed corpus.
#   scripts/fuzz.sh                 every target, 60 s each
#   scripts/fuzz.sh 300             every target, 5 minutes each
#   scripts/fuzz.sh 30 action_json  one target
# New inputs go to build-fuzz/corpus/<target> (the source tree's corpus is only read); a crash
# leaves its input in build-fuzz/crashes/<target>/ and makes the script exit non-zero. Each
# target's last line says how many inputs it ran.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(action_json patient_json scenario_file snapshot_bytes snapshot_flips capi_calls study_json aed_samples)
jobs="${RESUS_JOBS:-2}"

scripts/setup-deps.sh >&2
cmake --preset fuzz >/dev/null
names=(hostile_enum_arguments)
for t in "${targets[@]}"; do names+=("fuzz_$t"); done
cmake --build build-fuzz -j"$jobs" --target "${names[@]}"

status=0
echo "== enum arguments outside their enum, under clang's sanitizers"
if ! UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 build-fuzz/tests/fuzz/hostile_enum_arguments; then
  status=1
fi
for t in "${targets[@]}"; do
  corpus="build-fuzz/corpus/$t"
  crashes="build-fuzz/crashes/$t"
  mkdir -p "$corpus" "$crashes"
  log="build-fuzz/fuzz_$t.log"
  echo "== fuzz $t for ${seconds}s"
  # Inputs are small except snapshots; 10 s per input and 2 GB are far above any good run.
  if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
     "build-fuzz/tests/fuzz/fuzz_$t" "$corpus" "tests/fuzz/corpus/$t" \
       -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
       -artifact_prefix="$crashes/" >"$log" 2>&1; then
    runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    echo "   $runs inputs, no finding"
  else
    status=1
    echo "   FINDING (log: $log):"
    grep -E 'ERROR|fuzz check failed|SUMMARY|Test unit written' "$log" | head -10 | sed 's/^/   /'
  fi
done
exit $status
