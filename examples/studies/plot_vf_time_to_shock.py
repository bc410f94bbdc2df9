#!/usr/bin/env python3
"""ROSC by the crew's arrival, with and without bystander CPR, from a `resus batch` run of
examples/studies/vf_time_to_shock.json (docs/batch.md).

    resus batch examples/studies/vf_time_to_shock.json --out results/vf
    python3 examples/studies/plot_vf_time_to_shock.py results/vf/results.csv results/vf/rosc.png

Prints the table it plots; each point carries its 95% Wilson interval."""
import sys

from study_stats import finished_patients, plot_shares, save_share_plot, wilson


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows = finished_patients(sys.argv[1])
    edges = [60, 240, 420, 600, 780, 960]
    table = []
    for bystander in (False, True):
        for lo, hi in zip(edges[:-1], edges[1:]):
            group = [r for r in rows if lo <= float(r["team.arrival_s"]) < hi
                     and (float(r["team.bystander_cpr_delay_s"]) >= 0) == bystander]
            n = len(group)
            rosc = wilson(sum(int(r["rosc_any"]) for r in group), n)
            alive = wilson(sum(int(r["alive_at_end"]) for r in group), n)
            good = wilson(sum(int(r["favourable_neuro"]) for r in group), n)
            table.append((bystander, (lo + hi) / 120.0, n, rosc, alive, good))
    print("bystander CPR  arrival (min)    n   ROSC any         alive at end     favourable")
    for b, t, n, rosc, alive, good in table:
        print(f"{'yes' if b else 'no ':13s}  {t:12.1f}  {n:4d}   "
              + "   ".join(f"{v[0]:.2f} [{v[1]:.2f},{v[2]:.2f}]" for v in (rosc, alive, good)))
    if len(sys.argv) < 3:
        return
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for bystander, style in ((False, "o-"), (True, "s--")):
        pts = [(t, rosc) for b, t, n, rosc, _, _ in table if b == bystander and n > 0]
        plot_shares(ax, [p[0] for p in pts], [p[1] for p in pts], fmt=style,
                    label="bystander CPR" if bystander else "no bystander CPR")
    save_share_plot(fig, ax, "crew at the patient (min after collapse)", "any ROSC",
                    "Witnessed VF: ROSC by the delay to the crew (resus batch)", sys.argv[2])

if __name__ == "__main__":
    main()
