"""examples/python runs headless, start to end."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import REPO

QUICKSTART = REPO / "examples" / "python" / "quickstart.py"


@pytest.mark.skipif(not QUICKSTART.exists(), reason="not in the source tree")
def test_quickstart_runs_without_a_display() -> None:
    env = {**os.environ, "MPLBACKEND": "Agg"}
    done = subprocess.run([sys.executable, str(QUICKSTART)], env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "map_mmHg" in done.stdout and "shock_delivered" in done.stdout


POLICY = REPO / "examples" / "python" / "policy_vs_protocol.py"


@pytest.mark.skipif(not POLICY.exists(), reason="not in the source tree")
def test_a_policy_meets_the_protocols_patients(cli) -> None:
    env = {**os.environ, "RESUS_CLI": str(cli)}
    done = subprocess.run([sys.executable, str(POLICY), "3"], env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "ROSC: policy" in done.stdout and done.stdout.count("\n") == 5  # header, 3 patients, counts
