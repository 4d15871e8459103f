package planner_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// choices hands out fuzz bytes as decisions, zero once they run out.
type choices []byte

func (c *choices) next(n int) int {
	if len(*c) == 0 || n <= 0 {
		return 0
	}
	b := (*c)[0]
	*c = (*c)[1:]
	return int(b) % n
}

var fuzzResources = []string{
	"*",
	"arn:aws:connect:us-east-1:123456789012:instance/abc",
	"arn:aws:connect:us-east-1:123456789012:instance/abc/*",
	"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*",
	"arn:aws:connect:us-east-1:123456789012:instance/abc/agent/u?",
	"arn:aws:connect:us-east-1:123456789012:instance/abc/routing-profile/r1",
	"arn:aws:connect:us-east-1:123456789012:instance/abc/contact/*",
	"arn:aws:connect:*:*:instance/*/contact-flow/*",
}

// grantsFrom builds grants from fuzz bytes, with two free-form strings: an
// action pattern and a resource for the first grant.
func grantsFrom(c *catalog.Catalog, data []byte, action, resource string) []planner.Grant {
	ch := choices(data)
	actions := c.Actions()
	grants := make([]planner.Grant, 1+ch.next(4))
	for i := range grants {
		g := &grants[i]
		mask := ch.next(32)
		for bit, level := range catalog.AccessLevels {
			if mask&(1<<bit) != 0 {
				g.AccessLevels = append(g.AccessLevels, level)
			}
		}
		for range ch.next(4) {
			name := actions[ch.next(len(actions))].Name
			if cut := ch.next(len(name) + 1); cut > 0 && cut < len(name) {
				name = name[:cut] + "*"
			}
			g.Actions = append(g.Actions, name)
		}
		for range 1 + ch.next(3) {
			g.Resources = append(g.Resources, fuzzResources[ch.next(len(fuzzResources))])
		}
		if ch.next(4) == 0 {
			g.Effect = policy.Deny
		}
		if ch.next(3) == 0 {
			g.Conditions = []policy.Condition{{Operator: "StringEquals", Key: "aws:RequestedRegion", Values: []string{"b", "a"}}}
		}
	}
	if action != "" {
		grants[0].Actions = append(grants[0].Actions, action)
	}
	if resource != "" {
		grants[0].Resources = append(grants[0].Resources, resource)
	}
	return grants
}

// reversed returns the grants with every list reversed.
func reversed(grants []planner.Grant) []planner.Grant {
	out := slices.Clone(grants)
	for i := range out {
		g := &out[i]
		g.AccessLevels = slices.Clone(g.AccessLevels)
		slices.Reverse(g.AccessLevels)
		g.Actions = slices.Clone(g.Actions)
		slices.Reverse(g.Actions)
		g.Resources = slices.Clone(g.Resources)
		slices.Reverse(g.Resources)
	}
	slices.Reverse(out)
	return out
}

// FuzzPlan plans grants drawn from fuzz bytes. Problems must point at a
// grant's value; a plan without problems must grant nothing that was not
// asked, be the same for the grants in another order, and keep its
// coverage when minimised.
func FuzzPlan(f *testing.F) {
	f.Add([]byte{2, 3, 1, 5, 0, 9, 2, 1, 3}, "", "")
	f.Add([]byte{0, 31, 2, 40, 3, 7, 1, 0, 1}, "connect:Describe*", "arn:aws:connect:us-east-1:123456789012:instance/abc/agent/*")
	f.Add([]byte{1}, "DescribeUsr", "arn:aws:connect:us-east-1:1:instance/x")
	f.Add([]byte{}, "s3:GetObject", "arn:aws:s3:::bucket")
	c := defaultCatalog(f)
	f.Fuzz(func(t *testing.T, data []byte, action, resource string) {
		grants := grantsFrom(c, data, action, resource)
		result, problems := planner.Plan(c, grants, planner.Options{})
		for _, p := range problems {
			if p.Grant < 0 || p.Grant >= len(grants) || p.Message == "" {
				t.Fatalf("malformed problem %+v", p)
			}
			g := grants[p.Grant]
			switch p.Field {
			case planner.FieldActions:
				if p.Index < 0 || p.Index >= len(g.Actions) {
					t.Fatalf("problem points at action %d of %d", p.Index, len(g.Actions))
				}
			case planner.FieldResources:
				if p.Index >= len(g.Resources) {
					t.Fatalf("problem points at resource %d of %d", p.Index, len(g.Resources))
				}
			}
		}
		if len(problems) > 0 {
			return
		}
		for _, s := range result.Statements {
			for _, pattern := range s.Actions {
				for _, a := range c.Match(pattern) {
					for _, r := range s.Resources {
						if !grantedBy(c, grants, s, a, r) {
							t.Fatalf("statement %s allows %s on %s, which no grant asked for", s.Sid, a.FullName(), r)
						}
					}
				}
			}
		}
		json := (&policy.Document{Statements: result.Statements}).JSON()
		again, _ := planner.Plan(c, reversed(grants), planner.Options{})
		if other := (&policy.Document{Statements: again.Statements}).JSON(); other != json {
			t.Fatalf("grants in another order gave other JSON:\n%s\n%s", json, other)
		}
		minimized, _ := planner.Plan(c, grants, planner.Options{Minimize: true})
		if got, want := coverage(c, minimized.Statements), coverage(c, result.Statements); !slices.Equal(got, want) {
			t.Fatalf("minimising changed what is granted:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
	})
}

// FuzzMinimize minimises any subset of the catalog: the wildcards must match
// exactly that subset, never be connect:*, and minimise to themselves.
func FuzzMinimize(f *testing.F) {
	f.Add(uint64(0))
	f.Add(uint64(1)<<53 - 1)
	f.Add(uint64(0x5555555555555))
	c := defaultCatalog(f)
	actions := c.Actions()
	f.Fuzz(func(t *testing.T, mask uint64) {
		var subset []*catalog.Action
		for i, a := range actions {
			if mask&(1<<i) != 0 {
				subset = append(subset, a)
			}
		}
		out := planner.MinimizeActions(c, subset)
		var matched []*catalog.Action
		for _, pattern := range out {
			if pattern == "connect:*" || !strings.HasPrefix(pattern, "connect:") {
				t.Fatalf("pattern %q", pattern)
			}
			matched = append(matched, c.Match(pattern)...)
		}
		if got, want := names(matched), names(subset); !slices.Equal(got, want) {
			t.Fatalf("%v matches %v, want %v", out, got, want)
		}
		if again := planner.MinimizeActions(c, matched); !slices.Equal(again, out) {
			t.Fatalf("minimising again gave %v, not %v", again, out)
		}
	})
}

func names(actions []*catalog.Action) []string {
	return policy.SortedUnique(catalog.FullNames(actions))
}

func defaultCatalog(t testing.TB) *catalog.Catalog {
	t.Helper()
	c := catalogtest.Load(t, catalog.Latest)
	return c
}
