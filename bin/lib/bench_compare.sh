#!/usr/bin/env bash
# bin/bench --compare REF: the checkout and hold-and-release benchmarks of the commit REF and of
# this tree, in one run on this machine, taking turns (BENCH_TURNS of each, default 4) so that
# drift of the machine hits both alike: each suite runs for both builds back to back, and which
# build goes first alternates from turn to turn (before-after, then after-before), so a machine
# that slows down (or speeds up) during a run favours neither. The PostgreSQL peer runs in every
# turn too, as a control (its code is the same in both). Writes the "Before and after" section of
# benchmarks/README.md. Results: run/bench-compare/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REF="$1"
OUT="$COMMERCE_ROOT/run/bench-compare"

build_before_and_after "$REF" "$OUT"
"$COMMERCE_ROOT/bin/postgres"

TIMING=(-f 1 -wi 2 -w 3 -i 4 -r 3 -t 4)
# run BUILD ROOT TURN SUITE PATTERN [JMH OPTIONS]
run() {
  local build="$1" root="$2" round="$3" suite="$4" pattern="$5"
  shift 5
  local result="$OUT/results/$suite-$build-$round"
  echo "[bench] $suite, $build, turn $round"
  (cd "$root" && java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" org.openjdk.jmh.Main \
    "$pattern" "${TIMING[@]}" -rf json -rff "$result.json" "$@" >"$result.log" 2>&1) \
    || { echo "[bench] $suite ($build) failed; see $result.log" >&2; exit 1; }
}

started=$SECONDS
TURNS="${BENCH_TURNS:-4}"
root_of() { if [[ "$1" == before ]]; then echo "$BASE"; else echo "$COMMERCE_ROOT"; fi; }
for round in $(seq 1 "$TURNS"); do
  order=(before after)
  (( round % 2 == 0 )) && order=(after before)
  for build in "${order[@]}"; do
    run "$build" "$(root_of "$build")" "$round" CheckoutBenchmark \
      'CheckoutBenchmark\.(gridEmbedded|gridClient|postgres)$'
  done
  for build in "${order[@]}"; do
    run "$build" "$(root_of "$build")" "$round" HoldAndReleaseBenchmark \
      'HoldAndReleaseBenchmark\.(gridEmbedded|gridClient|postgres)$' -p keys=hot,uniform
  done
done

python3 "$COMMERCE_ROOT/bin/lib/bench_compare.py" "$OUT/results" "$COMMERCE_ROOT/benchmarks/README.md" \
  "bin/bench --compare $REF" "$BASE_COMMIT" "$HEAD_COMMIT"
echo "[bench] done in $(( (SECONDS - started) / 60 )) min; see benchmarks/README.md, \"Before and after\""
