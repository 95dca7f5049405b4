// Package upstreamcrds only anchors this module; its go.mod pins the upstream projects (scripts/upstream-crds.sh).
package upstreamcrds
