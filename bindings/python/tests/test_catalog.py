"""The discovery tables are non-empty and the same as `resus info` prints from the C side."""
from __future__ import annotations

import re

import pytest

import resus


@pytest.fixture(scope="module")
def info(run_cli) -> dict[str, list[str]]:
    """`resus info` by section: {"signals": [first word of each row], ...}, checked against the
    count in the section's heading."""
    sections: dict[str, list[str]] = {}
    rows: list[str] = []
    for line in run_cli("info").splitlines():
        if heading := re.match(r"^(\w+) \((\d+)\)", line):
            rows = sections.setdefault(heading.group(1), [])
            expected = int(heading.group(2))
            sections[f"{heading.group(1)}_count"] = [str(expected)]
        elif line.startswith("  ") and line.strip():
            rows.append(line.split()[0])
    return sections


def test_version_matches_the_command(run_cli) -> None:
    assert resus.version() == resus.__version__
    assert resus.version() in run_cli("--version")


@pytest.mark.parametrize("section, names", [
    ("presets", lambda: [p.name for p in resus.presets()]),
    ("signals", lambda: [s.name for s in resus.signals()]),
    ("waveforms", lambda: [w.name for w in resus.waves()]),
    ("actions", lambda: [a.name for a in resus.actions()]),
    ("drugs", lambda: [d.name for d in resus.drugs()]),
    ("parameters", lambda: [p.name for p in resus.params()]),
])
def test_table_matches_resus_info(info, section: str, names) -> None:
    ours = names()
    assert ours, f"{section} is empty"
    assert len(ours) == int(info[f"{section}_count"][0])
    assert ours == info[section]


def test_rhythms_match_resus_info(info) -> None:
    # `resus info` prints "value name" rows for rhythms.
    assert len(resus.rhythms()) == int(info["rhythms_count"][0]) == 17
    assert resus.rhythms()[13] == "vf_coarse"


def test_every_action_is_described_by_its_fields() -> None:
    for spec in resus.actions():
        assert resus.action(spec.name).kind == spec.kind
        assert spec.summary
        for field in spec.fields:
            assert field.type in ("number", "integer", "boolean", "enum")
            assert field.min <= field.max
            assert bool(field.choices) == (field.type == "enum"), (spec.name, field.name)
            assert spec.field(field.name) is field


def test_drug_field_names_the_drugs() -> None:
    drug = resus.action("drug").field("drug")
    assert list(drug.choices) == [d.name for d in resus.drugs()]
    assert "peripheral_iv" in resus.action("drug").field("route").choices
