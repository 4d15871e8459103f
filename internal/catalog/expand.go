package catalog

import (
	"fmt"
	"strings"
)

// ExpandActions returns the full names, sorted, that a name or pattern
// matches, in whatever service the catalog knows: Connect's actions from
// the catalog (a pattern without a prefix is Connect's), another service's
// from the names the catalog knows it by. When there are none, problem says
// why, with what was probably meant.
func (c *Catalog) ExpandActions(pattern string) (names []string, problem string) {
	if CoversService(pattern) {
		actions, problem := c.Resolve(pattern)
		return FullNames(actions), problem
	}
	service, name, _ := SplitAction(pattern)
	named, err := LoadNamedActions()
	if err != nil {
		return nil, fmt.Sprintf("The embedded action names are invalid: %v. This is a bug in the provider.", err)
	}
	if !named.Knows(service) {
		if services, err := LoadServices(); err == nil {
			if _, ok := services.Lookup(service); !ok {
				if suggestion := services.Suggest(service); suggestion != "" {
					return nil, fmt.Sprintf("%q is not the prefix of any AWS service; did you mean %s:%s?", service, suggestion, name)
				}
				return nil, fmt.Sprintf("%q is not the prefix of any AWS service.", service)
			}
		}
		return nil, fmt.Sprintf("The catalog does not know the actions of %s; it knows those of %s and %s.", strings.ToLower(service), ServicePrefix, strings.Join(named.Services(), ", "))
	}
	prefix := strings.ToLower(service)
	for _, n := range named.Match(service, name) {
		names = append(names, prefix+":"+n)
	}
	if len(names) > 0 {
		return names, ""
	}
	hint := "."
	if suggestions := named.Suggest(service, name); len(suggestions) > 0 && !HasWildcard(name) {
		for i, s := range suggestions {
			suggestions[i] = prefix + ":" + s
		}
		hint = "; did you mean " + strings.Join(suggestions, " or ") + "?"
	}
	if HasWildcard(name) {
		return nil, fmt.Sprintf("%s matches no action of %s%s", pattern, prefix, hint)
	}
	return nil, fmt.Sprintf("%s is not an action of %s%s", pattern, prefix, hint)
}

// NamesOf lists the action names of a service the catalog knows by name,
// sorted; nil for one it does not.
func (n *NamedActions) NamesOf(service string) []string { return n.byService[strings.ToLower(service)] }
