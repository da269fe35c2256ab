#!/usr/bin/env python3
"""Turns JMH JSON results into a Markdown table, with each of the project's benchmarks' scores as
a ratio to the peers named (same parameters, same thread count, same run).

usage: jmh_table.py RESULT.json [RESULT.json ...] -- SUBJECT_PREFIX PEER [PEER ...]
  SUBJECT_PREFIX  benchmark methods whose name starts with it are the project's (e.g. grid)
  PEER            methods to compare them with (e.g. postgres concurrentHashMapCeiling)
"""
import json
import sys
from collections import defaultdict


def load(paths):
    results = []
    for path in paths:
        results.extend(json.load(open(path)))
    return results


def table(results, subject, peers):
    rows = defaultdict(dict)  # (params, threads) -> method -> (score, error, unit)
    for r in results:
        method = r["benchmark"].rsplit(".", 1)[1]
        params = ", ".join(f"{k}={v}" for k, v in sorted(r.get("params", {}).items())) or "–"
        metric = r["primaryMetric"]
        rows[(params, r["threads"])][method] = (metric["score"], metric["scoreError"], metric["scoreUnit"])
    lines = ["| params | threads | contender | score | ± error | " + " | ".join(f"vs {p}" for p in peers) + " |",
             "|---|---:|---|---:|---:|" + "---:|" * len(peers)]
    for (params, threads), methods in sorted(rows.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        for method, (score, error, unit) in sorted(methods.items(), key=lambda m: -m[1][0]):
            ratios = []
            for peer in peers:
                if method.startswith(subject) and peer in methods and methods[peer][0] > 0:
                    ratios.append(f"{score / methods[peer][0]:.3g}×")
                else:
                    ratios.append("")
            error = float(error)  # JMH writes "NaN" when there were too few iterations
            err = "" if error != error else f"{error:,.0f}"
            name = f"**{method}**" if method.startswith(subject) else method
            lines.append(f"| {params} | {threads} | {name} | {score:,.0f} {unit} | {err} | " + " | ".join(ratios) + " |")
    return "\n".join(lines)


if __name__ == "__main__":
    if "--" not in sys.argv or len(sys.argv) < 5:
        sys.exit(__doc__)
    split = sys.argv.index("--")
    print(table(load(sys.argv[1:split]), sys.argv[split + 1], sys.argv[split + 2:]))
