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
