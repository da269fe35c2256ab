# Shared by the bin/ scripts: the project root, a JDK >= 21, and the JVM flags every process needs.
# shellcheck shell=bash

COMMERCE_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
export COMMERCE_ROOT

# Prints the major version of the java binary given, e.g. 25.
java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

# Sets JAVA_HOME to a JDK >= 21: $JAVA_HOME if it is one, else the newest under /usr/lib/jvm.
find_jdk() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/javac" && "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ]]; then
    return 0
  fi
  local best="" best_version=0 candidate version
  for candidate in /usr/lib/jvm/*/; do
    candidate="${candidate%/}"
    [[ -x "$candidate/bin/javac" ]] || continue
    version="$(java_major "$candidate/bin/java")"
    if [[ "$version" =~ ^[0-9]+$ && "$version" -ge 21 && "$version" -gt "$best_version" ]]; then
      best="$candidate"
      best_version="$version"
    fi
  done
  if [[ -z "$best" ]]; then
    echo "error: no JDK 21 or newer found (set JAVA_HOME, or install one under /usr/lib/jvm)" >&2
    exit 1
  fi
  export JAVA_HOME="$best"
}

find_jdk
export PATH="$JAVA_HOME/bin:$PATH"
JAVA_VERSION="$(java_major "$JAVA_HOME/bin/java")"

# Hazelcast's flags (one list, also used by the Maven build), plus the flag that keeps JDK 23+
# quiet about sun.misc.Unsafe, which older JDKs would reject.
JVM_FLAGS=("@$COMMERCE_ROOT/config/hazelcast.jvmopts")
if [[ "$JAVA_VERSION" -ge 23 ]]; then
  JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow --enable-native-access=ALL-UNNAMED)
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi

# Hazelcast completes asynchronous calls (checkout's parallel holds) on the JDK's common pool,
# and when that pool has fewer than 2 threads, as it does on 2 cores, on a new thread per call:
# 8x slower in benchmarks/README.md. Give the pool 4 threads on such small machines.
if [[ "$(nproc)" -le 2 ]]; then
  JVM_FLAGS+=(-Djava.util.concurrent.ForkJoinPool.common.parallelism=4)
fi

MVN=(mvn -B --no-transfer-progress -f "$COMMERCE_ROOT/pom.xml")

# Runs a command as root, or as the postgres user (through sudo when this isn't root).
as_root() { if [[ "$(id -u)" -eq 0 ]]; then "$@"; else sudo -n "$@"; fi; }
as_postgres() { if [[ "$(id -u)" -eq 0 ]]; then runuser -u postgres -- "$@"; else sudo -n -u postgres "$@"; fi; }

GRID_CLASSPATH="$COMMERCE_ROOT/grid-node/target/grid-node.jar:$COMMERCE_ROOT/grid-node/target/lib/*"
API_CLASSPATH="$COMMERCE_ROOT/api-node/target/api-node.jar:$COMMERCE_ROOT/api-node/target/lib/*"

# Builds the runnable jars unless they are newer than every source and build file.
build_if_needed() {
  local stamp="$COMMERCE_ROOT/api-node/target/api-node.jar"
  if [[ -f "$stamp" && -f "$COMMERCE_ROOT/grid-node/target/grid-node.jar" ]] \
    && [[ -z "$(find "$COMMERCE_ROOT" \( -path "$COMMERCE_ROOT/run" -o -name node_modules -o -name target \) -prune -o \
      \( -name '*.java' -o -name 'pom.xml' -o -path '*/src/main/resources/*' -o -path "$COMMERCE_ROOT/config/*" \
      -o -path "$COMMERCE_ROOT/web/src/*" -o -path "$COMMERCE_ROOT/web/public/*" -o -path "$COMMERCE_ROOT/web/*.json" -o -path "$COMMERCE_ROOT/web/*.ts" \
      -o -path "$COMMERCE_ROOT/web/index.html" \) \
      -newer "$stamp" -print -quit)" ]]; then
    return 0
  fi
  echo "Building (mvn package, tests skipped) ..."
  "${MVN[@]}" -q -DskipTests package
}

# For the before-and-after benchmarks: builds the commit $1 into $2/baseline and this tree, both
# without tests, and sets BASE (the baseline's root), BASE_COMMIT and HEAD_COMMIT (short ids, the
# latter marked when the tree has uncommitted changes). Empties $2 first.
build_before_and_after() {
  local ref="$1" out="$2" dirty=""
  BASE="$out/baseline"
  BASE_COMMIT="$(git -C "$COMMERCE_ROOT" rev-parse --short "$ref")"
  HEAD_COMMIT="$(git -C "$COMMERCE_ROOT" rev-parse --short HEAD)"
  [[ -n "$(git -C "$COMMERCE_ROOT" status --porcelain --untracked-files=no)" ]] && dirty=" (with uncommitted changes)"
  HEAD_COMMIT="$HEAD_COMMIT$dirty"
  rm -rf "$out"
  mkdir -p "$out/results"
  echo "[bench] building $BASE_COMMIT into $BASE ..."
  git -C "$COMMERCE_ROOT" archive --format=tar --prefix=baseline/ "$ref" | tar -x -C "$out"
  mvn -B -q --no-transfer-progress -f "$BASE/pom.xml" -DskipTests -Dspotless.check.skip=true package
  echo "[bench] building this tree ($HEAD_COMMIT) ..."
  "${MVN[@]}" -q -DskipTests -Dspotless.check.skip=true package
}

# ensure_package COMMAND PACKAGE: installs Debian's PACKAGE (without its recommendations) unless
# COMMAND is on the PATH already.
ensure_package() {
  command -v "$1" >/dev/null 2>&1 && return 0
  echo "[setup] no $1 installed: installing Debian's $2 package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$2" >/dev/null
}

# Makes sure Debian's Chromium is installed (the browser tests drive it; Playwright's own browser
# download can't work without the internet).
ensure_chromium() { ensure_package chromium chromium; }

# Whether something listens on loopback port $1.
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until the command after the first three arguments succeeds while the background process
# $1 (logging to $2; $3 names it in messages) runs; exits with the log's last lines if it dies,
# and stops it and exits if it isn't up within a minute.
await_helper() {
  local pid="$1" log="$2" what="$3" waited=0
  shift 3
  until "$@" 2>/dev/null && kill -0 "$pid" 2>/dev/null; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$what did not start; see $log" >&2
      tail -n 20 "$log" >&2
      exit 1
    fi
    if ((waited >= 300)); then
      echo "$what is not up after a minute; see $log" >&2
      kill "$pid" 2>/dev/null || true
      exit 1
    fi
    sleep 0.2
    waited=$((waited + 1))
  done
}

STANDIN_CLASSPATH="$COMMERCE_ROOT/stripe-standin/target/stripe-standin.jar:$COMMERCE_ROOT/stripe-standin/target/lib/*"

# Payments for bin/demo and bin/cluster. With STRIPE_SECRET_KEY set, nothing to do: the nodes use
# Stripe (or STRIPE_API_BASE). Without it, starts the project's Stripe stand-in in the background
# on STANDIN_PORT (default 12111), delivering signed webhooks to the API node on port $2
# (STRIPE_WEBHOOK_SECRET, or whsec_standin), logging to $1, and exports the STRIPE_* settings the
# nodes read; STANDIN_PID names the process. With a process id as $3, the stand-in exits when that
# process does. Waits until it answers; refuses to start when the port is taken.
stripe_or_standin() {
  local log="$1" api_port="$2" exit_with="${3:-}"
  STANDIN_PID=""
  if [[ -n "${STRIPE_SECRET_KEY:-}" ]]; then
    echo "[payments] STRIPE_SECRET_KEY is set: payments go to ${STRIPE_API_BASE:-https://api.stripe.com}"
    return 0
  fi
  local port="${STANDIN_PORT:-12111}"
  if port_open "$port"; then
    echo "[payments] error: port $port is taken (a Stripe stand-in left running? bin/cluster stop," \
      "or set STANDIN_PORT)" >&2
    exit 1
  fi
  export STRIPE_WEBHOOK_SECRET="${STRIPE_WEBHOOK_SECRET:-whsec_standin}"
  STANDIN_PORT="$port" STANDIN_EXIT_WITH="$exit_with" \
    STANDIN_WEBHOOK_URL="http://localhost:$api_port/api/v1/payments/stripe/webhook" \
    nohup java -Xmx128m -cp "$STANDIN_CLASSPATH" dev.gridcommerce.standin.StripeStandIn \
    >"$log" 2>&1 </dev/null &
  STANDIN_PID=$!
  await_helper "$STANDIN_PID" "$log" "[payments] the Stripe stand-in" \
    curl -sf -o /dev/null "http://127.0.0.1:$port/_standin/health"
  export STRIPE_SECRET_KEY=sk_test_standin STRIPE_PUBLISHABLE_KEY=pk_test_standin
  export STRIPE_API_BASE="http://127.0.0.1:$port"
  echo "[payments] No STRIPE_SECRET_KEY: payments go to the Stripe stand-in at $STRIPE_API_BASE" \
    "(test keys; webhooks signed with STRIPE_WEBHOOK_SECRET to port $api_port; log: $log)"
}

MAIL_CATCHER_CLASSPATH="$COMMERCE_ROOT/mail-catcher/target/mail-catcher.jar:$COMMERCE_ROOT/mail-catcher/target/lib/*"

# Mail for bin/demo and bin/cluster. With COMMERCE_SMTP_HOST set, nothing to do: the API nodes
# send through it. Without it, starts the mail catcher (a local SMTP server) on MAIL_CATCHER_PORT
# (default 3025), writing every mail into the folder $2, logging to $1, and exports
# COMMERCE_SMTP_HOST/PORT; MAIL_CATCHER_PID names the process. With a process id as $3, it exits
# when that process does.
smtp_or_mail_catcher() {
  local log="$1" folder="$2" exit_with="${3:-}"
  MAIL_CATCHER_PID=""
  if [[ -n "${COMMERCE_SMTP_HOST:-}" ]]; then
    echo "[mail] COMMERCE_SMTP_HOST is set: mail goes to $COMMERCE_SMTP_HOST:${COMMERCE_SMTP_PORT:-25}"
    return 0
  fi
  local port="${MAIL_CATCHER_PORT:-3025}"
  if port_open "$port"; then
    echo "[mail] error: port $port is taken (a mail catcher left running? bin/cluster stop, or" \
      "set MAIL_CATCHER_PORT)" >&2
    exit 1
  fi
  : >"$log" # so no line of an earlier run is taken for this one's start
  MAIL_CATCHER_PORT="$port" MAIL_CATCHER_DIR="$folder" MAIL_CATCHER_EXIT_WITH="$exit_with" \
    nohup java -Xmx128m -cp "$MAIL_CATCHER_CLASSPATH" dev.gridcommerce.mailcatcher.MailCatcher \
    >"$log" 2>&1 </dev/null &
  MAIL_CATCHER_PID=$!
  await_helper "$MAIL_CATCHER_PID" "$log" "[mail] the mail catcher" \
    grep -q "Mail catcher: SMTP" "$log"
  export COMMERCE_SMTP_HOST=127.0.0.1 COMMERCE_SMTP_PORT="$port"
  echo "[mail] No COMMERCE_SMTP_HOST: mail goes to the mail catcher on port $port; every mail is" \
    "written into $folder (subjects in $log)"
}
