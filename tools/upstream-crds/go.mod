// The upstream projects whose objects Hearth creates, pinned: scripts/upstream-crds.sh takes their CRDs from these
// module versions (crds.txt says which file of which module; go.sum holds their hashes, which the script checks).
// Nothing imports them; this module only pins.
// KubeVirt and CDI ship no CRD YAML: crdgen/ generates theirs and its go.mod must pin the same versions.
module hearth.dev/tools/upstream-crds

go 1.26.0

require (
	github.com/VictoriaMetrics/operator v0.59.0
	github.com/cert-manager/cert-manager v1.19.2
	github.com/clastix/cluster-api-control-plane-provider-kamaji v0.15.2
	github.com/clastix/kamaji v1.0.1-0.20250428170502-994ca7687d0f
	github.com/cloudnative-pg/cloudnative-pg v1.27.1
	github.com/fluxcd/helm-controller v1.4.3
	github.com/fluxcd/kustomize-controller v1.7.2
	github.com/fluxcd/source-controller v1.7.3
	github.com/mariadb-operator/mariadb-operator/v25 v25.10.2
	github.com/prometheus-operator/prometheus-operator v0.86.1
	github.com/rabbitmq/cluster-operator/v2 v2.17.0
	github.com/rabbitmq/messaging-topology-operator v1.17.4
	github.com/spotahome/redis-operator v1.2.4
	kubevirt.io/containerized-data-importer-api v1.63.1
	kubevirt.io/kubevirt v1.7.0
	sigs.k8s.io/cluster-api v1.10.10
	sigs.k8s.io/cluster-api-provider-kubevirt v0.1.10
)
