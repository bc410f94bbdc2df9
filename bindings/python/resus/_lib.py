"""Finds libresus and opens it with cffi in ABI mode (no compiler needed).

Lookup order: the ``RESUS_LIBRARY`` environment variable (a path), then the library installed
next to this package (``<libdir>/libresus.so.0`` for ``<libdir>/python3/dist-packages/resus``),
then ``ctypes.util.find_library("resus")``.
"""
from __future__ import annotations

import ctypes.util
import os
from pathlib import Path
from typing import Any

import cffi

from ._cdef import CDEF, HEADER_VERSION

ffi = cffi.FFI()
ffi.cdef(CDEF)

_SONAME = "libresus.so.0"
# <libdir>/python3/dist-packages/resus -> <libdir>
_INSTALLED_LIBDIR = Path(__file__).resolve().parent.parent.parent.parent


def library_candidates() -> list[str]:
    """Where the library is looked for, in order (the environment variable alone if set)."""
    explicit = os.environ.get("RESUS_LIBRARY")
    if explicit:
        # An explicit choice that fails should say so, not fall back to another build.
        return [explicit]
    candidates = []
    installed = _INSTALLED_LIBDIR / _SONAME
    if installed.exists():
        candidates.append(str(installed))
    found = ctypes.util.find_library("resus")
    if found:
        candidates.append(found)
    return candidates


def _open() -> Any:
    tried: list[str] = []
    for candidate in library_candidates():
        try:
            library = ffi.dlopen(candidate)
        except OSError as error:
            tried.append(f"{candidate}: {error}")
            continue
        _check_version(library, candidate)
        return library
    raise ImportError(
        "resus: cannot load libresus; set RESUS_LIBRARY to its path "
        "(e.g. build/capi/libresus.so)" + ("".join(f"\n  {t}" for t in tried) if tried else "")
    )


def _check_version(library: Any, path: str) -> None:
    """The library must be this header's major version and at least its minor (docs/abi.md)."""
    number = library.resus_version_number()
    major, minor = number // 10000, number // 100 % 100
    if major != HEADER_VERSION[0] or minor < HEADER_VERSION[1]:
        raise ImportError(
            f"resus: {path} is version {major}.{minor}; this binding needs "
            f"{HEADER_VERSION[0]}.{HEADER_VERSION[1]} or a later {HEADER_VERSION[0]}.x"
        )


lib: Any = _open()


def text(pointer: Any) -> str:
    """A C string the library returned, or "" for NULL."""
    return "" if pointer == ffi.NULL else ffi.string(pointer).decode("utf-8")


def optional_text(pointer: Any) -> str | None:
    """A C string the library returned, or None for NULL (the end of a table)."""
    return None if pointer == ffi.NULL else ffi.string(pointer).decode("utf-8")
