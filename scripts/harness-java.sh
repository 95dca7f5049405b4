#!/usr/bin/env bash
# Runs a main of the test harness (a benchmark, StartupClassLists) as the build runs the tests: with the system
# properties the root pom gives them and <module>'s test class path, target/bench-classpath.txt (which the caller
# writes with dependency:build-classpath).
# Usage: scripts/harness-java.sh <module> <main class> [arguments...]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
module=${1:?"usage: $0 module main-class [arguments...]"}
main=${2:?"usage: $0 module main-class [arguments...]"}
shift 2
cache=${HEARTH_CACHE:-$HOME/.cache/hearth}
exec java -Dhearth.kubernetes.version="$(sed -n 's:.*<hearth.kubernetes.version>\([0-9.]*\)<.*:\1:p' pom.xml)" \
  -Dhearth.crds="$root/deploy/charts/hearth/crds" -Dhearth.deploy="$root/deploy" \
  -Dhearth.upstream-crds="$cache/upstream-crds" -Dhearth.addon-charts="$cache/addon-charts" \
  -cp "$module/target/test-classes:$module/target/classes:$(cat "$module/target/bench-classpath.txt")" \
  "$main" "$@"
