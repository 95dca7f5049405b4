#!/usr/bin/env bash
# Builds the image of each service as a tar, without a daemon or a registry (profile -Pimages, Jib): prepares the
# runtime root (scripts/image-runtime.sh), then packages the services with their JVM options from
# deploy/service-jvm.options (scripts/jvm-options.sh), one Maven run per set of options. Each
# <service>/target/jib-image.tar comes with its digest, target/jib-image.digest; the list is written to target/images.txt (reference and digest per line), the artifact CI keeps.
# Usage: scripts/images.sh [service...]   (default: every service)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
services=("$@")
if [[ ${#services[@]} -eq 0 ]]; then
  services=(tenant-service kubernetes-service vm-service apps-catalog bundle-installer dashboard-backend)
fi
runtime=$(bash scripts/image-runtime.sh)
# the image's JAVA_TOOL_OPTIONS is a property of the Maven run: the services that share their options share a run
declare -A with_options=()
for service in "${services[@]}"; do
  options=$(bash scripts/jvm-options.sh "$service")
  with_options["$options"]+="${with_options["$options"]:+,}$service"
done
for options in "${!with_options[@]}"; do
  ./mvnw -B -q -Pimages -pl "platform-core,${with_options["$options"]}" verify -DskipTests -Dspotless.check.skip=true \
    -Dhearth.image-runtime="$runtime" -Dhearth.jvm-options="$options"
done
mkdir -p target
: > target/images.txt
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
for service in "${services[@]}"; do
  echo "ghcr.io/hearth-dev/$service:$version $(cat "$service/target/jib-image.digest")" >> target/images.txt
done
cat target/images.txt
