"""resus.aed_analyse: the defibrillator's reading of the pads ECG (models/aed/README.md), on a
Bedside's own pads (VF shocked, sinus not, as the AHA goals of Kerber 1997 require) and on bad
input (refused naming the argument, the value and the range)."""
from __future__ import annotations

import numpy as np
import pytest

import resus


def test_the_bedside_pads_read_as_a_defibrillator_reads_them(male: resus.Model) -> None:
    with resus.Bedside(male, seed=3) as bed:
        healthy = resus.aed_analyse(bed.wait(5.0)["pads_mV"], resus.team.PADS_RATE_HZ)
        bed.collapse("vf_coarse")
        bed.wait(15.0)
        vf = resus.aed_analyse(bed.wait(5.0)["pads_mV"], resus.team.PADS_RATE_HZ)
    assert healthy["advice"] == "no_shock" and healthy["organised"] and healthy["rate_per_min"] == pytest.approx(72, abs=8)
    assert vf["advice"] == "shock" and vf["fibrillation"] and vf["rate_per_min"] > 180


def test_a_flat_line_is_asystole() -> None:
    finding = resus.aed_analyse(np.zeros(1000), 500)
    assert finding["asystole"] and finding["advice"] == "no_shock"


def test_bad_input_is_refused_by_name() -> None:
    with pytest.raises(resus.ResusError, match=r"sample_rate_hz = 50 is out of range; valid range is \[100, 10000\] Hz"):
        resus.aed_analyse(np.zeros(1000), 50)
    with pytest.raises(resus.ResusError, match=r"count = 100 samples at 250 Hz is 0.4 s"):
        resus.aed_analyse(np.zeros(100), 250)
    samples = np.zeros(1000)
    samples[3] = np.nan
    with pytest.raises(resus.ResusError, match=r"pads_mV\[3\] = nan is not finite"):
        resus.aed_analyse(samples, 250)
    with pytest.raises(ValueError, match="1-D"):
        resus.aed_analyse(np.zeros((2, 1000)), 250)
