#!/usr/bin/env bash
# Installs a built resus into a scratch prefix and builds hosts against it, as a user would:
#   consumers.sh BUILD_DIR SOURCE_DIR WORK_DIR cmake|pkg-config|command|static|deb
set -euo pipefail
build=$(cd "$1" && pwd) source=$(cd "$2" && pwd) work=$3 how=$4
rm -rf "$work" && mkdir -p "$work"
prefix=$work/prefix

case "$how" in
  static)
    # The library alone, static, with none of the command's, tests' or benchmarks' packages.
    # Unoptimised: what is checked is the packaging (archive, exported targets, no dynamic
    # libresus), and -O0 compiles in a third of Release's time.
    cmake -S "$source" -B "$work/lib" -G Ninja -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG=-O0 \
      -DCMAKE_C_FLAGS_DEBUG=-O0 -DRESUS_BUILD_SHARED=OFF \
      -DRESUS_BUILD_CLI=OFF -DRESUS_BUILD_EXAMPLES=OFF -DRESUS_BUILD_TESTS=OFF \
      -DRESUS_BUILD_BENCH=OFF >/dev/null
    cmake --build "$work/lib" -j"${RESUS_JOBS:-2}" >/dev/null
    cmake --install "$work/lib" --prefix "$prefix" >/dev/null
    ;;
  deb)
    # The Debian packages, unpacked into a scratch root (installing them needs root; their
    # contents and dependencies are what is checked here).
    (cd "$work" && cpack --config "$build/CPackConfig.cmake" -B "$work/pkg" >/dev/null)
    mkdir -p "$work/root"
    for p in libresus0 libresus-dev resus-tools; do
      deb=$(ls "$work"/pkg/${p}_*.deb)
      dpkg-deb -x "$deb" "$work/root"
      echo "$p: $(dpkg-deb -f "$deb" Version) depends: $(dpkg-deb -f "$deb" Depends)"
    done
    dpkg-deb -f "$work"/pkg/libresus-dev_*.deb Depends | grep -q 'libresus0 (='
    prefix=$work/root/usr
    ;;
  *) cmake --install "$build" --prefix "$prefix" >/dev/null ;;
esac
libdir=$(dirname "$(find "$prefix" -name 'resus.pc' | head -1)")/..

case "$how" in
  cmake|static|deb)
    cmake -S "$source/tests/install/consumer" -B "$work/consumer" -G Ninja \
      -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$work/consumer" >/dev/null
    LD_LIBRARY_PATH="$libdir" "$work/consumer/consumer"
    if [ "$how" = static ] && ldd "$work/consumer/consumer" | grep -q libresus; then
      echo "consumers: the static consumer links libresus dynamically" >&2; exit 1
    fi
    if [ "$how" = deb ]; then
      PKG_CONFIG_PATH="$libdir/pkgconfig" pkg-config --cflags --libs resus
      "$prefix/bin/resus" run --duration 5 --quiet
    fi
    ;;
  pkg-config)
    export PKG_CONFIG_PATH="$libdir/pkgconfig"
    cc -std=c99 -Wall -Wextra -pedantic "$source/tests/install/consumer/main.c" \
      $(pkg-config --cflags --libs resus) -o "$work/consumer-pc"
    LD_LIBRARY_PATH="$libdir" "$work/consumer-pc"
    test "$(pkg-config --modversion resus)" = "$(sed -n 's/^project(resus VERSION \([0-9.]*\).*/\1/p' "$source/CMakeLists.txt")"
    ;;
  command)
    # The installed command finds its library (RPATH) and its ECG plotter (share/resus/tools).
    "$prefix/bin/resus" --version
    "$prefix/bin/resus" run --duration 5 --quiet
    test -f "$prefix/share/resus/tools/ecg_plot.py"
    test -f "$prefix/include/resus/resus.h"
    ;;
esac
