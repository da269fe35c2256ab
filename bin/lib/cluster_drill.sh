#!/usr/bin/env bash
# The operations drill, run by bin/test (and alone: bin/lib/cluster_drill.sh): the real bin/cluster
# with 3 grid nodes and 2 API nodes behind its load balancer, on a database of its own, while
# shoppers check out through the load balancer without pause:
#
#   1. a real Prometheus (Debian's) scrapes the cluster with config/prometheus/prometheus.yml and
#      finds every node up;
#   2. bin/cluster restart restarts every node, one at a time;
#   3. bin/cluster add-grid-node adds a fourth grid node, and every grid node answers its
#      Kubernetes probes live and ready; the nodes log JSON, and a checkout under a traceparent of
#      ours has its request line on an API node and its grid steps on grid nodes under its id;
#   4. bin/backup backs the database up;
#   then no checkout failed (every one answered 201, no request without an answer), and every
#   order the shoppers were answered for is in PostgreSQL after the cluster stopped;
#   5. bin/restore restores the backup into a fresh database, holding every order acknowledged
#      before the backup began; a cluster cold-starts on it and answers, through the API, the
#      stock, open orders and logins the backup holds; stopped again, it leaves every table as the
#      backup had it.
# Writes a JUnit report to config/target/surefire-reports/ (bin/test counts its cases), and
# the recovery figures to run/drill/recovery.txt.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$COMMERCE_ROOT/bin/lib/junit.sh"

OUT="$COMMERCE_ROOT/run/drill"
REPORT="$COMMERCE_ROOT/config/target/surefire-reports/TEST-ClusterDrill.xml"
SUITE=ClusterDrill
DB_BASE="jdbc:postgresql://localhost:5432"
LB="http://localhost:${PORT:-8080}"
PROMETHEUS_PORT="${PROMETHEUS_PORT:-9095}"
cluster=("$COMMERCE_ROOT/bin/cluster")
check=(python3 "$COMMERCE_ROOT/bin/lib/drill_check.py")

say() { echo "[drill] $*"; }

if "${cluster[@]}" status 2>/dev/null | grep -q ": running"; then
  say "error: a bin/cluster is running on this machine; the drill needs it stopped (bin/cluster stop)" >&2
  exit 1
fi
rm -rf "$OUT"
mkdir -p "$OUT"
build_if_needed
"$COMMERCE_ROOT/bin/postgres" >/dev/null
ensure_package prometheus prometheus
drop_database() { as_postgres psql -qtA -c "DROP DATABASE IF EXISTS \"$1\" WITH (FORCE)" >/dev/null; }
drop_database commerce_drill
drop_database commerce_drill_restored

# The drill's cluster: rate limits off (the load driver is one address writing far faster than a
# shopper), holds that outlive the drill, and no reconciliation of unpaid orders with the Stripe
# stand-in (the cold-started cluster's stand-in is a new one that knows none of them).
export COMMERCE_RATE_LIMITS_ENABLED=false COMMERCE_CHECKOUT_HOLD_FOR=2h COMMERCE_PAYMENTS_RECONCILE_AFTER=2h
# JSON logs, with a line per request and per grid step under its trace id
export COMMERCE_LOG_FORMAT=json COMMERCE_TRACE_LEVEL=DEBUG
PROMETHEUS_PID="" LOAD_PID=""
cleanup() {
  [[ -n "$LOAD_PID" ]] && kill "$LOAD_PID" 2>/dev/null
  [[ -n "$PROMETHEUS_PID" ]] && kill "$PROMETHEUS_PID" 2>/dev/null
  "${cluster[@]}" stop >>"$OUT/cluster.log" 2>&1 || true
  junit_report "$SUITE" "$REPORT"
}
trap cleanup EXIT

start_cluster() {
  GRID_NODES=3 API_NODES=2 "${cluster[@]}" start >>"$OUT/cluster.log" 2>&1 \
    || { tail -n 30 "$OUT/cluster.log"; return 1; }
  grep -o "ready in .*" "$OUT/cluster.log" | tail -1
}

# The checks run as conditions (junit_check), where a failing command doesn't stop a function:
# each step says "|| return 1". Background processes start here, in the drill's own shell (a check runs in a subshell of it).
start_prometheus() {
  prometheus --config.file="$COMMERCE_ROOT/config/prometheus/prometheus.yml" \
    --storage.tsdb.path="$OUT/prometheus" --web.listen-address="127.0.0.1:$PROMETHEUS_PORT" \
    >"$OUT/prometheus.log" 2>&1 &
  PROMETHEUS_PID=$!
}

start_load() {
  rm -f "$OUT/stop-load"
  java -cp "$COMMERCE_ROOT/benchmarks/target/benchmarks.jar:$COMMERCE_ROOT/benchmarks/target/lib/*" \
    dev.gridcommerce.bench.load.CheckoutLoadDriver --url "$LB" --concurrency 6 --warmup-seconds 5 \
    --seconds 1200 --windows 10 --until-file "$OUT/stop-load" --orders-file "$OUT/orders.txt" \
    --cancel false --strict true >"$OUT/load.log" 2>&1 &
  LOAD_PID=$!
}

