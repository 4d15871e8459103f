package catalog

import "slices"

// WildcardOnlyType is the resource type filter value that selects the
// actions that support no resource-level permission.
const WildcardOnlyType = "*"

// Query selects actions. Each non-empty filter keeps the actions that match
// any of its values; the filters combine with AND.
type Query struct {
	AccessLevels []AccessLevel
	// ResourceTypes are type names, or WildcardOnlyType.
	ResourceTypes []string
	ConditionKeys []*ConditionKey
	// Names are action names or patterns, with or without "connect:".
	Names []string
}

// Query returns the actions, sorted by name, that q selects.
func (c *Catalog) Query(q Query) []*Action {
	var out []*Action
	for _, a := range c.actions {
		if q.matches(c, a) {
			out = append(out, a)
		}
	}
	return out
}

func (q Query) matches(c *Catalog, a *Action) bool {
	if len(q.AccessLevels) > 0 && !slices.ContainsFunc(q.AccessLevels, a.HasAccessLevel) {
		return false
	}
	if len(q.ResourceTypes) > 0 && !slices.ContainsFunc(q.ResourceTypes, func(rt string) bool {
		return rt == WildcardOnlyType && a.WildcardOnly() || a.ActsOn(rt)
	}) {
		return false
	}
	if len(q.ConditionKeys) > 0 && !slices.ContainsFunc(q.ConditionKeys, a.SupportsConditionKey) {
		return false
	}
	if len(q.Names) > 0 && !slices.ContainsFunc(q.Names, func(pattern string) bool {
		return GlobMatch(c.qualify(pattern), a.fullName)
	}) {
		return false
	}
	return true
}
