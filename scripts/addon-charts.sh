#!/usr/bin/env bash
# Materialises the upstream addon charts of tenant clusters (Cilium, metrics-server, cert-manager) from the Go modules
# pinned in tools/addon-charts/charts.txt into ${HEARTH_CACHE:-~/.cache/hearth}/addon-charts/<chart>/, as `helm
# package` would take them: the chart's .helmignore applied, and a chart whose Chart.yaml its release tool writes from a
# template given the module's version. Each module is checked against the hash pinned there.
# Does nothing when the cache holds the charts of the current pins. Prints the folder.
# Usage: scripts/addon-charts.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/cache-folder.sh
source "$root/scripts/cache-folder.sh"
pins="$root/tools/addon-charts/charts.txt"
out="${HEARTH_CACHE:-$HOME/.cache/hearth}/addon-charts"

stamp=$(cat "$pins" "$0" | sha256sum | cut -d' ' -f1)
if [[ -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" ]]; then
  echo "addon-charts: up to date in $out" >&2
  echo "$out"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/out"

# helm package's .helmignore, for the patterns these charts use: a file or folder name (glob) anywhere, or a folder
# with a trailing slash. Anything else fails, rather than packaging files Helm would leave out.
apply_helmignore() {
  local chart=$1 pattern
  [[ -f "$chart/.helmignore" ]] || return 0
  while IFS= read -r pattern || [[ -n "$pattern" ]]; do
    pattern=${pattern%%#*}
    pattern=$(echo "$pattern" | xargs)
    [[ -z "$pattern" ]] && continue
    if [[ "$pattern" == !* || "${pattern%/}" == */* ]]; then
      echo "addon-charts: $chart/.helmignore pattern '$pattern' is not supported by this script" >&2
      return 1
    fi
    if [[ "$pattern" == */ ]]; then
      find "$chart" -mindepth 1 -type d -name "${pattern%/}" -prune -exec rm -rf {} +
    else
      find "$chart" -mindepth 1 -name "$pattern" -prune -exec rm -rf {} +
    fi
  done < "$chart/.helmignore"
  rm -f "$chart/.helmignore"
}

# Chart.yaml from the release tool's template: version and appVersion are the tag; a prerelease flag is false
chart_from_template() {
  local chart=$1 template=$2 version=$3
  sed -e "s/^version: .*/version: $version/" -e "s/^appVersion: .*/appVersion: $version/" \
    -e 's/{{IS_PRERELEASE}}/false/' "$chart/$template" > "$chart/Chart.yaml"
  if grep -q '{{[A-Z_]*}}' "$chart/Chart.yaml"; then
    echo "addon-charts: $chart/$template has placeholders this script does not fill: $(grep -o '{{[A-Z_]*}}' "$chart/Chart.yaml")" >&2
    return 1
  fi
}

while read -r chart module version sum folder options; do
  [[ -z "$chart" || "$chart" == \#* ]] && continue
  # outside any module: only that module's zip; checked against the pin rather than the checksum database
  if ! json=$(cd "$work" && GOSUMDB=off go mod download -json "$module@$version" 2>&1); then
    echo "addon-charts: go mod download $module@$version failed: $json" >&2
    exit 1
  fi
  got=$(sed -n 's/^\s*"Sum": "\(.*\)",$/\1/p' <<< "$json")
  if [[ "$got" != "$sum" ]]; then
    echo "addon-charts: $module@$version has hash '$got', not the one pinned in tools/addon-charts/charts.txt" >&2
    exit 1
  fi
  dir=$(sed -n 's/^\s*"Dir": "\(.*\)",$/\1/p' <<< "$json")
  [[ -d "$dir/$folder" ]] || { echo "addon-charts: $module@$version has no folder $folder" >&2; exit 1; }
  cp -r "$dir/$folder" "$work/out/$chart"
  chmod -R u+w "$work/out/$chart"
  if [[ "$options" == template=* ]]; then
    chart_from_template "$work/out/$chart" "${options#template=}" "$version"
  fi
  apply_helmignore "$work/out/$chart"
  name=$(sed -n 's/^name: *//p' "$work/out/$chart/Chart.yaml")
  [[ "$name" == "$chart" ]] || { echo "addon-charts: $module's chart is named '$name', not '$chart'" >&2; exit 1; }
  echo "addon-charts: $chart $(sed -n 's/^version: *//p' "$work/out/$chart/Chart.yaml") from $module@$version" >&2
done < "$pins"

echo "$stamp" > "$work/out/.stamp"
replace_cached_folder "$work/out" "$out"
echo "$out"
