package planner

import (
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// typicalGrants are those of an agent-desktop role: a few actions, a
// condition.
func typicalGrants() []Grant {
	return []Grant{
		{Actions: []string{"StopContact", "GetContactAttributes"}, Resources: []string{instance + "/contact/*"},
			Conditions: []policy.Condition{{Operator: "StringEquals", Key: "aws:RequestedRegion", Values: []string{"us-east-1"}}}},
		{Actions: []string{"StartOutboundVoiceContact"}, Resources: []string{"*"},
			Conditions: []policy.Condition{{Operator: "StringEquals", Key: "aws:RequestedRegion", Values: []string{"us-east-1"}}}},
		{AccessLevels: []catalog.AccessLevel{catalog.AccessRead}, Resources: []string{instance + "/queue/*", instance + "/agent/*"}},
		{Actions: []string{"ListInstances"}, Resources: []string{"*"}},
	}
}

// largeGrants grant every action on eight ARNs of six types.
func largeGrants() []Grant {
	return []Grant{{
		AccessLevels: catalog.AccessLevels,
		Resources: []string{
			instance,
			"arn:aws:connect:eu-west-2:123456789012:instance/def",
			instance + "/queue/*",
			instance + "/agent/*",
			instance + "/routing-profile/*",
			instance + "/contact/*",
			instance + "/contact-flow/*",
			"arn:aws:connect:eu-west-2:123456789012:instance/def/queue/q1",
		},
	}}
}

func benchmarkPlan(b *testing.B, grants []Grant, opts Options) {
	c := catalogtest.Load(b, catalog.Latest)
	b.ReportAllocs()
	for b.Loop() {
		result, problems := Plan(c, grants, opts)
		if len(problems) > 0 {
			b.Fatal(problems)
		}
		_ = (&policy.Document{Version: policy.Version2012, Statements: result.Statements}).JSON()
	}
}

func BenchmarkPlanTypical(b *testing.B) { benchmarkPlan(b, typicalGrants(), Options{}) }

func BenchmarkPlanLarge(b *testing.B) { benchmarkPlan(b, largeGrants(), Options{}) }

func BenchmarkPlanLargeMinimized(b *testing.B) {
	benchmarkPlan(b, largeGrants(), Options{Minimize: true})
}
