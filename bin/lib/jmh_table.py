#!/usr/bin/env python3
"""Turns a JMH JSON result file into a Markdown table, with each benchmark's score as a ratio to
the peers named on the command line (same parameters, same run).

usage: jmh_table.py RESULT.json SUBJECT_PREFIX PEER [PEER ...]
  SUBJECT_PREFIX  benchmark methods whose name starts with it are the project's (e.g. grid)
  PEER            methods to compare them with (e.g. postgres concurrentHashMapCeiling)
"""
import json
import sys
from collections import defaultdict


def main(path, subject, peers):
    results = json.load(open(path))
    rows = defaultdict(dict)  # (class, params, threads) -> method -> (score, error, unit)
    for r in results:
        cls, method = r["benchmark"].rsplit(".", 1)
        params = ", ".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items()))
        metric = r["primaryMetric"]
        rows[(cls.rsplit(".", 1)[-1], params, r["threads"])][method] = (
            metric["score"], metric["scoreError"], metric["scoreUnit"])
    print("| benchmark | params | threads | contender | score | ± error | " +
          " | ".join(f"vs {p}" for p in peers) + " |")
    print("|---|---|---|---|---:|---:|" + "---:|" * len(peers))
    for (cls, params, threads), methods in sorted(rows.items()):
        for method, (score, error, unit) in sorted(methods.items(), key=lambda m: -m[1][0]):
            ratios = []
            for peer in peers:
                if method.startswith(subject) and peer in methods and methods[peer][0] > 0:
                    ratios.append(f"{score / methods[peer][0]:.3g}×")
                else:
                    ratios.append("")
            err = "" if error != error else f"{error:,.0f}"  # NaN when too few iterations
            print(f"| {cls} | {params} | {threads} | {method} | {score:,.0f} {unit} | {err} | " +
                  " | ".join(ratios) + " |")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2], sys.argv[3:])
