package checker

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

const queue = "arn:aws:connect:us-east-1:123456789012:instance/abc/queue/q1"

// mustCatalog returns the 2020 snapshot, whose actions the tables of this
// file name; latest_test.go covers the default snapshot.

func check(t *testing.T, json string) []Finding {
	t.Helper()
	doc, err := policy.Parse([]byte(json))
	if err != nil {
		t.Fatalf("test policy does not parse: %v", err)
	}
	return New(catalogtest.PolicySentry2020(t)).Document(doc, policy.Size(json), "")
}

// statementPolicy wraps statements in a 2012-10-17 policy.
func statementPolicy(statements ...string) string {
	return `{"Version": "2012-10-17", "Statement": [` + strings.Join(statements, ",") + `]}`
}

func TestCleanPolicyHasNoFindings(t *testing.T) {
	json := statementPolicy(
		`{"Sid": "ReadQueues", "Effect": "Allow", "Action": ["connect:GetMetricData", "connect:GetCurrent*"], "Resource": "`+queue+`"}`,
		`{"Sid": "ListEverything", "Effect": "Allow", "Action": "connect:ListInstances", "Resource": "*"}`,
		`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "arn:aws:connect:*:*:instance/*/agent/${aws:userid}",
		  "Condition": {"StringEquals": {"aws:ResourceTag/team": ["a", "b"]}, "Bool": {"aws:SecureTransport": "true"},
		                "IpAddress": {"aws:SourceIp": ["203.0.113.0/24", "2001:db8::/32"]}, "DateLessThan": {"aws:CurrentTime": "2030-01-01T00:00:00Z"},
		                "NumericLessThan": {"aws:MultiFactorAuthAge": 3600}, "ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/agents-*"}}}`,
		`{"Effect": "Allow", "Action": "connect:CreateUser", "Resource": "arn:aws:connect:us-east-1:123456789012:instance/abc/*",
		  "Condition": {"ForAllValues:StringEquals": {"aws:TagKeys": ["team"]}, "Null": {"aws:RequestTag/team": "false"}}}`,
		`{"Effect": "Allow", "Action": ["s3:GetObject", "logs:*", "rds:DescribeDBInstances", "glue:GetTable"], "Resource": ["arn:aws:s3:::bucket/*", "*"]}`,
		`{"Effect": "Deny", "NotAction": "connect:Describe*", "Resource": "arn:aws:connect:*:*:instance/*"}`,
	)
	findings := check(t, json)
	// Only the note that the services the catalog does not model are not
	// checked; those it models (s3, logs) are, and pass.
	if len(findings) != 1 || findings[0].Code != CodeUncheckedServices || findings[0].Severity != SeveritySuggestion ||
		!strings.Contains(findings[0].Message, "2 actions of 2 services that the catalog does not model in full: of glue and rds, only that the service exists") {
		t.Errorf("clean policy has findings:\n%s", describe(findings))
	}
}

