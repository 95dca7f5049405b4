#!/usr/bin/env bash
# Checks the main job end to end, unattended: starts scripts/run-local.sh (its options, e.g. --offline --no-build, are
# passed on), waits until every service is ready, applies docs/examples/ as README says, creates one instance of every
# catalog kind with its defaults and one with its chart's ci/max-values.yaml, signs a user in to dashboard-backend,
# and waits (bounded) for each object to reach the state README and docs/apps-catalog.md promise for it. Prints a
# table (also in target/local/check.md), stops run-local and exits 1 if any object did not reach its promised state.
# Not part of .ci/run (about 2 minutes after the build); run it by hand after changing run-local, a chart or an example.
#   HEARTH_CHECK_START_TIMEOUT  seconds for run-local to report every service (default 1800: it may build first)
#   HEARTH_CHECK_WAIT           seconds all the objects may take to reach their states (default 300)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
out="$root/target/local"
mkdir -p "$out"
start_timeout=${HEARTH_CHECK_START_TIMEOUT:-1800}
wait_all=${HEARTH_CHECK_WAIT:-300}
runlog="$root/target/run-local-check.log"

# run-local in its own process group (job control), so that stopping it stops everything it started
set -m
bash scripts/run-local.sh "$@" > "$runlog" 2>&1 &
runpid=$!
set +m
stop() {
  kill -TERM -- "-$runpid" 2>/dev/null || true
  wait "$runpid" 2>/dev/null || true
}
trap stop EXIT
trap 'exit 130' INT TERM

started=$SECONDS
until grep -q '^Hearth is running' "$runlog"; do
  if ! kill -0 "$runpid" 2>/dev/null; then
    echo "run-local ended before Hearth was running:"; tail -n 30 "$runlog"; exit 1
  fi
  if (( SECONDS - started > start_timeout )); then
    echo "run-local did not start within ${start_timeout}s:"; tail -n 30 "$runlog"; exit 1
  fi
  sleep 2
done
if grep -q 'NOT ' "$runlog"; then
  echo "run-local started, but not everything is running:"; grep 'NOT ' "$runlog"; exit 1
fi
echo "run-local up in $((SECONDS - started))s (log: $runlog)"

