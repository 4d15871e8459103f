package planner

import (
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// MinimizeActions returns the fewest, shortest names and prefix wildcards
// (such as "connect:Describe*") that match exactly the given actions among
// the catalog's: for each action, the shortest prefix whose every match is
// in the set. It never returns "connect:*", which would also match actions
// AWS adds later. The result is sorted.
func MinimizeActions(c *catalog.Catalog, actions []*catalog.Action) []string {
	in := make(map[*catalog.Action]bool, len(actions))
	for _, a := range actions {
		in[a] = true
	}
	// outside[i] counts the actions not in the set among the first i in
	// lower-case order, so that whether a prefix's span holds only actions
	// of the set is one subtraction.
	byLower := c.ActionsByLowerName()
	outside := make([]int, len(byLower)+1)
	for i, a := range byLower {
		outside[i+1] = outside[i]
		if !in[a] {
			outside[i+1]++
		}
	}
	var out []string
	for a := range in {
		chosen := a.Name
		for n := 1; n <= len(a.Name); n++ {
			lo, hi := c.PrefixSpan(a.Name[:n])
			if outside[hi]-outside[lo] > 0 {
				continue
			}
			if n < len(a.Name) || hi-lo > 1 {
				chosen = a.Name[:n] + "*"
			}
			break
		}
		out = append(out, c.Prefix+":"+chosen)
	}
	return policy.SortedUnique(out)
}

// minimizeStatements merges statements of a service with the same effect,
// resources and conditions and minimises their actions against that
// service's catalog.
func minimizeStatements(c *catalog.Catalog, statements []planned) []planned {
	var merged []*planned
	index := map[string]*planned{}
	for _, st := range statements {
		sig := st.key.service + "\x01" + st.key.effect + "\x01" + st.key.conditions + "\x01" + strings.Join(st.statement.Resources, "\x00")
		m := index[sig]
		if m == nil {
			copied := st
			copied.statement.Actions = slices.Clone(st.statement.Actions)
			index[sig] = &copied
			merged = append(merged, &copied)
			continue
		}
		m.statement.Actions = append(m.statement.Actions, st.statement.Actions...)
		if !slices.Contains(m.levels, st.key.level) {
			m.levels = append(m.levels, st.key.level)
		}
		if m.key.label != st.key.label {
			m.key.label = "MultipleTypes"
		}
	}
	out := make([]planned, len(merged))
	for i, m := range merged {
		slices.SortFunc(m.levels, func(a, b catalog.AccessLevel) int { return a.Rank() - b.Rank() })
		mc := c
		if fc := catalog.Modelled(m.key.service); fc != nil {
			mc = fc
		}
		m.statement.Actions = minimizeNames(mc, m.statement.Actions)
		out[i] = *m
	}
	return out
}

// minimizeNames minimises the catalog actions among names and keeps the
// others as they are.
func minimizeNames(c *catalog.Catalog, names []string) []string {
	var known []*catalog.Action
	var others []string
	for _, name := range names {
		if a, ok := c.Action(name); ok && strings.HasPrefix(name, c.Prefix+":") {
			known = append(known, a)
		} else {
			others = append(others, name)
		}
	}
	return policy.SortedUnique(append(MinimizeActions(c, known), others...))
}

// MinimizeAnyActions minimises full action names of the services the
// catalog knows: Connect's as MinimizeActions does, another service's
// against the names the catalog knows it by, each service apart (a
// wildcard never spans services). Names of a service it does not know are
// kept as they are.
func MinimizeAnyActions(c *catalog.Catalog, names []string) []string {
	named, err := catalog.LoadNamedActions()
	var connect []*catalog.Action
	byService := map[string]map[string]bool{}
	var out []string
	for _, full := range names {
		service, name, _ := catalog.SplitAction(full)
		if a, ok := c.Action(full); ok && strings.EqualFold(service, c.Prefix) {
			connect = append(connect, a)
			continue
		}
		if err != nil || !named.Knows(service) {
			out = append(out, full)
			continue
		}
		prefix := strings.ToLower(service)
		if byService[prefix] == nil {
			byService[prefix] = map[string]bool{}
		}
		for _, n := range named.Match(service, name) {
			byService[prefix][n] = true
		}
	}
	out = append(out, MinimizeActions(c, connect)...)
	for prefix, in := range byService {
		out = append(out, minimizeWithin(prefix, named.NamesOf(prefix), in)...)
	}
	return policy.SortedUnique(out)
}

// minimizeWithin writes the names of in, among all the names of a service
// (sorted), as the shortest prefix wildcards that match only names of in,
// in any case as IAM matches them; never "prefix:*".
func minimizeWithin(prefix string, all []string, in map[string]bool) []string {
	lower := make([]string, len(all))
	for i, n := range all {
		lower[i] = strings.ToLower(n)
	}
	var out []string
	for name := range in {
		chosen := name
		for n := 1; n <= len(name); n++ {
			p := strings.ToLower(name[:n])
			span := 0
			clean := true
			for i, l := range lower {
				if strings.HasPrefix(l, p) {
					span++
					clean = clean && in[all[i]]
				}
			}
			if !clean {
				continue
			}
			if n < len(name) || span > 1 {
				chosen = name[:n] + "*"
			}
			break
		}
		out = append(out, prefix+":"+chosen)
	}
	return out
}
