#!/usr/bin/env bash
# Installs the Debian packages resus builds against, only those that are missing.
# Safe to run repeatedly; needs root or sudo the first time on a fresh machine.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libeigen3-dev libtbb-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  nlohmann-json3-dev libcli11-dev librandom123-dev
  python3-matplotlib  # tools/ecg_plot.py and `resus run --ecg-plot`
  python3-cffi python3-numpy python3-pandas python3-pytest  # bindings/python and its tests (ctest -L binding)
  python3-tqdm  # resus.batch's progress bar (it falls back to a plain line without it)
  clang libclang-rt-dev  # libFuzzer for tests/fuzz (scripts/fuzz.sh, scripts/test.sh)
  mono-mcs mono-runtime  # bindings/csharp and the Unity example compile check (ctest -L binding)
  libopenmpi-dev openmpi-bin  # resus-mpi, the batch runner for one MPI allocation (ctest -L mpi)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all build dependencies present"
  exit 0
fi

echo "setup: installing ${missing[*]}"
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
