package provider

import (
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestParseARNFunctionRun(t *testing.T) {
	got, funcErr := runFunction(t, NewParseARNFunction(), types.StringValue("arn:aws:connect:us-east-1:123456789012:instance/abc/agent/u1"))
	if funcErr != nil {
		t.Fatal(funcErr)
	}
	want := types.ObjectValueMust(parsedARNTypes, map[string]attr.Value{
		"resource_type": types.StringValue("user"),
		"parts":         stringMap("partition", "aws", "region", "us-east-1", "account", "123456789012", "instance_id", "abc", "user_id", "u1"),
	})
	if !got.Equal(want) {
		t.Errorf("parse_arn = %v, want %v", got, want)
	}
	got, funcErr = runFunction(t, NewParseARNFunction(), types.StringValue("arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/t1"))
	want = types.ObjectValueMust(parsedARNTypes, map[string]attr.Value{
		"resource_type": types.StringValue("traffic-distribution-group"),
		"parts":         stringMap("partition", "aws", "region", "us-east-1", "account", "123456789012", "traffic_distribution_group_id", "t1"),
	})
	if funcErr != nil || !got.Equal(want) {
		t.Errorf("parse_arn of an account-level type = %v, %v; want %v", got, funcErr, want)
	}
	for arn, message := range map[string]string{
		"arn:aws:rds:us-east-1:123456789012:db:x":               "is an ARN of rds, not of connect",
		"arn:aws:connect:us-east-1:123456789012:instance/abc/*": "could denote several resource types",
		"queue/q1": `does not start with "arn:"`,
	} {
		_, funcErr := runFunction(t, NewParseARNFunction(), types.StringValue(arn))
		if funcErr == nil || !strings.Contains(funcErr.Text, message) {
			t.Errorf("parse_arn(%q) error = %v, want %q", arn, funcErr, message)
		}
	}
}

func TestParseARNFunction(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
locals {
  parsed = provider::connect::parse_arn("arn:aws:connect:eu-west-2:123456789012:instance/abc/queue/q1")
}

output "type" {
  value = local.parsed.resource_type
}

output "queue_id" {
  value = local.parsed.parts.queue_id
}

# parse_arn and arn are inverses.
output "round_trip" {
  value = provider::connect::arn(local.parsed.resource_type, local.parsed.parts)
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("type", knownvalue.StringExact("queue")),
			statecheck.ExpectKnownOutputValue("queue_id", knownvalue.StringExact("q1")),
			statecheck.ExpectKnownOutputValue("round_trip", knownvalue.StringExact("arn:aws:connect:eu-west-2:123456789012:instance/abc/queue/q1")),
		},
	}))
}

func TestParseARNFunctionInvalid(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
output "parsed" {
  value = provider::connect::parse_arn("arn:aws:connect:us-east-1:123456789012:instance/abc/queues/q1")
}
`,
		ExpectError: expectError(`"queues" is not a Connect resource word after instance/<id>/ (did you mean queue?`),
	}))
}