// An action string that cannot be an action, and a prefix that is no
// service, are errors whatever the service, with what was meant; a real
// service outside the catalog is a suggestion, never silence.
func TestActionsOfOtherServices(t *testing.T) {
	tests := []struct {
		action   string
		code     string
		severity Severity
		message  string
	}{
		{"wisdom:QueryAssistant ", CodeMalformedAction, SeverityError, `write "wisdom:QueryAssistant"`},
		{"connect:Describe User", CodeMalformedAction, SeverityError, `write "connect:DescribeUser"`},
		{"app-integrations::ListEventIntegrations", CodeMalformedAction, SeverityError, `write "app-integrations:ListEventIntegrations"`},
		{"connect:Describe-User", CodeMalformedAction, SeverityError, "has a character that no action has"},
		{"app-integartions:DeleteDataIntegration", CodeUnknownService, SeverityError, "did you mean app-integrations:DeleteDataIntegration?"},
		{"connectcases:GetCase", CodeUnknownService, SeverityError, "did you mean cases:GetCase?"},
		{"qconnect:UpdateSessionData", CodeUnknownService, SeverityError, "did you mean wisdom:UpdateSessionData?"},
		{"appintegrations:ListApplications", CodeUnknownService, SeverityError, "did you mean app-integrations:ListApplications?"},
		{"zzqqxxww:DoSomething", CodeUnknownService, SeveritySuggestion, "if it is not a service AWS added since"},
		{"rds:DescribeDBInstances", CodeUncheckedServices, SeveritySuggestion, "of rds, only that the service exists"},
		{"deepracer:ListModels", CodeUncheckedServices, SeveritySuggestion, "of deepracer, only that the service exists"},
		{"iot1click:ListDevices", CodeUncheckedServices, SeveritySuggestion, "of iot1click, only that the service exists"},
		// The family and companion services are known by their action names.
		{"profile:SerchProfiles", CodeUnknownAction, SeverityError, "did you mean profile:SearchProfiles?"},
		{"connect-campaigns:UpdateDialerConfig", CodeUnknownAction, SeverityError, "did you mean connect-campaigns:UpdateCampaignDialerConfig?"},
		{"profile:ListObjects", CodeUnknownAction, SeverityError, "did you mean profile:ListDomainObjects or profile:ListProfileObjects?"},
		{"profile:DescribeUser", CodeUnknownAction, SeverityError, "did you mean connect:DescribeUser?"},
		{"cases:Nothing*", CodeWildcardMatchesNothing, SeverityError, "matches no action of cases"},
		{"s3:GetObjct", CodeUnknownAction, SeverityError, "did you mean s3:GetObject?"},
		{"connect:CreateProfile", CodeUnknownAction, SeverityError, "did you mean profile:CreateProfile?"},
		// AWS's Connect Health guide uses names the reference lacks.
		{"health-agent:GenerateMedicalCodes", CodeUnknownAction, SeveritySuggestion, "AWS's documentation uses it (https://docs.aws.amazon.com/connecthealth/"},
		{"health-agent:GenerateMedicalCode", CodeUnknownAction, SeverityError, "is not an action of health-agent"},
	}
	for _, tt := range tests {
		t.Run(tt.action, func(t *testing.T) {
			findings := check(t, statementPolicy(`{"Effect": "Allow", "Action": "`+tt.action+`", "Resource": "*"}`))
			for _, f := range findings {
				if f.Code == tt.code && f.Severity == tt.severity && strings.Contains(f.Message, tt.message) {
					return
				}
			}
			t.Errorf("no %s %s containing %q:\n%s", tt.severity, tt.code, tt.message, describe(findings))
		})
	}
}

// The family is modelled in full: its actions are checked, not noted as
// unchecked.
func TestFamilyActionsAreNotUnchecked(t *testing.T) {
	findings := check(t, statementPolicy(`{"Effect": "Allow", "Action": ["profile:SearchProfiles", "cases:GetCase"], "Resource": "*"}`))
	if slices.ContainsFunc(findings, func(f Finding) bool { return f.Code == CodeUncheckedServices }) {
		t.Errorf("family actions noted as unchecked:\n%s", describe(findings))
	}
}

// An ARN of no AWS service is an error when it is a misspelt service of
// the family; another unknown service's ARN passes, as an ARN's service
// field need not be an action prefix.
func TestARNOfNoService(t *testing.T) {
	tests := []struct {
		resource string
		want     string // a fragment of the error, or "" for none
	}{
		{"arn:aws:appintegrations:*:*:event-integration/x", `which is no AWS service (did you mean app-integrations?)`},
		{"arn:aws:connectcases:us-east-1:123456789012:domain/d", `(did you mean cases?)`},
		{"arn:aws:conect:us-east-1:123456789012:instance/abc", `(did you mean connect?)`},
		{"arn:aws:zzqqxxww:us-east-1:123456789012:thing/x", ""},
		{"arn:aws:s3:::bucket", ""},
	}
	for _, tt := range tests {
		findings := check(t, statementPolicy(`{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "`+tt.resource+`"}`))
		i := slices.IndexFunc(findings, func(f Finding) bool { return f.Code == CodeUnknownService })
		switch {
		case tt.want == "" && i >= 0:
			t.Errorf("%s: %s", tt.resource, findings[i].Message)
		case tt.want != "" && (i < 0 || findings[i].Severity != SeverityError || !strings.Contains(findings[i].Message, tt.want)):
			t.Errorf("%s: no error containing %q:\n%s", tt.resource, tt.want, describe(findings))
		}
	}
}

func describe(findings []Finding) string {
	var lines []string
	for _, f := range findings {
		lines = append(lines, fmt.Sprintf("%d %s %s [%s] %s", f.Statement, f.Severity, f.Code, f.Element, f.Message))
	}
	return strings.Join(lines, "\n")
}

