#!/usr/bin/env python3
"""resus from Python: a witnessed VF arrest treated with CPR, a shock and epinephrine.

Notebook-style: each ``# %%`` cell runs on its own in Jupyter or VS Code, or run it whole:

    PYTHONPATH=bindings/python RESUS_LIBRARY=build/capi/libresus.so \\
        python3 examples/python/quickstart.py [arrest.png]

It prints MAP, CPP and EtCO2 every 20 s and the events; given a path, and if matplotlib is
installed, it also saves a plot there (nothing is ever shown on screen).
"""
# %% A patient and a sim
import sys

import pandas as pd

import resus

print(f"resus {resus.version()}: {len(resus.signals())} signals, {len(resus.actions())} actions")
model = resus.Model("adult_male_70kg")
sim = model.sim(seed=246)
SIGNALS = ["map_mmHg", "cpp_mmHg", "etco2_mmHg", "rhythm_id"]
rows = []


def run_for(seconds: int) -> None:
    """Advances one second at a time, keeping the signals."""
    for _ in range(seconds):
        sim.advance(1.0)
        rows.append([sim.time, *sim.signals(SIGNALS)])


# %% Resting, then ventricular fibrillation at 30 s
run_for(30)
sim.apply("rhythm", rhythm="vf_coarse")
run_for(30)

# %% A team arrives: tracheal tube, bag ventilation with oxygen, continuous compressions
sim.apply("airway", airway="tracheal_tube")
sim.apply("oxygen", source="bag_reservoir")
sim.apply("ventilation", mode="bag_rate", rate_per_min=10, tidal_volume_mL=500)
sim.apply("cpr_start", rate_per_min=110, depth_mm=55)
run_for(120)

# %% Two-minute cycles as the guidelines run them: at each rhythm check, shock VF and carry on
# compressions; epinephrine after the second shock; stop compressions on an organised rhythm.
# The shocks' outcomes and refibrillation are drawn from the seed: other seeds, other courses.
SHOCKABLE = {"vf_coarse", "vf_fine", "pulseless_vt"}
shocks = 0
for check in range(3):
    rhythm = resus.rhythms()[int(sim.signal("rhythm_id"))]
    if rhythm in SHOCKABLE:
        sim.apply("shock", energy_J=200, waveform="biphasic")
        shocks += 1
        if shocks == 2:
            sim.apply("drug", drug="epinephrine", dose=1, unit="mg", route="io_humeral", flush_mL=10)
    elif sim.signal("cpr_rate_per_min") > 0:
        sim.apply("cpr_stop")
    run_for(120)

# %% What happened
frame = pd.DataFrame(rows, columns=["time_s", *SIGNALS]).set_index("time_s")
frame["rhythm"] = [resus.rhythms()[int(r)] for r in frame.pop("rhythm_id")]
print(frame.iloc[29::30].round(1).to_string())  # every 30 s
for event in sim.events():
    print(f"{event['time_s']:7.1f} s  {event['kind']:<15} {event['detail_name'] or ''}")

# %% A plot, saved only when asked for and matplotlib is there
if len(sys.argv) > 1:
    try:
        import matplotlib

        matplotlib.use("Agg")  # headless: write the file, never open a window
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (Debian: python3-matplotlib); no plot")
    else:
        axes = frame[SIGNALS[:3]].plot(subplots=True, figsize=(9, 6), title="VF arrest: CPR, shock, epinephrine")
        axes[-1].set_xlabel("time (s)")
        plt.tight_layout()
        plt.savefig(sys.argv[1], dpi=100)
        print(f"saved {sys.argv[1]}")

sim.close()
