"""A host as the team (resus.Bedside): it perceives only the team's signals and the pads ECG,
and a scripted policy that shocks what the pads show gets a pulse back from early VF."""
from __future__ import annotations

import numpy as np
import pytest

import resus


def test_a_bedside_shows_the_team_only_what_it_perceives(male: resus.Model) -> None:
    with resus.Bedside(male, seed=2) as bed:
        obs = bed.wait(2.0)
        assert obs["time_since_collapse_s"] is None
        assert "rhythm_id" not in obs and "myocardial_energy" not in obs
        assert obs["carotid_pulse"] > 0.5
        assert len(obs["pads_mV"]) == 2 * resus.team.PADS_RATE_HZ
        bed.collapse("vf_coarse")
        obs = bed.wait(8.0)
        assert obs["time_since_collapse_s"] == pytest.approx(8.0)
        assert obs["carotid_pulse"] < 0.2


def test_a_policy_that_reads_the_pads_shocks_vf_and_finds_a_pulse(male: resus.Model) -> None:
    # The simplest AED rule a host might write: wide, fast, baseline-free waves of at least
    # 0.2 mV peak to peak, read in a pause. Early VF (1 minute) is shocked back to a pulse.
    with resus.Bedside(male, seed=4) as bed:
        bed.collapse("vf_coarse")
        bed.act("cpr_start", rate_per_min=110, depth_mm=52)
        bed.wait(60.0)
        bed.act("cpr_stop")
        pads = bed.wait(5.0)["pads_mV"][-4 * 250:]
        crossings = np.count_nonzero(np.diff(np.sign(pads - pads.mean())))
        assert np.ptp(pads) > 0.2 and crossings > 20  # 4 s of 3-9 Hz waves
        bed.act("shock", energy_J=200)
        bed.act("cpr_start", rate_per_min=110, depth_mm=52)
        bed.wait(120.0)
        bed.act("cpr_stop")
        obs = bed.wait(10.0)
        assert obs["carotid_pulse"] >= 0.5
