#!/usr/bin/env bash
# Cross builds and their determinism against the native build (the extended command; not part of
# scripts/test.sh). On Debian 12 it installs what is missing (scripts/setup-deps.sh, then the
# cross compilers and emulators), then for each target:
#   arm64    build-arm64/ with g++-aarch64-linux-gnu (cmake/toolchains/aarch64-linux-gnu.cmake),
#            run under qemu-aarch64 -L /usr/aarch64-linux-gnu;
#   windows  build-mingw/ with mingw-w64 (cmake/toolchains/x86_64-w64-mingw32.cmake): resus.dll,
#            its import library and the examples as .exe, run under wine (prefix build-mingw/wine);
# the library and the C examples only (no command, tests or benchmarks). Each target runs the C
# quickstart and examples/determinism_check.c (a 10-minute VF arrest, every signal each minute
# as the bits of its double); the native x86-64 check runs from build/ (configured as
# scripts/test.sh does if absent). Prints "bit-identical", or how many values differ, the largest
# relative difference and the signals that differ; exits non-zero on a build or run failure or
# on a relative difference above 1e-9.
#   scripts/cross.sh [arm64|windows|all]   (default all; RESUS_JOBS sets the parallelism, default 2)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

what="${1:-all}"
case "$what" in
  arm64) targets=(arm64) ;;
  windows) targets=(windows) ;;
  all) targets=(arm64 windows) ;;
  *) echo "usage: scripts/cross.sh [arm64|windows|all]" >&2; exit 2 ;;
esac
jobs="${RESUS_JOBS:-2}"
tolerance=1e-9
start=$SECONDS
stage() { printf '\n== %s (%ds)\n' "$*" $((SECONDS - start)); }
out=build-cross-out  # the runs' output, for a look afterwards
mkdir -p "$out"

# ---- dependencies: only the missing Debian packages -------------------------------------------
stage "dependencies"
scripts/setup-deps.sh
packages=()
for t in "${targets[@]}"; do
  case "$t" in
    arm64)
      packages+=(g++-aarch64-linux-gnu libc6-dev-arm64-cross)
      # Either emulator package will do.
      if ! command -v qemu-aarch64 >/dev/null && ! command -v qemu-aarch64-static >/dev/null; then
        packages+=(qemu-user)
      fi ;;
    windows) packages+=(g++-mingw-w64-x86-64-posix wine wine64) ;;
  esac
done
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "cross: installing ${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "cross: all cross packages present"
fi

cross_options=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DRESUS_BUILD_CLI=OFF -DRESUS_BUILD_TESTS=OFF
               -DRESUS_BUILD_BENCH=OFF -DRESUS_BUILD_EXAMPLES=ON)

# ---- the native reference ------------------------------------------------------------------------
stage "native x86-64: resus_determinism_check (build/)"
if [ ! -f build/build.ninja ]; then
  cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release
fi
t0=$SECONDS
cmake --build build -j"$jobs" --target resus_quickstart resus_determinism_check
echo "native build: $((SECONDS - t0)) s"
t0=$SECONDS
build/examples/resus_quickstart > "$out/quickstart.native.txt"
build/examples/resus_determinism_check > "$out/determinism.native.txt"
echo "native run: $((SECONDS - t0)) s, $(tail -n 1 "$out/determinism.native.txt")"

