"""Shared fixtures. Run from the source tree with
``PYTHONPATH=bindings/python RESUS_LIBRARY=build/capi/libresus.so python3 -m pytest bindings/python/tests``;
RESUS_CLI names the ``resus`` command the results are compared with (default build/cli/resus)."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

import resus

REPO = Path(__file__).resolve().parents[3]
SCENARIOS = REPO / "examples" / "scenarios"


@pytest.fixture(scope="session")
def cli() -> Path:
    """The resus command built from the same sources as the library."""
    path = Path(os.environ.get("RESUS_CLI", REPO / "build" / "cli" / "resus"))
    if not path.exists():
        pytest.skip(f"no resus command at {path} (set RESUS_CLI)")
    return path


@pytest.fixture(scope="session")
def run_cli(cli: Path):
    """Runs ``resus <args>`` and returns its standard output."""
    def run(*args: str | os.PathLike[str]) -> str:
        return subprocess.run([str(cli), *map(str, args)], check=True, capture_output=True, text=True).stdout
    return run


@pytest.fixture(scope="session")
def male() -> resus.Model:
    """The default adult preset, compiled once for the session (models are immutable)."""
    return resus.Model("adult_male_70kg")
