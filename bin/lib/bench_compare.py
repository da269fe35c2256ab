#!/usr/bin/env python3
"""Writes the 'Before and after' section of benchmarks/README.md from bin/bench --compare's results.

usage: bench_compare.py RESULTS_DIR README COMMAND BEFORE_COMMIT AFTER_COMMIT

Each result file is named <suite-pattern>-<before|after>-<turn>.json. For each benchmark, parameter
set and contender it prints every turn's score, the median of the turns (one disturbed turn moves
it less than a mean), and after/before.
"""
import glob
import json
import os
import sys
from collections import defaultdict
from statistics import median
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(__file__))
from bench_report import machine, write_section  # noqa: E402

BEGIN = "<!-- bin/bench-compare:begin -->"
END = "<!-- bin/bench-compare:end -->"


def main(results_dir, readme, command, before, after):
    scores = defaultdict(lambda: defaultdict(list))  # (suite, params, method) -> build -> [score]
    for path in sorted(glob.glob(os.path.join(results_dir, "*.json"))):
        build = "before" if "-before-" in os.path.basename(path) else "after"
        for r in json.load(open(path)):
            suite, method = r["benchmark"].rsplit(".", 2)[-2:]
            params = ", ".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items())) or "–"
            scores[(suite, params, method)][build].append(r["primaryMetric"]["score"])
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    turns = max((len(v) for builds in scores.values() for v in builds.values()), default=0)
    out = [BEGIN, "", "## Before and after (written by `bin/bench --compare`)", "",
           f"{now}, `{command}`: **before** = commit `{before}`, **after** = `{after}`. "
           f"Machine: {machine()}.",
           f"Both builds' benchmarks ran in this one run, {turns} turns each: in every turn each suite "
           "ran for both builds back to back, before first in odd turns and after first in even ones,",
           "4 threads, 1 fork, 2 × 3 s warm-up and 4 × 3 s measurement per turn; before and after "
           "are the medians of the turns.",
           "`postgres` is the same code in both builds: its change shows how much the machine "
           "itself drifted between turns.",
           "Scores are operations per second.", "",
           "| benchmark | params | contender | before, each turn | after, each turn | before (median) | after (median) | after / before |",
           "|---|---|---|---:|---:|---:|---:|---:|"]
    for (suite, params, method), builds in sorted(scores.items()):
        b, a = builds.get("before", []), builds.get("after", [])
        if not b or not a:
            continue
        mb, ma = median(b), median(a)
        name = method if method.startswith("postgres") else f"**{method}**"
        out.append(f"| {suite} | {params} | {name} | {' · '.join(f'{x:,.0f}' for x in b)} | "
                   f"{' · '.join(f'{x:,.0f}' for x in a)} | {mb:,.0f} | {ma:,.0f} | {ma / mb:.3f} |")
    out += ["", END]
    write_section(readme, BEGIN, END, "\n".join(out))


if __name__ == "__main__":
    if len(sys.argv) != 6:
        sys.exit(__doc__)
    main(*sys.argv[1:])
