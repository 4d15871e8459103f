package provider

import (
	"fmt"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// analysisOf is a connect_policy_analysis of the statements, with the
// blocks and attributes of extra.
func analysisOf(statements, extra string) string {
	return fmt.Sprintf(`
locals {
  instance = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
}

data "connect_policy_analysis" "test" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [%s]
  })
  %s
}
`, statements, extra)
}

// must_not_allow through Terraform, on connect_policy_analysis: each way a
// policy can allow a forbidden action is an error on the attribute of the
// block that forbids it, naming the statement and the action.
func TestMustNotAllowErrors(t *testing.T) {
	tests := []struct {
		name       string
		statements string
		rules      string
		want       []string
	}{
		{"a plain action",
			`{ Sid = "Storage", Effect = "Allow", Action = ["connect:DescribeInstance", "connect:UpdateInstanceStorageConfig"], Resource = local.instance }`, `
  must_not_allow {
    actions = ["connect:DescribeUser"]
  }
  must_not_allow {
    actions = ["UpdateInstanceStorageConfig"]
  }`,
			[]string{`Error: Forbidden access`, `actions = ["UpdateInstanceStorageConfig"]`, `Statement 0 (Sid Storage) allows connect:UpdateInstanceStorageConfig, which this rule forbids`}},
		{"an allowed pattern",
			`{ Effect = "Allow", Action = "connect:UpdateUser*", Resource = "${local.instance}/*" }`, `
  must_not_allow {
    actions = ["connect:UpdateUserSecurityProfiles"]
  }`,
			[]string{`Statement 0 allows connect:UpdateUserSecurityProfiles, which this rule forbids`}},
		{"a forbidden pattern",
			`{ Effect = "Allow", Action = ["connect:DescribeUser", "connect:DeleteUser"], Resource = "${local.instance}/agent/*" }`, `
  must_not_allow {
    actions = ["connect:Delete*"]
  }`,
			[]string{`Statement 0 allows connect:DeleteUser, which this rule forbids`}},
		{"NotAction",
			`{ Effect = "Allow", NotAction = ["connect:Delete*", "connect:Describe*"], Resource = "*" }`, `
  must_not_allow {
    actions = ["connect:DeleteInstance", "connect:GetFederationToken"]
  }`,
			[]string{`Statement 0 allows connect:GetFederationToken, which this rule forbids`}},
		{"every action",
			`{ Effect = "Allow", Action = "*", Resource = "*" }`, `
  must_not_allow {
    actions = ["connect:DeleteInstance"]
  }`,
			[]string{`Statement 0 allows connect:DeleteInstance, which this rule forbids`}},
		{"a risk category and its combination", `
      { Sid = "Users", Effect = "Allow", Action = "connect:CreateUser", Resource = "${local.instance}/*" },
      { Sid = "Profiles", Effect = "Allow", Action = "connect:UpdateSecurityProfile", Resource = "${local.instance}/*" },`, `
  must_not_allow {
    risks = ["privilege-escalation"]
  }`,
			[]string{`risks = ["privilege-escalation"]`,
				`Statement 0 (Sid Users) and others allow connect:CreateUser and connect:UpdateSecurityProfile together, a privilege-escalation risk`,
				`Forbidden access`, `Statement 1 (Sid Profiles) allows connect:UpdateSecurityProfile, which this rule forbids`}},
		// A Deny with a condition may not apply, so it does not make the
		// check pass.
		{"a conditional Deny", `
      { Effect = "Allow", Action = "connect:*", Resource = "*" },
      { Effect = "Deny", Action = "connect:DeleteInstance", Resource = "*", Condition = { Bool = { "aws:MultiFactorAuthPresent" = "false" } } },`, `
  must_not_allow {
    actions = ["connect:DeleteInstance"]
  }`,
			[]string{`Statement 0 allows connect:DeleteInstance, which this rule forbids`}},
		{"on the rule's resources",
			`{ Effect = "Allow", Action = "connect:DeleteUser", Resource = "${local.instance}/agent/*" }`, `
  must_not_allow {
    actions   = ["connect:DeleteUser"]
    resources = ["${local.instance}/agent/4a7c*"]
  }`,
			[]string{`Statement 0 allows connect:DeleteUser, which this rule forbids`}},
		{"a family action",
			`{ Sid = "Profiles", Effect = "Allow", Action = "profile:*", Resource = "arn:aws:profile:us-east-1:123456789012:domains/d1" }`, `
  must_not_allow {
    actions = ["profile:DeleteDomain"]
  }`,
			[]string{`Forbidden access`, `Statement 0 (Sid Profiles) allows profile:DeleteDomain, which this rule forbids`}},
		{"a family risk",
			`{ Effect = "Allow", Action = "cases:GetCase", Resource = "*" }`, `
  must_not_allow {
    risks = ["data-exfiltration"]
  }`,
			[]string{`Forbidden access`, `Statement 0 allows cases:GetCase, which this rule forbids`}},
		{"a misspelt family action",
			`{ Effect = "Allow", Action = "connect:ListQueues", Resource = "*" }`, `
  must_not_allow {
    actions = ["profile:DeleteDomian"]
  }`,
			[]string{`Invalid must_not_allow`, `did you mean profile:DeleteDomain?`}},
		{"an unknown risk category",
			`{ Effect = "Allow", Action = "connect:ListQueues", Resource = "*" }`, `
  must_not_allow {
    risks = ["exfiltration"]
  }`,
			[]string{`must_not_allow[0].risks[0] value must be one of`, `"credentials-exposure"`, `got: "exfiltration"`}},
		{"an unknown action",
			`{ Effect = "Allow", Action = "connect:ListQueues", Resource = "*" }`, `
  must_not_allow {
    actions = ["connect:DeleteInstnace"]
  }`,
			[]string{`Invalid must_not_allow`, `connect:DeleteInstance`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			testExpectError(t, analysisOf(tt.statements, tt.rules), expectError(tt.want...))
		})
	}
}

// What passes: an Allow that an unconditional Deny covers, and an Allow on
// other resources than the rule's.
func TestMustNotAllowPasses(t *testing.T) {
	testStateChecks(t, `
locals {
  instance = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
}

data "connect_policy_analysis" "cancelled" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Action = "connect:*", Resource = "*" },
      { Effect = "Deny", Action = ["connect:DeleteInstance", "connect:*Token"], Resource = "*" },
    ]
  })
  must_not_allow {
    actions = ["connect:DeleteInstance", "connect:GetFederationToken"]
  }
  must_not_allow {
    risks = ["credentials-exposure"]
  }
}

data "connect_policy_analysis" "elsewhere" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "connect:DeleteUser", Resource = "${local.instance}/agent/*" }]
  })
  must_not_allow {
    actions   = ["connect:DeleteUser"]
    resources = ["arn:aws:connect:us-east-1:123456789012:instance/99999999-2222-3333-4444-555555555555/*"]
  }
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_analysis.cancelled", tfjsonpath.New("allowed_by_risk").AtMapKey("credentials-exposure"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.elsewhere", tfjsonpath.New("allowed_by_risk").AtMapKey("destruction"), stringsExact("connect:DeleteUser")),
	)
}

func TestMustNotAllowOnPolicyDocument(t *testing.T) {
	testExpectError(t, `
data "connect_policy_document" "test" {
  grant {
    actions   = ["connect:Describe*", "connect:ListQueues"]
    resources = ["arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/*"]
  }
  statement {
    sid       = "Everything"
    actions   = ["connect:*"]
    resources = ["*"]
  }
  must_not_allow {
    risks = ["destruction"]
  }
}
`,
		expectError(`Forbidden access`, `risks = ["destruction"]`, `(Sid Everything) allows connect:DeleteAttachedFile`, `and 28 more, which this rule forbids`))
}

func TestMustNotAllowOnPolicyDocumentPasses(t *testing.T) {
	testStateChecks(t, `
data "connect_policy_document" "test" {
  grant {
    access_levels = ["Read", "List"]
    resources     = ["arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/*"]
  }
  must_not_allow {
    risks = ["destruction", "privilege-escalation", "flow-hijack"]
  }
  must_not_allow {
    actions = ["connect:Update*", "connect:Delete*"]
  }
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("json"), knownvalue.NotNull()),
	)
}
