package catalog

import (
	"fmt"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/nearest"
)

// Resolve returns the actions a name or pattern selects: the action a plain
// name names, or the actions a pattern matches. When there are none, problem
// says why in one sentence, with the nearest names.
func (c *Catalog) Resolve(pattern string) (actions []*Action, problem string) {
	if !c.covers(pattern) {
		service, _, _ := SplitAction(pattern)
		return nil, fmt.Sprintf("%s is an action of %s, not of %s.", pattern, service, c.Prefix)
	}
	if actions = c.Match(pattern); len(actions) > 0 {
		return actions, ""
	}
	hint := ""
	if suggestions := c.Suggest(pattern); len(suggestions) > 0 {
		hint = "; did you mean " + strings.Join(suggestions, " or ") + "?"
	} else if owners := otherServicesOf(c.qualify(pattern)); len(owners) > 0 && c.Prefix == ServicePrefix {
		// connect:CreateProfile is profile:CreateProfile.
		hint = "; did you mean " + strings.Join(owners, " or ") + "?"
	}
	if HasWildcard(pattern) {
		return nil, fmt.Sprintf("%s matches no %s%s", pattern, c.actionNoun(), orPeriod(hint))
	}
	return nil, fmt.Sprintf("%s is not a %s%s", c.qualify(pattern), c.actionNoun(), orPeriod(hint))
}

// otherServicesOf returns the actions of the same name in the services the
// catalog knows by name, such as profile:CreateProfile for
// connect:CreateProfile.
func otherServicesOf(pattern string) []string {
	_, name, _ := SplitAction(qualify(pattern))
	named, err := LoadNamedActions()
	if err != nil || HasWildcard(name) {
		return nil
	}
	var out []string
	for _, service := range named.Owners(name) {
		out = append(out, service+":"+named.Match(service, name)[0])
	}
	return out
}

func orPeriod(hint string) string {
	if hint == "" {
		return "."
	}
	return hint
}

// SuggestResourceType returns the nearest resource type name to one that is
// not in the catalog, or "" when none is close.
func (c *Catalog) SuggestResourceType(name string) string {
	// An ARN's word for a type, such as "agent" for a user; where several
	// types share the word (view), the first in catalog order.
	for _, rt := range c.resourceTypes {
		if c.typeWordByName[rt.Name] == name && rt.Name != name {
			return rt.Name
		}
	}
	best, bestDistance := "", max(2, len(name)/3)+1
	for _, rt := range c.resourceTypes {
		if d := nearest.Distance(strings.ToLower(name), rt.Name); d < bestDistance {
			best, bestDistance = rt.Name, d
		}
	}
	return best
}

// SuggestConditionKey returns the nearest condition key name to one that is
// not in the catalog, or "" when none is close.
func (c *Catalog) SuggestConditionKey(name string) string {
	best, bestDistance := "", max(2, len(name)/4)+1
	lower := strings.ToLower(name)
	for _, key := range c.conditionKeys {
		candidate := key.lowerName
		if key.Templated() {
			// Compare like with like: a concrete tag key against the prefix.
			if i := strings.LastIndex(lower, "/"); i >= 0 {
				candidate = key.lowerPrefix + lower[i+1:]
			}
		}
		if d := nearest.Distance(lower, candidate); d < bestDistance {
			best, bestDistance = key.Name, d
		}
	}
	return best
}
