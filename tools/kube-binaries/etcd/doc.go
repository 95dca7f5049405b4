// Package etcdbinary only anchors this module; the binary is built from go.etcd.io/etcd/server/v3.
package etcdbinary