# Compares a target's determinism output with the native one (lines "<t> <signal> <hex bits>").
compare() {
  python3 - "$out/determinism.native.txt" "$1" "$2" "$tolerance" <<'EOF'
import math, struct, sys

def read(path):
    values, tail = {}, {}
    with open(path, newline=None) as f:  # wine's text mode writes CRLF
        for line in f:
            parts = line.split()
            if len(parts) == 3 and parts[0].isdigit():
                values[(int(parts[0]), parts[1])] = int(parts[2], 16)
            elif len(parts) == 2:
                tail[parts[0]] = parts[1]
    return values, tail

native_path, other_path, name, tolerance = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
native, native_tail = read(native_path)
other, other_tail = read(other_path)
if not native or set(native) != set(other):
    print(f"{name}: the outputs do not list the same values ({len(native)} native, {len(other)} {name})")
    sys.exit(1)

def rel(a, b):
    x, y = (struct.unpack("<d", struct.pack("<Q", v))[0] for v in (a, b))
    if math.isnan(x) and math.isnan(y):
        return 0.0
    if x == y:
        return 0.0  # +0 and -0
    if not (math.isfinite(x) and math.isfinite(y)):
        return math.inf
    return abs(x - y) / max(abs(x), abs(y))

differ = {k: rel(native[k], other[k]) for k in native if native[k] != other[k]}
print(f"{name}: fnv1a64 {other_tail.get('fnv1a64')} (native {native_tail.get('fnv1a64')}), "
      f"{len(native)} values")
if not differ:
    print(f"{name}: bit-identical to x86-64 Linux")
    sys.exit(0)
worst = max(differ, key=differ.get)
signals = sorted({k[1] for k in differ})
first = min(k[0] for k in differ)
print(f"{name}: {len(differ)} of {len(native)} values differ (from t = {first} s) in "
      f"{len(signals)} signals; largest relative difference {differ[worst]:.3g} "
      f"({worst[1]} at t = {worst[0]} s)")
by_signal = sorted(((max((v, k[0]) for k, v in differ.items() if k[1] == s), s) for s in signals),
                   reverse=True)
for (value, t), s in by_signal[:12]:
    print(f"  {s}: {value:.3g} at t = {t} s")
if len(by_signal) > 12:
    print(f"  ... and {len(by_signal) - 12} more: {', '.join(s for _, s in by_signal[12:])}")
if differ[worst] > tolerance:
    print(f"{name}: FAILED, above the {tolerance:g} relative tolerance")
    sys.exit(1)
print(f"{name}: within {tolerance:g} relative")
EOF
}

# Runs the quickstart and the check under an emulator; the quickstart's printout is compared
# with the native one for information (it prints rounded values).
run_target() {
  local name="$1"; shift  # then the emulator's command, the .exe suffix last
  local suffix="${!#}"
  local runner=("${@:1:$#-1}")
  local dir="$builddir/examples"
  local t0=$SECONDS
  "${runner[@]}" "$dir/resus_quickstart$suffix" > "$out/quickstart.$name.txt"
  tail -n 3 "$out/quickstart.$name.txt"
  if diff -q --strip-trailing-cr "$out/quickstart.native.txt" "$out/quickstart.$name.txt" >/dev/null; then
    echo "$name: quickstart printout identical to native"
  else
    echo "$name: quickstart printout differs from native (diff $out/quickstart.{native,$name}.txt)"
  fi
  "${runner[@]}" "$dir/resus_determinism_check$suffix" > "$out/determinism.$name.txt"
  echo "$name run: $((SECONDS - t0)) s"
}

status=0
for t in "${targets[@]}"; do
  case "$t" in
    arm64)
      builddir=build-arm64
      stage "arm64: configure and build ($builddir/)"
      t0=$SECONDS
      cmake -S . -B "$builddir" "${cross_options[@]}" \
        -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/aarch64-linux-gnu.cmake
      cmake --build "$builddir" -j"$jobs"
      echo "arm64 build: $((SECONDS - t0)) s"
      qemu=$(command -v qemu-aarch64 || command -v qemu-aarch64-static)
      stage "arm64: quickstart and determinism check under $(basename "$qemu")"
      run_target arm64 "$qemu" -L /usr/aarch64-linux-gnu ""
      compare "$out/determinism.arm64.txt" arm64 || status=1
      ;;
    windows)
      builddir=build-mingw
      stage "windows: configure and build ($builddir/)"
      t0=$SECONDS
      cmake -S . -B "$builddir" "${cross_options[@]}" \
        -DCMAKE_TOOLCHAIN_FILE=cmake/toolchains/x86_64-w64-mingw32.cmake
      cmake --build "$builddir" -j"$jobs"
      echo "windows build: $((SECONDS - t0)) s"
      # What the DLL and the examples import: only Windows' own DLLs and resus.dll.
      x86_64-w64-mingw32-objdump -p "$builddir/capi/resus.dll" "$builddir/examples/resus_determinism_check.exe" \
        | grep "DLL Name" | sort | uniq -c
      stage "windows: quickstart and determinism check under wine"
      # A prefix of its own; no Mono or Gecko prompts; resus.dll found through WINEPATH.
      export WINEPREFIX="$PWD/$builddir/wine" WINEDEBUG=-all WINEDLLOVERRIDES="mscoree,mshtml="
      export WINEPATH="Z:$(echo "$PWD/$builddir/capi" | tr / '\\')"
      wine cmd /c exit 0 >/dev/null 2>&1 || true  # creates the prefix (wineboot), quietly
      run_target windows wine ".exe"
      compare "$out/determinism.windows.txt" windows || status=1
      ;;
  esac
done

stage "done (outputs in $out/)"
exit $status
