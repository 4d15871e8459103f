package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
)

// Each error connect_policy_document raises, in a TestCase of its own, with
// the configuration line Terraform points at and the message.
func TestPolicyDocumentDataSourceErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		{"explicit action that fits no resource", `
  grant {
    actions = [
      "GetMetricData",
      "DescribeUser",
    ]
    resources = ["${local.instance}/queue/*"]
  }`, expectError(`Invalid grant`, `"DescribeUser",`, `connect:DescribeUser acts on user, and none of this grant's resources (arn:aws:connect:us-east-1:123456789012:instance/abc/queue/*) is of those types; add an ARN of one of them or grant it separately.`)},
		{"family action on a Connect ARN", `
  grant {
    actions   = ["profile:SearchProfiles"]
    resources = [local.instance]
  }`, expectError(`Invalid grant`, `profile:SearchProfiles acts on domains, and none of this grant's resources (arn:aws:connect:us-east-1:123456789012:instance/abc) is of those types`)},
		{"family ARN of no type", `
  grant {
    actions   = ["cases:GetCase"]
    resources = ["arn:aws:cases:us-east-1:123456789012:domain/d/cases/c"]
  }`, expectError(`Invalid grant`, `is an Amazon Connect Cases ARN of no known type`)},
		{"wildcard-only action without star", `
  grant {
    actions   = ["ListInstances"]
    resources = [local.instance]
  }`, expectError(`Invalid grant`, `connect:ListInstances supports no resource-level permission and can only be granted on "*"`)},
		{"grant that grants nothing", `
  grant {
    access_levels = ["Tagging"]
    resources     = ["${local.instance}/contact/*"]
  }`, expectError(`Invalid grant`, `This grant grants nothing: none of the 2 selected actions can act on its resources (contact)`)},
		{"unknown action with suggestion", `
  grant {
    actions   = ["connect:DescribeUsr"]
    resources = ["*"]
  }`, expectError(`Invalid grant`, `actions   = ["connect:DescribeUsr"]`, `connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?`)},
		{"pattern that matches nothing", `
  grant {
    actions   = ["Descibe*"]
    resources = ["*"]
  }`, expectError(`Descibe* matches no Connect action; did you mean connect:Describe*?`)},
		{"unknown access level", `
  grant {
    access_levels = ["Admin"]
    resources     = ["*"]
  }`, expectError(`Unknown access level`, `"Admin" is not an access level`)},
		{"malformed ARN", `
  grant {
    access_levels = ["Read"]
    resources = [
      "*",
      "arn:aws:connect:us-east-1:1234:instance/abc",
    ]
  }`, expectError(`Invalid grant`, `"arn:aws:connect:us-east-1:1234:instance/abc",`, `account "1234" is not a 12-digit account ID.`)},
		{"ARN of no type", `
  grant {
    access_levels = ["Read"]
    resources     = ["${local.instance}/agents/u1"]
  }`, expectError(`is a Connect ARN of no known type: "agents" is not a Connect resource word after instance/<id>/ (did you mean agent?`)},
		{"another service's ARN", `
  grant {
    access_levels = ["Read"]
    resources     = ["arn:aws:rds:us-east-1:123456789012:db:x"]
  }`, expectError(`arn:aws:rds:us-east-1:123456789012:db:x is an ARN of rds, not of connect; a grant's resources must be ARNs of a service the catalog models`)},
		{"bad effect", `
  grant {
    effect    = "allow"
    actions   = ["ListUsers"]
    resources = [local.instance]
  }`, expectError(`Invalid Attribute Value Match`, `effect    = "allow"`, `Attribute grant[0].effect value must be one of: ["Allow" "Deny"], got: "allow"`)},
		{"unsupported condition key", `
  grant {
    actions   = ["CreateRoutingProfile", "DeleteUser"]
    resources = ["${local.instance}/*"]
    condition {
      test     = "StringEquals"
      variable = "aws:ResourceTag/team"
      values   = ["a"]
    }
  }`, expectError(`Policy error`, `condition {`, `connect:CreateRoutingProfile does not support aws:ResourceTag/team: the condition can never be true for them, so this Allow silently denies them`)},
		{"unknown operator", `
  grant {
    actions   = ["DeleteUser"]
    resources = ["${local.instance}/agent/*"]
    condition {
      test     = "StringEqual"
      variable = "aws:ResourceTag/team"
      values   = ["a"]
    }
  }`, expectError(`"StringEqual" is not a condition operator (did you mean StringEquals?)`)},
		{"operator that does not fit the key", `
  grant {
    actions   = ["DeleteUser"]
    resources = ["${local.instance}/agent/*"]
    condition {
      test     = "NumericLessThan"
      variable = "aws:ResourceTag/level"
      values   = ["3"]
    }
  }`, expectError(`NumericLessThan does not fit aws:ResourceTag/level, a key of type String; use a String operator such as StringEquals or StringLike.`)},
		{"value that does not parse", `
  grant {
    actions   = ["DeleteUser"]
    resources = ["${local.instance}/agent/*"]
    condition {
      test     = "IpAddress"
      variable = "aws:SourceIp"
      values   = ["10.0.0.300"]
    }
  }`, expectError(`Value "10.0.0.300" of IpAddress on aws:SourceIp is not an IP address or CIDR block`)},
		{"unknown action in a statement", `
  statement {
    actions   = ["connect:DescribeUsr"]
    resources = ["*"]
  }`, expectError(`Policy error`, `connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?`)},
		{"pattern in a statement that matches nothing", `
  statement {
    actions   = ["connect:Lsit*"]
    resources = ["*"]
  }`, expectError(`connect:Lsit* matches no Connect action; did you mean connect:List*?`)},
		{"malformed ARN in a statement", `
  statement {
    actions   = ["connect:DescribeUser"]
    resources = ["arn:aws:connect::123456789012:instance/abc/agent/*"]
  }`, expectError(`has no region; Connect resources are regional.`)},
		{"statement action that fits none of its resources", `
  statement {
    actions   = ["connect:DescribeUser", "s3:GetObject"]
    resources = ["${local.instance}/queue/*", "arn:aws:s3:::bucket/*"]
  }`, expectError(`connect:DescribeUser acts on user, and none of the statement's resources is of those types`)},
		{"statement with both actions and not_actions", `
  statement {
    actions     = ["connect:DescribeUser"]
    not_actions = ["s3:*"]
    resources   = ["*"]
  }`, expectError(`Invalid Attribute Combination`, `not_actions = ["s3:*"]`, `Attribute "statement[0].actions" cannot be specified when "statement[0].not_actions" is specified`)},
		{"invalid Sid", `
  statement {
    sid       = "read-users"
    actions   = ["connect:DescribeUser"]
    resources = ["${local.instance}/agent/*"]
  }`, expectError(`sid       = "read-users"`, `Sid "read-users" may contain only the letters A-Z and a-z and the digits 0-9`)},
		{"duplicate Sid among statements", `
  statement {
    sid       = "Users"
    actions   = ["connect:DescribeUser"]
    resources = ["${local.instance}/agent/*"]
  }
  statement {
    sid       = "Users"
    actions   = ["connect:DeleteUser"]
    resources = ["${local.instance}/agent/*"]
  }`, expectError(`Duplicate Sid`, `Sid "Users" is already used by statement block 0; Sids must be unique.`)},
		{"Sid of a generated statement", `
  grant {
    access_levels = ["Read"]
    resources     = ["${local.instance}/queue/*"]
  }
  statement {
    sid       = "ConnectReadQueue"
    actions   = ["connect:DeleteUser"]
    resources = ["${local.instance}/agent/*"]
  }`, expectError(`Sid "ConnectReadQueue" is also the Sid of a statement the grants produce; choose another Sid.`)},
		{"source that is not JSON", `
  source_policy_documents = ["{\"Statement\": [}"]`, expectError(`Invalid policy JSON`, `This policy cannot be read: line 1, column 16: invalid JSON`)},
		{"duplicate Sid across sources", `
  source_policy_documents = [
    jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "s3:GetObject", Resource = "*" }] }),
    jsonencode({ Statement = [{ Sid = "A", Effect = "Allow", Action = "s3:PutObject", Resource = "*" }] }),
  ]`, expectError(`Duplicate Sid`, `Sid "A" is used more than once across source_policy_documents (first in item 0)`)},
		{"source with an unknown action", `
  override_policy_documents = [
    jsonencode({ Statement = [{ Effect = "Allow", Action = "connect:DescribeUsr", Resource = "*" }] }),
  ]`, expectError(`Statement 0: connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?`)},
		{"invalid version", `
  version = "2012-10-18"
  grant {
    actions   = ["ListUsers"]
    resources = [local.instance]
  }`, expectError(`Invalid Attribute Value Match`, `version = "2012-10-18"`, `Attribute version value must be one of: ["2012-10-17" "2008-10-17"], got: "2012-10-18"`)},
		{"over the size limit", `
  size_limit = 100
  grant {
    access_levels = ["Read"]
    resources     = ["${local.instance}/queue/*"]
  }`, expectError(`Policy too large`, `size_limit = 100`, `The policy is 330 characters without white space, over the size_limit of 100`)},
		{"size limit that is not positive", `
  size_limit = 0
  grant {
    actions   = ["ListUsers"]
    resources = [local.instance]
  }`, expectError(`Invalid Attribute Value`, `size_limit = 0`, `Attribute size_limit value must be at least 1, got: 0`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      testInstanceLocal + "data \"connect_policy_document\" \"test\" {" + tt.config + "\n}\n",
					ExpectError: tt.want,
				}},
			})
		})
	}
}

// Bugs of 0.2.0, each at the element it is about.
func TestPolicyDocumentDataSourceErrorsOnTheElement(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name   string
		config string
		want   *regexp.Regexp
	}{
		// Terraform shows no line for a set element: it points at the
		// statement; TestPrincipalValueReportsTheElement checks the path.
		{"principal", `
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::bucket/*"]
    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::123456789012:root"]
    }
    principals {
      type        = "*"
      identifiers = ["a"]
    }
  }`, expectError(`Invalid principal`, `statement {`, `A principal of type "*" must have the identifiers ["*"], not ["a"].`)},
		// The value at index 1, after a null at 0.
		{"access level after a null", `
  grant {
    access_levels = [
      null,
      "Admin",
    ]
    resources = ["*"]
  }`, expectError(`Unknown access level`, `"Admin",`, `"Admin" is not an access level`)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resource.UnitTest(t, resource.TestCase{
				ProtoV6ProviderFactories: protoV6ProviderFactories,
				Steps: []resource.TestStep{{
					Config:      testInstanceLocal + "data \"connect_policy_document\" \"test\" {" + tt.config + "\n}\n",
					ExpectError: tt.want,
				}},
			})
		})
	}
}
