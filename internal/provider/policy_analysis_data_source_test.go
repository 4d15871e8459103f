package provider

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-iam/terraform-provider-connect/internal/risk"
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
  # The risks connect:* allows are tested in TestPolicyAnalysisDataSourceRisks.
  ignore = ["resource-wildcard", "missing-dependent-actions", "risk-credentials-exposure", "risk-privilege-escalation",
  "risk-data-exfiltration", "risk-flow-hijack", "risk-audit-evasion", "risk-destruction", "risk-cost-and-fraud"]
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
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("allowed_by_risk"), knownvalue.MapExact(map[string]knownvalue.Check{
			"credentials-exposure": stringsExact("connect:AdminGetEmergencyAccessToken", "connect:GetFederationToken"),
			// With connect:CreateUser, which only a combination puts there.
			"privilege-escalation": stringsExact("connect:CreateSecurityProfile", "connect:CreateUser", "connect:TagResource", "connect:UntagResource",
				"connect:UpdateSecurityProfile", "connect:UpdateUserIdentityInfo", "connect:UpdateUserSecurityProfiles"),
			"data-exfiltration": knownvalue.ListSizeExact(10),
			"flow-hijack":       knownvalue.ListSizeExact(11),
			"audit-evasion": stringsExact("connect:DisassociateInstanceStorageConfig", "connect:StopContactRecording",
				"connect:SuspendContactRecording", "connect:UpdateInstanceAttribute"),
			"destruction":    knownvalue.ListSizeExact(38), // connect:Delete* and connect:ReleasePhoneNumber
			"cost-and-fraud": knownvalue.ListSizeExact(9),
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
	for _, code := range findingCodes {
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
		expectError(`Invalid Attribute Value Match`, `policy_kind = "managed"`, `Attribute policy_kind value must be one of: ["customer-managed" "role-inline" "user-inline" "group-inline" "aws-managed" "resource-based"], got: "managed"`))
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
		expectError(`Policy warning: risk-destruction`, `Statement 0: It allows connect:DeleteUser`))
}

// One finding per thing to fix: DeleteUser on "*" is a risk, whose warning
// says why to name the instance's ARNs; resource-wildcard says it again
// only once the risk is ignored.
func TestPolicyAnalysisDataSourceOneFindingPerFix(t *testing.T) {
	testExpectError(t, `
data "connect_policy_analysis" "test" {
  fail_on = "warning"
  ignore  = ["risk-destruction"]
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["connect:DescribeUser", "connect:DeleteUser"], Resource = "*" }]
  })
}
`,
		expectError(`Policy warning: resource-wildcard`, `Statement 0: Resource "*" lets connect:DeleteUser change every resource`))
}

// Risks are findings like any other: a warning when nothing limits them to
// an instance, a suggestion when resources or a condition do, and they
// count towards fail_on and obey ignore.
func TestPolicyAnalysisDataSourceRisks(t *testing.T) {
	testStateChecks(t, analysisOf(`
      { Sid = "Storage", Effect = "Allow", Action = "connect:UpdateInstanceStorageConfig", Resource = "*" },
      { Sid = "Federation", Effect = "Allow", Action = "connect:GetFederationToken", Resource = "${local.instance}/user/$${aws:userid}" },
      { Sid = "Onboarding", Effect = "Allow", Action = ["connect:CreateUser", "connect:UpdateSecurityProfile"], Resource = "${local.instance}/*" },
      { Sid = "Calls", Effect = "Allow", Action = "connect:StartOutboundVoiceContact", Resource = "*" },
      { Sid = "Cleanup", Effect = "Allow", Action = "connect:DeleteQueue", Resource = "*", Condition = { StringEquals = { "aws:ResourceTag/team" = "ops" } } },`, `
  ignore = ["resource-wildcard", "missing-dependent-actions"]
}

output "risks" {
  value = [for f in data.connect_policy_analysis.test.findings : "${f.statement_index} ${f.severity} ${f.code} ${f.action}"]`),
		statecheck.ExpectKnownOutputValue("risks", stringsExact(
			"0 warning risk-data-exfiltration connect:UpdateInstanceStorageConfig",
			"1 suggestion risk-credentials-exposure connect:GetFederationToken",
			"2 suggestion risk-privilege-escalation connect:CreateUser",
			"2 suggestion risk-privilege-escalation connect:UpdateSecurityProfile",
			"3 warning risk-cost-and-fraud connect:StartOutboundVoiceContact",
			"4 suggestion risk-destruction connect:DeleteQueue",
		)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("findings").AtSliceIndex(0).AtMapKey("message"), knownvalue.StringExact(
			"It allows connect:UpdateInstanceStorageConfig, which sends call recordings, chat transcripts, contact records and reports to a bucket or stream of the principal's choosing, in any account (data-exfiltration); "+
				"nothing limits it to an instance: name the instance's ARNs, add a connect:InstanceId or aws:ResourceTag condition, or deny it.")),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("findings").AtSliceIndex(2).AtMapKey("message"), knownvalue.StringExact(
			"With connect:CreateUser (statement 2) and connect:UpdateSecurityProfile (statement 2), a principal creates a security profile with any permission, or raises one, and a user that has it (privilege-escalation); "+
				"resources or conditions limit it to named instances; check that they name only what this principal needs.")),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("warning_count"), knownvalue.Int64Exact(2)),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("allowed_by_risk"), knownvalue.MapExact(map[string]knownvalue.Check{
			"credentials-exposure": stringsExact("connect:GetFederationToken"),
			"privilege-escalation": stringsExact("connect:CreateUser", "connect:UpdateSecurityProfile"),
			"data-exfiltration":    stringsExact("connect:UpdateInstanceStorageConfig"),
			"flow-hijack":          knownvalue.ListSizeExact(0),
			"audit-evasion":        knownvalue.ListSizeExact(0),
			"destruction":          stringsExact("connect:DeleteQueue"),
			"cost-and-fraud":       stringsExact("connect:StartOutboundVoiceContact"),
		})),
	)
}

