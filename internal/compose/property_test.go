package compose

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/access"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/planner/plannertest"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// A composed policy, dependent actions included, is never wider than its
// grants: every Connect action it allows on a resource is allowed within
// the scope of some Allow grant's resource (its partition, region, account
// and, when the grant names instances, instance), and on "*" only when it
// supports no resource-level permission or a grant was on "*". The
// dependent actions of the other services modelled whole (wisdom:GetAssistant
// for a Connect integration, iam:PassRole) are within the grant's
// partition, region and account, their resources belonging to no instance;
// where their ARNs name no region (IAM) or account (S3 buckets), that part
// does not scope them. The dependent actions of services not modelled
// (ec2, ssm) are on "*" by design, and not Connect's to check.
func TestComposedPolicyIsNeverWiderThanItsGrants(t *testing.T) {
	c := catalogtest.Latest(t)
	r := rand.New(rand.NewPCG(14, 1))
	composed, dependents := 0, 0
	for range 600 {
		grants := plannertest.RandomGrants(c, r)
		result, problems := Compose(c, Input{Grants: grants, DependentActions: true, Minimize: r.IntN(2) == 0})
		if result == nil || slices.ContainsFunc(problems, func(p Problem) bool { return p.Severity == checker.SeverityError }) {
			continue
		}
		composed++
		var allowed []string
		for _, g := range grants {
			if g.Effect == "" || g.Effect == policy.Allow {
				allowed = append(allowed, g.Resources...)
			}
		}
		acc := access.Of(c, result.Document)
		for _, a := range acc.Actions() {
			for _, g := range acc.Grants(a) {
				if planner.IsDependentActionsSid(g.Sid) {
					dependents++
				}
				for _, resource := range g.Resources {
					if !coveredByScope(resource, allowed, a) {
						t.Fatalf("%s is allowed on %s (statement %s), which no grant's resources cover\ngrants: %+v\npolicy:\n%s",
							a.FullName(), resource, g.Sid, grants, result.JSON)
					}
				}
			}
		}
	}
	if composed < 100 || dependents < 100 {
		t.Fatalf("only %d policies composed, with %d grants of dependent actions: the property was hardly tested", composed, dependents)
	}
}

// coveredByScope reports whether some grant resource's scope holds the
// resource an action is allowed on.
func coveredByScope(resource string, grantResources []string, a *catalog.Action) bool {
	if slices.Contains(grantResources, "*") {
		return true
	}
	if resource == "*" {
		return a.WildcardOnly()
	}
	x, ok := catalog.ScopeOf(resource)
	if !ok {
		return false
	}
	names := slices.ContainsFunc(grantResources, func(g string) bool { s, ok := catalog.ScopeOf(g); return ok && s.Instance != "" })
	for _, g := range grantResources {
		if g == resource {
			return true
		}
		s, ok := catalog.ScopeOf(g)
		if !ok || (names && s.Instance == "") {
			continue
		}
		// Other services' resources belong to no instance: their scope is
		// the grant's partition, region and account, those their ARNs have.
		other := !strings.HasPrefix(resource, "arn:"+x.Partition+":connect:")
		if access.Covers(s.Partition, x.Partition) && (x.Region == "" || access.Covers(s.Region, x.Region)) &&
			(x.Account == "" || access.Covers(s.Account, x.Account)) &&
			(s.Instance == "" || other || access.Covers(s.Instance, x.Instance)) {
			return true
		}
	}
	return false
}
