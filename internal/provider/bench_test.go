package provider

import (
	"fmt"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/compose"
)

// benchModel is the configuration bench/plan-time uses for each
// connect_policy_document: five grants with conditions and a statement,
// valid in both embedded catalogs.
func benchModel(i int) *policyDocumentModel {
	strs := func(values ...string) []types.String {
		out := make([]types.String, len(values))
		for i, v := range values {
			out[i] = types.StringValue(v)
		}
		return out
	}
	instance := fmt.Sprintf("arn:aws:connect:us-east-1:123456789012:instance/i-%d", i)
	condition := func(test, variable, value string) conditionModel {
		return conditionModel{Test: types.StringValue(test), Variable: types.StringValue(variable), Values: strs(value)}
	}
	return &policyDocumentModel{
		Grants: []grantModel{
			{AccessLevels: strs("Read", "List"), Resources: strs(instance, instance+"/queue/*", instance+"/routing-profile/*"), Effect: types.StringNull()},
			{Actions: strs("StartOutboundVoiceContact"), Resources: strs("*"), Effect: types.StringNull(),
				Conditions: []conditionModel{condition("StringEquals", "aws:RequestedRegion", "us-east-1")}},
			{Actions: strs("StopContact", "connect:*ContactRecording"), Resources: strs(instance + "/contact/*"), Effect: types.StringNull(),
				Conditions: []conditionModel{condition("StringEquals", "aws:RequestedRegion", "us-east-1"), condition("Bool", "aws:SecureTransport", "true")}},
			{Actions: strs("UpdateUserRoutingProfile", "UpdateUserSecurityProfiles"), Resources: strs(instance+"/agent/*", instance+"/routing-profile/*", instance+"/security-profile/*"),
				Effect: types.StringNull(), Conditions: []conditionModel{condition("StringEquals", "aws:ResourceTag/team", "team")}},
			{Actions: strs("DeleteUser"), Resources: strs(instance + "/agent/*"), Effect: types.StringValue("Deny")},
		},
		Statements: []statementModel{{Sid: types.StringValue("Logs"), Effect: types.StringNull(),
			Actions: strs("logs:CreateLogStream", "logs:PutLogEvents"), Resources: strs("arn:aws:logs:us-east-1:123456789012:log-group:/connect:*")}},
	}
}

// BenchmarkPolicyDocumentRead is the provider's own work for one
// connect_policy_document of bench/plan-time: convert, compose (build,
// check, serialise, summarise).
func BenchmarkPolicyDocumentRead(b *testing.B) {
	c := catalogtest.Load(b, catalog.Latest)
	model := benchModel(0)
	b.ReportAllocs()
	for b.Loop() {
		var diags diag.Diagnostics
		result, problems := compose.Compose(c, composeInput(model, &diags))
		if diags.HasError() || result == nil {
			b.Fatal(diags, problems)
		}
	}
}
