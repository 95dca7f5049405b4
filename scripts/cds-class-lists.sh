#!/usr/bin/env bash
# Records the classes each built service loads from its start until just after it is ready, against the test API
# server with every CRD (and the test Keycloak for dashboard-backend): <service>/target/cds/classes.lst, from which
# scripts/images.sh (or deploy/Dockerfile) dumps the image's class-data-sharing archive. Needs the services packaged
# (target/quarkus-app) and platform-core's test classes. docs/operations.md "Start time".
# Usage: scripts/cds-class-lists.sh service...
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
[[ $# -gt 0 ]] || { echo "usage: $0 service..." >&2; exit 2; }
bash scripts/test-binaries.sh > /dev/null
bash scripts/upstream-crds.sh > /dev/null
for service in "$@"; do
  [[ "$service" != dashboard-backend ]] || bash scripts/keycloak.sh > /dev/null
done
./mvnw -B -q -pl platform-core dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench-classpath.txt
exec bash scripts/harness-java.sh platform-core dev.hearth.core.testing.bench.StartupClassLists \
  "${@/%//target/quarkus-app/quarkus-run.jar}"
