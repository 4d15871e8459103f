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

func stringMap(kv ...string) types.Map {
	values := map[string]attr.Value{}
	for i := 0; i < len(kv); i += 2 {
		values[kv[i]] = types.StringValue(kv[i+1])
	}
	return types.MapValueMust(types.StringType, values)
}

func TestARNFunctionRun(t *testing.T) {
	tests := []struct {
		name         string
		resourceType string
		parts        types.Map
		want         string
		argument     int64
		err          string
	}{
		{"queue", "queue", stringMap("region", "us-east-1", "account", "123456789012", "instance_id", "abc", "queue_id", "q1"),
			"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q1", 0, ""},
		{"wildcards and a partition", "user", stringMap("partition", "aws-cn", "region", "cn-north-1", "account", "*", "instance_id", "abc", "user_id", "*"),
			"arn:aws-cn:connect:cn-north-1:*:instance/abc/agent/*", 0, ""},
		{"collective type", "wildcard-queue", stringMap("region", "us-east-1", "account", "123456789012", "instance_id", "abc"),
			"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*", 0, ""},
		{"account-level type", "phone-number", stringMap("region", "us-east-1", "account", "123456789012", "phone_number_id", "p1"),
			"arn:aws:connect:us-east-1:123456789012:phone-number/p1", 0, ""},
		{"another service's type", "ai-agent", stringMap("region", "us-east-1", "account", "123456789012", "assistant_id", "a1", "ai_agent_id", "b2", "version", "3"),
			"arn:aws:wisdom:us-east-1:123456789012:ai-agent/a1/b2:3", 0, ""},
		{"unknown type", "queues", stringMap(), "", 0, `"queues" is not a Connect resource type (did you mean "queue"?)`},
		{"missing part", "queue", stringMap("region", "us-east-1", "account", "123456789012", "instance_id", "abc"), "", 1,
			"Queue ARN needs queue_id (its parts are partition, region, account, instance_id, queue_id)"},
		{"unknown part", "instance", stringMap("region", "us-east-1", "account", "123456789012", "instance_id", "abc", "queue_id", "q"), "", 1,
			`Instance ARN has no part "queue_id"; its parts are partition, region, account, instance_id`},
		{"bad account", "instance", stringMap("region", "us-east-1", "account", "12", "instance_id", "abc"), "", 1, `account "12" is not a 12-digit account ID`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, funcErr := runFunction(t, NewARNFunction(), types.StringValue(tt.resourceType), tt.parts)
			if tt.err != "" {
				if funcErr == nil || funcErr.FunctionArgument == nil || *funcErr.FunctionArgument != tt.argument || !strings.Contains(funcErr.Text, tt.err) {
					t.Fatalf("error = %+v, want argument %d: %q", funcErr, tt.argument, tt.err)
				}
				return
			}
			if funcErr != nil || !got.Equal(types.StringValue(tt.want)) {
				t.Errorf("arn = %v, %v; want %s", got, funcErr, tt.want)
			}
		})
	}
}

func TestARNFunction(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
output "queue" {
  value = provider::connect::arn("queue", {
    region      = "us-east-1"
    account     = "123456789012"
    instance_id = "abc"
    queue_id    = "*"
  })
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("queue", knownvalue.StringExact("arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*")),
		},
	}))
}

func TestARNFunctionMissingPart(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
output "queue" {
  value = provider::connect::arn("queue", { region = "us-east-1", account = "123456789012" })
}
`,
		ExpectError: expectError(`Queue ARN needs instance_id, queue_id (its parts are partition, region, account, instance_id, queue_id).`),
	}))
}

func TestARNFunctionUnknownType(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
output "agent" {
  value = provider::connect::arn("agent", { region = "us-east-1" })
}
`,
		ExpectError: expectError(`"agent" is not a Connect resource type (did you mean "user"?); use one of "agent-status",`, `"workspace".`),
	}))
}

// The types of the rest of the family, with their prefix, both ways.
func TestARNFunctionsOfTheFamily(t *testing.T) {
	got, funcErr := runFunction(t, NewARNFunction(), types.StringValue("profile:domains"), stringMap("region", "us-east-1", "account", "123456789012", "domain_name", "amazon-connect-x"))
	if want := types.StringValue("arn:aws:profile:us-east-1:123456789012:domains/amazon-connect-x"); funcErr != nil || !got.Equal(want) {
		t.Fatalf("arn = %v, %v; want %v", got, funcErr, want)
	}
	parsed, funcErr := runFunction(t, NewParseARNFunction(), types.StringValue("arn:aws:profile:us-east-1:123456789012:domains/amazon-connect-x"))
	if funcErr != nil {
		t.Fatal(funcErr)
	}
	if typ := parsed.(types.Object).Attributes()["resource_type"]; !typ.Equal(types.StringValue("profile:domains")) { //nolint:forcetypeassert // an object by definition
		t.Errorf("parse_arn type = %v", typ)
	}
	// A companion's ids may hold slashes: an IAM role's path.
	role, funcErr := runFunction(t, NewARNFunction(), types.StringValue("iam:role"), stringMap("account", "123456789012", "role_name_with_path", "service-role/connect-flows"))
	if want := types.StringValue("arn:aws:iam::123456789012:role/service-role/connect-flows"); funcErr != nil || !role.Equal(want) {
		t.Errorf("arn of a role = %v, %v; want %v", role, funcErr, want)
	}
	knowledgeBase, funcErr := runFunction(t, NewParseARNFunction(), types.StringValue("arn:aws:wisdom:us-east-1:123456789012:knowledge-base/kb"))
	if funcErr != nil || !strings.HasPrefix(knowledgeBase.(types.Object).Attributes()["resource_type"].String(), `"wisdom:`) { //nolint:forcetypeassert // an object by definition
		t.Errorf("parse_arn of a wisdom knowledge base = %v, %v", knowledgeBase, funcErr)
	}
	for _, tt := range []struct{ resourceType, want string }{
		{"profile:domain", `"domain" is not a profile resource type (did you mean "domains"?)`},
		{"rds:db", "The catalog does not model rds"},
	} {
		if _, funcErr := runFunction(t, NewARNFunction(), types.StringValue(tt.resourceType), stringMap()); funcErr == nil || !strings.Contains(funcErr.Text, tt.want) {
			t.Errorf("arn(%s) error = %v, want %q", tt.resourceType, funcErr, tt.want)
		}
	}
}