func TestPolicyAnalysisDataSourceFailOnRisk(t *testing.T) {
	testExpectError(t, analysisOf(`{ Sid = "Teardown", Effect = "Allow", Action = "connect:DeleteInstance", Resource = "*" }`, `
  fail_on = "warning"
  ignore  = ["resource-wildcard", "missing-dependent-actions"]`),
		expectError(`Policy warning: risk-destruction`, `Statement 0 (Sid Teardown): It allows connect:DeleteInstance, which deletes the instance`))
}

func TestPolicyAnalysisDataSourceIgnoreRisk(t *testing.T) {
	testStateChecks(t, analysisOf(`{ Effect = "Allow", Action = "connect:DeleteInstance", Resource = "*" }`, `
  fail_on = "warning"
  ignore  = ["resource-wildcard", "missing-dependent-actions", "risk-destruction"]`),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("findings"), knownvalue.ListSizeExact(0)),
		// Ignoring the finding does not hide the action from the grouping.
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("allowed_by_risk").AtMapKey("destruction"), stringsExact("connect:DeleteInstance")),
	)
}

// reviewOf is a connect_policy_analysis of a candidate against a baseline,
// each a list of statements, with its review as the output "review".
func reviewOf(baseline, candidate, extra string) string {
	return fmt.Sprintf(`
locals {
  instance = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
}

data "connect_policy_analysis" "test" {
  baseline = jsonencode({ Version = "2012-10-17", Statement = [%s] })
  policy   = jsonencode({ Version = "2012-10-17", Statement = [%s] })
  %s
}
`, baseline, candidate, extra)
}

// emptyGroups checks a map of every key to an empty list.
func emptyGroups(keys ...string) knownvalue.Check {
	checks := map[string]knownvalue.Check{}
	for _, k := range keys {
		checks[k] = knownvalue.ListSizeExact(0)
	}
	return knownvalue.MapExact(checks)
}

var (
	accessLevelKeys = []string{"List", "Read", "Write", "Permissions management", "Tagging"}
	riskKeys        = risk.CategoryNames()
)

const reviewedStatements = `
      { Sid = "Read", Effect = "Allow", Action = ["connect:DescribeQueue", "connect:ListQueues"], Resource = "${local.instance}/queue/*" },
      { Sid = "Agents", Effect = "Allow", Action = ["connect:DescribeUser", "connect:UpdateUserRoutingProfile"], Resource = ["${local.instance}/agent/*", "${local.instance}/routing-profile/*"] },`

// The same policy with its statements, actions and resources reordered
// changes nothing, and fail_on_new_risk lets it through.
func TestPolicyAnalysisDataSourceReviewUnchanged(t *testing.T) {
	testStateChecks(t, reviewOf(reviewedStatements, `
      { Effect = "Allow", Action = ["connect:UpdateUserRoutingProfile", "connect:DescribeUser"], Resource = ["${local.instance}/routing-profile/*", "${local.instance}/agent/*"] },
      { Effect = "Allow", Action = ["connect:ListQueues", "connect:DescribeQueue"], Resource = "${local.instance}/queue/*" },`, `
  fail_on_new_risk = true`),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("review"), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"added_actions":           knownvalue.ListSizeExact(0),
			"removed_actions":         knownvalue.ListSizeExact(0),
			"broadened_actions":       knownvalue.ListSizeExact(0),
			"added_by_access_level":   emptyGroups(accessLevelKeys...),
			"removed_by_access_level": emptyGroups(accessLevelKeys...),
			"added_by_risk":           emptyGroups(riskKeys...),
			"removed_by_risk":         emptyGroups(riskKeys...),
			"new_risks":               knownvalue.ListSizeExact(0),
			"new_writes_everywhere":   knownvalue.ListSizeExact(0),
		})),
	)
}

