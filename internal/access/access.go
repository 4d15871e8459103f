// Package access works out what a policy allows of Amazon Connect, in two
// views. Of is the effective view: for each catalog action, the Allow
// statements that grant it, on the resources it can act on there, less
// what an unconditional Deny takes away, and how broadly. ByName is the
// by-name view: the actions the Allow and Deny statements name. The risks
// (guard) read the first; allowed_actions and allowed_by_access_level the
// second. It knows nothing of Terraform.
//
// It errs toward reporting access: a Deny counts only when it is certain to
// apply (no condition, resources that surely cover the allowed ones), so
// that a "must not allow" check never passes a policy that may allow.
package access

import (
	"slices"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Grant is one Allow statement's grant of one action.
type Grant struct {
	Statement int
	Sid       string
	// Resources are those of the statement's resources the action can act
	// on; ["*"] when the statement reaches every resource ("*" or
	// NotResource).
	Resources  []string
	Conditions []policy.Condition
}

// Everywhere reports whether the grant reaches every resource.
func (g Grant) Everywhere() bool { return slices.Contains(g.Resources, "*") }

// Narrowed reports whether the grant is limited to named instances or
// accounts, by its resources or by a condition such as connect:InstanceId
// or aws:ResourceTag; a grant that is not reaches every instance.
func (g Grant) Narrowed() bool {
	if len(checker.NarrowingKeys(g.Conditions)) > 0 {
		return true
	}
	return !g.Everywhere() && !slices.ContainsFunc(g.Resources, spansInstances)
}

// spansInstances reports whether an ARN pattern reaches resources of any
// account or instance: a wildcard or variable in its account, or in the id
// of its instance or account-level resource.
func spansInstances(arn string) bool {
	fields := strings.SplitN(arn, ":", 6)
	if len(fields) < 6 || wild(fields[4]) {
		return true
	}
	segments := strings.Split(fields[5], "/")
	return len(segments) < 2 || wild(segments[1])
}

func wild(s string) bool { return s == "" || catalog.HasWildcard(s) || strings.Contains(s, "${") }

// Access is what a policy effectively allows.
type Access struct {
	catalogs []*catalog.Catalog // Connect's, then the family services' the policy names
	grants   map[*catalog.Action][]Grant
}

// Of works out what the policy allows, of Connect and of the services of
// its family that the policy's actions name.
func Of(c *catalog.Catalog, doc *policy.Document) *Access {
	a := &Access{catalogs: catalogsOf(c, doc), grants: map[*catalog.Action][]Grant{}}
	var denies []sureDeny
	for i := range doc.Statements {
		s := &doc.Statements[i]
		switch {
		case s.Effect == policy.Allow:
			for _, sc := range a.catalogs {
				for _, action := range checker.ActionsOf(sc, s) {
					if g, ok := grantOf(sc, i, s, action); ok {
						a.grants[action] = append(a.grants[action], g)
					}
				}
			}
		case s.Effect == policy.Deny && len(s.Conditions) == 0 && s.Resources != nil:
			d := sureDeny{resources: s.Resources, actions: map[*catalog.Action]bool{}}
			for _, sc := range a.catalogs {
				for _, action := range checker.ActionsOf(sc, s) {
					d.actions[action] = true
				}
			}
			denies = append(denies, d)
		}
	}
	for action, grants := range a.grants {
		var kept []Grant
		for _, g := range grants {
			if g, ok := lessDenied(action, g, denies); ok {
				kept = append(kept, g)
			}
		}
		if len(kept) == 0 {
			delete(a.grants, action)
		} else {
			a.grants[action] = kept
		}
	}
	return a
}

// catalogsOf returns Connect's catalog and those of the family services
// that the policy's Action or NotAction patterns can name: a policy of
// Connect's actions alone parses no other.
func catalogsOf(c *catalog.Catalog, doc *policy.Document) []*catalog.Catalog {
	out := []*catalog.Catalog{c}
	for _, service := range catalog.ModelledServices() {
		if !slices.ContainsFunc(doc.Statements, func(s policy.Statement) bool { return namesService(s, service) }) {
			continue
		}
		if fc, err := catalog.LoadService(service); err == nil {
			out = append(out, fc)
		}
	}
	return out
}

// namesService reports whether a statement's actions can include one of
// the service's: an Action pattern whose service part matches it, or a
// NotAction (which allows every service it does not name).
func namesService(s policy.Statement, service string) bool {
	if s.Actions == nil {
		return true
	}
	return slices.ContainsFunc(s.Actions, func(pattern string) bool {
		if pattern == "*" {
			return true
		}
		prefix, _, ok := strings.Cut(pattern, ":")
		return ok && catalog.GlobMatch(strings.ToLower(prefix), service)
	})
}

// grantOf is a statement's grant of an action, on the resources the action
// can act on; ok is false when it can act on none of them.
func grantOf(c *catalog.Catalog, index int, s *policy.Statement, action *catalog.Action) (Grant, bool) {
	g := Grant{Statement: index, Sid: s.Sid, Conditions: s.Conditions}
	if s.Resources == nil || slices.Contains(s.Resources, "*") {
		g.Resources = []string{"*"}
		return g, true
	}
	for _, r := range s.Resources {
		// Types only the older version of the reference lists count too:
		// the policy may work, so it may allow.
		if res := c.ResolveARN(r); (!action.WildcardOnly() && res.Fits(action)) || len(res.TypesBefore(action)) > 0 {
			g.Resources = append(g.Resources, r)
		}
	}
	return g, len(g.Resources) > 0
}

// sureDeny is a Deny that applies whenever its actions and resources
// match: one without conditions, on Resource (a NotResource Deny is left
// out, as its reach is not certain here).
type sureDeny struct {
	actions   map[*catalog.Action]bool
	resources []string
}

// lessDenied takes away from a grant the resources that a sure Deny of the
// action covers; ok is false when nothing is left.
func lessDenied(action *catalog.Action, g Grant, denies []sureDeny) (Grant, bool) {
	for _, d := range denies {
		if !d.actions[action] {
			continue
		}
		var left []string
		for _, r := range g.Resources {
			if !slices.ContainsFunc(d.resources, func(dr string) bool { return Covers(dr, r) }) {
				left = append(left, r)
			}
		}
		g.Resources = left
		if len(left) == 0 {
			return g, false
		}
	}
	return g, true
}

// Covers reports whether every ARN that pattern q matches, pattern p
// matches too. It knows the cases that decide real policies ("*", equal
// patterns, a prefix followed by "*") and answers false when unsure.
func Covers(p, q string) bool {
	if p == "*" || p == q {
		return true
	}
	if q == "*" {
		return false
	}
	prefix, ok := strings.CutSuffix(p, "*")
	return ok && !catalog.HasWildcard(prefix) && !strings.Contains(prefix, "${") && strings.HasPrefix(q, prefix)
}

// Actions returns the actions the policy allows, in catalog order,
// Connect's first.
func (a *Access) Actions() []*catalog.Action {
	var out []*catalog.Action
	for _, c := range a.catalogs {
		for _, action := range c.Actions() {
			if len(a.grants[action]) > 0 {
				out = append(out, action)
			}
		}
	}
	return out
}

// Allows reports whether the policy allows the action anywhere.
func (a *Access) Allows(action *catalog.Action) bool { return len(a.grants[action]) > 0 }

// Grants returns the grants of an action, by statement.
func (a *Access) Grants(action *catalog.Action) []Grant { return a.grants[action] }

// Narrowed reports whether every grant of the action is narrowed.
func (a *Access) Narrowed(action *catalog.Action) bool {
	return !slices.ContainsFunc(a.grants[action], func(g Grant) bool { return !g.Narrowed() })
}

// Reaches reports whether some grant of the action reaches a resource that
// one of the patterns matches.
func (a *Access) Reaches(action *catalog.Action, patterns []string) bool {
	return slices.ContainsFunc(a.grants[action], func(g Grant) bool { return g.Reaches(patterns) })
}

// Reaches reports whether the grant reaches a resource that one of the
// patterns matches.
func (g Grant) Reaches(patterns []string) bool {
	for _, r := range g.Resources {
		if slices.ContainsFunc(patterns, func(p string) bool { return catalog.PatternsIntersect(r, p) }) {
			return true
		}
	}
	return false
}

// Within reports whether every resource a grant of the action reaches in
// a, some grant of it in base reaches too, under the same conditions or
// none: whether a is no broader than base for the action. The resources of
// one grant may be covered by several: a statement on a contact and a flow
// is no broader than one statement on each.
func (a *Access) Within(action *catalog.Action, base *Access) bool {
	for _, g := range a.grants[action] {
		for _, r := range g.Resources {
			if !slices.ContainsFunc(base.grants[action], func(h Grant) bool { return holds(h, g.Conditions, r) }) {
				return false
			}
		}
	}
	return true
}

// holds reports whether grant h covers a resource under conditions: the
// resource, and conditions no stricter than those.
func holds(h Grant, conditions []policy.Condition, resource string) bool {
	if len(h.Conditions) > 0 && !sameConditions(h.Conditions, conditions) {
		return false
	}
	return slices.ContainsFunc(h.Resources, func(hr string) bool { return Covers(hr, resource) })
}

func sameConditions(a, b []policy.Condition) bool {
	key := func(conditions []policy.Condition) []string {
		var out []string
		for _, c := range conditions {
			out = append(out, c.Operator+"\x00"+strings.ToLower(c.Key)+"\x00"+strings.Join(policy.SortedUnique(c.Values), "\x00"))
		}
		return policy.SortedUnique(out)
	}
	return slices.Equal(key(a), key(b))
}
