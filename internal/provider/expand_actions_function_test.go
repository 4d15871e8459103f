package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestExpandActionsFunctionRun(t *testing.T) {
	got, funcErr := runFunction(t, NewExpandActionsFunction(), types.StringValue("*contactrecording"))
	want := types.ListValueMust(types.StringType, []attr.Value{
		types.StringValue("connect:ResumeContactRecording"), types.StringValue("connect:StartContactRecording"),
		types.StringValue("connect:StopContactRecording"), types.StringValue("connect:SuspendContactRecording"),
	})
	if funcErr != nil || !got.Equal(want) {
		t.Errorf("expand_actions = %v, %v; want %v", got, funcErr, want)
	}
	if _, funcErr := runFunction(t, NewExpandActionsFunction(), types.StringValue("connect:Lsit*")); funcErr == nil ||
		funcErr.Text != "connect:Lsit* matches no Connect action; did you mean connect:List*?" {
		t.Errorf("error = %v", funcErr)
	}
}

func TestExpandActionsFunction(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
output "describe_users" {
  value = provider::connect::expand_actions("connect:DescribeUser*")
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			statecheck.ExpectKnownOutputValue("describe_users", stringsExact(
				"connect:DescribeUser", "connect:DescribeUserHierarchyGroup", "connect:DescribeUserHierarchyStructure")),
		},
	}))
}

func TestExpandActionsFunctionMatchingNothing(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
output "none" {
  value = provider::connect::expand_actions("Descibe*")
}
`,
		ExpectError: expectError(`Descibe* matches no Connect action; did you mean connect:Describe*?`),
	}))
}
