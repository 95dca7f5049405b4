#!/usr/bin/env bash
# Fetches the Keycloak server (org.keycloak:keycloak-quarkus-dist, from Maven Central) pinned in
# tools/keycloak/keycloak.properties, checks its SHA-256, and unpacks it into
#   ${HEARTH_CACHE:-~/.cache/hearth}/keycloak/<version>/   (bin/kc.sh, lib/, conf/, ...)
# for the tests (platform-core's TestKeycloak) and run-local. Does nothing when that unpack is present.
# Prints the folder on its last line.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
props="$root/tools/keycloak/keycloak.properties"
version=$(sed -n 's/^version=//p' "$props")
sha256=$(sed -n 's/^sha256=//p' "$props")
[[ -n "$version" && -n "$sha256" ]] || { echo "keycloak: $props must set version and sha256" >&2; exit 1; }
target="${HEARTH_CACHE:-$HOME/.cache/hearth}/keycloak/$version"

if [[ -x "$target/bin/kc.sh" ]]; then
  echo "keycloak: $version already in $target"
  echo "$target"
  exit 0
fi

started=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
url="https://repo.maven.apache.org/maven2/org/keycloak/keycloak-quarkus-dist/$version/keycloak-quarkus-dist-$version.tar.gz"
echo "keycloak: fetching $version (about 170 MB)"
curl -fsSL --retry 3 -o "$work/keycloak.tar.gz" "$url"
echo "$sha256  $work/keycloak.tar.gz" | sha256sum -c --quiet - ||
  { echo "keycloak: checksum mismatch for $url (expected $sha256, see $props)" >&2; exit 1; }
mkdir -p "$work/unpack"
tar -xzf "$work/keycloak.tar.gz" -C "$work/unpack"
mkdir -p "$(dirname "$target")"
rm -rf "$target"
# the archive holds one folder keycloak-<version>/; moved into place whole so a half-unpacked copy is never seen
mv "$work/unpack/keycloak-$version" "$target"
echo "keycloak: unpacked $version into $target in $((SECONDS - started)) s"
echo "$target"
