#!/usr/bin/env bash
# Benchmark of apps-catalog (issue: 1,000 instances across 50 tenants): builds the service, then runs
# dev.hearth.catalog.bench.CatalogBenchmark on a real API server. Prints its figures; not part of the tests.
# Usage: scripts/bench-apps-catalog.sh [instances=1000] [tenants=50]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bash scripts/test-binaries.sh > /dev/null
mvn -B -q -pl platform-core,apps-catalog -am install -DskipTests
mvn -B -q -pl apps-catalog dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
mkdir -p target
java -Dhearth.kubernetes.version="$(sed -n 's:.*<hearth.kubernetes.version>\([0-9.]*\)<.*:\1:p' pom.xml)" \
  -cp "apps-catalog/target/test-classes:apps-catalog/target/classes:$(cat apps-catalog/target/bench-classpath.txt)" \
  dev.hearth.catalog.bench.CatalogBenchmark "${1:-1000}" "${2:-50}" apps-catalog/target/quarkus-app/quarkus-run.jar
