#!/usr/bin/env bash
# Benchmarks of the services on a real API server (not part of the tests): builds the service, then runs its
# benchmark main from the test classes against the built quarkus-run.jar, started as its own process with the JVM
# options of deploy/service-jvm.options (as scripts/run-local.sh starts it). Prints figures.
# Usage: scripts/benchmark.sh tenant-service [level1=10 [level2=7 [level3=6]]]
#        scripts/benchmark.sh apps-catalog [instances=1000 [tenants=50]]
#        scripts/benchmark.sh apps-catalog-flux [instances=100 [namespaces=10]]  (real helm-controller: to Ready=True)
#        scripts/benchmark.sh bundle-installer  (validation + plan of an 80-component bundle, objects per component)
#        scripts/benchmark.sh bundle-installer-platform [idle-seconds=180 [resync-when-ready=10s]]  (an 80-component
#          Platform through the real helm-controller: time to BundleReady, RSS and CPU, writes of the first apply and idle)
#        scripts/benchmark.sh dashboard-backend [tenants=50 [apps=1000 [streams=500]]]  (with tenant-service and Keycloak)
#        scripts/benchmark.sh footprint [service...]   (start-to-ready and idle RSS of each service's image, as its container runs it)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
service=${1:?"usage: $0 tenant-service|apps-catalog|apps-catalog-flux|bundle-installer|bundle-installer-platform|footprint [arguments]"}
shift
case "$service" in
  tenant-service) main=dev.hearth.tenant.bench.TenantBenchmark ;;
  apps-catalog) main=dev.hearth.catalog.bench.CatalogBenchmark ;;
  apps-catalog-flux) main=dev.hearth.catalog.bench.CatalogThroughFluxBenchmark; service=apps-catalog ;;
  bundle-installer) main=dev.hearth.bundle.bench.BundlePlanBenchmark ;;
  bundle-installer-platform) main=dev.hearth.bundle.bench.PlatformReconcileBenchmark; service=bundle-installer ;;
  dashboard-backend) main=dev.hearth.dashboard.bench.DashboardBenchmark; also=tenant-service; bash scripts/keycloak.sh > /dev/null ;;
  footprint)
    services=("$@")
    [[ ${#services[@]} -gt 0 ]] || services=(tenant-service kubernetes-service vm-service apps-catalog bundle-installer dashboard-backend)
    # as the containers run them: the images, with their JRE and class-data-sharing archives
    bash scripts/images.sh "${services[@]}" > /dev/null
    exec bash scripts/harness-java.sh platform-core dev.hearth.core.testing.bench.FootprintBenchmark \
      "${services[@]/%//target/jib-image.tar}" ;;
  *) echo "no benchmark for $service" >&2; exit 2 ;;
esac
bash scripts/test-binaries.sh > /dev/null
bash scripts/upstream-crds.sh > /dev/null
./mvnw -B -q -pl "platform-core,${also:+$also,}$service" -am install -DskipTests -Dspotless.check.skip=true
./mvnw -B -q -pl "$service" dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt
exec bash scripts/harness-java.sh "$service" "$main" "$service/target/quarkus-app/quarkus-run.jar" "$@"
