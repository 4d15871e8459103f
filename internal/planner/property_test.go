package planner

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

var resourcePool = []string{
	"*",
	instance,
	instance + "/*",
	instance + "/queue/*",
	instance + "/queue/q1",
	instance + "/agent/*",
	instance + "/agent/u?",
	instance + "/routing-profile/r1",
	instance + "/contact/*",
	instance + "/contact-flow/*",
	instance + "/agent-group/g1",
	"arn:aws:connect:*:*:instance/*/security-profile/*",
	"arn:aws:connect:eu-west-2:210987654321:instance/${aws:PrincipalTag/instance}/queue/*",
}

var conditionPool = []policy.Condition{
	{Operator: "StringEquals", Key: "aws:RequestedRegion", Values: []string{"us-east-1", "eu-west-2"}},
	{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}},
	{Operator: "IpAddress", Key: "aws:SourceIp", Values: []string{"203.0.113.0/24", "198.51.100.7"}},
}

// randomGrants draws grants from pools of realistic values.
func randomGrants(c *catalog.Catalog, r *rand.Rand) []Grant {
	actions := c.Actions()
	grants := make([]Grant, 1+r.IntN(4))
	for i := range grants {
		g := &grants[i]
		for _, level := range catalog.AccessLevels {
			if r.IntN(4) == 0 {
				g.AccessLevels = append(g.AccessLevels, level)
			}
		}
		for range r.IntN(4) {
			a := actions[r.IntN(len(actions))]
			switch r.IntN(3) {
			case 0:
				g.Actions = append(g.Actions, a.Name)
				g.Resources = append(g.Resources, fittingResource(c, a, r))
			case 1:
				g.Actions = append(g.Actions, "connect:"+a.Name[:1+r.IntN(len(a.Name)-1)]+"*")
			default:
				g.Actions = append(g.Actions, strings.ToLower(a.Name))
				g.Resources = append(g.Resources, fittingResource(c, a, r))
			}
		}
		if len(g.AccessLevels) == 0 && len(g.Actions) == 0 {
			g.AccessLevels = []catalog.AccessLevel{catalog.AccessRead}
		}
		for range 1 + r.IntN(3) {
			g.Resources = append(g.Resources, resourcePool[r.IntN(len(resourcePool))])
		}
		if r.IntN(5) == 0 {
			g.Effect = policy.Deny
		}
		for range r.IntN(3) {
			g.Conditions = append(g.Conditions, conditionPool[r.IntN(len(conditionPool))])
		}
	}
	return grants
}

// fittingResource returns a resource the action can act on, so that naming
// it explicitly is not an error.
func fittingResource(c *catalog.Catalog, a *catalog.Action, r *rand.Rand) string {
	if a.WildcardOnly() {
		return "*"
	}
	rt, _ := c.ResourceType(a.ResourceTypes[r.IntN(len(a.ResourceTypes))].ResourceType)
	parts := map[string]string{"region": "us-east-1", "account": "123456789012"}
	for _, part := range rt.Parts()[3:] {
		parts[part] = "*"
	}
	arn, err := c.BuildARN(rt, parts)
	if err != nil {
		panic(err)
	}
	return arn
}

// shuffled returns a copy of the grants with every list in another order.
func shuffled(grants []Grant, r *rand.Rand) []Grant {
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
	c := mustCatalog(t)
	r := rand.New(rand.NewPCG(1, 2))
	planned := 0
	for range propertyRuns {
		grants := randomGrants(c, r)
		for _, minimize := range []bool{false, true} {
			first, problems := Plan(c, grants, Options{Minimize: minimize})
			if len(problems) > 0 {
				continue
			}
			planned++
			want := (&policy.Document{Version: policy.Version2012, Statements: first.Statements}).JSON()
			for range 3 {
				again, _ := Plan(c, shuffled(grants, r), Options{Minimize: minimize})
				if got := (&policy.Document{Version: policy.Version2012, Statements: again.Statements}).JSON(); got != want {
					t.Fatalf("shuffled grants gave other JSON:\n%s\nwant\n%s\ngrants: %+v", got, want, grants)
				}
			}
		}
	}
	if planned < propertyRuns/2 {
		t.Fatalf("only %d of %d random plans had no problems; the generator needs fixing", planned, 2*propertyRuns)
	}
}

// Every (action, resource) pair an output statement allows or denies was
// selected by a grant of the same effect and conditions, on that resource,
// and the action can act on it.
func TestPlanNeverGrantsMoreThanAsked(t *testing.T) {
	c := mustCatalog(t)
	r := rand.New(rand.NewPCG(3, 4))
	checked := 0
	for range propertyRuns {
		grants := randomGrants(c, r)
		for _, minimize := range []bool{false, true} {
			result, problems := Plan(c, grants, Options{Minimize: minimize})
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
}

func grantedBy(c *catalog.Catalog, grants []Grant, s policy.Statement, a *catalog.Action, resource string) bool {
	for _, g := range grants {
		effect := g.Effect
		if effect == "" {
			effect = policy.Allow
		}
		if effect != s.Effect || conditionsKey(canonicalConditions(g.Conditions)) != conditionsKey(s.Conditions) {
			continue
		}
		if !slices.Contains(g.Resources, resource) || !selects(c, g, a) {
			continue
		}
		if resource == "*" {
			return true
		}
		if !a.WildcardOnly() && slices.ContainsFunc(c.ResolveARN(resource).Types, a.ActsOn) {
			return true
		}
	}
	return false
}

func selects(c *catalog.Catalog, g Grant, a *catalog.Action) bool {
	if slices.Contains(g.AccessLevels, a.AccessLevel) {
		return true
	}
	return slices.ContainsFunc(g.Actions, func(p string) bool { return slices.Contains(c.Match(p), a) })
}

// Minimising never changes which catalog actions are allowed on which
// resources under which conditions.
func TestMinimizeKeepsEveryStatementsActions(t *testing.T) {
	c := mustCatalog(t)
	r := rand.New(rand.NewPCG(5, 6))
	compared := 0
	for range propertyRuns {
		grants := randomGrants(c, r)
		plain, problems := Plan(c, grants, Options{})
		if len(problems) > 0 {
			continue
		}
		minimized, _ := Plan(c, grants, Options{Minimize: true})
		if got, want := coverage(c, minimized.Statements), coverage(c, plain.Statements); !slices.Equal(got, want) {
			t.Fatalf("minimising changed what is granted:\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
		}
		compared++
	}
	if compared < propertyRuns/2 {
		t.Fatalf("only %d plans compared", compared)
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
