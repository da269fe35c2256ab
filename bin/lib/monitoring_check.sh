#!/usr/bin/env bash
# The monitoring configuration, checked offline with Prometheus' own promtool (Debian's prometheus
# package, installed when missing): the alert rules load, the scrape configuration is valid, and
# the rules' unit tests (config/prometheus/alerts-test.yml) pass. Writes a JUnit report to
# config/target/surefire-reports/TEST-promtool.xml, so bin/test counts the checks; exits non-zero
# when one fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if ! command -v promtool >/dev/null 2>&1; then
  echo "[monitoring] no promtool installed: installing Debian's prometheus package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >/dev/null
fi

cd "$COMMERCE_ROOT/config/prometheus"
report="$COMMERCE_ROOT/config/target/surefire-reports"
mkdir -p "$report"
cases="" failures=0
check() {
  local name="$1" output
  shift
  if output="$("$@" 2>&1)"; then
    cases+="<testcase classname=\"promtool\" name=\"$name\"/>"
  else
    failures=$((failures + 1))
    echo "$output" >&2
    cases+="<testcase classname=\"promtool\" name=\"$name\"><failure message=\"$name failed\"><![CDATA[$output]]></failure></testcase>"
  fi
}
check "alert rules load" promtool check rules alerts.yml
check "scrape configuration is valid" promtool check config prometheus.yml
check "alert rules fire as their tests say" promtool test rules alerts-test.yml
echo "<testsuite name=\"promtool\" tests=\"3\" failures=\"$failures\" errors=\"0\" skipped=\"0\">$cases</testsuite>" \
  >"$report/TEST-promtool.xml"
echo "[monitoring] promtool: $((3 - failures)) of 3 checks passed"
[[ "$failures" -eq 0 ]]
