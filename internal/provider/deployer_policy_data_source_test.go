package provider

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestDeployerPolicyDataSource(t *testing.T) {
	testStateChecks(t, testInstanceLocal+`
data "connect_deployer_policy" "test" {
  resource_types        = ["aws_connect_queue", "aws_connect_lambda_function_association"]
  data_source_types     = ["aws_connect_prompt"]
  instance_arns         = [local.instance]
  related_resource_arns = ["arn:aws:lambda:us-east-1:123456789012:function:flow-helper"]
}

data "connect_policy_analysis" "plan" {
  policy  = data.connect_deployer_policy.test.plan_json
  fail_on = "warning"
}

data "connect_policy_analysis" "apply" {
  policy  = data.connect_deployer_policy.test.apply_json
  fail_on = "error"
  must_not_allow {
    actions = ["connect:DeleteQueue", "connect:Delete*"]
  }
}
`,
		statecheck.ExpectKnownValue("data.connect_deployer_policy.test", tfjsonpath.New("aws_provider_version"), knownvalue.StringExact("v6.60.0")),
		statecheck.ExpectKnownValue("data.connect_deployer_policy.test", tfjsonpath.New("plan_actions"), stringsExact(
			"connect:DescribeQueue", "connect:ListLambdaFunctions", "connect:ListPrompts", "connect:ListQueueQuickConnects")),
		statecheck.ExpectKnownValue("data.connect_deployer_policy.test", tfjsonpath.New("calls").AtSliceIndex(2), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"type":        knownvalue.StringExact("aws_connect_queue"),
			"data_source": knownvalue.Bool(false),
			"phase":       knownvalue.StringExact("update"),
			"actions": stringsExact("connect:AssociateQueueQuickConnects", "connect:DescribeQueue", "connect:DisassociateQueueQuickConnects", "connect:ListQueueQuickConnects",
				"connect:UpdateQueueHoursOfOperation", "connect:UpdateQueueMaxContacts", "connect:UpdateQueueName", "connect:UpdateQueueOutboundCallerConfig", "connect:UpdateQueueStatus"),
			"only_when": knownvalue.MapPartial(map[string]knownvalue.Check{"connect:UpdateQueueName": knownvalue.StringExact("name or description changes")}),
		})),
		statecheck.ExpectKnownValue("data.connect_deployer_policy.test", tfjsonpath.New("apply_json"), jsonHasStatement("ConnectDependentActionsLambdaFunction",
			[]string{"lambda:AddPermission"}, []string{"arn:aws:lambda:us-east-1:123456789012:function:flow-helper"})),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.plan", tfjsonpath.New("findings"), knownvalue.ListSizeExact(0)),
	)
}

// jsonHasStatement checks that a policy has a statement of that Sid with
// those actions among its actions and exactly those resources.
func jsonHasStatement(sid string, actions, resources []string) knownvalue.Check {
	return stringCheck(func(value string) bool {
		var doc struct {
			Statement []struct {
				Sid      string
				Action   any
				Resource any
			}
		}
		if json.Unmarshal([]byte(value), &doc) != nil {
			return false
		}
		list := func(v any) []string {
			switch v := v.(type) {
			case string:
				return []string{v}
			case []any:
				var out []string
				for _, x := range v {
					s, _ := x.(string)
					out = append(out, s)
				}
				return out
			}
			return nil
		}
		for _, s := range doc.Statement {
			if s.Sid == sid && slices.Equal(list(s.Resource), resources) && !slices.ContainsFunc(actions, func(a string) bool { return !slices.Contains(list(s.Action), a) }) {
				return true
			}
		}
		return false
	}, "a statement "+sid+" with "+strings.Join(actions, ", ")+" on "+strings.Join(resources, ", "))
}

