"""Physiology seen through the binding, against the references the engine is calibrated to."""
from __future__ import annotations

import pytest

import resus


@pytest.mark.parametrize("preset", [p.name for p in resus.presets()])
def test_resting_map_is_a_normal_adults(preset: str) -> None:
    # Normal adult MAP 70-105 mmHg: models/cardiovascular/README.md, calibration table (B.1).
    with resus.Model(preset) as m, m.sim(seed=1) as s:
        s.advance(30.0)
        assert 70.0 <= s.signal("map_mmHg") <= 105.0
        assert 60.0 <= s.signal("hr_bpm") <= 100.0


def test_vf_drops_map_below_30_within_20_s(male: resus.Model) -> None:
    # After VF onset without CPR, arterial pressure falls to the mean systemic filling pressure
    # (~7-15 mmHg) within ~10-20 s (Guyton; tests/physiology/rhythm_test.cpp, B.2 row 19).
    with male.sim(seed=1) as s:
        s.advance(10.0)
        s.apply("rhythm", rhythm="vf_coarse")
        s.advance(20.0)
        assert s.signal("map_mmHg") < 30.0
        assert s.signal("co_L_min") < 0.2


def test_cpr_gives_coronary_perfusion_pressure(male: resus.Model) -> None:
    # Guideline-depth compressions give a CPP of about 20-25 mmHg (docs/scenario.md, the default
    # scenario; a CPP above 15 mmHg is the usual threshold for ROSC, Paradis 1990).
    with male.sim(seed=1) as s:
        s.apply("rhythm", rhythm="vf_coarse")
        s.advance(30.0)
        arrested = s.signal("cpp_mmHg")
        s.apply("cpr_start", rate_per_min=110, depth_mm=55)
        s.advance(30.0)
        assert arrested < 5.0
        assert s.signal("cpp_mmHg") > 15.0
