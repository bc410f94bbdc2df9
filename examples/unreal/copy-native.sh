#!/usr/bin/env bash
# Fills Source/ThirdParty/resus with the C header and a native library from a resus build, the
# layout Source/Resus/Resus.Build.cs links against:
#   include/resus/resus.h
#   lib/Linux/libresus.so.0 | lib/Mac/libresus.0.dylib | lib/Win64/resus.dll + resus.lib
#
#   examples/unreal/copy-native.sh [build directory]     (default: build)
#
# Run it on each platform you package for, after building resus there. The copies are ignored
# by git (examples/unreal/.gitignore).
set -euo pipefail

plugin_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$plugin_dir/../.." && pwd)"
build_dir="${1:-$repo_dir/build}"
third_party="$plugin_dir/Source/ThirdParty/resus"

mkdir -p "$third_party/include/resus"
cp "$repo_dir/capi/include/resus/resus.h" "$third_party/include/resus/"

copy() {  # copy <platform> <file>...
  local platform="$1"
  shift
  mkdir -p "$third_party/lib/$platform"
  for f in "$@"; do
    cp -L "$build_dir/capi/$f" "$third_party/lib/$platform/$f"
    echo "copied $build_dir/capi/$f to lib/$platform"
  done
}

if [ -e "$build_dir/capi/resus.dll" ]; then
  copy Win64 resus.dll resus.lib
elif [ -e "$build_dir/capi/libresus.0.dylib" ]; then
  copy Mac libresus.0.dylib
elif [ -e "$build_dir/capi/libresus.so.0" ]; then
  copy Linux libresus.so.0
else
  echo "no shared libresus in $build_dir/capi: build resus first (scripts/run.sh)" >&2
  exit 1
fi
