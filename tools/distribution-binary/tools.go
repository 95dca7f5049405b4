//go:build tools

package distributionbinary

import _ "github.com/distribution/distribution/v3/cmd/registry"
