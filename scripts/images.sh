#!/usr/bin/env bash
# Builds the image of each service as a tar, without a daemon or a registry (profile -Pimages, Jib): prepares the
# runtime root (scripts/image-runtime.sh), then packages the services with the JVM options of
# deploy/service-jvm.options. Each <service>/target/jib-image.tar comes with its digest, target/jib-image.digest;
# the list is written to target/images.txt (reference and digest per line), the artifact CI keeps.
# Usage: scripts/images.sh [service...]   (default: every service)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
services=("$@")
if [[ ${#services[@]} -eq 0 ]]; then
  services=(tenant-service kubernetes-service vm-service apps-catalog bundle-installer dashboard-backend)
fi
runtime=$(bash scripts/image-runtime.sh)
modules=$(IFS=,; echo "platform-core,${services[*]}")
./mvnw -B -q -Pimages -pl "$modules" verify -DskipTests -Dspotless.check.skip=true \
  -Dhearth.image-runtime="$runtime" -Dhearth.jvm-options="$(cat deploy/service-jvm.options)"
mkdir -p target
: > target/images.txt
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
for service in "${services[@]}"; do
  echo "ghcr.io/hearth-dev/$service:$version $(cat "$service/target/jib-image.digest")" >> target/images.txt
done
cat target/images.txt
