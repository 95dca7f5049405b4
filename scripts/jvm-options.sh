#!/usr/bin/env bash
# Prints the JVM options of one service, on one line, from deploy/service-jvm.options: those of every service ("*"),
# then the service's own (the JVM takes the last of a repeated option, so a service's own -Xmx wins).
# Usage: scripts/jvm-options.sh <service>
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
[[ $# -eq 1 && -d "$root/$1/src" ]] || { echo "usage: $0 <service> (a module of $root)" >&2; exit 2; }
awk -v service="$1" '/^[[:space:]]*(#|$)/ { next }
  $1 == "*" || $1 == service { $1 = ""; sub(/^ +/, ""); options = options (options == "" ? "" : " ") $0 }
  END { print options }' "$root/deploy/service-jvm.options"
