package catalog

import "fmt"

// Disagreement says, for a message, that the pinned versions of the
// reference disagree on what an action allows: the older one lists what
// (such as "the resource type contact"), the current one no longer does.
// AWS's own data then contradicts itself, and a policy written to either
// version may work, so the checks accept it with a warning that cites
// both versions rather than fail a working policy.
func (c *Catalog) Disagreement(a *Action, what string) string {
	current, older := c.Sources[0], c.Sources[len(c.Sources)-1]
	return fmt.Sprintf("AWS's Service Authorization Reference disagrees with itself on %s: its version of %s (%s %s) lists %s for it, its version of %s (%s) no longer does",
		a.FullName(), older.DataDate, older.Package, older.Version, what, current.DataDate, current.Version)
}
