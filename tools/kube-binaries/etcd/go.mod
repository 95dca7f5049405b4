// Builds etcd for the test harness (scripts/test-binaries.sh).
module hearth.dev/tools/kube-binaries/etcd

go 1.26.0

require go.etcd.io/etcd/server/v3 v3.6.16
