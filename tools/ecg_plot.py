#!/usr/bin/env python3
"""Draws an ECG recorded by `resus run --ecg` on ECG grid paper (25 mm/s, 10 mm/mV).

Reads either the CSV (time_s,I,II,...,V6,pads in mV) or a WFDB record (RECORD.hea + RECORD.dat,
MIT format 16) and writes a PNG or SVG, chosen by the output's extension.

    ecg_plot.py out/arrest -o page.png                 # 12-lead page: 3x4 leads + lead II strip
    ecg_plot.py out/arrest -o page.png --start 120     # the page from 120 s
    ecg_plot.py ecg.csv -o strips.svg --strips II,pads --start 60 --seconds 30

Needs matplotlib (Debian: python3-matplotlib) and numpy.
"""
import argparse
import os
import sys

import numpy as np

try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import LineCollection
except ImportError:
    sys.exit("ecg_plot.py: matplotlib is not installed (Debian: apt-get install python3-matplotlib)")

MM_PER_S = 25.0       # paper speed
MM_PER_MV = 10.0      # gain
PAGE_S = 10.0         # a standard page
COLUMN_S = 2.5        # each of the 4 columns of the 3x4 layout
ROW_MM = 30.0         # height of one row of traces
CAL_MM = 10.0         # room on the left for the calibration pulse
MARGIN_MM = 5.0
MINOR, MAJOR, TRACE = "#f6c9c9", "#e38b8b", "black"
LAYOUT = [["I", "aVR", "V1", "V4"], ["II", "aVL", "V2", "V5"], ["III", "aVF", "V3", "V6"]]


class Record:
    """Samples in mV, shape (n, leads), with the rate, lead names and the time of sample 0."""

    def __init__(self, name, rate, leads, data, start_s):
        self.name, self.rate, self.leads, self.data, self.start_s = name, rate, leads, data, start_s

    def lead(self, name):
        if name not in self.leads:
            sys.exit(f"ecg_plot.py: {self.name}: no lead '{name}' (leads: {', '.join(self.leads)})")
        return self.data[:, self.leads.index(name)]

    def window(self, name, start_s, seconds):
        """Times (relative to start_s) and values of one lead over [start_s, start_s + seconds)."""
        first = max(0, int(round((start_s - self.start_s) * self.rate)))
        last = min(len(self.data), first + int(round(seconds * self.rate)))
        t = (np.arange(first, last) / self.rate) + self.start_s - start_s
        return t, self.lead(name)[first:last]


def read_csv(path):
    with open(path) as f:
        header = f.readline().strip().split(",")
    if not header or header[0] != "time_s":
        sys.exit(f"ecg_plot.py: {path}: expected a header starting with time_s")
    table = np.loadtxt(path, delimiter=",", skiprows=1, ndmin=2)
    if len(table) < 2:
        sys.exit(f"ecg_plot.py: {path}: fewer than two samples")
    rate = round(1.0 / (table[1, 0] - table[0, 0]))
    return Record(os.path.basename(path), rate, header[1:], table[:, 1:], table[0, 0])


