package provider

import (
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-iam/terraform-provider-connect/internal/checker"
)

// handWrittenPolicy has one problem of each of a few kinds.
const handWrittenPolicy = `
locals {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid      = "Agents"
        Effect   = "Allow"
        Action   = ["connect:DescribeUsr", "connect:ListUsers"]
        Resource = "arn:aws:connect:us-east-1:123456789012:instance/abc"
      },
      {
        Effect   = "Allow"
        Action   = "connect:DeleteUser"
        Resource = "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*"
      },
      {
        Sid      = "Everything"
        Effect   = "Allow"
        Action   = "connect:*"
        Resource = "*"
      },
    ]
  })
}
`

func TestPolicyAnalysisDataSource(t *testing.T) {
	testStateChecks(t, handWrittenPolicy+`
data "connect_policy_analysis" "test" {
  policy = local.policy
  ignore = ["resource-wildcard", "missing-dependent-actions"]
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("findings"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"code":            knownvalue.StringExact("unknown-action"),
				"severity":        knownvalue.StringExact("error"),
				"statement_index": knownvalue.Int64Exact(0),
				"sid":             knownvalue.StringExact("Agents"),
				"action":          knownvalue.StringExact("connect:DescribeUsr"),
				"resource":        knownvalue.Null(),
				"condition_key":   knownvalue.Null(),
				"message":         knownvalue.StringExact("connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"code":            knownvalue.StringExact("action-resource-mismatch"),
				"statement_index": knownvalue.Int64Exact(1),
				"sid":             knownvalue.Null(),
				"action":          knownvalue.StringExact("connect:DeleteUser"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"code":            knownvalue.StringExact("allow-all-actions"),
				"severity":        knownvalue.StringExact("warning"),
				"statement_index": knownvalue.Int64Exact(2),
			}),
		})),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("error_count"), knownvalue.Int64Exact(2)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("warning_count"), knownvalue.Int64Exact(1)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("suggestion_count"), knownvalue.Int64Exact(0)),
		// connect:* allows every action of the configured snapshot.
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("allowed_actions"), knownvalue.ListSizeExact(387)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("allowed_by_access_level"), knownvalue.MapExact(map[string]knownvalue.Check{
			"Read":                   knownvalue.ListSizeExact(81),
			"Write":                  knownvalue.ListSizeExact(235), // with the two Tagging, Write actions
			"List":                   knownvalue.ListSizeExact(71),
			"Tagging":                stringsExact("connect:TagResource", "connect:UntagResource"),
			"Permissions management": knownvalue.ListSizeExact(0),
		})),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("unknown_actions"), stringsExact("connect:DescribeUsr")),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("size"), knownvalue.Int64Exact(386)),
	)
}

func TestPolicyAnalysisDataSourceAllowedActionsOf2020(t *testing.T) {
	testStateChecks(t, catalog2020+`
data "connect_policy_analysis" "test" {
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "connect:*", Resource = "*" }]
  })
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("allowed_actions"), knownvalue.ListSizeExact(53)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("allowed_by_access_level"), knownvalue.MapPartial(map[string]knownvalue.Check{
			"Tagging": stringsExact("connect:TagResource", "connect:UntagResource"),
			"Write":   knownvalue.ListSizeExact(29),
		})),
	)
}

// A policy from connect_policy_document, and a clean hand-written one, have
// no findings.
func TestPolicyAnalysisDataSourceCleanPolicies(t *testing.T) {
	testStateChecks(t, testInstanceLocal+`
data "connect_policy_document" "built" {
  grant {
    access_levels = ["Read", "Write"]
    resources     = ["${local.instance}/agent/*", "${local.instance}/routing-profile/*"]
  }
}

data "connect_policy_analysis" "built" {
  policy      = data.connect_policy_document.built.json
  policy_kind = "role-inline"
  fail_on     = "warning"
}

data "connect_policy_analysis" "hand_written" {
  fail_on = "warning"
  policy  = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [{
        "Effect": "Allow",
        "Action": ["connect:StartContactRecording", "connect:StopContact"],
        "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/contact/*",
        "Condition": {"Bool": {"aws:SecureTransport": "true"}}
      }]
    }
  JSON
}
`,
		// Only suggestions: the dependent actions go on "*", as the reference
		// does not say which resources they need.
		statecheck.ExpectKnownValue("data.connect_policy_analysis.built", tfjsonpath.New("error_count"), knownvalue.Int64Exact(0)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.built", tfjsonpath.New("warning_count"), knownvalue.Int64Exact(0)),
		statecheck.CompareValuePairs(
			"data.connect_policy_analysis.built", tfjsonpath.New("allowed_actions"),
			"data.connect_policy_document.built", tfjsonpath.New("allowed_actions"),
			compareSame()),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.hand_written", tfjsonpath.New("findings"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.hand_written", tfjsonpath.New("allowed_by_access_level"), knownvalue.MapPartial(map[string]knownvalue.Check{
			"Write": stringsExact("connect:StartContactRecording", "connect:StopContact"),
		})),
	)
}