func TestPolicyAnalysisDataSourceReviewAddedWrite(t *testing.T) {
	testStateChecks(t, reviewOf(reviewedStatements, reviewedStatements+`
      { Sid = "Cleanup", Effect = "Allow", Action = "connect:DeleteUser", Resource = "*" },`, ""),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("review"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"added_actions":         stringsExact("connect:DeleteUser"),
			"removed_actions":       knownvalue.ListSizeExact(0),
			"broadened_actions":     knownvalue.ListSizeExact(0),
			"added_by_access_level": knownvalue.MapPartial(map[string]knownvalue.Check{"Write": stringsExact("connect:DeleteUser"), "Read": knownvalue.ListSizeExact(0)}),
			"added_by_risk":         knownvalue.MapPartial(map[string]knownvalue.Check{"destruction": stringsExact("connect:DeleteUser")}),
			"new_risks":             stringsExact("destruction: connect:DeleteUser"),
			"new_writes_everywhere": stringsExact("connect:DeleteUser"),
		})),
	)
}

func TestPolicyAnalysisDataSourceReviewAddedWriteFails(t *testing.T) {
	testExpectError(t, reviewOf(reviewedStatements, reviewedStatements+`
      { Sid = "Cleanup", Effect = "Allow", Action = "connect:DeleteUser", Resource = "*" },`, `
  fail_on_new_risk = true`),
		expectError(`The change adds risk`, `fail_on_new_risk = true`,
			`Against the baseline, the policy adds the risks destruction: connect:DeleteUser, and newly allows on every resource connect:DeleteUser.`))
}

// A resource widened from one instance to all is a broadened action, and a
// new risk when the action has one.
func TestPolicyAnalysisDataSourceReviewWidenedResource(t *testing.T) {
	testStateChecks(t, reviewOf(reviewedStatements, `
      { Sid = "Read", Effect = "Allow", Action = ["connect:DescribeQueue", "connect:ListQueues"], Resource = "${local.instance}/queue/*" },
      { Sid = "Agents", Effect = "Allow", Action = ["connect:DescribeUser", "connect:UpdateUserRoutingProfile"], Resource = ["arn:aws:connect:us-east-1:123456789012:instance/*/agent/*", "${local.instance}/routing-profile/*"] },`, ""),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("review"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"added_actions":         knownvalue.ListSizeExact(0),
			"removed_actions":       knownvalue.ListSizeExact(0),
			"broadened_actions":     stringsExact("connect:DescribeUser", "connect:UpdateUserRoutingProfile"),
			"new_risks":             knownvalue.ListSizeExact(0),
			"new_writes_everywhere": knownvalue.ListSizeExact(0),
		})),
	)
}

func TestPolicyAnalysisDataSourceReviewRemovedAction(t *testing.T) {
	testStateChecks(t, reviewOf(reviewedStatements, `
      { Sid = "Read", Effect = "Allow", Action = ["connect:DescribeQueue", "connect:ListQueues"], Resource = "${local.instance}/queue/*" },
      { Sid = "Agents", Effect = "Allow", Action = "connect:DescribeUser", Resource = "${local.instance}/agent/*" },`, `
  fail_on_new_risk = true`),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("review"), knownvalue.ObjectPartial(map[string]knownvalue.Check{
			"added_actions":           knownvalue.ListSizeExact(0),
			"removed_actions":         stringsExact("connect:UpdateUserRoutingProfile"),
			"broadened_actions":       knownvalue.ListSizeExact(0),
			"removed_by_access_level": knownvalue.MapPartial(map[string]knownvalue.Check{"Write": stringsExact("connect:UpdateUserRoutingProfile")}),
			"new_risks":               knownvalue.ListSizeExact(0),
		})),
	)
}

// A combination completed by the change is a new risk although each part
// alone is narrowed.
func TestPolicyAnalysisDataSourceReviewNewCombination(t *testing.T) {
	testExpectError(t, reviewOf(`{ Effect = "Allow", Action = "connect:CreateUser", Resource = "${local.instance}/*" }`, `
      { Effect = "Allow", Action = "connect:CreateUser", Resource = "${local.instance}/*" },
      { Effect = "Allow", Action = "connect:UpdateSecurityProfile", Resource = "${local.instance}/security-profile/*" },`, `
  fail_on_new_risk = true`),
		expectError(`The change adds risk`, `privilege-escalation: connect:UpdateSecurityProfile`, `privilege-escalation: connect:CreateUser and connect:UpdateSecurityProfile together`))
}

func TestPolicyAnalysisDataSourceNoBaseline(t *testing.T) {
	testStateChecks(t, analysisOf(`{ Effect = "Allow", Action = "connect:ListQueues", Resource = "*" }`, ""),
		statecheck.ExpectKnownValue("data.connect_policy_analysis.test", tfjsonpath.New("review"), knownvalue.Null()),
	)
}

func TestPolicyAnalysisDataSourceFailOnNewRiskWithoutBaseline(t *testing.T) {
	testExpectError(t, analysisOf(`{ Effect = "Allow", Action = "connect:ListQueues", Resource = "*" }`, `
  fail_on_new_risk = true`),
		expectError(`Invalid Attribute Combination`, `Attribute "baseline" must be specified when "fail_on_new_risk" is specified`))
}

func TestPolicyAnalysisDataSourceMalformedBaseline(t *testing.T) {
	testExpectError(t, analysisOf(`{ Effect = "Allow", Action = "connect:ListQueues", Resource = "*" }`, `
  baseline = "{\"Statement\": ["`),
		expectError(`Invalid baseline`, `The baseline policy cannot be read`))
}
