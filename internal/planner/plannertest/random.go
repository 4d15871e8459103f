// Package plannertest draws random grants for property tests of the planner
// and of what is built on it.
package plannertest

import (
	"math/rand/v2"
	"strings"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// Instance is the instance ARN the random resources are under.
const Instance = "arn:aws:connect:us-east-1:123456789012:instance/abc"

var resourcePool = []string{
	"*",
	Instance,
	Instance + "/*",
	Instance + "/queue/*",
	Instance + "/queue/q1",
	Instance + "/agent/*",
	Instance + "/agent/u?",
	Instance + "/routing-profile/r1",
	Instance + "/contact/*",
	Instance + "/contact-flow/*",
	Instance + "/agent-group/g1",
	"arn:aws:connect:*:*:instance/*/security-profile/*",
	"arn:aws:connect:eu-west-2:210987654321:instance/${aws:PrincipalTag/instance}/queue/*",
	// Kinds the latest catalog adds: account-level and collective types,
	// another service's type, a documented form.
	"arn:aws:connect:us-east-1:123456789012:phone-number/*",
	"arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/t1",
	Instance + "/contact-flow/f1",
	"arn:aws:wisdom:us-east-1:123456789012:ai-agent/a1/*",
	Instance + "/user/${aws:userid}",
}

var conditionPool = []policy.Condition{
	{Operator: "StringEquals", Key: "aws:RequestedRegion", Values: []string{"us-east-1", "eu-west-2"}},
	{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}},
	{Operator: "IpAddress", Key: "aws:SourceIp", Values: []string{"203.0.113.0/24", "198.51.100.7"}},
}

// RandomGrants draws grants from pools of realistic values.
func RandomGrants(c *catalog.Catalog, r *rand.Rand) []planner.Grant {
	actions := c.Actions()
	grants := make([]planner.Grant, 1+r.IntN(4))
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
				g.Resources = append(g.Resources, FittingResource(c, a, r))
			case 1:
				g.Actions = append(g.Actions, "connect:"+a.Name[:1+r.IntN(len(a.Name)-1)]+"*")
			default:
				g.Actions = append(g.Actions, strings.ToLower(a.Name))
				g.Resources = append(g.Resources, FittingResource(c, a, r))
			}
		}
		if len(g.AccessLevels) == 0 && len(g.Actions) == 0 {
			g.AccessLevels = []catalog.AccessLevel{catalog.AccessRead}
		}
		pool := resourcesOf(c)
		for range 1 + r.IntN(3) {
			g.Resources = append(g.Resources, pool[r.IntN(len(pool))])
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

// resourcesOf keeps the resources of the pool that are ARNs of the
// catalog's types: the 2020 catalog knows no account-level phone number.
func resourcesOf(c *catalog.Catalog) []string {
	var out []string
	for _, arn := range resourcePool {
		if c.ResolveARN(arn).Kind == catalog.ARNResource {
			out = append(out, arn)
		}
	}
	return out
}

// FittingResource returns a resource the action can act on, so that naming
// it explicitly is not an error.
func FittingResource(c *catalog.Catalog, a *catalog.Action, r *rand.Rand) string {
	if a.WildcardOnly() {
		return "*"
	}
	rt, _ := c.ResourceType(a.ResourceTypes[r.IntN(len(a.ResourceTypes))].ResourceType)
	parts := map[string]string{}
	for _, part := range rt.Parts() {
		switch part {
		case "partition":
		case "region":
			parts[part] = "us-east-1"
		case "account":
			parts[part] = "123456789012"
		default:
			parts[part] = "*"
		}
	}
	arn, err := c.BuildARN(rt, parts)
	if err != nil {
		panic(err)
	}
	return arn
}