func TestPolicyAnalysisDataSourceMalformedJSON(t *testing.T) {
	testStateChecks(t, `
data "connect_policy_analysis" "test" {
  policy = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\",}]}"
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("findings"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"code":            knownvalue.StringExact("malformed-policy"),
				"severity":        knownvalue.StringExact("error"),
				"statement_index": knownvalue.Null(),
				"message":         knownvalue.StringExact(`The policy cannot be read: line 1, column 60: invalid JSON: invalid character '}' looking for beginning of object key string.`),
			}),
		})),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("allowed_actions"), knownvalue.ListSizeExact(0)),
	)
}

func TestPolicyAnalysisDataSourceFailOnError(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: handWrittenPolicy + `
data "connect_policy_analysis" "test" {
  policy  = local.policy
  fail_on = "error"
}
`,
			ExpectError: expectError(`Policy error: unknown-action`, `Statement 0 (Sid Agents): connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?`),
		}},
	})
}

func TestPolicyAnalysisDataSourceFailOnWarning(t *testing.T) {
	testExpectError(t, `
data "connect_policy_analysis" "test" {
  fail_on = "warning"
  policy  = jsonencode({ Statement = [{ Effect = "Allow", Action = "connect:ListInstances", Resource = "*" }] })
}
`,
		expectError(`Policy warning: missing-version`, `The policy has no Version`))
}

// Below the threshold, findings are reported but the plan goes on.
func TestPolicyAnalysisDataSourceFailOnErrorWithWarningsOnly(t *testing.T) {
	testStateChecks(t, `
data "connect_policy_analysis" "test" {
  fail_on = "error"
  policy  = jsonencode({ Statement = [{ Effect = "Allow", Action = "connect:ListInstances", Resource = "*" }] })
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("warning_count"), knownvalue.Int64Exact(1)),
	)
}

func TestPolicyAnalysisDataSourceInvalidFailOn(t *testing.T) {
	testExpectError(t, `
data "connect_policy_analysis" "test" {
  policy  = "{}"
  fail_on = "errors"
}
`,
		expectError(`Invalid Attribute Value Match`, `fail_on = "errors"`, `Attribute fail_on value must be one of: ["error" "warning" "never"], got: "errors"`))
}

func TestPolicyAnalysisDataSourceUnknownIgnoredCode(t *testing.T) {
	testExpectError(t, `
data "connect_policy_analysis" "test" {
  policy = "{}"
  ignore = [
    "unknown-action",
    "resource_wildcard",
  ]
}
`,
		expectError(`Invalid Attribute Value Match`, `"resource_wildcard",`, `Attribute ignore[1] value must be one of: ["action-resource-mismatch"`, `got: "resource_wildcard"`))
}

// The documentation lists every finding code.
func TestPolicyAnalysisDocumentsEveryCode(t *testing.T) {
	template, err := os.ReadFile("../../templates/data-sources/policy_analysis.md.tmpl")
	if err != nil {
		t.Fatal(err)
	}
	for _, code := range checker.Codes {
		if !strings.Contains(string(template), "| `"+code+"` |") {
			t.Errorf("code %s is not in the documentation's table", code)
		}
	}
}

// An AWS managed policy may exceed every customer quota: with policy_kind
// it is held to none; without, being over is a warning at most; of a
// customer kind, over its quota is an error.
func TestPolicyAnalysisDataSourcePolicyKind(t *testing.T) {
	testStateChecks(t, `
locals {
  big = jsonencode({
    Version = "2012-10-17"
    Statement = [for i in range(60) : {
      Sid      = "Queue${i}"
      Effect   = "Allow"
      Action   = ["connect:DescribeQueue", "connect:ListQueueQuickConnects"]
      Resource = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555/queue/q${i}"
    }]
  })
}

data "connect_policy_analysis" "aws_managed" {
  policy      = local.big
  policy_kind = "aws-managed"
}

data "connect_policy_analysis" "unknown_kind" {
  policy = local.big
}

data "connect_policy_analysis" "role_inline" {
  policy      = local.big
  policy_kind = "role-inline"
}

output "codes" {
  value = {
    for name, a in {
      aws_managed  = data.connect_policy_analysis.aws_managed
      unknown_kind = data.connect_policy_analysis.unknown_kind
      role_inline  = data.connect_policy_analysis.role_inline
    } : name => [for f in a.findings : "${f.severity} ${f.code}" if startswith(f.code, "size-")]
  }
}
`,
		statecheck.ExpectKnownOutputValue("codes", knownvalue.MapExact(map[string]knownvalue.Check{
			"aws_managed": knownvalue.ListSizeExact(0),
			"unknown_kind": stringsExact("warning size-over-role-inline-quota", "suggestion size-over-group-inline-quota",
				"suggestion size-over-managed-quota", "suggestion size-over-user-inline-quota"),
			"role_inline": stringsExact("error size-over-role-inline-quota"),
		})),
	)
}

func TestPolicyAnalysisDataSourceInvalidPolicyKind(t *testing.T) {
	testExpectError(t, `
data "connect_policy_analysis" "test" {
  policy      = jsonencode({ Version = "2012-10-17", Statement = [] })
  policy_kind = "managed"
}
`,
		expectError(`Invalid Attribute Value Match`, `policy_kind = "managed"`, `Attribute policy_kind value must be one of: ["customer-managed" "role-inline" "user-inline" "group-inline" "aws-managed"], got: "managed"`))
}

// A write on "*" fails a plan that fails on warnings; a read does not.
func TestPolicyAnalysisDataSourceWriteOnStarFailsOnWarning(t *testing.T) {
	testExpectError(t, `
data "connect_policy_analysis" "test" {
  fail_on = "warning"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["connect:DescribeUser", "connect:DeleteUser"], Resource = "*" }]
  })
}
`,
		expectError(`Policy warning: resource-wildcard`, `Statement 0: Resource "*" lets connect:DeleteUser change every resource`))
}