// While the instance's ARN is unknown, so are the policies: the data source
// is read at apply, never an error at plan.
func TestDeployerPolicyDataSourceUnknownInstance(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "instance" {
  input = "arn:aws:connect:us-east-1:123456789012:instance/abc"
}

data "connect_deployer_policy" "test" {
  resource_types = ["aws_connect_queue"]
  instance_arns  = [terraform_data.instance.output]
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{PreApply: []plancheck.PlanCheck{
				plancheck.ExpectUnknownValue("data.connect_deployer_policy.test", tfjsonpath.New("apply_json")),
			}},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownValue("data.connect_deployer_policy.test", tfjsonpath.New("apply_json"),
					jsonHasStatement("TerraformApplyConnect", []string{"connect:CreateQueue"}, []string{
						"arn:aws:connect:us-east-1:123456789012:instance/abc/contact-flow/*",
						"arn:aws:connect:us-east-1:123456789012:instance/abc/operating-hours/*",
						"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*",
						"arn:aws:connect:us-east-1:123456789012:instance/abc/transfer-destination/*",
						"arn:aws:connect:us-east-1:123456789012:phone-number/*",
					})),
				// The tagging of a queue is on queues only.
				statecheck.ExpectKnownValue("data.connect_deployer_policy.test", tfjsonpath.New("apply_json"),
					jsonHasStatement("ConnectTaggingQueue", []string{"connect:TagResource", "connect:UntagResource"}, []string{"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*"})),
			},
		}},
	})
}

func TestDeployerPolicyDataSourceUnknownType(t *testing.T) {
	testExpectError(t, `
data "connect_deployer_policy" "test" {
  resource_types = ["aws_connect_queue", "aws_connect_queues"]
}
`, expectError(`Invalid resource types`, `"aws_connect_queues" is not an aws_connect_ resource type of the hashicorp/aws provider the model describes (did you mean aws_connect_queue?)`))
}

func TestDeployerPolicyDataSourceBadInstance(t *testing.T) {
	testExpectError(t, `
data "connect_deployer_policy" "test" {
  resource_types = ["aws_connect_queue"]
  instance_arns  = ["arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q1"]
}
`, expectError(`Invalid instance arns`, `is not the ARN of a Connect instance`))
}

func TestDeployerPolicyDataSourceNoTypes(t *testing.T) {
	testExpectError(t, `
data "connect_deployer_policy" "test" {
  instance_arns = ["arn:aws:connect:us-east-1:123456789012:instance/abc"]
}
`, expectError(`Invalid Attribute Combination`))
}

// stringCheck is a knownvalue.Check of a string by a predicate.
type stringPredicate struct {
	ok   func(string) bool
	what string
}

func stringCheck(ok func(string) bool, what string) knownvalue.Check {
	return stringPredicate{ok, what}
}

func (p stringPredicate) CheckValue(other any) error {
	s, isString := other.(string)
	if !isString || !p.ok(s) {
		return fmt.Errorf("expected %s, got %v", p.what, other)
	}
	return nil
}

func (p stringPredicate) String() string { return p.what }

func TestDeployerPolicyDataSourceScopeConflicts(t *testing.T) {
	testExpectError(t, `
data "connect_deployer_policy" "test" {
  resource_types = ["aws_connect_queue"]
  instance_arns  = ["arn:aws:connect:us-east-1:123456789012:instance/abc"]
  region         = "us-east-1"
}
`, expectError(`Invalid Attribute Combination`, `Attribute "instance_arns" cannot be specified when "region" is specified`))
}

func TestDeployerPolicyDataSourceBadAccount(t *testing.T) {
	testExpectError(t, `
data "connect_deployer_policy" "test" {
  resource_types = ["aws_connect_queue"]
  account_id     = "12345"
}
`, expectError(`Invalid Attribute Value Match`, `must be a 12-digit account ID`))
}

func TestDeployerPolicyDataSourceEmptyTypes(t *testing.T) {
	testExpectError(t, `
data "connect_deployer_policy" "test" {
  resource_types    = []
  data_source_types = []
}
`, expectError(`Invalid resource types`, `Name at least one aws_connect_ resource or data source type`))
}