stop_load() {
  touch "$OUT/stop-load"
  local status=0
  wait "$LOAD_PID" || status=$?
  LOAD_PID=""
  echo "$status" >"$OUT/load.status"
}

load_runs() {
  local waited=0
  until grep -q "measuring" "$OUT/load.log"; do
    kill -0 "$LOAD_PID" 2>/dev/null || { tail -n 20 "$OUT/load.log"; return 1; }
    ((waited++ < 120)) || return 1
    sleep 1
  done
  sleep 10
  echo "$(wc -l <"$OUT/orders.txt") orders placed so far"
}

backup_under_load() {
  cp "$OUT/orders.txt" "$OUT/acknowledged-before-backup.txt"
  COMMERCE_DB_URL="$DB_BASE/commerce_drill" "$COMMERCE_ROOT/bin/backup" "$OUT/backup.dump" || return 1
  echo "$(wc -l <"$OUT/orders.txt") orders placed when it ended"
}

no_failed_checkout() {
  grep -E "^\| spread|^\[checkout\] [0-9]+ checkouts answered" "$OUT/load.log"
  [[ "$(cat "$OUT/load.status")" == 0 ]] || { tail -n 20 "$OUT/load.log"; return 1; }
}

restore() {
  local started=$SECONDS
  COMMERCE_DB_URL="$DB_BASE/commerce_drill_restored" "$COMMERCE_ROOT/bin/restore" "$OUT/backup.dump" || return 1
  echo "restore_seconds=$((SECONDS - started))" >>"$OUT/recovery.txt"
}

cold_start() {
  local started=$SECONDS
  start_cluster || return 1
  echo "cold_start_seconds=$((SECONDS - started))" >>"$OUT/recovery.txt"
}

# Every grid node answers Kubernetes' probes (GridMetrics): live, and ready now that the grid is safe.
grid_nodes_ready() {
  local address
  for address in $(grep -o '127.0.0.1:[0-9]*' "$COMMERCE_ROOT/run/cluster/targets/grid-nodes.json"); do
    curl -sf --max-time 5 "http://$address/health/live" >/dev/null || { echo "$address not live"; return 1; }
    curl -sf --max-time 5 "http://$address/health/ready" || { echo "$address not ready"; return 1; }
    echo " $address"
  done
}

stop_cluster() { "${cluster[@]}" stop >>"$OUT/cluster.log" 2>&1 && echo "stopped"; }

restored=(env COMMERCE_DB_URL="$DB_BASE/commerce_drill_restored")
export COMMERCE_DB_URL="$DB_BASE/commerce_drill"
junit_check "$SUITE" "cluster of 3 grid nodes and 2 API nodes starts behind the load balancer" start_cluster || exit 1
start_prometheus
junit_check "$SUITE" "Prometheus finds every node up" \
  "${check[@]}" prometheus "http://127.0.0.1:$PROMETHEUS_PORT" api-node:2,grid-node:3 || true
kill "$PROMETHEUS_PID" 2>/dev/null || true
PROMETHEUS_PID=""
start_load
junit_check "$SUITE" "checkout load runs through the load balancer" load_runs || exit 1
junit_check "$SUITE" "rolling restart under load" "${cluster[@]}" restart || true
junit_check "$SUITE" "a grid node joins under load" "${cluster[@]}" add-grid-node || true
junit_check "$SUITE" "every grid node is live and ready" grid_nodes_ready || true
junit_check "$SUITE" "a checkout's trace id is in its API node's and grid nodes' JSON logs" \
  "${check[@]}" traced "$LB" "$COMMERCE_ROOT/run/cluster" || true
junit_check "$SUITE" "backup under load" backup_under_load || true
stop_load
junit_check "$SUITE" "no failed checkout" no_failed_checkout || true
junit_check "$SUITE" "the cluster stops" stop_cluster || true
junit_check "$SUITE" "every acknowledged order is in PostgreSQL" "${check[@]}" stored "$OUT/orders.txt" || true

junit_check "$SUITE" "restore into a fresh database" restore || exit 1
"${restored[@]}" "${check[@]}" digest >"$OUT/at-backup.json"
junit_check "$SUITE" "the backup holds every order acknowledged before it began" \
  "${restored[@]}" "${check[@]}" stored "$OUT/acknowledged-before-backup.txt" || true
export COMMERCE_DB_URL="$DB_BASE/commerce_drill_restored"
junit_check "$SUITE" "cold start on the restored database" cold_start || exit 1
junit_check "$SUITE" "the restored cluster answers what the backup holds" "${check[@]}" api "$LB" || true
junit_check "$SUITE" "the restored cluster stops" stop_cluster || true
"${check[@]}" digest >"$OUT/after-cold-start.json"
junit_check "$SUITE" "every table as the backup had it" "${check[@]}" same "$OUT/at-backup.json" "$OUT/after-cold-start.json" || true

junit_report "$SUITE" "$REPORT"
say "$((JUNIT_TESTS - JUNIT_FAILURES)) of $JUNIT_TESTS checks passed; recovery: $(tr '\n' ' ' <"$OUT/recovery.txt")"
[[ "$JUNIT_FAILURES" -eq 0 ]]
