"""resus.batch: a study run from Python is the `resus batch` command's run (the same
results.csv, byte for byte), returned as a DataFrame; a bad study is refused with the command's
message, naming the JSON path, the value and the range (docs/batch.md)."""
from __future__ import annotations

from pathlib import Path

import pytest

import resus

STUDY = {"seed": 5, "patients": 6, "duration_s": 150, "arrest": {"at_s": 10, "rhythm": "vf_coarse"},
         "team": {"preset": "in_hospital"}}


def test_a_study_from_python_is_the_commands_run(tmp_path: Path, cli: Path, run_cli) -> None:
    df = resus.batch(STUDY, tmp_path / "py", threads=2, chunk=2, progress=False, command=cli)
    assert len(df) == 6 and list(df["patient"]) == list(range(6))
    assert {"rosc_any", "first_shock_s", "compression_fraction"} <= set(df.columns)
    assert (df["first_shock_s"] > 0).all()  # every VF patient shocked by the in-hospital team
    study_file = tmp_path / "study.json"
    study_file.write_text((tmp_path / "py" / "study.json").read_text())
    run_cli("batch", study_file, "--out", tmp_path / "shell", "--threads", "1", "-q")
    assert (tmp_path / "py" / "results.csv").read_bytes() == (tmp_path / "shell" / "results.csv").read_bytes()


def test_a_bad_study_is_refused_with_the_commands_message(tmp_path: Path, cli: Path) -> None:
    with pytest.raises(resus.ResusError, match="patients"):
        resus.batch({**STUDY, "patients": -1}, tmp_path / "bad", progress=False, command=cli)


def test_the_progress_bar_counts_the_patients(tmp_path: Path, cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    resus.batch(STUDY, tmp_path / "bar", chunk=1, progress=True, command=cli, poll_s=0.05)
    assert "6/6" in capsys.readouterr().err  # tqdm's bar, or the plain line without tqdm
