"""Shared helpers for the example studies' plot scripts (docs/batch.md)."""
import csv
import math


def wilson(k, n, z=1.96):
    """A share k/n with its Wilson score interval: (share, low, high); (0, 0, 0) for n = 0."""
    if n == 0:
        return 0.0, 0.0, 0.0
    p = k / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    return p, centre - half, centre + half


def finished_patients(results_csv):
    """The rows of a `resus batch` results.csv whose patients ran to the end."""
    with open(results_csv) as f:
        return [r for r in csv.DictReader(f) if r["status"] == "ok"]
