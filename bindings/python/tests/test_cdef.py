"""The cffi declarations are the public header's, and the library exports all of them."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from resus._lib import lib

GENERATOR = Path(__file__).resolve().parents[1] / "generate_cdef.py"


def _generator():
    spec = importlib.util.spec_from_file_location("generate_cdef", GENERATOR)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not module.HEADER.exists():
        pytest.skip("not in the source tree: no capi/include/resus/resus.h")
    return module


def test_checked_in_cdef_is_generated_from_the_current_header() -> None:
    generator = _generator()
    expected = generator.render(generator.HEADER.read_text(encoding="utf-8"))
    assert generator.OUTPUT.read_text(encoding="utf-8") == expected, \
        "resus/_cdef.py is stale: run python3 bindings/python/generate_cdef.py"


def test_every_api_function_is_declared_and_exported() -> None:
    generator = _generator()
    names = generator.api_functions(generator.HEADER.read_text(encoding="utf-8"))
    assert len(names) > 80
    # Attribute access looks the symbol up in the library: declared in the cdef and exported.
    missing = [name for name in names if not hasattr(lib, name)]
    assert missing == []