export KUBECONFIG="$out/kubeconfig.yaml"
kubectl=$(command -v kubectl || true)
[[ -n "$kubectl" ]] || kubectl=$(ls ~/.kubeapitest/k8s/*/kubectl 2>/dev/null | head -n 1)
[[ -x "$kubectl" ]] || { echo "no kubectl in PATH nor from scripts/test-binaries.sh"; exit 1; }
k() { "$kubectl" "$@"; }

# the examples in tenant-foo wait for the Tenant foo to have made its namespace: apply again until all are accepted
applied=false
for _ in $(seq 1 60); do
  if k apply -f docs/examples/ > /dev/null 2> "$out/apply.err" && k apply -f docs/examples/apps/ > /dev/null 2>> "$out/apply.err"; then
    applied=true; break
  fi
  sleep 2
done
$applied || { echo "kubectl apply -f docs/examples/ failed:"; cat "$out/apply.err"; exit 1; }
echo "docs/examples/ applied"

# what each catalog kind promises here (README, docs/apps-catalog.md), as the Ready condition's "status reason"
promised() {  # kind, defaults|max-values
  case "$1/$2" in
    NATS/*|Ingress/*|Monitoring/*|SeaweedFS/*) echo 'False NestedReleaseNotReady' ;;  # upstream chart on the internet
    # Helm waits for pods (no kubelet) or for a LoadBalancer Service's address (no cloud; external: true)
    HTTPCache/*|TCPBalancer/*|Postgres/max-values|Redis/max-values) echo 'Unknown Progressing|False InstallFailed' ;;
    *) echo 'True InstallSucceeded' ;;
  esac
}
# an instance of a catalog kind in tenant-root: e2e with the chart's defaults, e2e-max with its ci/max-values.yaml
# (without _namespace, which is apps-catalog's to give)
instance() {  # kind, defaults|max-values, chart
  if [[ $2 == defaults ]]; then
    printf 'apiVersion: apps.hearth.dev/v1alpha1\nkind: %s\nmetadata: {name: e2e, namespace: tenant-root}\nspec: {}\n' "$1"
  else
    printf 'apiVersion: apps.hearth.dev/v1alpha1\nkind: %s\nmetadata: {name: e2e-max, namespace: tenant-root}\nspec:\n' "$1"
    awk '/^_namespace:/ {skip=1; next} skip && /^[ #]/ {next} {skip=0; print "  " $0}' \
      "deploy/charts/apps/$3/ci/max-values.yaml"
  fi
}

checks=()
check() { checks+=("$1;$2;$3"); }  # resource (plural/name), namespace (- for none), promised "status reason" regex
ready_of() {
  local ns=()
  [[ "$2" != - ]] && ns=(-n "$2")
  k get "$1" "${ns[@]}" -o jsonpath='{range .status.conditions[?(@.type=="Ready")]}{.status} {.reason}|{.message}{end}' 2>/dev/null || true
}
# polls the checks from index $1 on until each shows its promised state, all within one bound
declare -A seen=()
failures=()
await_checks() {
  local pending=("${checks[@]:$1}") still entry resource ns want deadline=$((SECONDS + wait_all))
  while (( ${#pending[@]} > 0 )); do
    still=()
    for entry in "${pending[@]}"; do
      IFS=";" read -r resource ns want <<< "$entry"
      seen[$entry]=$(ready_of "$resource" "$ns")
      [[ "${seen[$entry]%%|*}" =~ ^($want)$ ]] || still+=("$entry")
    done
    pending=("${still[@]}")
    (( ${#pending[@]} == 0 || SECONDS > deadline )) && break
    sleep 5
  done
  failures+=("${pending[@]}")
}

check applicationdefinitions.platform.hearth.dev/cache - 'True .*'
check platforms.platform.hearth.dev/hearth - 'False AwaitingApproval'  # Manual: the example's approvedPlan is not the plan
check tenants.apps.hearth.dev/foo tenant-root 'True NamespaceReady'
check etcds.apps.hearth.dev/etcd tenant-foo 'True InstallSucceeded'
check ingresses.apps.hearth.dev/ingress tenant-foo 'False NestedReleaseNotReady'
check postgreses.apps.hearth.dev/shop tenant-root 'True InstallSucceeded'
check redises.apps.hearth.dev/cache tenant-root 'True InstallSucceeded'
check kuberneteses.apps.hearth.dev/dev tenant-foo 'False Provisioning'  # no Cluster API controllers run
# the addon charts' source kubernetes-service writes, fetched by source-controller; the CNI's release waits for the
# tenant cluster's kubeconfig, which Kamaji would write
check helmrepositories.source.toolkit.fluxcd.io/hearth-kubernetes-addons hearth-system 'True .*'
check helmreleases.helm.toolkit.fluxcd.io/kubernetes-dev-cilium tenant-foo 'False RESTClientError'
check vmdisks.apps.hearth.dev/data tenant-foo 'False WaitingForDataVolume'  # no CDI
check vmdisks.apps.hearth.dev/ubuntu tenant-foo 'False WaitingForDataVolume'
check vminstances.apps.hearth.dev/web tenant-foo 'False WaitingForVirtualMachine'  # no KubeVirt

# every catalog kind (every ApplicationDefinition with a release; max-values for the shipped ones), in two rounds:
# a release Helm waits on holds one of helm-controller's 4 workers for its 5-minute timeout, and again at each retry,
# so those come after the others have been installed
mapfile -t definitions < <(k get applicationdefinitions -o jsonpath='{range .items[?(@.spec.release)]}{.metadata.name} {.spec.application.kind} {.spec.application.plural} {.spec.release.chart.name}{"\n"}{end}')
for round in installs waits; do
  first=${#checks[@]}
  for line in "${definitions[@]}"; do
    read -r name kind plural chart <<< "$line"
    variants=(defaults)
    # HTTPCache and TCPBalancer wait for pods with either values: their defaults alone, so that the waiting releases
    # (those and Postgres's and Redis's max-values) are no more than helm-controller's 4 workers
    [[ -f "apps-catalog/src/main/resources/catalog/$name.yaml" && -f "deploy/charts/apps/$chart/ci/max-values.yaml" &&
      $kind != HTTPCache && $kind != TCPBalancer ]] && variants+=(max-values)
    for variant in "${variants[@]}"; do
      want=$(promised "$kind" "$variant")
      [[ $round == installs && $want == *Progressing* || $round == waits && $want != *Progressing* ]] && continue
      instance "$kind" "$variant" "$chart" | k apply -f - > /dev/null
      [[ $variant == defaults ]] && check "$plural.apps.hearth.dev/e2e" tenant-root "$want"
      [[ $variant == max-values ]] && check "$plural.apps.hearth.dev/e2e-max" tenant-root "$want"
    done
  done
  echo "round $round: $(( ${#checks[@]} - first )) catalog instances created"
  if [[ $round == installs ]]; then await_checks 0; else await_checks "$first"; fi
done

table="| object | namespace | promised | Ready | reason: message | result |"$'\n'"|---|---|---|---|---|---|"
for entry in "${checks[@]}"; do
  IFS=";" read -r resource ns want <<< "$entry"
  result=ok
  for f in "${failures[@]}"; do [[ "$f" == "$entry" ]] && result=FAILED; done
  state=${seen[$entry]%%|*} message=${seen[$entry]#*|}
  message=${message//|/\\|}
  table+=$'\n'"| $resource | $ns | \`${want//|/ or }\` | ${state%% *} | ${state#* }: ${message:0:300} | $result |"
done
failed=${#failures[@]}

# the dashboard-backend call README shows: a password grant for a user of keycloak-users.txt, then GET /api/v1/me
issuer="$(awk 'NR == 1 {print $2}' "$out/keycloak-users.txt")/realms/hearth"
dashboard() {
  local user=$1 path=$2 password token
  password=$(awk -v u="$user" '$1 == u {print $2}' "$out/keycloak-users.txt")
  token=$(curl -fs -d grant_type=password -d client_id=hearth-dashboard -d "username=$user" -d "password=$password" \
    "$issuer/protocol/openid-connect/token" | sed -n 's/.*"access_token":"\([^"]*\)".*/\1/p')
  curl -fs -H "Authorization: Bearer $token" "http://localhost:8080/api/v1$path"
}
for call in 'root-admin|/me|"level":"admin"' 'root-viewer|/me|"level":"view"' \
    'root-viewer|/tenants/tenant-root/apps/postgreses|"name":"shop"'; do
  IFS='|' read -r user path want <<< "$call"
  if dashboard "$user" "$path" | grep -q "$want"; then result=ok; else result=FAILED; failed=$((failed + 1)); fi
  table+=$'\n'"| dashboard-backend GET /api/v1$path as $user | - | \`$want\` in the answer | | | $result |"
done

printf '%s\n' "$table" | tee "$out/check.md"
if (( failed > 0 )); then
  echo "run-local check: $failed of $(( ${#checks[@]} + 3 )) did not reach their promised state (logs in $out)"
  exit 1
fi
echo "run-local check: all $(( ${#checks[@]} + 3 )) reached their promised state in $((SECONDS - started))s"
