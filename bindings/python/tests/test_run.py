"""resus.run() against the resus command: the same scenario gives the same numbers."""
from __future__ import annotations

import json
import math
from pathlib import Path

import pandas as pd
import pytest

import resus
from conftest import SCENARIOS


def _as_cli_csv(frame: pd.DataFrame) -> list[str]:
    """A frame in the command's CSV format (cli/outputs.cpp: %.10g times, %.8g values)."""
    lines = ["time_s," + ",".join(frame.columns)]
    for t, row in zip(frame.index, frame.to_numpy()):
        lines.append(f"{t:.10g}" + "".join(",NaN" if math.isnan(v) else f",{v:.8g}" for v in row))
    return lines


# The default scenario whole (VF, CPR, airway, shocks, drugs: 17 minutes), and a hemorrhage cut
# short as --duration does.
CASES = [("default.json", None), ("hemorrhage.json", 300.0)]


@pytest.mark.parametrize("name, duration_s", CASES)
def test_run_matches_the_command(run_cli, tmp_path: Path, name: str, duration_s: float | None) -> None:
    scenario = SCENARIOS / name
    extra = ["--duration", f"{duration_s:g}"] if duration_s else []
    summary_path = tmp_path / "summary.json"
    csv = run_cli("run", scenario, "--csv", "-", "--json", summary_path, "-q", *extra).splitlines()
    frame = resus.run(scenario, duration_s=duration_s)

    assert _as_cli_csv(frame) == csv  # every row, every signal, to the CSV's 8 digits

    # Bit-identical: the summary carries full-precision doubles of each signal.
    summary = json.loads(summary_path.read_text())
    for name_, stats in summary["signals"].items():
        column = frame[name_]
        assert (column.iloc[0], column.iloc[-1], column.min(), column.max()) == \
            (stats["start"], stats["end"], stats["min"], stats["max"]), name_
        assert column.mean() == pytest.approx(stats["mean"], rel=1e-12)
    ours = [(e["time_s"], e["kind"], e["value"]) for e in frame.attrs["events"]]
    theirs = [(e["time_s"], e["kind"], e["value"]) for e in summary["events"]]
    assert ours == theirs


def test_dict_and_file_give_the_same_frame() -> None:
    path = SCENARIOS / "hemorrhage.json"
    from_dict = resus.run(json.loads(path.read_text()), duration_s=120)
    from_file = resus.run(path, duration_s=120)
    pd.testing.assert_frame_equal(from_dict, from_file, check_exact=True)
    assert from_dict.index.name == "time_s" and len(from_dict) == 121


def test_scenario_errors_name_the_path() -> None:
    with pytest.raises(resus.ResusError, match="durations_s: unknown field"):
        resus.run({"durations_s": 10})
    with pytest.raises(resus.ResusError, match=r"actions\[0\]\.energy_J = 400 is out of range"):
        resus.run({"duration_s": 10, "actions": [{"at_s": 1, "do": "shock", "energy_J": 400}]})
    with pytest.raises(resus.ResusError, match=r"record\.signals\[0\]: unknown signal"):
        resus.run({"duration_s": 10, "record": {"signals": ["map"]}})
    with pytest.raises(resus.ResusError, match=r"actions\[0\]\.at_s = 10 is out of range"):
        resus.run({"duration_s": 10, "actions": [{"at_s": 10, "do": "cpr_stop"}]})


def test_defaults_match_the_command(run_cli, tmp_path: Path) -> None:
    """No seed, no record: the command's default signals and interval (copied in scenario.py)."""
    scenario = {"duration_s": 20, "actions": [{"at_s": 5, "do": "rhythm", "rhythm": "vf_coarse"}]}
    path = tmp_path / "defaults.json"
    path.write_text(json.dumps(scenario))
    assert _as_cli_csv(resus.run(scenario)) == run_cli("run", path, "--csv", "-", "-q").splitlines()