func TestFindings(t *testing.T) {
	allow := func(action, resource string, extra ...string) string {
		s := fmt.Sprintf(`{"Effect": "Allow", "Action": %q, "Resource": %q`, action, resource)
		for _, e := range extra {
			s += ", " + e
		}
		return s + "}"
	}
	tests := []struct {
		name     string
		json     string
		code     string
		severity Severity
		message  string // a fragment
	}{
		{"invalid version", `{"Version": "2012-10-18", "Statement": []}`, CodeInvalidVersion, SeverityError, `Version "2012-10-18" is not`},
		{"missing version", `{"Statement": []}`, CodeMissingVersion, SeverityWarning, "has no Version"},
		{"variables in 2008", `{"Version": "2008-10-17", "Statement": [` + allow("connect:DeleteUser", "arn:aws:connect:*:*:instance/*/agent/${aws:userid}") + `]}`,
			CodeVariablesNeedVersion, SeverityWarning, "treats as literal text"},
		{"missing effect", statementPolicy(`{"Action": "connect:ListInstances", "Resource": "*"}`), CodeMalformedStatement, SeverityError, "has no Effect"},
		{"bad effect", statementPolicy(`{"Effect": "allow", "Action": "connect:ListInstances", "Resource": "*"}`), CodeMalformedStatement, SeverityError, `Effect "allow" is not valid`},
		{"action and not action", statementPolicy(`{"Effect": "Deny", "Action": "connect:ListInstances", "NotAction": "s3:*", "Resource": "*"}`), CodeMalformedStatement, SeverityError, "both Action and NotAction"},
		{"no action", statementPolicy(`{"Effect": "Deny", "Resource": "*"}`), CodeMalformedStatement, SeverityError, "neither Action nor NotAction"},
		{"resource and not resource", statementPolicy(`{"Effect": "Deny", "Action": "connect:ListInstances", "Resource": "*", "NotResource": "*"}`), CodeMalformedStatement, SeverityError, "both Resource and NotResource"},
		{"no resource", statementPolicy(`{"Effect": "Deny", "Action": "connect:ListInstances"}`), CodeMalformedStatement, SeverityError, "neither Resource nor NotResource"},
		{"empty action", statementPolicy(`{"Effect": "Deny", "Action": [], "Resource": "*"}`), CodeMalformedStatement, SeverityError, "Action is empty"},
		{"invalid sid", statementPolicy(`{"Sid": "read-queues", "Effect": "Allow", "Action": "connect:ListInstances", "Resource": "*"}`), CodeInvalidSid, SeverityError, `such as "readqueues"`},
		{"duplicate sid", statementPolicy(allow("connect:ListInstances", "*", `"Sid": "A"`), allow("connect:ListInstances", "*", `"Sid": "A"`)), CodeDuplicateSid, SeverityError, "already used by statement 0"},
		{"principal", statementPolicy(allow("connect:ListInstances", "*", `"Principal": "*"`)), CodePrincipalInIdentity, SeverityWarning, "resource-based"},
		{"malformed action", statementPolicy(allow("ListInstances", "*")), CodeMalformedAction, SeverityError, "not of the form service:Action"},
		{"unknown action", statementPolicy(allow("connect:DescribeUsr", "*")), CodeUnknownAction, SeverityError, "did you mean connect:DescribeUser?"},
		{"wildcard matching nothing", statementPolicy(allow("connect:Descibe*", "*")), CodeWildcardMatchesNothing, SeverityError, "did you mean connect:Describe*?"},
		{"connect star", statementPolicy(allow("connect:*", "*")), CodeAllowAllActions, SeverityWarning, "every Connect action"},
		{"star", statementPolicy(allow("*", "*")), CodeAllowAllActions, SeverityWarning, "every action of every service"},
		{"allow not action", statementPolicy(`{"Effect": "Allow", "NotAction": "connect:Delete*", "Resource": "*"}`), CodeAllowNotAction, SeverityWarning, "Allow with NotAction"},
		{"malformed ARN", statementPolicy(allow("connect:DescribeUser", "arn:aws:connect:us-east-1:123:instance/abc/agent/u")), CodeMalformedARN, SeverityError, `account "123" is not a 12-digit account ID`},
		{"malformed partition", statementPolicy(allow("connect:DescribeUser", "arn:amazon:connect:us-east-1:123456789012:instance/abc/agent/u")), CodeMalformedARN, SeverityError, `partition "amazon"`},
		{"malformed region", statementPolicy(allow("connect:DescribeUser", "arn:aws:connect:useast1:123456789012:instance/abc/agent/u")), CodeMalformedARN, SeverityError, `region "useast1"`},
		{"no known type", statementPolicy(allow("connect:DescribeUser", "arn:aws:connect:us-east-1:123456789012:instance/abc/agnet/u")), CodeUnknownResourceType, SeverityError, "did you mean agent?"},
		{"documented form of another action", statementPolicy(allow("connect:DescribeUser", "arn:aws:connect:us-east-1:123456789012:instance/abc/user/u")), CodeActionResourceMismatch, SeverityError,
			"instance/<id>/user/<id> is a form AWS documents only for connect:GetFederationToken; a user's ARN is instance/<id>/agent/<id>"},
		{"action that fits no resource", statementPolicy(allow("connect:DescribeUser", queue)), CodeActionResourceMismatch, SeverityError, "connect:DescribeUser acts on user, and none of the statement's resources is of those types"},
		{"wildcard-only action on an ARN", statementPolicy(allow("connect:ListInstances", queue)), CodeActionResourceMismatch, SeverityError, `supports no resource-level permission and can only be allowed with Resource "*"`},
		{"pattern that fits no resource", statementPolicy(allow("connect:DescribeUser*", queue)), CodeActionResourceMismatch, SeverityError, "the 3 actions connect:DescribeUser* matches act on hierarchy-group, instance and user"},
		{"deny that never applies", statementPolicy(`{"Effect": "Deny", "Action": "connect:DeleteUser", "Resource": "` + queue + `"}`), CodeIneffectiveDeny, SeverityWarning, "This Deny never applies"},
		{"resource star", statementPolicy(allow("connect:DescribeUser", "*")), CodeResourceWildcard, SeveritySuggestion, `Resource "*" lets connect:DescribeUser read every resource`},
		{"resource star on a write", statementPolicy(allow("connect:DeleteUser", "*")), CodeResourceWildcard, SeverityWarning, `Resource "*" lets connect:DeleteUser change every resource`},
		{"unknown operator", statementPolicy(allow("connect:DescribeUser", "*", `"Condition": {"StringEqual": {"aws:ResourceTag/team": "a"}}`)), CodeUnknownOperator, SeverityError, "did you mean StringEquals?"},
		{"unknown aws key", statementPolicy(allow("connect:DescribeUser", "*", `"Condition": {"StringEquals": {"aws:SourceIP2": "a"}}`)), CodeUnknownConditionKey, SeverityError, "aws:SourceIP2 is not a condition key"},
		{"connect key", statementPolicy(allow("connect:DescribeUser", "*", `"Condition": {"StringEquals": {"connect:InstanceId": "a"}}`)), CodeUnknownConditionKey, SeverityError, "connect:InstanceId is not a condition key"},
		{"unsupported key in allow", statementPolicy(allow("connect:CreateRoutingProfile", "*", `"Condition": {"StringEquals": {"aws:ResourceTag/team": "a"}}`)), CodeUnsupportedConditionKey, SeverityError, "connect:CreateRoutingProfile does not support aws:ResourceTag/team: the condition can never be true for them, so this Allow silently denies them"},
		{"unsupported key with IfExists", statementPolicy(allow("connect:CreateRoutingProfile", "*", `"Condition": {"StringEqualsIfExists": {"aws:ResourceTag/team": "a"}}`)), CodeUnsupportedConditionKey, SeverityWarning, "with IfExists the condition is ignored"},
		{"unsupported key in deny", statementPolicy(`{"Effect": "Deny", "Action": "connect:CreateRoutingProfile", "Resource": "*", "Condition": {"StringEquals": {"aws:ResourceTag/team": "a"}}}`), CodeUnsupportedConditionKey, SeverityWarning, "this Deny never applies to them"},
		{"other service key", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"StringLike": {"s3:prefix": "a"}}`)), CodeUnsupportedConditionKey, SeverityError, "connect:ListInstances does not support s3:prefix"},
		{"operator that does not fit the type", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"NumericEquals": {"aws:SecureTransport": "1"}}`)), CodeOperatorTypeMismatch, SeverityError, "a key of type Bool; use Bool"},
		{"a string operator on a number IAM compares as text", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"StringEquals": {"aws:MultiFactorAuthAge": "3600"}}`)), CodeOperatorTypeMismatch, SeverityWarning, "which works for these values; use a Numeric operator"},
		{"a string operator on a Bool IAM compares as text", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"StringEquals": {"aws:SecureTransport": "true"}}`)), CodeOperatorTypeMismatch, SeverityWarning, "use Bool, the operator for its type"},
		{"a value that can never match a Bool", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"StringEquals": {"aws:SecureTransport": "True"}}`)), CodeOperatorTypeMismatch, SeverityError, `"True" of StringEquals can never match it`},
		{"a service principal for aws:ViaAWSService (AWS's AIOpsAssistantPolicy)", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"StringEquals": {"aws:ViaAWSService": "amplify.amazonaws.com"}}`)), CodeOperatorTypeMismatch, SeverityError, "The key probably meant is aws:CalledVia"},
		{"numeric on a tag", statementPolicy(allow("connect:DeleteUser", "*", `"Condition": {"NumericEquals": {"aws:ResourceTag/level": "3"}}`)), CodeOperatorTypeMismatch, SeverityError, "a key of type String"},
		{"multivalued key without set operator", statementPolicy(allow("connect:TagResource", "*", `"Condition": {"StringEquals": {"aws:TagKeys": "team"}}`)), CodeMissingSetOperator, SeverityWarning, "use ForAllValues:StringEquals"},
		{"set operator on a single-valued key", statementPolicy(allow("connect:DeleteUser", "*", `"Condition": {"ForAllValues:StringEquals": {"aws:ResourceTag/team": "a"}}`)), CodeSetOperatorOnSingleValue, SeverityWarning, "true when the key is absent"},
		{"ForAnyValue on a single-valued key is only unneeded", statementPolicy(allow("connect:DeleteUser", "*", `"Condition": {"ForAnyValue:StringEquals": {"aws:ResourceTag/team": "a"}}`)), CodeSetOperatorOnSingleValue, SeveritySuggestion, "adds nothing but being false when the key is absent"},
		{"bool value", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"Bool": {"aws:SecureTransport": "yes"}}`)), CodeInvalidConditionValue, SeverityError, `Value "yes" of Bool on aws:SecureTransport is not "true" or "false"`},
		{"numeric value", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"NumericLessThan": {"aws:MultiFactorAuthAge": "an hour"}}`)), CodeInvalidConditionValue, SeverityError, "is not a number"},
		{"date value", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"DateLessThan": {"aws:CurrentTime": "tomorrow"}}`)), CodeInvalidConditionValue, SeverityError, "is not an ISO 8601 date"},
		{"IP value", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"IpAddress": {"aws:SourceIp": "10.0.0.0/33"}}`)), CodeInvalidConditionValue, SeverityError, "is not an IP address or CIDR block"},
		{"null value", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"Null": {"aws:SourceIp": "no"}}`)), CodeInvalidConditionValue, SeverityError, `is not "true" or "false"`},
		{"ARN value", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"ArnLike": {"aws:PrincipalArn": "role/x"}}`)), CodeInvalidConditionValue, SeverityError, "is not an ARN"},
		{"no values", statementPolicy(allow("connect:ListInstances", "*", `"Condition": {"StringEquals": {"aws:RequestedRegion": []}}`)), CodeInvalidConditionValue, SeverityError, "has no values"},
		{"missing dependent actions", statementPolicy(allow("connect:GetFederationTokens", "arn:aws:connect:us-east-1:123456789012:instance/abc")), CodeMissingDependentActions, SeveritySuggestion, "connect:GetFederationTokens may also need connect:DescribeInstance, connect:ListInstances and ds:DescribeDirectories"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			findings := check(t, tt.json)
			i := slices.IndexFunc(findings, func(f Finding) bool { return f.Code == tt.code })
			if i < 0 {
				t.Fatalf("no %s finding; got:\n%s", tt.code, describe(findings))
			}
			f := findings[i]
			if f.Severity != tt.severity || !strings.Contains(f.Message, tt.message) {
				t.Errorf("finding = %s %q, want %s containing %q", f.Severity, f.Message, tt.severity, tt.message)
			}
			if !strings.HasSuffix(f.Message, ".") && !strings.HasSuffix(f.Message, "?") {
				t.Errorf("message %q is not a sentence", f.Message)
			}
		})
	}
}

