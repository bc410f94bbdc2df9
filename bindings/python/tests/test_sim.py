"""Sims: determinism by seed, snapshots, events, the ECG and waveform streams."""
from __future__ import annotations

import numpy as np
import pytest

import resus

RECORDED = ["map_mmHg", "cpp_mmHg", "etco2_mmHg", "rhythm_id", "co_L_min"]


def _arrest_course(s: resus.Sim, seconds: int = 60) -> np.ndarray:
    """VF, CPR, a shock: the seeded parts (shock outcome, refibrillation) included."""
    s.schedule(2.0, "rhythm", rhythm="vf_coarse")
    s.schedule(10.0, "cpr_start", rate_per_min=110, depth_mm=55)
    s.schedule(40.0, "shock", energy_J=200)
    rows = []
    for _ in range(seconds):
        s.advance(1.0)
        rows.append(s.signals(RECORDED))
    return np.array(rows)


def test_same_seed_gives_identical_arrays(male: resus.Model) -> None:
    with male.sim(seed=7) as first, male.sim(seed=7) as second:
        np.testing.assert_array_equal(_arrest_course(first), _arrest_course(second))


def test_save_load_continues_bit_identically(male: resus.Model) -> None:
    with male.sim(seed=5) as original:
        original.schedule(2.0, "rhythm", rhythm="vf_coarse")
        original.schedule(20.0, "cpr_start")
        original.advance(10.0)
        snapshot = original.save()
        assert isinstance(snapshot, bytes) and len(snapshot) > 0
        original.advance(30.0)
        expected = original.signals()
    with male.sim(seed=99) as restored:  # another seed: the snapshot carries the streams
        restored.load(snapshot)
        assert restored.time == 10.0
        restored.advance(30.0)
        np.testing.assert_array_equal(restored.signals(), expected)


def test_a_damaged_snapshot_is_refused_and_changes_nothing(male: resus.Model) -> None:
    with male.sim(seed=1) as s:
        s.advance(1.0)
        damaged = bytearray(s.save())
        damaged[-1] ^= 0xFF
        with pytest.raises(resus.ResusError) as caught:
            s.load(bytes(damaged))
        assert caught.value.status_name == "incompatible"
        assert s.time == 1.0


@pytest.mark.parametrize("rate_hz", [250, 1000])
def test_ecg_drains_float32_at_the_configured_rate(male: resus.Model, rate_hz: int) -> None:
    with male.sim(seed=1) as s:
        s.configure_ecg(rate_hz)
        s.advance(2.0)
        lead_ii = s.ecg("II")
        assert lead_ii.dtype == np.float32
        assert len(lead_ii) == 2 * rate_hz
        assert np.isfinite(lead_ii).all() and np.ptp(lead_ii) > 0.5  # QRS complexes, in mV
        assert len(s.ecg("II")) == 0  # drained
        assert len(s.ecg(12)) == 2 * rate_hz  # the pads, by index: each lead drains on its own


def test_waveforms_drain_at_the_configured_rate(male: resus.Model) -> None:
    with male.sim(seed=1) as s:
        s.configure_waveforms(125)
        s.advance(4.0)
        abp = s.waveform("abp")
        assert abp.dtype == np.float32 and len(abp) == 500
        assert 50 < abp.min() < abp.max() < 150  # an arterial line's diastolic and systolic, mmHg


def test_events_have_kinds_by_name(male: resus.Model) -> None:
    with male.sim(seed=1) as s:
        s.apply("rhythm", rhythm="vf_coarse")
        s.advance(1.0)
        events = s.events()
        assert [e["kind"] for e in events] == ["action_applied", "rhythm_changed"]
        assert events[1]["detail_name"] == "vf_coarse"
        assert s.events() == []


def test_closed_sim_refuses_calls(male: resus.Model) -> None:
    s = male.sim()
    s.close()
    s.close()  # twice is fine
    with pytest.raises(ValueError):
        s.advance(1.0)


def test_model_overrides_and_params() -> None:
    with resus.Model("adult_female_60kg", overrides={"heart_rate_set_bpm": 80}) as m:
        assert m.param("body_mass_kg") == 60.0
        assert m.param("heart_rate_set_bpm") == 80.0
        with pytest.raises(resus.ResusError, match="unknown parameter 'nope'"):
            m.param("nope")
    with pytest.raises(resus.ResusError, match=r"heart_rate_set_bpm.*valid range is \[30, 180\]"):
        resus.Model(overrides={"heart_rate_set_bpm": 900})


def test_model_age_and_scales() -> None:
    young = resus.Model()
    with resus.Model(overrides={"age_years": 75}, scales={"lv_emax_mmHg_per_mL": 0.5}) as old:
        assert old.param("age_years") == 75.0
        assert old.param("lv_emax_mmHg_per_mL") == pytest.approx(0.5 * young.param("lv_emax_mmHg_per_mL"))
        assert old.param("aorta_elastance_mmHg_per_mL") > 1.5 * young.param("aorta_elastance_mmHg_per_mL")
    with pytest.raises(resus.ResusError, match=r"scales: factor on 'lv_emax_mmHg_per_mL' = 0 .*\[0.01, 100\]"):
        resus.Model(scales={"lv_emax_mmHg_per_mL": 0})
    young.close()


def test_sim_outlives_its_model() -> None:
    m = resus.Model()
    s = m.sim()
    m.close()
    s.advance(1.0)
    assert s.signal("hr_bpm") > 0
