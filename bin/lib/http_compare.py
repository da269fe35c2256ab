#!/usr/bin/env python3
"""Writes the 'HTTP before and after' section of benchmarks/README.md from bin/bench --http-compare.

usage: http_compare.py RESULTS_DIR README COMMAND BEFORE_COMMIT AFTER_COMMIT

Result logs: checkout-<build>-<turn>-c<concurrency>.log (CheckoutLoadDriver) and
flash-<build>-<turn>.log (FlashSaleLoadDriver); each ends in a Markdown table of one row. For each
load it prints every turn's checkouts/s and p99, the medians of the turns and after/before.
"""
import glob
import os
import re
import sys
from collections import defaultdict
from datetime import datetime, timezone
from statistics import median

sys.path.insert(0, os.path.dirname(__file__))
from bench_report import machine, write_section  # noqa: E402

BEGIN = "<!-- bin/bench-http-compare:begin -->"
END = "<!-- bin/bench-http-compare:end -->"


def row(path):
    """The cells of the log's table row (the line after the |---| line), or None."""
    lines = open(path).read().splitlines()
    for i, line in enumerate(lines):
        if line.startswith("|---") and i + 1 < len(lines) and lines[i + 1].startswith("|"):
            return [c.strip() for c in lines[i + 1].strip().strip("|").split("|")]
    return None


def main(results_dir, readme, command, before, after):
    runs = defaultdict(lambda: defaultdict(list))  # load -> build -> [(checkouts/s, p99, 5xx)]
    for path in sorted(glob.glob(os.path.join(results_dir, "*.log"))):
        name = os.path.basename(path)
        m = re.match(r"checkout-(before|after)-\d+-c(\d+)\.log", name)
        f = re.match(r"flash-(before|after)-\d+\.log", name)
        cells = row(path) if (m or f) else None
        if not cells:
            continue
        if m:
            load = f"checkouts, carts spread, {int(m.group(2)):>2} concurrent"
            runs[load][m.group(1)].append((float(cells[4]), float(cells[7]), int(cells[11])))
        else:
            load = f"flash sale, {cells[0]} shoppers for {cells[1]} units, {cells[2]} concurrent"
            runs[load][f.group(1)].append((float(cells[3]), float(cells[6]), int(cells[10])))
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    turns = max((len(v) for builds in runs.values() for v in builds.values()), default=0)
    out = [BEGIN, "", "## HTTP before and after (written by `bin/bench --http-compare`)", "",
           f"{now}, `{command}`: **before** = commit `{before}`, **after** = `{after}`. "
           f"Machine: {machine()}.",
           f"`bin/cluster` (2 grid nodes and 1 API node, all on this machine) of each build, {turns} "
           "turns each, before first in odd turns and after first in even ones; each build on a "
           "database of its own, created empty for the run. The load drivers are this tree's for "
           "both builds, in their own process on the same cores: CheckoutLoadDriver (each shopper "
           "puts one unit in the cart and checks out under a fresh Idempotency-Key, in a loop; 20 s "
           "warm-up, 20 s measured) and FlashSaleLoadDriver (every shopper checks out one unit of "
           "one product at once, after a warm-up sale). Rates are checkouts per second, p99 in ms; "
           "before and after are the medians of the turns.", "",
           "| load | before, each turn (/s · p99) | after, each turn (/s · p99) | before /s | after /s | after / before | p99 before | p99 after | 5xx before / after |",
           "|---|---|---|---:|---:|---:|---:|---:|---:|"]
    for load, builds in sorted(runs.items()):
        b, a = builds.get("before", []), builds.get("after", [])
        if not b or not a:
            continue
        turns_of = lambda rs: " · ".join(f"{r[0]:,.0f} / {r[1]:.0f} ms" for r in rs)  # noqa: E731
        rb, ra = median(r[0] for r in b), median(r[0] for r in a)
        out.append(f"| {load} | {turns_of(b)} | {turns_of(a)} | {rb:,.0f} | {ra:,.0f} | {ra / rb:.2f} | "
                   f"{median(r[1] for r in b):.0f} | {median(r[1] for r in a):.0f} | "
                   f"{sum(r[2] for r in b)} / {sum(r[2] for r in a)} |")
    out += ["", END]
    write_section(readme, BEGIN, END, "\n".join(out))


if __name__ == "__main__":
    main(*sys.argv[1:6])
