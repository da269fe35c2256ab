#!/usr/bin/env bash
# The Kubernetes manifests (config/kubernetes/), checked offline: validated against the Kubernetes
# API's schemas (kubernetes-models, from the npm registry) with the checks the schemas can't make,
# and the Dockerfiles' sources (images/). Writes a JUnit report to
# config/target/surefire-reports/TEST-kubernetes.xml. The Hazelcast configuration the StatefulSet
# makes is loaded by Hazelcast itself in KubernetesGridConfigTest (mvn verify).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

cd "$COMMERCE_ROOT/config/kubernetes/check"
npm ci --no-audit --no-fund --loglevel=error >/dev/null
node validate.mjs | sed 's/^/[kubernetes] /'
