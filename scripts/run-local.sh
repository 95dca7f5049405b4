#!/usr/bin/env bash
# Hearth's main job, locally: builds the services, starts a real API server (kube-apiserver + etcd +
# kube-controller-manager, with Hearth's CRDs) through the test harness, with Flux's source-controller and
# helm-controller (with --default-service-account=hearth-releases, as in production: docs/operations.md) and
# Hearth's app charts served on loopback (apps-catalog writes the HelmRepository hearth-system/hearth-apps for them,
# so app instances become real Helm releases; no kubelet: objects only), the addon charts of tenant clusters too
# (kubernetes-service writes hearth-system/hearth-kubernetes-addons), and Keycloak with the shipped realm (users in
# target/local/keycloak-users.txt), then starts every service against them and waits until each one is ready. Ctrl-C stops everything.
#
# Options: --offline (Maven without the network: a populated ~/.m2), --no-build (run the jars target/ already holds).
set -euo pipefail
offline=() build=true
for arg in "$@"; do
  case "$arg" in
    --offline) offline=(-o) ;;
    --no-build) build=false ;;
    *) echo "usage: $0 [--offline] [--no-build]" >&2; exit 2 ;;
  esac
done
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/target/local"
mkdir -p "$out"

bash scripts/test-binaries.sh
bash scripts/upstream-crds.sh
bash scripts/addon-charts.sh > /dev/null
bash scripts/keycloak.sh
# package, not install: running needs the reactor's jars in target/, never a copy in ~/.m2; the format check (spotless)
# is for commits, not for running: skipped here
$build && ./mvnw -B -q "${offline[@]}" package -DskipTests -Dspotless.check.skip=true

./mvnw -B -q "${offline[@]}" -pl platform-core dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$out/classpath.txt"
pids=()
cleanup() { kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

rm -f "$out/client.properties" "$out/chart-repository.url" "$out/addon-chart-repository.url" "$out"/keycloak-*.properties
harness_cp="platform-core/target/classes:platform-core/target/test-classes:$(cat "$out/classpath.txt")"
java -cp "$harness_cp" dev.hearth.core.testing.LocalKubernetes "$out" > "$out/kubernetes.log" 2>&1 &
pids+=($!)
# Keycloak starts meanwhile (Java 21+, found by the harness): dashboard-backend signs users in there and tenant-service
# keeps the tenants' groups there
java -cp "$harness_cp" dev.hearth.core.testing.LocalKeycloak "$out" > "$out/keycloak.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do [[ -f "$out/client.properties" ]] && break; sleep 1; done
[[ -f "$out/client.properties" ]] || { echo "API server did not start; see $out/kubernetes.log"; exit 1; }
mapfile -t client < "$out/client.properties"
echo "API server ready: export KUBECONFIG=$out/kubeconfig.yaml"
if [[ -f "$out/chart-repository.url" ]]; then
  echo "Flux ready (logs: $out/source-controller.log, $out/helm-controller.log); charts at $(cat "$out/chart-repository.url")"
else
  echo "Flux NOT running: apps will not become Ready (see $out/kubernetes.log)"
fi

for _ in $(seq 1 300); do [[ -f "$out/keycloak-dashboard.properties" ]] && break; sleep 1; done
if [[ -f "$out/keycloak-dashboard.properties" ]]; then
  mapfile -t keycloak_dashboard < "$out/keycloak-dashboard.properties"
  mapfile -t keycloak_tenant < "$out/keycloak-tenant.properties"
  echo "Keycloak ready: users to sign in with in $out/keycloak-users.txt"
else
  keycloak_dashboard=() keycloak_tenant=()
  echo "Keycloak NOT running: dashboard-backend will not be ready (see $out/keycloak.log)"
fi

declare -A port=([dashboard-backend]=8080 [tenant-service]=8081 [kubernetes-service]=8082 [vm-service]=8083 [apps-catalog]=8084 [bundle-installer]=8085)
# the jars run in the prod profile, where leader election is on: their Leases in the platform's namespace, as in
# production (docs/operations.md), one replica each
lease=(-Dhearth.leader-election.lease-namespace=hearth-system -Dhearth.leader-election.identity=run-local)
charts=()
# apps-catalog writes the HelmRepository hearth-system/hearth-apps its definitions name, at the served charts
[[ -f "$out/chart-repository.url" ]] && charts=("-Dhearth.catalog.chart-repository-url=$(cat "$out/chart-repository.url")")
addons=()
# kubernetes-service writes the HelmRepository hearth-system/hearth-kubernetes-addons its addon releases name
[[ -f "$out/addon-chart-repository.url" ]] && addons=("-Dhearth.tenant-clusters.addon-chart-repository-url=$(cat "$out/addon-chart-repository.url")")
for service in tenant-service kubernetes-service vm-service apps-catalog bundle-installer dashboard-backend; do
  # the service's JVM options (heap, GC, C1 only): deploy/service-jvm.options, docs/operations.md
  read -r -a jvm_options <<< "$(bash scripts/jvm-options.sh "$service")"
  extra=()
  [[ "$service" == apps-catalog ]] && extra=("${charts[@]}")
  [[ "$service" == kubernetes-service ]] && extra=("${addons[@]}")
  [[ "$service" == tenant-service ]] && extra=("${keycloak_tenant[@]}")
  [[ "$service" == dashboard-backend ]] && extra=("${keycloak_dashboard[@]}")
  java "${jvm_options[@]}" "${client[@]}" "${lease[@]}" "${extra[@]}" -jar "$service/target/quarkus-app/quarkus-run.jar" > "$out/$service.log" 2>&1 &
  pids+=($!)
done
for service in "${!port[@]}"; do
  url="http://localhost:${port[$service]}/q/health/ready"
  for _ in $(seq 1 90); do curl -fs "$url" > /dev/null && break; sleep 1; done
  if curl -fs "$url" > /dev/null; then echo "$service ready: $url"; else echo "$service NOT ready: $url (log: $out/$service.log)"; fi
done
echo "Hearth is running. Logs in $out. Ctrl-C to stop."
wait
