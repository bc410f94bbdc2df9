"""The arrest as an RL environment (resus.ArrestEnv): the Gymnasium contract, the team's view
only, and a reward that a policy earns by what it does: an early shock brings a pulse that holds,
doing nothing never does (physiology.md B.5 row 91: VF shocked in its electrical phase)."""
from __future__ import annotations

import numpy as np
import pytest

import resus


@pytest.fixture(scope="module")
def env(male: resus.Model) -> resus.ArrestEnv:
    e = resus.ArrestEnv(male, rhythm="vf_coarse", max_s=300.0)
    yield e
    e.close()


def run(env: resus.ArrestEnv, seed: int, policy: list[str]) -> tuple[float, bool, bool, float]:
    env.reset(seed=seed)
    reward, terminated, truncated, info = 0.0, False, False, {}
    for name in policy + ["wait"] * 1000:
        _, r, terminated, truncated, info = env.step(env.action_index(name))
        reward += r
        if terminated or truncated:
            break
    return reward, terminated, truncated, info["time_since_collapse_s"]


def test_observations_are_what_a_team_perceives_with_a_fixed_shape(env: resus.ArrestEnv) -> None:
    obs, info = env.reset(seed=1)
    assert info["time_since_collapse_s"] == 0.0
    n = round(env.decision_s * resus.team.PADS_RATE_HZ)
    assert obs["signals"].shape == (len(resus.PERCEIVED),) and obs["pads_mV"].shape == (n,)
    assert obs["signals"][resus.PERCEIVED.index("carotid_pulse")] > 0.5  # healthy until now
    for _ in range(4):  # the last palpable beat fades over a few seconds
        obs, reward, terminated, truncated, info = env.step(env.action_index("wait"))
        assert obs["pads_mV"].shape == (n,) and np.isfinite(obs["signals"]).all()
        assert (reward, terminated, truncated) == (0.0, False, False)
    assert obs["signals"][resus.PERCEIVED.index("carotid_pulse")] < 0.2
    assert info["time_since_collapse_s"] == pytest.approx(4 * env.decision_s)


def test_the_same_seed_and_actions_give_the_same_episode(env: resus.ArrestEnv) -> None:
    def trace(seed: int) -> np.ndarray:
        env.reset(seed=seed)
        out = [env.step(env.action_index(a))[0]["pads_mV"] for a in ("cpr_30_2", "wait", "hands_off", "wait")]
        return np.concatenate(out)
    assert np.array_equal(trace(5), trace(5))
    assert not np.array_equal(trace(5), trace(6))


def test_an_early_shock_earns_the_reward_and_doing_nothing_never_does(env: resus.ArrestEnv) -> None:
    shock = ["bag_mask_oxygen", "cpr_30_2"] + ["wait"] * 14 + ["hands_off", "wait", "shock_200J", "cpr_30_2"] \
        + ["wait"] * 59 + ["hands_off"]
    shocked = [run(env, seed, shock) for seed in range(1, 7)]
    nothing = [run(env, seed, []) for seed in range(1, 4)]
    assert sum(r for r, *_ in shocked) >= 4, shocked
    assert all(terminated == (r == 1.0) for r, terminated, _, _ in shocked)
    assert all(r == 0.0 and truncated and t == pytest.approx(300.0) for r, _, truncated, t in nothing), nothing


def test_bad_actions_and_settings_are_refused_by_name(env: resus.ArrestEnv, male: resus.Model) -> None:
    env.reset(seed=1)
    with pytest.raises(ValueError, match=r"action = 99 is out of range; valid range is \[0, 14\]"):
        env.step(99)
    with pytest.raises(ValueError, match="'defibrillate' is not one of wait, cpr_30_2"):
        env.action_index("defibrillate")
    with pytest.raises(ValueError, match="decision_s = 0"):
        resus.ArrestEnv(male, decision_s=0)
    assert env.n_actions == len(env.action_names) == 15


# A small population: two builds, VF or asystole at 20 s, or a tension pneumothorax that arrests
# the patient by itself; the team arrives at a sampled time.
STUDY = {"seed": 13, "patients": 6, "duration_s": 1200,
         "population": {"parameters": {"body_mass_kg": {"dist": "uniform", "min": 55, "max": 95}}},
         "arrest": {"at_s": 20, "rhythm": {"dist": "categorical", "values": ["vf_coarse", "asystole"]},
                    "cause": {"dist": "categorical", "values": ["primary", "tension"], "weights": [0.5, 0.5]},
                    "causes": {"tension": [{"at_s": 1, "do": "condition", "condition": "tension_pneumothorax",
                                            "side": "left", "rate_mL_min": 2000}]}},
         "team": {"parameters": {"arrival_s": {"dist": "uniform", "min": 60, "max": 240}}}}


