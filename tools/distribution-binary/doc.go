// Package distributionbinary only anchors this module; the binary is built from
// github.com/distribution/distribution/v3/cmd/registry (scripts/test-binaries.sh).
package distributionbinary
