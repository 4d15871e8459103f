package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

func TestMinimizeActionsFunctionRun(t *testing.T) {
	tests := []struct {
		name string
		in   types.List
		want types.List
		err  string
	}{
		{"empty", stringList(), stringList(), ""},
		{"siblings", stringList("connect:SearchQueues", "SearchQuickConnects"), stringList("connect:SearchQ*"), ""},
		{"patterns are expanded first", stringList("connect:Describe*"), stringList("connect:Des*"), ""},
		{"an unknown name", stringList("ListUsers", "ListUser"), types.List{}, "Element 1: connect:ListUser is not a Connect action; did you mean connect:ListUsers?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, funcErr := runFunction(t, NewMinimizeActionsFunction(), tt.in)
			if tt.err != "" {
				if funcErr == nil || funcErr.Text != tt.err {
					t.Fatalf("error = %v, want %q", funcErr, tt.err)
				}
				return
			}
			if funcErr != nil || !got.Equal(tt.want) {
				t.Errorf("minimize_actions = %v, %v; want %v", got, funcErr, tt.want)
			}
		})
	}
}

func TestMinimizeActionsFunction(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
output "minimized" {
  value = provider::connect::minimize_actions(["connect:StartContactRecording", "connect:StopContactRecording", "connect:StartChatContact", "StopContact"])
}
`,
		ConfigStateChecks: []statecheck.StateCheck{
			// StopContact keeps its name: StopContactRecording and others start with it.
			statecheck.ExpectKnownOutputValue("minimized", stringsExact("connect:StartCh*", "connect:StartContactR*", "connect:StopContact", "connect:StopContactR*")),
		},
	}))
}

func TestMinimizeActionsFunctionUnknownName(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, functionTestCase(resource.TestStep{
		Config: `
output "minimized" {
  value = provider::connect::minimize_actions(["connect:DescribeUsr"])
}
`,
		ExpectError: expectError(`Element 0: connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?`),
	}))
}
