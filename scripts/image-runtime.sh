#!/usr/bin/env bash
# The root filesystem of Hearth's service images, made without a registry (none is reachable here): a JRE jlink'ed from
# this machine's JDK 17 and the shared libraries it needs from pinned Debian 12 packages (glibc, libgcc, libstdc++,
# zlib), fetched with apt-get download into a cache. Jib lays it on `scratch` (profile -Pimages, docs/operations.md).
# Prints the directory. Same JDK + same package versions = the same files (jlink --generate-cds-archive is not used:
# its archive differs run to run).
# Usage: scripts/image-runtime.sh [output-dir]
set -euo pipefail
cache=${HEARTH_CACHE:-$HOME/.cache/hearth}
out=${1:-$cache/image-runtime}
# the versions Debian 12 serves; a change here is a change of the images' base
packages=(
  libc6=2.36-9+deb12u14
  libgcc-s1=12.2.0-14+deb12u1
  libstdc++6=12.2.0-14+deb12u1
  zlib1g=1:1.2.13.dfsg-1+deb12u1
)
# what the services use of the JDK: java.desktop for java.beans (Jackson), no AWT library is loaded headless
modules=java.base,java.desktop,java.instrument,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.security.sasl,java.sql,java.xml,jdk.crypto.ec,jdk.management,jdk.naming.dns,jdk.unsupported,jdk.zipfs
jdk=${HEARTH_IMAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}
stamp="$("$jdk/bin/java" -version 2>&1 | head -2 | tr '\n' ' ') ${packages[*]} $modules"
if [[ -f "$out/.stamp" && "$(cat "$out/.stamp")" == "$stamp" ]]; then
  echo "$out"
  exit 0
fi
debs="$cache/image-debs"
mkdir -p "$debs"
for package in "${packages[@]}"; do
  name=${package%%=*}
  if ! ls "$debs/${name}_"*.deb > /dev/null 2>&1; then
    (cd "$debs" && apt-get download -q "$package" >&2)
  fi
done
rm -rf "$out"
mkdir -p "$out/rootfs/opt" "$out/rootfs/tmp" "$out/rootfs/etc"
for deb in "$debs"/*.deb; do
  dpkg-deb -x "$deb" "$out/debs"
done
# only the shared libraries and the dynamic loader: no shell, no package manager, no documentation
mkdir -p "$out/rootfs/lib/x86_64-linux-gnu" "$out/rootfs/lib64"
for lib in ld-linux-x86-64.so.2 libc.so.6 libm.so.6 libdl.so.2 libpthread.so.0 librt.so.1 libresolv.so.2 \
    libnss_dns.so.2 libnss_files.so.2 libgcc_s.so.1 libz.so.1; do
  cp -L "$out/debs/lib/x86_64-linux-gnu/$lib" "$out/rootfs/lib/x86_64-linux-gnu/$lib"
done
cp -L "$out/debs/usr/lib/x86_64-linux-gnu/libstdc++.so.6" "$out/rootfs/lib/x86_64-linux-gnu/"
ln -s ../lib/x86_64-linux-gnu/ld-linux-x86-64.so.2 "$out/rootfs/lib64/ld-linux-x86-64.so.2"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-man-pages --no-header-files \
  --output "$out/rootfs/opt/java" >&2
# the user the chart runs as (runAsUser 10001); hosts lookups via files then DNS
printf 'root:x:0:0:root:/:/sbin/nologin\nhearth:x:10001:10001:hearth:/tmp:/sbin/nologin\n' > "$out/rootfs/etc/passwd"
printf 'root:x:0:\nhearth:x:10001:\n' > "$out/rootfs/etc/group"
printf 'hosts: files dns\n' > "$out/rootfs/etc/nsswitch.conf"
rm -rf "$out/debs"
echo "$stamp" > "$out/.stamp"
echo "$out"
