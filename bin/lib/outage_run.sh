#!/usr/bin/env bash
# bin/bench --outage: HTTP checkouts through bin/cluster (2 grid nodes, 1 API node) while
# PostgreSQL is stopped for OUTAGE_SECONDS (default 30). CheckoutLoadDriver checks out from 24
# connections for BEFORE + OUTAGE + AFTER seconds (30 + 30 + 30 by default) and prints the orders
# placed and the 5xx answers per 5 s; PostgreSQL stops BEFORE seconds into the measurement and
# starts again OUTAGE seconds later. Then it waits until every order the shoppers were answered 201
# for is in PostgreSQL (up to 3 minutes) and reports the rates before, during and after, and how
# many acknowledged orders PostgreSQL has. Results: run/bench-outage/.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BEFORE="${BEFORE_SECONDS:-30}"
OUTAGE="${OUTAGE_SECONDS:-30}"
AFTER="${AFTER_SECONDS:-30}"
WINDOW=5
OUT="$COMMERCE_ROOT/run/bench-outage"
rm -rf "$OUT"
mkdir -p "$OUT"

source "$(dirname "${BASH_SOURCE[0]}")/database.sh"
version="$(ls /usr/lib/postgresql | sort -V | tail -1)"

build_if_needed
"$COMMERCE_ROOT/bin/postgres"
if ! curl -sf "http://localhost:${PORT:-8080}/actuator/health/readiness" >/dev/null 2>&1; then
  "$COMMERCE_ROOT/bin/cluster" start
  trap '"$COMMERCE_ROOT/bin/postgres" >/dev/null; "$COMMERCE_ROOT/bin/cluster" stop' EXIT
fi

cd "$COMMERCE_ROOT"
echo "[outage] checkouts for $((BEFORE + OUTAGE + AFTER)) s; PostgreSQL stops after $BEFORE s, for $OUTAGE s"
java -cp "benchmarks/target/benchmarks.jar:benchmarks/target/lib/*" \
  dev.gridcommerce.bench.load.CheckoutLoadDriver --concurrency 24 --warmup-seconds 20 \
  --seconds $((BEFORE + OUTAGE + AFTER)) --windows "$WINDOW" --orders-file "$OUT/orders.txt" \
  >"$OUT/driver.log" 2>&1 &
driver=$!
until grep -q "measuring \.\.\." "$OUT/driver.log" 2>/dev/null; do
  kill -0 "$driver" 2>/dev/null || { cat "$OUT/driver.log" >&2; exit 1; }
  sleep 0.2
done
sleep "$BEFORE"
echo "[outage] stopping PostgreSQL ($(date -u +%T))"
as_root pg_ctlcluster "$version" main stop -m fast
sleep "$OUTAGE"
echo "[outage] starting PostgreSQL ($(date -u +%T))"
as_root pg_ctlcluster "$version" main start
wait "$driver" || echo "[outage] the driver saw 5xx answers (see the table)"
grep -E '^\|' "$OUT/driver.log" | tee "$OUT/tables.md"

placed="$(wc -l <"$OUT/orders.txt")"
echo "[outage] waiting for the $placed acknowledged orders to reach PostgreSQL ..."
db_psql -c "CREATE TABLE IF NOT EXISTS outage_run_orders (id text PRIMARY KEY)" -c "TRUNCATE outage_run_orders"
db_psql -c "\\copy outage_run_orders FROM '$OUT/orders.txt'"
stored=0
for _ in $(seq 1 180); do
  stored="$(db_psql -c "SELECT count(*) FROM outage_run_orders r JOIN orders o ON o.id = r.id")"
  [[ "$stored" -eq "$placed" ]] && break
  sleep 1
done
db_psql -c "DROP TABLE outage_run_orders"

python3 - "$OUT/tables.md" "$WINDOW" "$BEFORE" "$OUTAGE" "$placed" "$stored" <<'EOF' | tee "$OUT/summary.md"
import sys
tables, window, before, outage, placed, stored = sys.argv[1], *map(int, sys.argv[2:])
rows = []
for line in open(tables):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 4 and cells[0].isdigit():
        rows.append((int(cells[0]), float(cells[2]), int(cells[3])))
def rate(lo, hi):
    picked = [r for r in rows if lo <= r[0] and r[0] + window <= hi]
    return sum(r[1] for r in picked) / len(picked) if picked else float("nan")
pre, during, post = rate(0, before), rate(before, before + outage), rate(before + outage, 10**9)
errors = sum(r[2] for r in rows if before <= r[0] < before + outage)
print(f"| orders/s before | during the {outage} s outage | after | during / before | 5xx during | acknowledged orders in PostgreSQL |")
print("|---:|---:|---:|---:|---:|---:|")
print(f"| {pre:.0f} | {during:.0f} | {post:.0f} | {during / pre:.0%} | {errors} | {stored} of {placed} |")
EOF
[[ "$stored" -eq "$placed" ]] || { echo "[outage] only $stored of $placed acknowledged orders reached PostgreSQL" >&2; exit 1; }
