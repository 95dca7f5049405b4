//go:build tools

package registrybinary

import _ "github.com/google/go-containerregistry/cmd/registry"
