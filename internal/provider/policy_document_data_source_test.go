package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-framework/types"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/plancheck"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"

	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/compose"
	"github.com/connect-iam/terraform-provider-connect/internal/planner"
)

// testInstance is the ARN prefix the configurations share.
const testInstanceLocal = `
locals {
  instance = "arn:aws:connect:us-east-1:123456789012:instance/abc"
}
`

func TestPolicyDocumentDataSourceGrants(t *testing.T) {
	testStateChecks(t, catalog2020+testInstanceLocal+`
data "connect_policy_document" "test" {
  grant {
    access_levels = ["Read"]
    actions       = ["connect:StartOutboundVoiceContact"]
    resources     = ["${local.instance}/queue/*", "${local.instance}/contact/*"]
  }
  grant {
    actions   = ["ListInstances"]
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["us-east-1"]
    }
  }
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("json"), knownvalue.StringExact(`{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ConnectListAllResources",
      "Effect": "Allow",
      "Action": "connect:ListInstances",
      "Resource": "*",
      "Condition": {
        "StringEquals": {
          "aws:RequestedRegion": "us-east-1"
        }
      }
    },
    {
      "Sid": "ConnectReadContact",
      "Effect": "Allow",
      "Action": "connect:GetContactAttributes",
      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/contact/*"
    },
    {
      "Sid": "ConnectReadQueue",
      "Effect": "Allow",
      "Action": [
        "connect:GetCurrentMetricData",
        "connect:GetMetricData"
      ],
      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*"
    },
    {
      "Sid": "ConnectWriteContact",
      "Effect": "Allow",
      "Action": "connect:StartOutboundVoiceContact",
      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/contact/*"
    }
  ]
}`)),
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("minified_json"),
			knownvalue.StringRegexp(regexpMust(`^\{"Version":"2012-10-17","Statement":\[\{"Sid":"ConnectListAllResources",.*\]\}$`))),
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("allowed_actions"), stringsExact(
			"connect:GetContactAttributes", "connect:GetCurrentMetricData", "connect:GetMetricData",
			"connect:ListInstances", "connect:StartOutboundVoiceContact")),
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("denied_actions"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("size"), knownvalue.Int64Exact(713)),
	)
}

func TestPolicyDocumentDataSourceIsDeterministic(t *testing.T) {
	testStateChecks(t, testInstanceLocal+`
data "connect_policy_document" "one" {
  grant {
    access_levels = ["Read", "List"]
    actions       = ["UpdateUserIdentityInfo", "connect:Delete*"]
    resources     = ["${local.instance}/agent/*", local.instance, "*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["us-east-1", "eu-west-2"]
    }
  }
  grant {
    effect    = "Deny"
    actions   = ["DeleteInstance"]
    resources = [local.instance]
  }
}

data "connect_policy_document" "two" {
  grant {
    effect    = "Deny"
    actions   = ["DeleteInstance"]
    resources = [local.instance]
  }
  grant {
    actions       = ["connect:Delete*", "UpdateUserIdentityInfo"]
    access_levels = ["List", "Read"]
    resources     = ["*", local.instance, "${local.instance}/agent/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:RequestedRegion"
      values   = ["eu-west-2", "us-east-1"]
    }
  }
}
`,
		statecheck.CompareValuePairs(
			"data.connect_policy_document.one", tfjsonpath.New("json"),
			"data.connect_policy_document.two", tfjsonpath.New("json"),
			compare.ValuesSame()),
		statecheck.ExpectKnownValue("data.connect_policy_document.one", tfjsonpath.New("denied_actions"), stringsExact("connect:DeleteInstance")),
	)
}

func TestPolicyDocumentDataSourceStatementsAndMerging(t *testing.T) {
	testStateChecks(t, catalog2020+testInstanceLocal+`
data "connect_policy_document" "test" {
  source_policy_documents = [jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Sid = "Replaced", Effect = "Allow", Action = "s3:GetObject", Resource = "*" },
      { Sid = "Kept", Effect = "Allow", Action = "logs:PutLogEvents", Resource = "*" },
    ]
  })]
  override_policy_documents = [jsonencode({
    Statement = [
      { Sid = "Kept", Effect = "Allow", Action = ["logs:PutLogEvents", "logs:CreateLogStream"], Resource = "*" },
      { Effect = "Deny", Action = "connect:DestroyInstance", Resource = "*" },
    ]
  })]
  statement {
    sid       = "Replaced"
    actions   = ["connect:DescribeUser", "sqs:SendMessage"]
    resources = ["${local.instance}/agent/*", "arn:aws:sqs:us-east-1:123456789012:q"]
  }
  statement {
    effect    = "Deny"
    actions   = ["connect:DeleteUser"]
    resources = ["${local.instance}/agent/*"]
    condition {
      test     = "StringNotEquals"
      variable = "aws:ResourceTag/team"
      values   = ["admins"]
    }
  }
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("minified_json"), knownvalue.StringExact(
			`{"Version":"2012-10-17","Statement":[`+
				`{"Sid":"Replaced","Effect":"Allow","Action":["connect:DescribeUser","sqs:SendMessage"],"Resource":["arn:aws:connect:us-east-1:123456789012:instance/abc/agent/*","arn:aws:sqs:us-east-1:123456789012:q"]},`+
				`{"Sid":"Kept","Effect":"Allow","Action":["logs:CreateLogStream","logs:PutLogEvents"],"Resource":"*"},`+
				`{"Effect":"Deny","Action":"connect:DeleteUser","Resource":"arn:aws:connect:us-east-1:123456789012:instance/abc/agent/*","Condition":{"StringNotEquals":{"aws:ResourceTag/team":"admins"}}},`+
				`{"Effect":"Deny","Action":"connect:DestroyInstance","Resource":"*"}]}`)),
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("allowed_actions"), stringsExact(
			"connect:DescribeUser", "logs:CreateLogStream", "logs:PutLogEvents", "sqs:SendMessage")),
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("denied_actions"), stringsExact("connect:DeleteUser", "connect:DestroyInstance")),
	)
}

// A policy from connect_policy_document, and one in the form
// aws_iam_policy_document produces, come through a source unchanged.
func TestPolicyDocumentDataSourceRoundTrip(t *testing.T) {
	testStateChecks(t, testInstanceLocal+`
data "connect_policy_document" "built" {
  grant {
    actions   = ["CreateRoutingProfile"]
    resources = ["${local.instance}/routing-profile/*", "${local.instance}/queue/*"]
    condition {
      test     = "ForAllValues:StringEquals"
      variable = "aws:TagKeys"
      values   = ["team", "cost-centre"]
    }
  }
}

data "connect_policy_document" "rebuilt" {
  source_policy_documents = [data.connect_policy_document.built.json]
}

locals {
  # What aws_iam_policy_document renders for an equivalent statement: the
  # same elements, its own key order and spacing.
  aws_style = <<-JSON
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Sid": "ReadQueues",
          "Effect": "Allow",
          "Action": [
            "connect:GetMetricData",
            "connect:GetCurrentMetricData"
          ],
          "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*",
          "Condition": {
            "Bool": {
              "aws:SecureTransport": "true"
            }
          }
        }
      ]
    }
  JSON
}

data "connect_policy_document" "from_aws_style" {
  source_policy_documents = [local.aws_style]
}
`,
		statecheck.CompareValuePairs(
			"data.connect_policy_document.built", tfjsonpath.New("json"),
			"data.connect_policy_document.rebuilt", tfjsonpath.New("json"),
			compare.ValuesSame()),
		statecheck.ExpectKnownValue("data.connect_policy_document.from_aws_style", tfjsonpath.New("minified_json"), knownvalue.StringExact(
			`{"Version":"2012-10-17","Statement":[{"Sid":"ReadQueues","Effect":"Allow","Action":["connect:GetCurrentMetricData","connect:GetMetricData"],`+
				`"Resource":"arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*","Condition":{"Bool":{"aws:SecureTransport":"true"}}}]}`)),
	)
}

func TestPolicyDocumentDataSourceDependentActionsAndMinimize(t *testing.T) {
	testStateChecks(t, catalog2020+testInstanceLocal+`
data "connect_policy_document" "with" {
  grant {
    actions   = ["GetFederationTokens"]
    resources = [local.instance]
  }
}

data "connect_policy_document" "without" {
  include_dependent_actions = false
  grant {
    actions   = ["GetFederationTokens"]
    resources = [local.instance]
  }
}

data "connect_policy_document" "minimized" {
  minimize = true
  grant {
    access_levels = ["Read", "List"]
    resources     = [local.instance]
  }
}
`,
		// GetFederationTokens needs DescribeInstance, which needs more in turn:
		// DescribeInstance on the grant's instance, ListInstances (no
		// resource-level permission) on "*", and the other services'
		// actions each on its own types within the grant's account and
		// region, or on "*" where they have none.
		statecheck.ExpectKnownValue("data.connect_policy_document.with", tfjsonpath.New("minified_json"), knownvalue.StringExact(
			`{"Version":"2012-10-17","Statement":[`+
				`{"Sid":"ConnectWriteInstance","Effect":"Allow","Action":"connect:GetFederationTokens","Resource":"arn:aws:connect:us-east-1:123456789012:instance/abc"},`+
				`{"Sid":"ConnectDependentActionsAllResources","Effect":"Allow","Action":"connect:ListInstances","Resource":"*"},`+
				`{"Sid":"ConnectDependentActionsInstance","Effect":"Allow","Action":"connect:DescribeInstance","Resource":"arn:aws:connect:us-east-1:123456789012:instance/abc"},`+
				`{"Sid":"ConnectDependentActionsDsAllResources","Effect":"Allow","Action":"ds:DescribeDirectories","Resource":"*"},`+
				`{"Sid":"ConnectDependentActionsFirehoseAllResources","Effect":"Allow","Action":"firehose:ListDeliveryStreams","Resource":"*"},`+
				`{"Sid":"ConnectDependentActionsFirehoseDeliverystream","Effect":"Allow","Action":"firehose:DescribeDeliveryStream","Resource":"arn:aws:firehose:us-east-1:123456789012:deliverystream/*"},`+
				`{"Sid":"ConnectDependentActionsKinesisAllResources","Effect":"Allow","Action":"kinesis:ListStreams","Resource":"*"},`+
				`{"Sid":"ConnectDependentActionsKinesisStream","Effect":"Allow","Action":"kinesis:DescribeStream","Resource":"arn:aws:kinesis:us-east-1:123456789012:stream/*"},`+
				`{"Sid":"ConnectDependentActionsKmsAllResources","Effect":"Allow","Action":"kms:ListAliases","Resource":"*"},`+
				`{"Sid":"ConnectDependentActionsKmsKey","Effect":"Allow","Action":"kms:DescribeKey","Resource":"arn:aws:kms:us-east-1:123456789012:key/*"},`+
				`{"Sid":"ConnectDependentActionsS3AllResources","Effect":"Allow","Action":"s3:ListAllMyBuckets","Resource":"*"}]}`)),
		statecheck.ExpectKnownValue("data.connect_policy_document.without", tfjsonpath.New("allowed_actions"), stringsExact("connect:GetFederationTokens")),
		statecheck.ExpectKnownValue("data.connect_policy_document.minimized", tfjsonpath.New("minified_json"), knownvalue.StringExact(
			`{"Version":"2012-10-17","Statement":[`+
				`{"Sid":"ConnectListReadInstance","Effect":"Allow","Action":["connect:DescribeI*","connect:DescribeUserHierarchyS*","connect:GetFederationToken","connect:ListC*","connect:ListH*","connect:ListP*","connect:ListQ*","connect:ListRoutingProfiles","connect:ListS*","connect:ListU*"],"Resource":"arn:aws:connect:us-east-1:123456789012:instance/abc"},`+
				`{"Sid":"ConnectDependentActionsFirehoseAllResources","Effect":"Allow","Action":"firehose:ListD*","Resource":"*"},`+
				`{"Sid":"ConnectDependentActionsFirehoseDeliverystream","Effect":"Allow","Action":"firehose:Des*","Resource":"arn:aws:firehose:us-east-1:123456789012:deliverystream/*"},`+
				`{"Sid":"ConnectDependentActionsKinesisAllResources","Effect":"Allow","Action":"kinesis:ListStreams","Resource":"*"},`+
				`{"Sid":"ConnectDependentActionsKinesisStream","Effect":"Allow","Action":"kinesis:DescribeStream","Resource":"arn:aws:kinesis:us-east-1:123456789012:stream/*"},`+
				`{"Sid":"ConnectDependentActionsKmsAllResources","Effect":"Allow","Action":"kms:ListA*","Resource":"*"},`+
				`{"Sid":"ConnectDependentActionsKmsKey","Effect":"Allow","Action":"kms:DescribeK*","Resource":"arn:aws:kms:us-east-1:123456789012:key/*"},`+
				`{"Sid":"ConnectDependentActionsS3AllResources","Effect":"Allow","Action":"s3:ListAl*","Resource":"*"}]}`)),
		statecheck.ExpectKnownValue("data.connect_policy_document.minimized", tfjsonpath.New("allowed_actions"), knownvalue.ListSizeExact(19)),
	)
}

// An ARN of a resource not created yet makes the document unknown at plan,
// not an error; it is known after apply.
func TestPolicyDocumentDataSourceUnknownValues(t *testing.T) {
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps: []resource.TestStep{{
			Config: `
resource "terraform_data" "instance" {
  input = "arn:aws:connect:us-east-1:123456789012:instance/abc"
}

data "connect_policy_document" "test" {
  grant {
    access_levels = ["List"]
    resources     = [terraform_data.instance.output]
  }
}

output "json" {
  value = data.connect_policy_document.test.json
}
`,
			ConfigPlanChecks: resource.ConfigPlanChecks{
				PreApply: []plancheck.PlanCheck{plancheck.ExpectUnknownOutputValue("json")},
			},
			ConfigStateChecks: []statecheck.StateCheck{
				statecheck.ExpectKnownOutputValue("json", knownvalue.StringRegexp(regexpMust(`"Sid": "ConnectListInstance"`))),
			},
		}},
	})
}

// While a resource's ARN is unknown, a misspelt action is still an error at
// plan, pointing at the action.
func TestPolicyDocumentDataSourceChecksKnownValuesAtPlan(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		{"grant action", `
  grant {
    actions = [
      "GetMetricData",
      "DescribeUsr",
    ]
    resources = [terraform_data.queue.output]
  }`, expectError(`Invalid grant`, `"DescribeUsr",`, `connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?`)},
		{"grant access level", `
  grant {
    access_levels = ["Reed"]
    resources     = [terraform_data.queue.output]
  }`, expectError(`"Reed" is not an access level`)},
		{"grant condition", `
  grant {
    access_levels = ["Read"]
    resources     = [terraform_data.queue.output]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["yes"]
    }
  }`, expectError(`Value "yes" of Bool on aws:SecureTransport is not "true" or "false".`)},
		{"grant with a known malformed ARN beside an unknown one", `
  grant {
    access_levels = ["Read"]
    resources     = [terraform_data.queue.output, "arn:aws:connect:us-east-1:1:instance/abc"]
  }`, expectError(`account "1" is not a 12-digit account ID`)},
		{"statement action", `
  statement {
    actions   = ["connect:GetMetricDta"]
    resources = [terraform_data.queue.output]
  }`, expectError(`connect:GetMetricDta is not a Connect action; did you mean connect:GetMetricData?`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config: `
resource "terraform_data" "queue" {
  input = "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q1"
}

data "connect_policy_document" "test" {` + tt.config + `
}
`,
					PlanOnly:    true,
					ExpectError: tt.want,
				}},
			})
		})
	}
}

// Grants on today's catalog: the collective queue type, an account-level
// phone number, the SAML federation form and a tagging action.
func TestPolicyDocumentDataSourceLatest(t *testing.T) {
	testStateChecks(t, testInstanceLocal+`
data "connect_policy_document" "test" {
  grant {
    actions   = ["connect:ListQueues", "connect:DescribeQueue"]
    resources = ["${local.instance}/queue/*"]
  }
  grant {
    actions   = ["connect:GetFederationToken"]
    resources = ["${local.instance}/user/$${aws:userid}"]
  }
  grant {
    access_levels = ["Tagging"]
    actions       = ["connect:DescribePhoneNumber"]
    resources     = ["arn:aws:connect:us-east-1:123456789012:phone-number/*"]
  }
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("json"), knownvalue.StringExact(`{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ConnectListWildcardQueue",
      "Effect": "Allow",
      "Action": "connect:ListQueues",
      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*"
    },
    {
      "Sid": "ConnectReadFederationUser",
      "Effect": "Allow",
      "Action": "connect:GetFederationToken",
      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/user/${aws:userid}"
    },
    {
      "Sid": "ConnectReadPhoneNumber",
      "Effect": "Allow",
      "Action": "connect:DescribePhoneNumber",
      "Resource": "arn:aws:connect:us-east-1:123456789012:phone-number/*"
    },
    {
      "Sid": "ConnectReadQueue",
      "Effect": "Allow",
      "Action": "connect:DescribeQueue",
      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*"
    },
    {
      "Sid": "ConnectTaggingMultipleTypes",
      "Effect": "Allow",
      "Action": [
        "connect:TagResource",
        "connect:UntagResource"
      ],
      "Resource": "arn:aws:connect:us-east-1:123456789012:phone-number/*"
    }
  ]
}`)),
	)
}

// Actions of the rest of the family are granted on their own service's
// ARNs, in statements after Connect's.
func TestPolicyDocumentDataSourceFamilyGrants(t *testing.T) {
	testStateChecks(t, testInstanceLocal+`
data "connect_policy_document" "test" {
  grant {
    actions = ["connect:DescribeQueue", "profile:SearchProfiles", "profile:GetDomain", "cases:GetCase"]
    resources = [
      "${local.instance}/queue/*",
      "arn:aws:profile:us-east-1:123456789012:domains/amazon-connect-abc",
      "arn:aws:cases:us-east-1:123456789012:domain/d1/case/*",
    ]
  }
}

data "connect_policy_document" "tagging" {
  grant {
    access_levels = ["Tagging"]
    resources     = ["arn:aws:profile:us-east-1:123456789012:domains/amazon-connect-abc"]
  }
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("json"), knownvalue.StringExact(`{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Sid": "ConnectReadQueue",
      "Effect": "Allow",
      "Action": "connect:DescribeQueue",
      "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*"
    },
    {
      "Sid": "ConnectCasesReadCase",
      "Effect": "Allow",
      "Action": "cases:GetCase",
      "Resource": "arn:aws:cases:us-east-1:123456789012:domain/d1/case/*"
    },
    {
      "Sid": "ConnectProfileReadDomains",
      "Effect": "Allow",
      "Action": [
        "profile:GetDomain",
        "profile:SearchProfiles"
      ],
      "Resource": "arn:aws:profile:us-east-1:123456789012:domains/amazon-connect-abc"
    }
  ]
}`)),
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("allowed_actions"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.StringExact("cases:GetCase"),
			knownvalue.StringExact("connect:DescribeQueue"),
			knownvalue.StringExact("profile:GetDomain"),
			knownvalue.StringExact("profile:SearchProfiles"),
		})),
		// Access levels on a domain's ARN select Customer Profiles' actions.
		statecheck.ExpectKnownValue("data.connect_policy_document.tagging", tfjsonpath.New("allowed_actions"), stringsExact("profile:TagResource", "profile:UntagResource")),
	)
}

// Problems of the composition land on the attribute they are about: a
// grant's value by its position, a statement's set element by its value.
// Warnings cannot be asserted through terraform-plugin-testing, hence a Go
// test of the mapping.
func TestProblemPath(t *testing.T) {
	tests := []struct {
		problem compose.Problem
		want    path.Path
	}{
		{compose.Problem{Part: compose.PartGrants, Index: 1, Field: planner.FieldResources, FieldIndex: 2},
			path.Root("grant").AtListIndex(1).AtName("resources").AtListIndex(2)},
		{compose.Problem{Part: compose.PartGrants, Index: 0, Field: compose.FieldConditions, FieldIndex: 0},
			path.Root("grant").AtListIndex(0).AtName("condition").AtListIndex(0)},
		{compose.Problem{Part: compose.PartGrants, Index: 3, FieldIndex: -1}, path.Root("grant").AtListIndex(3)},
		{compose.Problem{Part: compose.PartStatements, Index: 0, Finding: &checker.Finding{Element: checker.ElementAction, Action: "connect:DescribeUsr"}},
			path.Root("statement").AtListIndex(0).AtName("actions").AtSetValue(types.StringValue("connect:DescribeUsr"))},
		{compose.Problem{Part: compose.PartStatements, Index: 2, Finding: &checker.Finding{Element: checker.ElementCondition, Condition: 1}},
			path.Root("statement").AtListIndex(2).AtName("condition").AtListIndex(1)},
		{compose.Problem{Part: compose.PartSources, Index: 1}, path.Root("source_policy_documents").AtListIndex(1)},
		{compose.Problem{Part: compose.PartDependentActions, Index: -1}, path.Root("include_dependent_actions")},
		{compose.Problem{Part: compose.PartKind, Index: -1}, path.Root("policy_kind")},
	}
	for _, tt := range tests {
		if got, ok := problemPath(tt.problem); !ok || !got.Equal(tt.want) {
			t.Errorf("problemPath(%+v) = %s, %v; want %s", tt.problem, got, ok, tt.want)
		}
	}
	if _, ok := problemPath(compose.Problem{Part: compose.PartDocument, Index: -1}); ok {
		t.Error("a problem of the whole policy has an attribute")
	}
	var diags diag.Diagnostics
	reportProblem(compose.Problem{Severity: checker.SeverityWarning, Summary: "Policy warning", Message: "m", Part: compose.PartGrants, Index: 0, Field: planner.FieldResources, FieldIndex: 1}, &diags)
	if len(diags.Warnings()) != 1 || !strings.Contains(diags.Warnings()[0].Summary(), "Policy warning") {
		t.Errorf("diagnostics = %v", diags)
	}
}

// The Administrator Guide's UpdateUser* by tag: the three actions the
// pattern matches that cannot meet the condition are left out (with a
// warning), not a failed plan. The outbound dialer's StartOutboundVoiceContact
// on contacts, which the reference listed until 2025-12, is granted there
// (with a warning that cites both versions).
func TestPolicyDocumentDataSourceWhatAPatternOrTheReferenceCannotSettle(t *testing.T) {
	testStateChecks(t, `
locals {
  instance = "arn:aws:connect:us-east-1:123456789012:instance/abc"
}

data "connect_policy_document" "by_tag" {
  grant {
    actions   = ["connect:DescribeUser", "connect:UpdateUser*"]
    resources = ["${local.instance}/agent/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/Department"
      values   = ["Test"]
    }
  }
}

data "connect_policy_document" "dialer" {
  include_dependent_actions = false
  grant {
    actions   = ["StartOutboundVoiceContact"]
    resources = ["${local.instance}/contact/*"]
  }
}
`,
		statecheck.ExpectKnownValue("data.connect_policy_document.by_tag", tfjsonpath.New("allowed_actions"), stringsExact(
			"connect:DescribeUser", "connect:UpdateUserHierarchy", "connect:UpdateUserIdentityInfo", "connect:UpdateUserNotificationStatus",
			"connect:UpdateUserPhoneConfig", "connect:UpdateUserRoutingProfile", "connect:UpdateUserSecurityProfiles")),
		statecheck.ExpectKnownValue("data.connect_policy_document.dialer", tfjsonpath.New("minified_json"), knownvalue.StringExact(
			`{"Version":"2012-10-17","Statement":[{"Sid":"ConnectWriteContact","Effect":"Allow","Action":"connect:StartOutboundVoiceContact","Resource":"arn:aws:connect:us-east-1:123456789012:instance/abc/contact/*"}]}`)),
	)
}
