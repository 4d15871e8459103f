package provider

import (
	"strings"
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

// The other services of the Amazon Connect family, and the companion
// services, by the names the catalog knows them.
func TestExpandActionsFunctionOtherServices(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string
		err     string
	}{
		{"profile:SearchProfiles", []string{"profile:SearchProfiles"}, ""},
		{"Cases:GetCase*", []string{"cases:GetCase", "cases:GetCaseAuditEvents", "cases:GetCaseEventConfiguration"}, ""},
		{"profile:SerchProfiles", nil, "profile:SerchProfiles is not an action of profile; did you mean profile:SearchProfiles?"},
		{"connectcases:GetCase", nil, `"connectcases" is not the prefix of any AWS service; did you mean cases:GetCase?`},
		{"deepracer:ListModels", nil, "The catalog does not know the actions of deepracer; it knows those of connect and"},
		{"connect:CreateProfile", nil, "connect:CreateProfile is not a Connect action; did you mean profile:CreateProfile?"},
	}
	for _, tt := range tests {
		t.Run(tt.pattern, func(t *testing.T) {
			got, funcErr := runFunction(t, NewExpandActionsFunction(), types.StringValue(tt.pattern))
			if tt.err != "" {
				if funcErr == nil || !strings.HasPrefix(funcErr.Text, strings.TrimSuffix(tt.err, ".")) {
					t.Fatalf("error = %v, want %q", funcErr, tt.err)
				}
				return
			}
			if funcErr != nil || !got.Equal(stringList(tt.want...)) {
				t.Errorf("expand_actions = %v, %v; want %v", got, funcErr, tt.want)
			}
		})
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
