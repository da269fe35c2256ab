# JUnit reports for checks that run outside Maven (bin/test counts them with the rest): junit_check
# runs a command as one test case, junit_report writes the suite.
# shellcheck shell=bash

JUNIT_CASES=""
JUNIT_TESTS=0
JUNIT_FAILURES=0

# junit_check SUITE NAME COMMAND...: runs COMMAND, keeping its output; a failure prints it.
junit_check() {
  local suite="$1" name="$2" output started took
  shift 2
  started=$(date +%s)
  JUNIT_TESTS=$((JUNIT_TESTS + 1))
  if output="$("$@" 2>&1)"; then
    took=$(($(date +%s) - started))
    JUNIT_CASES+="<testcase classname=\"$suite\" name=\"$name\" time=\"$took\"><system-out><![CDATA[$output]]></system-out></testcase>"
    echo "[$suite] passed: $name (${took}s)"
    [[ -n "$output" ]] && sed 's/^/    /' <<<"$output" | tail -n 12
    return 0
  fi
  took=$(($(date +%s) - started))
  JUNIT_FAILURES=$((JUNIT_FAILURES + 1))
  JUNIT_CASES+="<testcase classname=\"$suite\" name=\"$name\" time=\"$took\"><failure message=\"$name failed\"><![CDATA[$output]]></failure></testcase>"
  echo "[$suite] FAILED: $name (${took}s)" >&2
  tail -n 40 <<<"$output" >&2
  return 1
}

# junit_report SUITE FILE: writes the checks run so far as one suite.
junit_report() {
  mkdir -p "$(dirname "$2")"
  echo "<testsuite name=\"$1\" tests=\"$JUNIT_TESTS\" failures=\"$JUNIT_FAILURES\" errors=\"0\" skipped=\"0\">$JUNIT_CASES</testsuite>" >"$2"
}
