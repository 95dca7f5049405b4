#!/usr/bin/env bash
# Builds the image of each service as a tar, without a daemon or a registry (profile -Pimages, Jib):
#  1. packages the services (the images profile fixes the jars' entry times);
#  2. records the classes each loads from start to ready, against the test API server (scripts/cds-class-lists.sh);
#  3. dumps each service's class-data-sharing archive with the image's own JRE (scripts/image-runtime.sh), from a copy
#     of its application whose files have the times Jib gives them, so that the JVM in the image accepts the archive;
#  4. lays runtime, application and archive into the image (Jib, one Maven run per set of JVM options from
#     deploy/service-jvm.options), then checks that the image's JVM maps its archive (-Xshare:on).
# Each <service>/target/jib-image.tar comes with its digest, target/jib-image.digest; the list is written to
# target/images.txt (reference and digest per line), the artifact CI keeps. docs/operations.md "Images", "Start time".
# Usage: scripts/images.sh [service...]   (default: every service)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
services=("$@")
if [[ ${#services[@]} -eq 0 ]]; then
  services=(tenant-service kubernetes-service vm-service apps-catalog bundle-installer dashboard-backend)
fi
modules="platform-core,$(IFS=,; echo "${services[*]}")"
runtime=$(bash scripts/image-runtime.sh)
java="$runtime/rootfs/opt/java/bin/java"
# each service's JVM options, read once: the dump, the image and its check use the same
declare -A options_of=()
for service in "${services[@]}"; do
  options_of["$service"]=$(bash scripts/jvm-options.sh "$service")
done

./mvnw -B -q -Pimages -pl "$modules" package -DskipTests -Dspotless.check.skip=true
bash scripts/cds-class-lists.sh "${services[@]}"

for service in "${services[@]}"; do
  options=${options_of["$service"]}
  app="$service/target/cds-app"
  rm -rf "$app" "$service/target/cds/app.jsa"
  cp -r "$service/target/quarkus-app" "$app"
  # Jib's filesModificationTime (EPOCH_PLUS_SECOND): the archive records each jar's size and time
  find "$app" -exec touch -h -d @1 {} +
  # shellcheck disable=SC2086 # the options are words
  (cd "$app" && "$java" $options -Xshare:dump -XX:SharedClassListFile=../cds/classes.lst \
    -XX:SharedArchiveFile=../cds/app.jsa -cp quarkus-run.jar > ../cds/dump.log 2>&1) \
    || { echo "images: the archive of $service was not dumped; see $service/target/cds/dump.log" >&2; exit 1; }
done

# the image's JAVA_TOOL_OPTIONS is a property of the Maven run: the services that share their options share a run
declare -A with_options=()
for service in "${services[@]}"; do
  options=${options_of["$service"]}
  with_options["$options"]+="${with_options["$options"]:+,}$service"
done
for options in "${!with_options[@]}"; do
  # Jib only: a new package would write new jars, which the archives were not dumped from
  ./mvnw -B -q -Pimages -pl "platform-core,${with_options["$options"]}" jib:buildTar \
    -Dhearth.image-runtime="$runtime" -Dhearth.jvm-options="$options"
done

mkdir -p target
: > target/images.txt
version=$(sed -n 's:^  <version>\(.*\)</version>:\1:p' pom.xml | head -1)
for service in "${services[@]}"; do
  check="$service/target/image-check"
  rm -rf "$check" && mkdir -p "$check/blobs" "$check/root"
  tar --warning=no-unknown-keyword -xf "$service/target/jib-image.tar" -C "$check/blobs"
  for layer in $(sed 's/.*"Layers":\[\([^]]*\)\].*/\1/' "$check/blobs/manifest.json" | tr -d '"' | tr ',' ' '); do
    tar --warning=no-unknown-keyword -xzf "$check/blobs/$layer" -C "$check/root"
  done
  # shellcheck disable=SC2086 # the options are words
  (cd "$check/root/deployments" && ../opt/java/bin/java ${options_of["$service"]} -Xshare:on \
    -XX:SharedArchiveFile=app.jsa -cp quarkus-run.jar -version > /dev/null 2>&1) \
    || { echo "images: the JVM of $service's image does not map its archive (cd $check/root/deployments; -Xshare:on)" >&2; exit 1; }
  rm -rf "$check"
  echo "ghcr.io/hearth-dev/$service:$version $(cat "$service/target/jib-image.digest")" >> target/images.txt
done
cat target/images.txt
