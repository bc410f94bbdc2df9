"""Actions by name with keyword fields, enums by name, and errors that name field and range."""
from __future__ import annotations

import math

import numpy as np
import pytest

import resus


def test_drug_by_keywords_with_enum_names(male: resus.Model) -> None:
    with male.sim(seed=1) as s:
        s.apply("drug", drug="epinephrine", dose=1, unit="mg", route="peripheral_iv", flush_mL=20)
        s.advance(1.0)
        assert s.signal("given_epinephrine_mg") == pytest.approx(1.0)
        applied = [e for e in s.events() if e["kind"] == "action_applied"]
        assert [e["detail_name"] for e in applied] == ["drug"]


def test_alias_sets_its_field(male: resus.Model) -> None:
    with male.sim(seed=1) as s:
        s.apply("oxygen", source="non_rebreather")
        s.advance(0.01)
        assert s.signal("fio2") == pytest.approx(0.8)


def test_keywords_reach_the_same_state_as_json(male: resus.Model) -> None:
    """The values path (this binding's packing) and the library's JSON parser agree exactly."""
    fields = dict(rate_per_min=100, depth_mm=45, leaning_mm=5, compressions_per_cycle=30, breaths_per_pause=2)
    by_values, by_json = male.sim(seed=3), male.sim(seed=3)
    by_values.apply("rhythm", rhythm="vf_coarse")
    by_json.apply_json({"do": "rhythm", "rhythm": "vf_coarse"})
    by_values.schedule(5.0, "cpr_start", **fields)
    by_json.apply_json({"do": "cpr_start", "at_s": 5.0, **fields})
    for s in (by_values, by_json):
        s.advance(30.0)
    np.testing.assert_array_equal(by_values.signals(), by_json.signals())


def test_out_of_range_names_field_and_range_and_leaves_the_sim_usable(male: resus.Model) -> None:
    with male.sim(seed=1) as s:
        s.advance(1.0)
        with pytest.raises(resus.ResusError) as caught:
            s.apply("shock", energy_J=500)
        error = caught.value
        assert error.status_name == "invalid_argument"
        assert "energy_J" in error.message and "500" in error.message and "[1, 360]" in error.message
        s.advance(5.0)
        assert s.time == pytest.approx(6.0)
        assert np.isfinite(s.signals()).all()
        assert s.signal("map_mmHg") > 60  # no shock was delivered to the resting patient


def test_unknown_enum_name_lists_the_choices(male: resus.Model) -> None:
    with male.sim() as s, pytest.raises(resus.ResusError, match="route: 'vein' is not one of peripheral_iv"):
        s.apply("drug", drug="epinephrine", route="vein")


def test_unknown_field_and_action_are_named(male: resus.Model) -> None:
    with male.sim() as s:
        with pytest.raises(resus.ResusError, match="unknown field 'energy'.*energy_J") as caught:
            s.apply("shock", energy=200)
        assert caught.value.status_name == "unknown_name"
        with pytest.raises(resus.ResusError) as caught:
            s.apply("defibrillate", energy_J=200)
        assert caught.value.status_name == "unknown_name"


def test_required_field_missing(male: resus.Model) -> None:
    with male.sim() as s, pytest.raises(resus.ResusError, match="energy_J is required"):
        s.apply("shock")


def test_field_defaults_come_from_the_table() -> None:
    cpr = resus.action("cpr_start")
    assert cpr.field("rate_per_min").default == 110 and cpr.field("rate_per_min").zero_is_default
    assert cpr.field("depth_mm").unit == "mm"
    assert math.isnan(resus.action("shock").field("energy_J").default)
    assert resus.action("shock").field("energy_J").required
    rate = resus.action("ventilation").field("rate_per_min")
    assert rate.applies_when == ("mode", ("bag_rate", "ventilator"))
