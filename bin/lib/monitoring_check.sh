#!/usr/bin/env bash
# The monitoring configuration, checked offline with Prometheus' own promtool (Debian's prometheus
# package, installed when missing): the alert rules load, the scrape configuration is valid, and
# the rules' unit tests (config/prometheus/alerts-test.yml) pass. Writes a JUnit report to
# config/target/surefire-reports/TEST-promtool.xml, so bin/test counts the checks; exits non-zero
# when one fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

ensure_package promtool prometheus

source "$COMMERCE_ROOT/bin/lib/junit.sh"
cd "$COMMERCE_ROOT/config/prometheus"
junit_check promtool "alert rules load" promtool check rules alerts.yml || true
junit_check promtool "scrape configuration is valid" promtool check config prometheus.yml || true
junit_check promtool "alert rules fire as their tests say" promtool test rules alerts-test.yml || true
junit_report promtool "$COMMERCE_ROOT/config/target/surefire-reports/TEST-promtool.xml"
echo "[monitoring] promtool: $((JUNIT_TESTS - JUNIT_FAILURES)) of $JUNIT_TESTS checks passed"
[[ "$JUNIT_FAILURES" -eq 0 ]]
