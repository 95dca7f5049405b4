// Package registrybinary only anchors this module; the binary is built from
// github.com/google/go-containerregistry/cmd/registry (scripts/test-binaries.sh).
package registrybinary
