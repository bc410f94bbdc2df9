#!/usr/bin/env bash
# Fills this Unity package with what lives elsewhere in the repository, so the C# binding has
# one source (bindings/csharp/src) and the package builds nothing itself:
#   Runtime/Binding/*.cs          <- bindings/csharp/src/*.cs (the P/Invoke binding)
#   Runtime/Plugins/<platform>/   <- the native library, when one is found or given
#
#   examples/unity/copy-binding.sh [path/to/libresus.so | libresus.dylib | resus.dll]
#
# Without an argument it takes build/capi/libresus.so (scripts/run.sh builds it). Run it again
# after pulling: the copies are ignored by git (examples/unity/.gitignore).
set -euo pipefail

package_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo_dir="$(cd "$package_dir/../.." && pwd)"
binding_dir="$package_dir/Runtime/Binding"

rm -rf "$binding_dir"
mkdir -p "$binding_dir"
cp "$repo_dir"/bindings/csharp/src/*.cs "$binding_dir/"
echo "copied $(ls "$binding_dir" | wc -l) binding sources into $binding_dir"

native="${1:-$repo_dir/build/capi/libresus.so}"
if [ ! -e "$native" ]; then
  echo "no native library at $native: build it (scripts/run.sh) or pass its path;" \
       "see Runtime/Plugins/README.md" >&2
  exit 1
fi
# Unity loads DllImport("resus") as resus.dll on Windows, libresus.so on Linux and
# libresus.dylib on macOS; the copy drops the version suffixes of the build's file names.
case "$native" in
  *.dll)   dest="$package_dir/Runtime/Plugins/x86_64/resus.dll" ;;
  *.dylib) dest="$package_dir/Runtime/Plugins/macOS/libresus.dylib" ;;
  *)       dest="$package_dir/Runtime/Plugins/x86_64/libresus.so" ;;
esac
mkdir -p "$(dirname "$dest")"
cp -L "$native" "$dest"
echo "copied $native to $dest"
