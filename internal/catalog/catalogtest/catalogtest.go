// Package catalogtest loads the embedded catalog snapshots for the tests of
// the packages built on the catalog.
package catalogtest

import (
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// Load returns the named snapshot, or fails the test.
func Load(t testing.TB, name string) *catalog.Catalog {
	t.Helper()
	c, err := catalog.Load(name)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Latest returns today's catalog, the default.
func Latest(t testing.TB) *catalog.Catalog { t.Helper(); return Load(t, catalog.Latest) }

// PolicySentry2020 returns the 2020 page.
func PolicySentry2020(t testing.TB) *catalog.Catalog {
	t.Helper()
	return Load(t, catalog.PolicySentry2020)
}
