package access

import (
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Named is the by-name view of what a policy allows and denies of
// Connect: the actions its Allow and Deny statements name, Action patterns
// and NotAction expanded against the catalog (and the actions of another
// service of the family that a pattern names by its prefix, such as
// "profile:Search*"; "*" and NotAction expand to Connect's only, as they
// did before the family was modelled), resources and conditions not
// considered, and a Deny not taken from what is allowed. Access (Of) is the
// other, effective view: what is allowed where, after the Denies that
// surely apply. An action that an Allow names and an unconditional Deny
// takes away is allowed by name and not effectively.
type Named struct {
	// Allowed and Denied are full action names, sorted.
	Allowed []string
	Denied  []string
	// AllowedByLevel groups Allowed by access level; every level has a list,
	// and an action of two levels ("Tagging, Write") is in both.
	AllowedByLevel map[catalog.AccessLevel][]string
	// Unknown are the action names and patterns of Connect and its family,
	// as written, that match no catalog action, sorted.
	Unknown []string
}

// ByName expands what the policy's statements name.
func ByName(c *catalog.Catalog, doc *policy.Document) Named {
	allowed := map[*catalog.Action]bool{}
	denied := map[*catalog.Action]bool{}
	var unknown []string
	var family []*catalog.Action // of the family, named by their prefix
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
		for _, a := range checker.ActionsOf(c, s) {
			target[a] = true
		}
		for _, pattern := range s.Actions {
			if fc := familyNamed(pattern); fc != nil {
				for _, a := range fc.Match(pattern) {
					target[a] = true
					family = append(family, a)
				}
			}
		}
		for _, pattern := range slices.Concat(s.Actions, s.NotActions) {
			service, _, ok := catalog.SplitAction(pattern)
			own := c
			if fc := familyNamed(pattern); fc != nil {
				own = fc
			} else if !ok || !strings.EqualFold(service, catalog.ServicePrefix) {
				continue
			}
			if matched, _ := own.Resolve(pattern); len(matched) == 0 {
				unknown = append(unknown, pattern)
			}
		}
	}
	summary := Named{Unknown: policy.SortedUnique(unknown)}
	var allowedActions []*catalog.Action
	// Sorted by full name, so that the family's prefixes sort among
	// "connect:" ("app-integrations:" before it, "profile:" after).
	all := slices.Concat(c.Actions(), family)
	slices.SortFunc(all, func(a, b *catalog.Action) int { return strings.Compare(a.FullName(), b.FullName()) })
	for _, a := range slices.Compact(all) {
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

// familyNamed returns the catalog of the family service whose prefix a
// pattern names literally ("profile:Search*"), or nil.
func familyNamed(pattern string) *catalog.Catalog {
	service, _, ok := catalog.SplitAction(pattern)
	if !ok || catalog.HasWildcard(service) {
		return nil
	}
	return catalog.Modelled(service)
}
