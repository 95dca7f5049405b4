// Builds go-containerregistry's OCI registry for the test harness (scripts/test-binaries.sh).
module hearth.dev/tools/registry-binary

go 1.25.0

require github.com/google/go-containerregistry v0.22.1