def read_wfdb(record):
    """A WFDB record whose signals are all in one format-16 file."""
    with open(record + ".hea") as f:
        lines = [l.split() for l in f if l.strip() and not l.startswith("#")]
    name, nsig, rate = lines[0][0], int(lines[0][1]), float(lines[0][2].split("/")[0])
    gains, baselines, leads, files = [], [], [], set()
    for fields in lines[1:1 + nsig]:
        files.add(fields[0])
        if fields[1] != "16":
            sys.exit(f"ecg_plot.py: {record}.hea: only format 16 is supported, not {fields[1]}")
        gain = fields[2].split("/")[0]
        baseline = 0.0
        if "(" in gain:
            gain, baseline = gain.split("(")[0], float(gain.split("(")[1].rstrip(")"))
        gains.append(float(gain))
        baselines.append(baseline)
        leads.append(" ".join(fields[8:]) if len(fields) > 8 else f"signal {len(leads)}")
    if len(files) != 1:
        sys.exit(f"ecg_plot.py: {record}.hea: signals in more than one file are not supported")
    dat = os.path.join(os.path.dirname(record), files.pop())
    raw = np.fromfile(dat, dtype="<i2")
    raw = raw[: len(raw) // nsig * nsig].reshape(-1, nsig)
    data = (raw - np.array(baselines)) / np.array(gains)
    return Record(name, rate, leads, data, 1.0 / rate)  # resus: the first sample is one period in


def read_record(path):
    if path.endswith(".csv"):
        return read_csv(path)
    for ext in (".hea", ".dat", ".atr"):
        if path.endswith(ext):
            path = path[: -len(ext)]
    if not os.path.exists(path + ".hea"):
        sys.exit(f"ecg_plot.py: {path}: neither a .csv file nor a WFDB record ({path}.hea)")
    return read_wfdb(path)


def new_paper(width_mm, height_mm):
    """A figure at true size, in mm coordinates, with the 1 mm / 5 mm grid."""
    fig = plt.figure(figsize=(width_mm / 25.4, height_mm / 25.4))
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_xlim(0, width_mm)
    ax.set_ylim(0, height_mm)
    ax.set_aspect("equal")
    ax.axis("off")
    for step, color, width in ((1, MINOR, 0.25), (5, MAJOR, 0.6)):
        xs = np.arange(0, width_mm + 0.01, step)
        ys = np.arange(0, height_mm + 0.01, step)
        segments = [[(x, 0), (x, height_mm)] for x in xs] + [[(0, y), (width_mm, y)] for y in ys]
        ax.add_collection(LineCollection(segments, colors=color, linewidths=width, zorder=0))
    return fig, ax


def calibration(ax, x, y):
    """The 1 mV, 200 ms calibration pulse: 10 mm tall, 5 mm wide."""
    ax.plot([x, x + 1, x + 1, x + 6, x + 6, x + 8],
            [y, y, y + MM_PER_MV, y + MM_PER_MV, y, y], color=TRACE, lw=0.8, zorder=2)


def trace(ax, x0, y0, t, v, label=None):
    ax.plot(x0 + t * MM_PER_S, y0 + v * MM_PER_MV, color=TRACE, lw=0.6, zorder=2)
    if label:
        ax.text(x0 + 1, y0 + 8, label, fontsize=7, zorder=3)


def title(ax, height_mm, text):
    ax.text(MARGIN_MM, height_mm - 4, text, fontsize=7, zorder=3)


def twelve_lead_page(rec, start_s):
    width = CAL_MM + PAGE_S * MM_PER_S + MARGIN_MM
    height = 4 * ROW_MM + 2 * MARGIN_MM
    fig, ax = new_paper(width, height)
    for row, leads in enumerate(LAYOUT + [["II"]]):
        y = height - MARGIN_MM - (row + 0.5) * ROW_MM - 3
        calibration(ax, 1, y)
        if len(leads) == 1:  # the rhythm strip: the whole 10 s
            trace(ax, CAL_MM, y, *rec.window(leads[0], start_s, PAGE_S), label=leads[0])
            continue
        for col, lead in enumerate(leads):
            x = CAL_MM + col * COLUMN_S * MM_PER_S
            t, v = rec.window(lead, start_s + col * COLUMN_S, COLUMN_S)
            trace(ax, x, y, t, v, label=lead)
            if col > 0:  # the lead change marker
                ax.plot([x, x], [y - 3, y + 3], color=TRACE, lw=0.8, zorder=2)
    title(ax, height, f"{rec.name}   {start_s:g}-{start_s + PAGE_S:g} s   {rec.rate:g} Hz   "
                      "25 mm/s   10 mm/mV")
    return fig


def strips(rec, leads, start_s, seconds):
    """Each lead over [start, start + seconds), wrapped into 10 s lines."""
    lines = max(1, int(np.ceil(seconds / PAGE_S - 1e-9)))
    width = CAL_MM + min(seconds, PAGE_S) * MM_PER_S + MARGIN_MM
    height = len(leads) * lines * ROW_MM + 2 * MARGIN_MM
    fig, ax = new_paper(width, height)
    row = 0
    for lead in leads:
        for line in range(lines):
            y = height - MARGIN_MM - (row + 0.5) * ROW_MM - 3
            begin = start_s + line * PAGE_S
            calibration(ax, 1, y)
            trace(ax, CAL_MM, y, *rec.window(lead, begin, min(PAGE_S, start_s + seconds - begin)),
                  label=f"{lead}  {begin:g} s")
            row += 1
    title(ax, height, f"{rec.name}   {rec.rate:g} Hz   25 mm/s   10 mm/mV")
    return fig


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("record", help="ECG CSV file or WFDB record name (without .hea)")
    parser.add_argument("-o", "--output", required=True, help="PNG or SVG file")
    parser.add_argument("--start", type=float, default=0.0, help="first second drawn (default 0)")
    parser.add_argument("--strips", help="rhythm strips of these leads, e.g. II,pads, "
                                         "instead of the 12-lead page")
    parser.add_argument("--seconds", type=float, default=PAGE_S,
                        help="length of the rhythm strips (default 10)")
    args = parser.parse_args()
    if not args.output.lower().endswith((".png", ".svg")):
        sys.exit(f"ecg_plot.py: {args.output}: the output must be a .png or .svg file")
    if args.seconds <= 0:
        sys.exit("ecg_plot.py: --seconds must be positive")

    rec = read_record(args.record)
    if args.strips:
        fig = strips(rec, args.strips.split(","), args.start, args.seconds)
    else:
        fig = twelve_lead_page(rec, args.start)
    fig.savefig(args.output, dpi=200)


if __name__ == "__main__":
    main()
