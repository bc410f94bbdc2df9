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


def plot_shares(ax, xs, shares, **kwargs):
    """Shares (share, low, high) at xs with their intervals as error bars. The Wilson interval is
    centred off the share, and at 0 or 1 its far end can sit a rounding error past it: clipped."""
    ax.errorbar(xs, [s[0] for s in shares],
                yerr=[[max(s[0] - s[1], 0.0) for s in shares], [max(s[2] - s[0], 0.0) for s in shares]],
                capsize=3, **kwargs)


def save_share_plot(fig, ax, xlabel, ylabel, title, path):
    """Labels a plot of shares (0 to 1), adds its legend and writes it to path."""
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.set_ylim(0, 1.05)
    ax.set_title(title)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=120)
