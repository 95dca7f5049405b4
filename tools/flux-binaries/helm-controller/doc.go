// Package helmcontroller only anchors this module; the binary is built from github.com/fluxcd/helm-controller.
package helmcontroller
