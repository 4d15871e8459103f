package planner

import (
	"slices"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

const (
	testInstance = "arn:aws:connect:us-east-1:123456789012:instance/11111111-2222-3333-4444-555555555555"
	otherAccount = "arn:aws:connect:eu-west-2:210987654321:instance/abc"
)

func TestDependentStatements(t *testing.T) {
	c := catalogtest.Load(t, catalog.Latest)
	tagged := policy.Condition{Operator: "StringEquals", Key: "aws:ResourceTag/team", Values: []string{"blue"}}
	secure := policy.Condition{Operator: "Bool", Key: "aws:SecureTransport", Values: []string{"true"}}
	byInstance := policy.Condition{Operator: "StringEquals", Key: "connect:InstanceId", Values: []string{"abc"}}
	tests := []struct {
		name       string
		statements []policy.Statement
		minimize   bool
		want       []string
		missing    []string
	}{
		{
			name:       "a Connect dependent action on its own type in the grant's instance",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:SearchContacts"}, Resources: []string{testInstance}}},
			want:       []string{"ConnectDependentActionsContact Allow connect:DescribeContact -> " + testInstance + "/contact/*"},
			missing:    []string{"connect:DescribeContact"},
		},
		{
			name: "each instance of the grant, in its own region and account",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:SearchQueues"},
				Resources: []string{testInstance, otherAccount}}},
			want: []string{"ConnectDependentActionsQueue Allow connect:DescribeQueue -> " + otherAccount + "/queue/*," + testInstance + "/queue/*"},
		},
		{
			name:       "a wildcard instance stays a wildcard instance",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:SearchUsers"}, Resources: []string{"arn:aws:connect:*:*:instance/*"}}},
			want: []string{
				"ConnectDependentActionsMultipleTypes Allow connect:ListUserProficiencies -> arn:aws:connect:*:*:instance/*,arn:aws:connect:*:*:instance/*/agent/*",
				"ConnectDependentActionsUser Allow connect:DescribeUser -> arn:aws:connect:*:*:instance/*/agent/*",
			},
		},
		{
			name:       "a family dependent action on its own type, in the grant's account",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:AssociateCustomerProfilesDomain"}, Resources: []string{testInstance}}},
			want: []string{
				// On Connect's service-linked role only, as AWS's documents
				// confine them (catalog.ServiceRoleOf), not on every role.
				"ConnectDependentActionsIamServiceLinkedRole Allow iam:AttachRolePolicy,iam:CreateServiceLinkedRole,iam:PutRolePolicy -> " +
					"arn:aws:iam::123456789012:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*",
				"ConnectDependentActionsProfileDomains Allow profile:GetDomain -> arn:aws:profile:us-east-1:123456789012:domains/*",
			},
		},
		{
			name: "a family action's own dependent action",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"wisdom:RenderMessageTemplate"},
				Resources: []string{"arn:aws:wisdom:us-east-1:123456789012:message-template/kb1/*"}}},
			// Within the grant's knowledge base, kb1: its templates, not every
			// knowledge base's.
			want: []string{"ConnectDependentActionsWisdomMessageTemplate Allow wisdom:GetMessageTemplate -> arn:aws:wisdom:us-east-1:123456789012:message-template/kb1/*"},
		},
		{
			name:       "on \"*\" when the grant is on \"*\"",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:SearchContacts"}, Resources: []string{"*"}}},
			want:       []string{"ConnectDependentActionsAllResources Allow connect:DescribeContact -> *"},
		},
		{
			name:       "dependent actions of dependent actions; other services apart, on \"*\"",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:ListUseCases"}, Resources: []string{testInstance}}},
			want: []string{
				"ConnectDependentActionsInstance Allow connect:DescribeInstance -> " + testInstance,
				"ConnectDependentActionsDsAllResources Allow ds:DescribeDirectories -> *",
			},
		},
		{
			name:       "a grant on \"*\": the service-linked role of any account",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:CreateInstance"}, Resources: []string{"*"}}},
			want: []string{
				"ConnectDependentActionsDsAllResources Allow ds:AuthorizeApplication,ds:CheckAlias,ds:CreateAlias,ds:CreateDirectory,ds:CreateIdentityPoolDirectory,ds:DeleteDirectory,ds:DescribeDirectories,ds:UnauthorizeApplication -> *",
				"ConnectDependentActionsEc2AllResources Allow ec2:AuthorizeSecurityGroupEgress,ec2:AuthorizeSecurityGroupIngress,ec2:CreateNetworkInterface,ec2:CreateSecurityGroup,ec2:CreateTags,ec2:DeleteNetworkInterface,ec2:DeleteSecurityGroup,ec2:DescribeNetworkInterfaces,ec2:DescribeSubnets,ec2:DescribeVpcs,ec2:RevokeSecurityGroupEgress,ec2:RevokeSecurityGroupIngress -> *",
				"ConnectDependentActionsIamServiceLinkedRole Allow iam:AttachRolePolicy,iam:CreateServiceLinkedRole,iam:PutRolePolicy -> " +
					"arn:*:iam::*:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*",
			},
		},
		{
			name:       "an action that supports no resource-level permission on \"*\"",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:AdminGetEmergencyAccessToken"}, Resources: []string{testInstance}}},
			want: []string{
				"ConnectDependentActionsAllResources Allow connect:ListInstances -> *",
				"ConnectDependentActionsInstance Allow connect:DescribeInstance -> " + testInstance,
				"ConnectDependentActionsDsAllResources Allow ds:DescribeDirectories -> *",
			},
		},
		{
			name: "supported conditions carry over; others are left out, global keys go to other services",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:SearchHoursOfOperationOverrides"}, Resources: []string{testInstance},
				Conditions: []policy.Condition{byInstance, secure}}},
			want: []string{
				"ConnectDependentActionsHoursOfOperation Allow connect:DescribeHoursOfOperation -> " + testInstance + "/operating-hours/* [Bool aws:SecureTransport=true] [StringEquals connect:InstanceId=abc]",
				"ConnectDependentActionsMultipleTypes Allow connect:ListHoursOfOperationOverrides -> " + testInstance + "," + testInstance + "/operating-hours/* [Bool aws:SecureTransport=true] [StringEquals connect:InstanceId=abc]",
			},
		},
		{
			name: "a tag condition the dependent action supports",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:SearchUsers"}, Resources: []string{testInstance},
				Conditions: []policy.Condition{tagged}}},
			want: []string{
				"ConnectDependentActionsMultipleTypes Allow connect:ListUserProficiencies -> " + testInstance + "," + testInstance + "/agent/*",
				"ConnectDependentActionsUser Allow connect:DescribeUser -> " + testInstance + "/agent/* [StringEquals aws:ResourceTag/team=blue]",
			},
		},
		{
			name: "already allowed on a covering resource: nothing to add",
			statements: []policy.Statement{
				{Effect: "Allow", Actions: []string{"connect:SearchQueues"}, Resources: []string{testInstance}},
				{Effect: "Allow", Actions: []string{"connect:Describe*"}, Resources: []string{testInstance + "/*"}},
			},
		},
		{
			name: "allowed in another instance only: still needed here",
			statements: []policy.Statement{
				{Effect: "Allow", Actions: []string{"connect:SearchQueues"}, Resources: []string{testInstance}},
				{Effect: "Allow", Actions: []string{"connect:DescribeQueue"}, Resources: []string{otherAccount + "/queue/*"}},
			},
			want: []string{"ConnectDependentActionsQueue Allow connect:DescribeQueue -> " + testInstance + "/queue/*"},
		},
		{
			name: "a Deny that surely applies takes the need away",
			statements: []policy.Statement{
				{Effect: "Allow", Actions: []string{"connect:SearchQueues"}, Resources: []string{testInstance}},
				{Effect: "Deny", Actions: []string{"connect:SearchQueues"}, Resources: []string{"*"}},
			},
		},
		{
			name:       "AWS managed views are left out of DescribeView; view/*:* is within view/*",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:SearchViews"}, Resources: []string{testInstance}}},
			want:       []string{"ConnectDependentActionsCustomerManagedView Allow connect:DescribeView -> " + testInstance + "/view/*"},
		},
		{
			name:       "minimised",
			statements: []policy.Statement{{Effect: "Allow", Actions: []string{"connect:SearchUsers", "connect:SearchQueues"}, Resources: []string{"*"}}},
			minimize:   true,
			want:       []string{"ConnectDependentActionsAllResources Allow connect:DescribeQue*,connect:DescribeUser,connect:ListUserP* -> *"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc := &policy.Document{Version: policy.Version2012, Statements: tt.statements}
			got := DependentStatements(c, doc, OriginsOf(c, doc), DependentOptions{Minimize: tt.minimize})
			if lines := brief(got.Statements); !slices.Equal(lines, tt.want) {
				t.Errorf("statements:\n%s\nwant:\n%s", join(lines), join(tt.want))
			}
			if tt.missing != nil && !slices.Equal(got.Missing, tt.missing) {
				t.Errorf("missing = %v, want %v", got.Missing, tt.missing)
			}
			for _, s := range got.Statements {
				if !IsDependentActionsSid(s.Sid) {
					t.Errorf("Sid %s is not one of dependent actions", s.Sid)
				}
			}
		})
	}
}

func join(lines []string) string {
	out := ""
	for _, l := range lines {
		out += "  " + l + "\n"
	}
	return out
}

// Every dependent action the catalog lists that is Connect's is in the
// catalog, so that none falls back to another service's treatment.
func TestDependentActionsExist(t *testing.T) {
	c := catalogtest.Load(t, catalog.Latest)
	for _, a := range c.Actions() {
		for _, d := range a.DependentActions {
			if serviceOf(d) == c.Prefix {
				if _, ok := c.Action(d); !ok {
					t.Errorf("%s depends on %s, which the catalog does not have", a.FullName(), d)
				}
			}
		}
	}
}
