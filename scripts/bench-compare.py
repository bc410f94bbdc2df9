#!/usr/bin/env python3
"""Runs two bench_engine binaries interleaved and prints each figure side by side.

    scripts/bench-compare.py OLD_BENCH NEW_BENCH [ROUNDS] [FILTER]

Each round runs OLD then NEW once (JSON output); the table keeps the best of the rounds for
each figure (the highest rate, the lowest time), which is the least noisy summary on a shared
machine. Build the old commit's benchmarks in a git worktree to compare against it.
"""
import collections
import json
import subprocess
import sys

RATES = {"sim_s_per_wall_s"}
TIMES = {"real_time", "mean_us", "p99_us", "p999_us", "max_us"}


def run(binary, bench_filter):
    out = subprocess.run([binary, "--benchmark_format=json", "--benchmark_filter=" + bench_filter],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)["benchmarks"]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    old, new = sys.argv[1], sys.argv[2]
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    bench_filter = sys.argv[4] if len(sys.argv) > 4 else "."
    figures = collections.defaultdict(lambda: {"old": [], "new": []})
    for _ in range(rounds):
        for tag, binary in (("old", old), ("new", new)):
            for bm in run(binary, bench_filter):
                for key in RATES | TIMES:
                    if key in bm:
                        figures[(bm["name"], key)][tag].append(bm[key])
    print("| benchmark | figure | old | new | new/old |")
    print("|---|---|---|---|---|")
    for (name, key), runs in sorted(figures.items()):
        if key == "real_time" and (name, "sim_s_per_wall_s") in figures:
            continue  # the rate says it better
        if not runs["old"] or not runs["new"]:
            continue
        best = max if key in RATES else min
        o, n = best(runs["old"]), best(runs["new"])
        print(f"| `{name.replace('/real_time', '')}` | {key} | {o:.1f} | {n:.1f} | {n / o:.2f} |")


if __name__ == "__main__":
    main()
