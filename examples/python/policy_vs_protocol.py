#!/usr/bin/env python3
"""A hand-written policy and the automated ALS crew meet the same virtual patients.

``resus.ArrestEnv.from_study`` makes each episode one patient of a study, the same patient (build,
random streams, arrest) that ``resus batch`` runs with its automated team, so a policy (here a
few rules; in practice a learned one) is compared with the protocol on identical patients:

    PYTHONPATH=bindings/python RESUS_LIBRARY=build/capi/libresus.so RESUS_CLI=build/cli/resus \\
        python3 examples/python/policy_vs_protocol.py [PATIENTS]

The policy sees only what a team perceives (the pads ECG and ``resus.PERCEIVED``), arrives at the
patient's sampled arrival time, compresses continuously, stops every 2 minutes for its AED's
reading of the pads (``resus.aed_analyse`` on the first 4 s of the pause: a 2-s reading
misread a fine stretch of VF as not shockable), shocks what it calls shockable, tubes the patient at
its second check and gives epinephrine after the second shock and then every 4 minutes, or at once
when the AED finds nothing to shock. It never looks for a cause. It prints ROSC per patient for
both teams, and the counts: for the policy the environment's (a pulse held 60 s with hands off),
for the crew the batch's (a pulse found at a check, docs/batch.md).
"""
import sys
import tempfile

import numpy as np

import resus

PATIENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 12
# Witnessed VF or PEA, a crew arriving after 3-12 minutes with no bystander CPR.
STUDY = {
    "name": "policy vs protocol", "seed": 21, "patients": PATIENTS, "duration_s": 1500,
    "arrest": {"at_s": 20, "rhythm": {"dist": "categorical", "values": ["vf_coarse", "pea"], "weights": [0.7, 0.3]}},
    "team": {"preset": "als_crew", "parameters": {
        "arrival_s": {"dist": "uniform", "min": 180, "max": 720}, "bystander_cpr_delay_s": -1}},
}


def rules(env: resus.ArrestEnv, obs: dict, info: dict, t: float, memory: dict) -> str:
    """The next action's name at `t` seconds after the collapse."""
    arrival = info["team"]["arrival_s"]
    if t < arrival:
        return "wait"
    if "next_check" not in memory:  # arrival: compressions, a check in 2 minutes
        memory.update(next_check=t + 120.0, shocks=0, next_epinephrine=None, checks=0, analysing=0)
        return "cpr_continuous"
    if memory["analysing"] == 2:  # an AED reads several seconds: keep these 2 s, wait 2 more
        memory["analysing"], memory["pads"] = 1, obs["pads_mV"]
        return "wait"
    if memory["analysing"] == 1:  # read the 4 s since the hands came off
        memory["analysing"] = 0
        memory["checks"] += 1
        memory["next_check"] = t + 120.0
        pads = np.concatenate([memory["pads"], obs["pads_mV"]])
        finding = resus.aed_analyse(pads, resus.team.PADS_RATE_HZ)
        if finding["advice"] == "shock":
            memory["shocks"] += 1
            if memory["shocks"] == 2:
                memory["next_epinephrine"] = t + 60.0
            memory["queue"] = ["shock_200J", "cpr_continuous"]
        elif obs["signals"][resus.PERCEIVED.index("carotid_pulse")] >= 0.5:
            return "wait"  # a pulse: hands off, watch it
        else:
            if memory["next_epinephrine"] is None:
                memory["next_epinephrine"] = t
            memory["queue"] = ["cpr_continuous"]
        if memory["checks"] == 2:
            memory["queue"].append("tracheal_tube")
    if memory.get("queue"):
        return memory["queue"].pop(0)
    if memory["next_epinephrine"] is not None and t >= memory["next_epinephrine"]:
        memory["next_epinephrine"] = t + 240.0
        return "epinephrine_1mg"
    if t >= memory["next_check"]:
        memory["analysing"] = 2
        return "hands_off"
    return "wait"


def run_policy(study: dict) -> list[bool]:
    env = resus.ArrestEnv.from_study(study, decision_s=2.0)
    rosc = []
    try:
        for i in range(study["patients"]):
            obs, info = env.reset(options={"patient": i})
            memory: dict = {}
            reward, done, t = 0.0, False, info["time_since_collapse_s"]
            while not done:
                obs, r, terminated, truncated, step_info = env.step(env.action_index(rules(env, obs, info, t, memory)))
                reward, done, t = reward + r, terminated or truncated, step_info["time_since_collapse_s"]
            rosc.append(reward > 0)
    finally:
        env.close()
    return rosc


policy = run_policy(STUDY)
with tempfile.TemporaryDirectory() as out:
    protocol = resus.batch(STUDY, f"{out}/batch", progress=False)
print("patient  rhythm     arrival_s  policy_rosc  protocol_rosc")
for i, ours in enumerate(policy):
    row = protocol.iloc[i]
    print(f"{i:7d}  {row['rhythm']:9s}  {row['team.arrival_s']:9.0f}  {str(ours):11s}  {bool(row['rosc_any'])}")
print(f"ROSC: policy {sum(policy)}/{len(policy)}, automated ALS crew {int(protocol['rosc_any'].sum())}/{len(protocol)}")
