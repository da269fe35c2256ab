#!/usr/bin/env python3
"""Writes the 'Latest run' section of benchmarks/README.md from bin/bench's results.

usage: bench_report.py RESULTS_DIR README MODE COMMAND
"""
import glob
import os
import re
import subprocess
import sys
from datetime import datetime, timezone

sys.path.insert(0, os.path.dirname(__file__))
from jmh_table import load, table  # noqa: E402

BEGIN = "<!-- bin/bench:begin -->"
END = "<!-- bin/bench:end -->"

SUITES = [
    ("HoldAndReleaseBenchmark", "Hold and release of one unit", "grid",
     ["postgres", "postgresAsyncCommit", "redisLua", "concurrentHashMapCeiling"]),
    ("HoldsAtScaleBenchmark", "Hold and release on a product others already hold (existingHolds)", "grid",
     ["stockValue"]),
    ("CheckoutBenchmark", "Full 3-line checkout and its cancellation", "grid", ["postgres"]),
    ("CartUpdateBenchmark", "Cart updates", "grid", ["postgres", "concurrentHashMapCeiling"]),
    ("CatalogSearchBenchmark", "Catalog search over 100,000 products (page + facets)", "lucene", ["postgresFullText"]),
]


def command_output(*command):
    try:
        result = subprocess.run(command, capture_output=True, text=True, timeout=30)
        return result.stdout + result.stderr
    except OSError:
        return ""


def machine():
    cpu = re.search(r"model name\s*:\s*(.*)", open("/proc/cpuinfo").read())
    mem = re.search(r"MemTotal:\s*(\d+)", open("/proc/meminfo").read())
    java_home = os.environ.get("JAVA_HOME")
    java = [line for line in command_output(os.path.join(java_home, "bin", "java") if java_home else "java", "-version").splitlines()
            if "version" in line]
    redis = re.search(r"v=(\S+)", command_output("redis-server", "--version"))
    pg = re.search(r"\(PostgreSQL\) (\S+)", command_output("psql", "--version"))
    return (f"{os.cpu_count()} cores ({cpu.group(1).strip() if cpu else 'unknown CPU'}), "
            f"{int(mem.group(1)) // 1024 // 1024 if mem else '?'} GiB; "
            f"{java[0] if java else 'java ?'}; PostgreSQL {pg.group(1) if pg else '?'}"
            + (f"; Redis {redis.group(1)}" if redis else ""))


def main(results_dir, readme, mode, command):
    now = datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = [BEGIN, "", "## Latest run (written by `bin/bench`)", "",
           f"{now}, `{command}` ({mode} mode). Machine: {machine()}.",
           "Every contender of a table ran in the same `bin/bench` run, one after the other, on the same",
           "machine: while one runs, the others are idle. Grid members run inside the benchmark's JVM and",
           "share its cores with the benchmark threads; PostgreSQL and Redis run as their own processes on",
           "the same cores. Ratios compare the project's contender (bold) with each peer at the same",
           "parameters and thread count. Scores are operations per second (higher is better).", ""]
    for name, title, subject, peers in SUITES:
        files = sorted(glob.glob(os.path.join(results_dir, f"{name}-*.json")))
        if not files:
            continue
        out += [f"### {title} (`{name}`)", "", table(load(files), subject, peers), ""]
    flash = os.path.join(results_dir, "flash-sale.md")
    if os.path.exists(flash):
        out += ["### Flash sale over HTTP (`FlashSaleLoadDriver` against `bin/cluster`: 2 grid nodes, 1 API node)", "",
                open(flash).read().strip(), ""]
    out.append(END)
    write_section(readme, BEGIN, END, "\n".join(out))


def write_section(readme, begin, end, section):
    """Puts the section (from its begin to its end marker) in the README: where it was, else before
    the "Latest run" section (this script's, which stays last), else at the end."""
    text = open(readme).read()
    if begin in text and end in text:
        text = text[:text.index(begin)] + section + text[text.index(end) + len(end):]
    elif begin != BEGIN and BEGIN in text:
        text = text.replace(BEGIN, section + "\n\n" + BEGIN)
    else:
        text = text.rstrip() + "\n\n" + section + "\n"
    open(readme, "w").write(text)


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