func TestDuplicateCondition(t *testing.T) {
	k := New(catalogtest.PolicySentry2020(t))
	s := policy.Statement{Effect: policy.Allow, Actions: []string{"connect:ListInstances"}, Resources: []string{"*"}, Conditions: []policy.Condition{
		{Operator: "StringEquals", Key: "aws:RequestedRegion", Values: []string{"a"}},
		{Operator: "StringEquals", Key: "aws:requestedregion", Values: []string{"b"}},
	}}
	findings := k.Statement(0, &s)
	if len(findings) != 1 || findings[0].Code != CodeDuplicateCondition || findings[0].Condition != 1 {
		t.Errorf("findings = %s", describe(findings))
	}
}

func TestSizeFindings(t *testing.T) {
	tests := []struct {
		size int
		kind policy.Kind
		// want lists code:severity.
		want []string
	}{
		{2048, "", nil},
		{2049, "", []string{"size-over-user-inline-quota:suggestion"}},
		{5121, "", []string{"size-over-group-inline-quota:suggestion", "size-over-user-inline-quota:suggestion"}},
		{6145, "", []string{"size-over-managed-quota:suggestion", "size-over-group-inline-quota:suggestion", "size-over-user-inline-quota:suggestion"}},
		{10241, "", []string{"size-over-role-inline-quota:warning", "size-over-managed-quota:suggestion", "size-over-group-inline-quota:suggestion", "size-over-user-inline-quota:suggestion"}},
		// Of a known kind, only its quota counts, as an error.
		{6145, policy.KindRoleInline, nil},
		{10241, policy.KindRoleInline, []string{"size-over-role-inline-quota:error"}},
		{6144, policy.KindCustomerManaged, nil},
		{6145, policy.KindCustomerManaged, []string{"size-over-managed-quota:error"}},
		{2049, policy.KindUserInline, []string{"size-over-user-inline-quota:error"}},
		{5121, policy.KindGroupInline, []string{"size-over-group-inline-quota:error"}},
		{5120, policy.KindGroupInline, nil},
		// AWS managed policies exceed every customer quota by design.
		{250000, policy.KindAWSManaged, nil},
	}
	for _, tt := range tests {
		var got []string
		for _, f := range SizeFindings(tt.size, tt.kind) {
			got = append(got, f.Code+":"+string(f.Severity))
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("SizeFindings(%d, %q) = %v, want %v", tt.size, tt.kind, got, tt.want)
		}
	}
	if msg := SizeFindings(6145, policy.KindCustomerManaged)[0].Message; !strings.Contains(msg, "6,145 characters without white space, over the 6,144 allowed for a customer managed policy") {
		t.Errorf("message = %q", msg)
	}
	if msg := SizeFindings(6145, "")[0].Message; !strings.Contains(msg, `set policy_kind = "customer-managed"`) {
		t.Errorf("message = %q", msg)
	}
}

