"""Re-arrest after ROSC: the per-minute hazard from a `resus batch` run's team event log, by the
rhythm the ROSC came from and the rhythm of the re-arrest, in the windows of Unneland 2024 (Acta
Anaesthesiol Scand 69:e14567; als-next.md 5.2): the first 9 minutes of ROSC, the next 11 to their
20-minute horizon, and the minutes after it (which the reference does not rate).

    python3 examples/studies/rearrest_hazard.py results/ohca/results.json

The batch's output directory holds the study (study.json) beside the results; the study must
record events ("record": {"events": true}). An episode of ROSC starts at the
team's "ROSC" (a pulse felt) and ends at its "pulse lost: re-arrest", or is censored when the run
ends. Its arrest was shockable if any analysis since the previous ROSC advised a shock; the
re-arrest is shockable if the first analysis after it does. Hazard = re-arrests / minutes at
risk: constant within each window (an exponential model), with a 95% interval from the Poisson
count (Wilson-Hilferty, as registries report rates)."""
import json
import math
import os
import sys

WINDOW_MIN = 9.0    # Unneland 2024: the hazard falls after 9 minutes
HORIZON_MIN = 20.0  # and their short-term risks end at 20 minutes; later minutes are apart


def poisson_interval(k, exposure):
    """Rate k/exposure with a 95% interval (Wilson-Hilferty approximation to the Poisson)."""
    if exposure <= 0:
        return 0.0, 0.0, 0.0

    def quantile(kk, z):
        if kk <= 0:
            return 0.0
        return kk * (1 - 1 / (9 * kk) + z / (3 * math.sqrt(kk))) ** 3

    return k / exposure, quantile(k, -1.96) / exposure, quantile(k + 1, 1.96) / exposure


def episodes(patient, end_s):
    """(from_shockable, minutes at risk, re-arrest rhythm 'shockable'/'non-shockable' or None)."""
    out = []
    shockable_since_rosc = False
    rosc_at = None
    pending = None  # a re-arrest waiting for its first analysis
    for e in patient.get("events", []):
        what, t = e["what"], e["t_s"]
        if what.startswith("analysis: "):
            shock = what.startswith("analysis: shock")
            shockable_since_rosc = shockable_since_rosc or shock
            if pending is not None:
                out.append((pending[0], pending[1], "shockable" if shock else "non-shockable"))
                pending = None
        elif what.startswith("pulse (") and what.endswith("ROSC"):
            rosc_at = (t, shockable_since_rosc)
        elif what.startswith("pulse lost: re-arrest") and rosc_at is not None:
            pending = (rosc_at[1], (t - rosc_at[0]) / 60.0)
            rosc_at = None
            shockable_since_rosc = False
    if pending is not None:  # the run ended before its analysis: rhythm unknown
        out.append((pending[0], pending[1], "unknown"))
    if rosc_at is not None:
        out.append((rosc_at[1], max(0.0, (end_s - rosc_at[0]) / 60.0), None))
    return out


def main(path):
    with open(path) as f:
        patients = [p for p in json.load(f) if p.get("status") == "ok"]
    # The run's end on the team's clock (from the collapse): the study the batch copied beside it.
    with open(os.path.join(os.path.dirname(path) or ".", "study.json")) as f:
        duration_s = json.load(f).get("duration_s", 1800.0)
    # (from, to): [events in window 1, window 2]; exposure by from-rhythm and window
    events, exposure = {}, {}
    for p in patients:
        end_s = duration_s - p["outcomes"]["collapse_s"]
        for shockable, minutes, to in episodes(p, end_s):
            src = "shockable" if shockable else "non-shockable"
            bounds = (0.0, WINDOW_MIN, HORIZON_MIN, float("inf"))
            for w in range(3):
                inside = min(minutes, bounds[w + 1]) - bounds[w]
                exposure[(src, w)] = exposure.get((src, w), 0.0) + max(0.0, inside)
            if to is not None:
                w = 0 if minutes < WINDOW_MIN else 1 if minutes < HORIZON_MIN else 2
                events[(src, to, w)] = events.get((src, to, w), 0) + 1
    print(f"{len(patients)} patients")
    print("ROSC from      | re-arrest to  | window     | re-arrests | minutes at risk | hazard /min (95% CI)")
    for src in ("non-shockable", "shockable"):
        for to in ("non-shockable", "shockable", "unknown"):
            for w, label in ((0, "0-9 min"), (1, "9-20 min"), (2, "20 min on")):
                k = events.get((src, to, w), 0)
                m = exposure.get((src, w), 0.0)
                if m == 0 or (to == "unknown" and k == 0):
                    continue
                rate, lo, hi = poisson_interval(k, m)
                print(f"{src:14} | {to:13} | {label:10} | {k:10d} | {m:15.1f} | "
                      f"{rate:.3f} ({lo:.3f}-{hi:.3f})")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    main(sys.argv[1])
