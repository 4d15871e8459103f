package checker

import (
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Summary is what a policy allows and denies of Connect, by name: Action
// patterns and NotAction expanded against the catalog, resources and
// conditions not considered.
type Summary struct {
	// Allowed and Denied are full action names, sorted.
	Allowed []string
	Denied  []string
	// AllowedByLevel groups Allowed by access level; every level has a list,
	// and an action of two levels ("Tagging, Write") is in both.
	AllowedByLevel map[catalog.AccessLevel][]string
	// Unknown are the Connect action names and patterns, as written, that
	// match no catalog action, sorted.
	Unknown []string
}

// Summarize expands what the policy's statements name.
func Summarize(c *catalog.Catalog, doc *policy.Document) Summary {
	allowed := map[*catalog.Action]bool{}
	denied := map[*catalog.Action]bool{}
	var unknown []string
	for i := range doc.Statements {
		s := &doc.Statements[i]
		target := allowed
		switch s.Effect {
		case policy.Allow:
		case policy.Deny:
			target = denied
		default:
			continue
		}
		for _, a := range ActionsOf(c, s) {
			target[a] = true
		}
		for _, pattern := range slices.Concat(s.Actions, s.NotActions) {
			if service, _, ok := catalog.SplitAction(pattern); ok && strings.EqualFold(service, catalog.ServicePrefix) {
				if matched, _ := c.Resolve(pattern); len(matched) == 0 {
					unknown = append(unknown, pattern)
				}
			}
		}
	}
	summary := Summary{Unknown: policy.SortedUnique(unknown)}
	var allowedActions []*catalog.Action
	for _, a := range c.Actions() {
		if allowed[a] {
			allowedActions = append(allowedActions, a)
		}
		if denied[a] {
			summary.Denied = append(summary.Denied, a.FullName())
		}
	}
	if len(allowedActions) > 0 {
		summary.Allowed = catalog.FullNames(allowedActions)
	}
	summary.AllowedByLevel = catalog.ByAccessLevel(allowedActions)
	return summary
}
