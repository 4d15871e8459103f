package provider

import (
	"context"
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/function"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfversion"
)

// runFunction calls a function as Terraform would, without Terraform.
func runFunction(t *testing.T, f function.Function, args ...attr.Value) (attr.Value, *function.FuncError) {
	t.Helper()
	ctx := context.Background()
	var def function.DefinitionResponse
	f.Definition(ctx, function.DefinitionRequest{}, &def)
	result, funcErr := def.Definition.Return.NewResultData(ctx)
	if funcErr != nil {
		t.Fatal(funcErr)
	}
	resp := function.RunResponse{Result: result}
	f.Run(ctx, function.RunRequest{Arguments: function.NewArgumentsData(args)}, &resp)
	return resp.Result.Value(), resp.Error
}

// functionTestCase runs configurations through Terraform 1.8 or later, the
// first to call provider functions.
func functionTestCase(steps ...resource.TestStep) resource.TestCase {
	return resource.TestCase{
		TerraformVersionChecks:   []tfversion.TerraformVersionCheck{tfversion.SkipBelow(tfversion.Version1_8_0)},
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps:                    steps,
	}
}

// functionCalls are a call of each function with a known argument, and the
// same with its argument null or unknown.
var functionCalls = []struct {
	name, call, argument string // argument replaces ARG in call
}{
	{"arn", `provider::connect::arn("instance", ARG)`, `{ region = "us-east-1", account = "123456789012", instance_id = "abc" }`},
	{"arn type", `provider::connect::arn(ARG, { region = "us-east-1", account = "123456789012", instance_id = "abc" })`, `"instance"`},
	{"parse_arn", `provider::connect::parse_arn(ARG)`, `"arn:aws:connect:us-east-1:123456789012:instance/abc"`},
	{"expand_actions", `provider::connect::expand_actions(ARG)`, `"connect:DescribeQ*"`},
	{"minimize_actions", `provider::connect::minimize_actions(ARG)`, `["connect:DescribeQueue"]`},
}

// A null argument is an error that names it; an unknown one makes the
// result unknown at plan, and known once applied.
func TestFunctionsNullAndUnknownArguments(t *testing.T) {
	for _, fc := range functionCalls {
		t.Run(fc.name+" null", func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, functionTestCase(resource.TestStep{
				Config:      "output \"test\" {\n  value = " + strings.ReplaceAll(fc.call, "ARG", "null") + "\n}\n",
				ExpectError: regexp.MustCompile(`(?s)Invalid function argument.*must not be null`),
			}))
		})
		t.Run(fc.name+" unknown", func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, functionTestCase(resource.TestStep{
				Config: "resource \"terraform_data\" \"later\" {\n  input = " + fc.argument + "\n}\n\n" +
					"output \"test\" {\n  value = " + strings.ReplaceAll(fc.call, "ARG", "terraform_data.later.output") + "\n}\n",
				ConfigPlanChecks:  resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("test")}},
				ConfigStateChecks: []statecheck.StateCheck{statecheck.ExpectKnownOutputValue("test", knownvalue.NotNull())},
			}))
		})
	}
}