func TestConditionsForGrants(t *testing.T) {
	c := catalogtest.PolicySentry2020(t)
	createProfile, _ := c.Action("CreateRoutingProfile")
	deleteUser, _ := c.Action("DeleteUser")
	findings := New(c).Conditions(policy.Allow, []*catalog.Action{createProfile, deleteUser}, []policy.Condition{
		{Operator: "StringEquals", Key: "aws:ResourceTag/team", Values: []string{"a"}},
	})
	if len(findings) != 1 || findings[0].Code != CodeUnsupportedConditionKey || findings[0].Statement != -1 || findings[0].Condition != 0 ||
		!strings.HasPrefix(findings[0].Message, "connect:CreateRoutingProfile does not support") {
		t.Errorf("findings = %s", describe(findings))
	}
}

// The index of allowed actions answers as matching each statement would.
func TestActionIndex(t *testing.T) {
	doc, err := policy.Parse([]byte(`{"Version": "2012-10-17", "Statement": [
		{"Effect": "Allow", "Action": ["connect:DescribeQueue", "DS:DescribeDirectories", "kms:Get*"], "Resource": "*"},
		{"Effect": "Allow", "NotAction": ["s3:*", "iam:*"], "Resource": "*"},
		{"Effect": "Deny", "Action": "connect:ListQueues", "Resource": "*"}]}`))
	if err != nil {
		t.Fatal(err)
	}
	index := allowIndex(doc)
	tests := []struct {
		action string
		want   bool
	}{
		{"connect:DescribeQueue", true},
		{"CONNECT:describequeue", true},
		{"ds:describedirectories", true},
		{"kms:GetKeyPolicy", true},
		{"connect:ListQueues", true}, // by the NotAction statement; the Deny does not count here
		{"s3:GetObject", false},
		{"iam:PassRole", false},
	}
	for _, tt := range tests {
		if got := index.allows(tt.action); got != tt.want {
			t.Errorf("allows(%s) = %v, want %v", tt.action, got, tt.want)
		}
		if got := slices.ContainsFunc(doc.Statements, func(s policy.Statement) bool { return s.Effect == policy.Allow && names(&s, tt.action) }); got != tt.want {
			t.Errorf("matching each statement: %s = %v, want %v", tt.action, got, tt.want)
		}
	}
}
