#!/usr/bin/env python3
"""ROSC and survival by the crew's lost time at each rhythm check, against the compression
fraction each arm got, from a `resus batch` run of examples/studies/vf_compression_fraction.json
(docs/batch.md).

    resus batch examples/studies/vf_compression_fraction.json --out results/ccf
    python3 examples/studies/plot_compression_fraction.py results/ccf/results.csv results/ccf/ccf.png

Prints the table it plots; each rate carries its 95% Wilson interval. The arms are compared as
randomised: a patient's own measured fraction is confounded by how early his ROSC came."""
import sys

from study_stats import finished_patients, plot_shares, save_share_plot, wilson

OUTCOMES = (("rosc_any", "any ROSC"), ("rosc_sustained_20min", "ROSC sustained 20 min"),
            ("alive_at_end", "alive at the end"))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    rows = finished_patients(sys.argv[1])
    arms = sorted({float(r["team.check_hands_off_s"]) for r in rows})
    table = []
    for lost in arms:
        group = [r for r in rows if float(r["team.check_hands_off_s"]) == lost]
        n = len(group)
        fraction = sum(float(r["compression_fraction"]) for r in group) / n
        rates = [wilson(sum(int(r[key]) for r in group), n) for key, _ in OUTCOMES]
        table.append((lost, n, fraction, rates))
    print("lost per check (s)    n   fraction   " + "   ".join(f"{label:22s}" for _, label in OUTCOMES))
    for lost, n, fraction, rates in table:
        print(f"{lost:18.0f}  {n:4d}   {fraction:8.2f}   "
              + "   ".join(f"{v[0]:.2f} [{v[1]:.2f},{v[2]:.2f}]    " for v in rates))
    if len(sys.argv) < 3:
        return
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, ax = plt.subplots(figsize=(7, 4.5))
    for i, (_, label) in enumerate(OUTCOMES):
        plot_shares(ax, [row[2] for row in table], [row[3][i] for row in table], fmt="o-",
                    label=label)
    for lost, _, fraction, _ in table:
        ax.annotate(f"{lost:.0f} s lost", (fraction, 0.02), ha="center", fontsize=8)
    save_share_plot(fig, ax, "mean compression fraction of the arm", "share of patients",
                    "Witnessed VF: outcomes by the crew's lost time per check (resus batch)",
                    sys.argv[2])

if __name__ == "__main__":
    main()
