package planner_test

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/planner/plannertest"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// shuffled returns a copy of the grants with every list in another order.
func shuffled(grants []planner.Grant, r *rand.Rand) []planner.Grant {
	out := slices.Clone(grants)
	for i := range out {
		g := &out[i]
		g.AccessLevels = shuffle(r, g.AccessLevels)
		g.Actions = shuffle(r, g.Actions)
		g.Resources = shuffle(r, g.Resources)
		g.Conditions = shuffle(r, g.Conditions)
		for j := range g.Conditions {
			g.Conditions[j].Values = shuffle(r, g.Conditions[j].Values)
		}
	}
	return shuffle(r, out)
}

func shuffle[T any](r *rand.Rand, s []T) []T {
	out := slices.Clone(s)
	r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

const propertyRuns = 400

// The same grants in any order give byte-identical JSON.
func TestPlanIsDeterministic(t *testing.T) {
	forEachSnapshot(t, func(t *testing.T, c *catalog.Catalog) {
		r := rand.New(rand.NewPCG(1, 2))
		planned := 0
		for range propertyRuns {
			grants := plannertest.RandomGrants(c, r)
			for _, minimize := range []bool{false, true} {
				first, problems := planner.Plan(c, grants, planner.Options{Minimize: minimize})
				if len(problems) > 0 {
					continue
				}
				planned++
				want := (&policy.Document{Version: policy.Version2012, Statements: first.Statements}).JSON()
				for range 3 {
					again, _ := planner.Plan(c, shuffled(grants, r), planner.Options{Minimize: minimize})
					if got := (&policy.Document{Version: policy.Version2012, Statements: again.Statements}).JSON(); got != want {
						t.Fatalf("shuffled grants gave other JSON:\n%s\nwant\n%s\ngrants: %+v", got, want, grants)
					}
				}
			}
		}
		if planned < propertyRuns/2 {
			t.Fatalf("only %d of %d random plans had no problems; the generator needs fixing", planned, 2*propertyRuns)
		}
	})
}

// Every (action, resource) pair an output statement allows or denies was
// selected by a grant of the same effect and conditions, on that resource,
// and the action can act on it.
func TestPlanNeverGrantsMoreThanAsked(t *testing.T) {
	forEachSnapshot(t, func(t *testing.T, c *catalog.Catalog) {
		r := rand.New(rand.NewPCG(3, 4))
		checked := 0
		for range propertyRuns {
			grants := plannertest.RandomGrants(c, r)
			for _, minimize := range []bool{false, true} {
				result, problems := planner.Plan(c, grants, planner.Options{Minimize: minimize})
				if len(problems) > 0 {
					continue
				}
				for _, s := range result.Statements {
					for _, pattern := range s.Actions {
						for _, a := range c.Match(pattern) {
							for _, resource := range s.Resources {
								checked++
								if !grantedBy(c, grants, s, a, resource) {
									t.Fatalf("statement %s allows %s on %s, which no grant asked for\ngrants: %+v", s.Sid, a.FullName(), resource, grants)
								}
							}
						}
					}
				}
			}
		}
		if checked == 0 {
			t.Fatal("no pair was checked")
		}
	})
}

func grantedBy(c *catalog.Catalog, grants []planner.Grant, s policy.Statement, a *catalog.Action, resource string) bool {
	for _, g := range grants {
		effect := g.Effect
		if effect == "" {
			effect = policy.Allow
		}
		if effect != s.Effect || conditionsKey(g.Conditions) != conditionsKey(s.Conditions) {
			continue
		}
		if !slices.Contains(g.Resources, resource) || !selects(c, g, a) {
			continue
		}
		if resource == "*" {
			return true
		}
		if !a.WildcardOnly() && c.ResolveARN(resource).Fits(a) {
			return true
		}
		// Named explicitly, on a type only the older version of the
		// reference lists for it.
		if slices.ContainsFunc(g.Actions, func(p string) bool { return !catalog.HasWildcard(p) && slices.Contains(c.Match(p), a) }) &&
			len(c.ResolveARN(resource).TypesBefore(a)) > 0 {
			return true
		}
	}
	return false
}

func selects(c *catalog.Catalog, g planner.Grant, a *catalog.Action) bool {
	if slices.ContainsFunc(g.AccessLevels, a.HasAccessLevel) {
		return true
	}
	return slices.ContainsFunc(g.Actions, func(p string) bool { return slices.Contains(c.Match(p), a) })
}

// Minimising never changes which catalog actions are allowed on which
// resources under which conditions.
func TestMinimizeKeepsEveryStatementsActions(t *testing.T) {
	forEachSnapshot(t, func(t *testing.T, c *catalog.Catalog) {
		r := rand.New(rand.NewPCG(5, 6))
		compared := 0
		for range propertyRuns {
			grants := plannertest.RandomGrants(c, r)
			plain, problems := planner.Plan(c, grants, planner.Options{})
			if len(problems) > 0 {
				continue
			}
			minimized, _ := planner.Plan(c, grants, planner.Options{Minimize: true})
			if got, want := coverage(c, minimized.Statements), coverage(c, plain.Statements); !slices.Equal(got, want) {
				t.Fatalf("minimising changed what is granted:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
			}
			compared++
		}
		if compared < propertyRuns/2 {
			t.Fatalf("only %d plans compared", compared)
		}
	})
}

// conditionsKey is a text that is the same for the same conditions in any
// order.
func conditionsKey(conditions []policy.Condition) string {
	var parts []string
	for _, c := range conditions {
		parts = append(parts, c.Operator+" "+c.Key+"="+strings.Join(policy.SortedUnique(c.Values), ","))
	}
	return strings.Join(policy.SortedUnique(parts), ";")
}

// forEachSnapshot runs a property test on every embedded snapshot.
func forEachSnapshot(t *testing.T, test func(t *testing.T, c *catalog.Catalog)) {
	for _, name := range catalog.SnapshotNames {
		t.Run(name, func(t *testing.T) {
			c := catalogtest.Load(t, name)
			test(t, c)
		})
	}
}

// coverage lists "effect action resource conditions" for every catalog
// action the statements name, sorted.
func coverage(c *catalog.Catalog, statements []policy.Statement) []string {
	var out []string
	for _, s := range statements {
		for _, pattern := range s.Actions {
			for _, a := range c.Match(pattern) {
				for _, resource := range s.Resources {
					out = append(out, strings.Join([]string{s.Effect, a.FullName(), resource, conditionsKey(s.Conditions)}, " "))
				}
			}
		}
	}
	return policy.SortedUnique(out)
}
