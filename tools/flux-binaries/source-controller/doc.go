// Package sourcecontroller only anchors this module; the binary is built from github.com/fluxcd/source-controller.
package sourcecontroller