def test_a_studys_drawn_patients_are_the_ones_its_batch_runs(tmp_path, cli) -> None:
    drawn = resus.draw(STUDY, command=cli)
    df = resus.batch(STUDY, tmp_path / "b", threads=2, progress=False, command=cli)
    assert [p["patient"] for p in drawn] == list(df["patient"]) == list(range(6))
    for p, (_, row) in zip(drawn, df.iterrows()):
        assert p["arrest"]["cause"] == row["cause"]
        assert p["model"]["overrides"]["body_mass_kg"] == pytest.approx(row["body_mass_kg"], rel=1e-5)
        assert p["team"]["arrival_s"] == pytest.approx(row["team.arrival_s"], rel=1e-5)
        assert p["sim"] == {"seed": 13, "patient_id": p["patient"]}
    assert resus.draw(STUDY, first=4, command=cli) == drawn[4:]
    with pytest.raises(resus.ResusError, match="patients"):
        resus.draw({**STUDY, "patients": 0}, command=cli)


def test_the_seat_at_a_study_meets_each_patient_at_the_collapse_the_batch_finds(tmp_path, cli) -> None:
    """The host's episode starts where the automated team's attempt does: a primary arrest at
    arrest.at_s, a cause's when the carotid pulse has been gone 10 s; the same model and streams
    make the tension pneumothorax collapse at the same second in both."""
    df = resus.batch(STUDY, tmp_path / "b", threads=2, progress=False, command=cli)
    env = resus.ArrestEnv.from_study(STUDY, command=cli, decision_s=2.0)
    causes = set()
    try:
        for i in range(6):
            obs, info = env.reset(options={"patient": i})
            row = df.iloc[i]
            assert info["patient"] == i and info["collapsed"] and info["cause"] == row["cause"]
            assert info["collapse_s"] == pytest.approx(row["collapse_s"], abs=1e-6)
            assert info["team"]["arrival_s"] == pytest.approx(row["team.arrival_s"], rel=1e-5)
            assert obs["pads_mV"].shape == (500,) and np.isfinite(obs["signals"]).all()
            causes.add(info["cause"])
            if info["cause"] == "tension":
                assert info["collapse_s"] > 1.0 and info["time_since_collapse_s"] >= 10.0
                left = obs["signals"][resus.PERCEIVED.index("breath_sounds_left")]
                right = obs["signals"][resus.PERCEIVED.index("breath_sounds_right")]
                assert left < right  # what the team finds: the silent side
            else:
                assert info["collapse_s"] == 20.0 and info["time_since_collapse_s"] == 0.0
            # Doing nothing ends at the study's window, never with a pulse.
            total, steps = 0.0, 0
            while True:
                _, r, terminated, truncated, step_info = env.step(env.action_index("wait"))
                total, steps = total + r, steps + 1
                if terminated or truncated:
                    break
            assert truncated and total == 0.0
            assert info["collapse_s"] + step_info["time_since_collapse_s"] == pytest.approx(1200.0, abs=2.0)
        assert causes == {"primary", "tension"}
        # reset(seed=k) is the k-th patient, reset() the next after it.
        assert env.reset(seed=7)[1]["patient"] == 1 and env.reset()[1]["patient"] == 2
        with pytest.raises(ValueError, match="patient"):
            env.reset(options={"patient": 6})
    finally:
        env.close()


def test_a_window_that_ends_before_the_rule_finds_the_collapse_has_none_in_both(tmp_path, cli) -> None:
    """Patient 2 of STUDY stops its pulse at 683 s: a window of 690 s ends before the 10 s rule
    can find it, for the batch and for the seat alike (they check on the same grid)."""
    short = {**STUDY, "duration_s": 690}
    df = resus.batch(short, tmp_path / "b", threads=2, progress=False, command=cli)
    env = resus.ArrestEnv.from_study(short, first=2, count=1, command=cli)
    try:
        _, info = env.reset()
        assert df.iloc[2]["cause"] == "tension" and df.iloc[2]["collapse_s"] == -1
        assert not info["collapsed"] and info["collapse_s"] is None
        assert env.step(env.action_index("wait"))[3]  # truncated at once
        long = resus.ArrestEnv.from_study({**STUDY, "duration_s": 700}, first=2, count=1, command=cli)
        try:
            _, found = long.reset()
            assert found["collapsed"] and found["collapse_s"] == pytest.approx(683.0, abs=1.0)
        finally:
            long.close()
    finally:
        env.close()


def test_bad_ranges_are_refused_with_the_field_the_value_and_the_range(cli) -> None:
    for kwargs, field in (({"first": -1}, "first = -1"), ({"count": 1.5}, "count = 1.5"),
                          ({"first": True}, "first = True")):
        with pytest.raises(ValueError, match=f"{field} is out of range"):
            resus.draw(STUDY, command=cli, **kwargs)
    with pytest.raises(resus.ResusError, match=r"--first = 6 is out of range; valid range is \[0, 5\]"):
        resus.draw(STUDY, first=6, command=cli)
    env = resus.ArrestEnv.from_study(STUDY, first=4, command=cli)
    try:
        for options, seed, message in (({"patient": 3}, None, r"options\['patient'\] = 3 is out of range; valid range is \[4, 5\]"),
                                       ({"patient": "x"}, None, r"options\['patient'\] = 'x' is out of range"),
                                       ({}, -1, r"seed = -1 is out of range")):
            with pytest.raises(ValueError, match=message):
                env.reset(seed=seed, options=options)
    finally:
        env.close()
