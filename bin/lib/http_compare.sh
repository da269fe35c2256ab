#!/usr/bin/env bash
# bin/bench --http-compare REF: HTTP checkouts through bin/cluster (2 grid nodes, 1 API node, all
# on this machine) for the commit REF and for this tree, in one run, taking turns (BENCH_TURNS of
# each, default 2; which build goes first alternates). In each turn a build's cluster starts on a
# database of its own (created empty for this run, so both start from the same seeded catalog),
# then this tree's load drivers run against it: CheckoutLoadDriver at 1, 8 and 32 concurrent
# shoppers (carts spread over 500 products) and FlashSaleLoadDriver (one product, 32 concurrent);
# then the cluster stops. The drivers are the same for both builds: only the servers differ.
# Writes the "HTTP before and after" section of benchmarks/README.md. Results: run/http-compare/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REF="$1"
OUT="$COMMERCE_ROOT/run/http-compare"
CONCURRENCY=(1 8 32)
FLASH=(--shoppers 1000 --units 300 --concurrency 32)

build_before_and_after "$REF" "$OUT"
"$COMMERCE_ROOT/bin/postgres" >/dev/null

for build in before after; do
  as_postgres psql -qtA -v ON_ERROR_STOP=1 -c "DROP DATABASE IF EXISTS commerce_http_$build" \
    -c "CREATE DATABASE commerce_http_$build OWNER ${COMMERCE_DB_USER:-commerce}"
done

BENCH_CP="$COMMERCE_ROOT/benchmarks/target/benchmarks.jar:$COMMERCE_ROOT/benchmarks/target/lib/*"
root_of() { if [[ "$1" == before ]]; then echo "$BASE"; else echo "$COMMERCE_ROOT"; fi; }

# turn BUILD ROUND: one build's cluster, every driver against it, stopped again
turn() {
  local build="$1" round="$2" root
  root="$(root_of "$build")"
  export COMMERCE_DB_URL="jdbc:postgresql://localhost:5432/commerce_http_$build"
  echo "[bench] $build, turn $round: starting its cluster"
  "$root/bin/cluster" start >"$OUT/results/cluster-$build-$round.log" 2>&1 \
    || { echo "[bench] $build's cluster did not start; see $OUT/results/cluster-$build-$round.log" >&2; exit 1; }
  for c in "${CONCURRENCY[@]}"; do
    echo "[bench] $build, turn $round: CheckoutLoadDriver, $c concurrent"
    java -cp "$BENCH_CP" dev.gridcommerce.bench.load.CheckoutLoadDriver --concurrency "$c" \
      --warmup-seconds 20 --seconds 20 >"$OUT/results/checkout-$build-$round-c$c.log" 2>&1 \
      || echo "[bench] WARNING: $build, $c concurrent: 5xx answers or a failure; see its log" >&2
  done
  echo "[bench] $build, turn $round: FlashSaleLoadDriver ${FLASH[*]}"
  java -cp "$BENCH_CP" dev.gridcommerce.bench.load.FlashSaleLoadDriver "${FLASH[@]}" \
    >"$OUT/results/flash-$build-$round.log" 2>&1 \
    || echo "[bench] WARNING: $build's flash sale failed its check; see its log" >&2
  "$root/bin/cluster" stop >>"$OUT/results/cluster-$build-$round.log" 2>&1
  unset COMMERCE_DB_URL
}

started=$SECONDS
TURNS="${BENCH_TURNS:-2}"
for round in $(seq 1 "$TURNS"); do
  order=(before after)
  (( round % 2 == 0 )) && order=(after before)
  for build in "${order[@]}"; do turn "$build" "$round"; done
done

python3 "$COMMERCE_ROOT/bin/lib/http_compare.py" "$OUT/results" "$COMMERCE_ROOT/benchmarks/README.md" \
  "bin/bench --http-compare $REF" "$BASE_COMMIT" "$HEAD_COMMIT"
echo "[bench] done in $(( (SECONDS - started) / 60 )) min; see benchmarks/README.md, \"HTTP before and after\""
