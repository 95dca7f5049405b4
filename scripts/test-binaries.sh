#!/usr/bin/env bash
# Builds the Kubernetes binaries that the integration tests run (kube-apiserver, etcd, kubectl, and
# kube-controller-manager) from the Go module proxy, and installs them where kube-api-test looks:
#   ${KUBE_API_TEST_DIR:-~/.kubeapitest}/k8s/<version>-linux-amd64/
# Only needed offline: with internet access kube-api-test downloads its binaries by itself.
# Also builds Flux's source-controller and helm-controller (TestKubernetes.withFlux, run-local) and
# the OCI registries of go-containerregistry and distribution (TestOciRegistry); those are never downloaded by the
# tests.
# Does nothing when the binaries are already installed.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
# The version the tests ask for is the root pom's hearth.kubernetes.version; the Go modules pin the sources.
KUBERNETES_VERSION=$(sed -n 's:.*<hearth.kubernetes.version>\([0-9.]*\)</hearth.kubernetes.version>.*:\1:p' "$root/pom.xml")
ETCD_VERSION=$(sed -n 's:^require go.etcd.io/etcd/server/v3 v\(.*\)$:\1:p' "$root/tools/kube-binaries/etcd/go.mod")
if ! grep -q "^require k8s.io/kubernetes v${KUBERNETES_VERSION}\$" "$root/tools/kube-binaries/k8s/go.mod"; then
  echo "test-binaries: pom.xml asks for Kubernetes ${KUBERNETES_VERSION} but tools/kube-binaries/k8s/go.mod pins another release" >&2
  exit 1
fi
os=$(go env GOOS)
arch=$(go env GOARCH)
target="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/k8s/${KUBERNETES_VERSION}-${os}-${arch}"

have_all() {
  for b in kube-apiserver kube-controller-manager kubectl etcd; do
    [[ -x "$target/$b" ]] || return 1
  done
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Flux's source-controller and helm-controller, pinned by the Go modules of tools/flux-binaries, go to
#   ${KUBE_API_TEST_DIR:-~/.kubeapitest}/flux/<controller>-<version>/<controller>
# with the CRDs of that very release beside them in crds/ (TestKubernetes.withFlux installs those that
# the upstream-CRD cache of scripts/upstream-crds.sh lacks). Each one is built only when missing.
flux_dir="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/flux"
build_flux_controller() {
  local name=$1 version dir module started=$SECONDS
  version=$(sed -n "s:^require github.com/fluxcd/${name} v\(.*\)\$:\1:p" "$root/tools/flux-binaries/${name}/go.mod")
  dir="$flux_dir/${name}-${version}"
  if [[ -x "$dir/${name}" && -d "$dir/crds" ]]; then
    echo "test-binaries: ${name} v${version} already in $dir"
    return
  fi
  mkdir -p "$dir"
  if [[ ! -x "$dir/${name}" ]]; then
    echo "test-binaries: building ${name} v${version} (cold: ~3-5 min on 2 cores)"
    (cd "$root/tools/flux-binaries/${name}" &&
      CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/${name}" "github.com/fluxcd/${name}")
    install -m 0755 "$work/${name}" "$dir/${name}"
  fi
  module=$(cd "$root/tools/flux-binaries/${name}" && go list -m -f '{{.Dir}}' "github.com/fluxcd/${name}")
  mkdir -p "$dir/crds"
  install -m 0644 "$module"/config/crd/bases/*.yaml "$dir/crds/"
  echo "test-binaries: installed ${name} v${version} into $dir in $((SECONDS - started)) s"
}

# The OCI registries, each pinned by the Go module of tools/<tool>-binary, go to
#   ${KUBE_API_TEST_DIR:-~/.kubeapitest}/<name>-<version>/registry
# go-containerregistry's in-memory one (TestOciRegistry.start: charts pushed from the tests, pulled by the installer and
# by source-controller) as registry-<version>, and distribution's, which serves only with a token from a token
# endpoint (TestOciRegistry.withTokens), as distribution-<version>.
build_registry() {
  local name=$1 tool=$2 module=$3 version dir started=$SECONDS
  version=$(sed -n "s:^require github.com/${module} v\(.*\)\$:\1:p" "$root/tools/${tool}-binary/go.mod")
  dir="${KUBE_API_TEST_DIR:-$HOME/.kubeapitest}/${name}-${version}"
  if [[ -x "$dir/registry" ]]; then
    echo "test-binaries: ${name} v${version} already in $dir"
    return
  fi
  echo "test-binaries: building ${module}'s registry v${version}"
  (cd "$root/tools/${tool}-binary" &&
    CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/${name}" "github.com/${module}/cmd/registry")
  mkdir -p "$dir"
  install -m 0755 "$work/${name}" "$dir/registry"
  echo "test-binaries: installed ${name} v${version} into $dir in $((SECONDS - started)) s"
}

if have_all; then
  echo "test-binaries: Kubernetes ${KUBERNETES_VERSION} and etcd ${ETCD_VERSION} already in $target"
else
  build_kubernetes=1
fi
build_flux_controller source-controller
build_flux_controller helm-controller
build_registry registry registry google/go-containerregistry
build_registry distribution distribution distribution/distribution/v3
[[ -n "${build_kubernetes:-}" ]] || exit 0

mkdir -p "$target"
started=$SECONDS

# The version stamp the release build would set; without it the binaries report v0.0.0-master.
pkg=k8s.io/component-base/version
minor=${KUBERNETES_VERSION#*.}; minor=${minor%%.*}
k8s_ldflags="-s -w -X ${pkg}.gitVersion=v${KUBERNETES_VERSION} -X ${pkg}.gitMajor=1 -X ${pkg}.gitMinor=${minor}"
k8s_ldflags+=" -X ${pkg}.gitTreeState=clean -X ${pkg}.buildDate=1970-01-01T00:00:00Z"
k8s_ldflags+=" -X k8s.io/client-go/pkg/version.gitVersion=v${KUBERNETES_VERSION}"

echo "test-binaries: building kube-apiserver, kube-controller-manager, kubectl v${KUBERNETES_VERSION} (cold: ~8 min on 2 cores)"
(cd "$root/tools/kube-binaries/k8s" &&
  CGO_ENABLED=0 go build -trimpath -ldflags "$k8s_ldflags" -o "$work/" \
    k8s.io/kubernetes/cmd/kube-apiserver \
    k8s.io/kubernetes/cmd/kube-controller-manager \
    k8s.io/kubernetes/cmd/kubectl)

echo "test-binaries: building etcd v${ETCD_VERSION}"
(cd "$root/tools/kube-binaries/etcd" &&
  CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o "$work/etcd" go.etcd.io/etcd/server/v3)

for b in kube-apiserver kube-controller-manager kubectl etcd; do
  install -m 0755 "$work/$b" "$target/$b"
done
echo "test-binaries: installed into $target in $((SECONDS - started)) s"
"$target/kube-apiserver" --version
