package checker

import (
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
)

// The rules on today's catalog: what 2026 policies look like, and the false
// alarms real policies raised against the 2020 page.

const instance = "arn:aws:connect:us-east-1:123456789012:instance/abc"

func checkLatest(t *testing.T, json string, kind policy.Kind) []Finding {
	t.Helper()
	doc, err := policy.Parse([]byte(json))
	if err != nil {
		t.Fatalf("test policy does not parse: %v", err)
	}
	return New(mustSnapshot(t, catalog.Latest)).Document(doc, policy.Size(json), kind)
}

// errorsAndWarnings leaves out suggestions, which never fail a plan.
func errorsAndWarnings(findings []Finding) []Finding {
	var out []Finding
	for _, f := range findings {
		if f.Severity != SeveritySuggestion {
			out = append(out, f)
		}
	}
	return out
}

func TestLatestCleanPoliciesHaveNoErrorOrWarning(t *testing.T) {
	tests := map[string]string{
		"task and queue actions of 2026": statementPolicy(`{"Effect": "Allow", "Action": ["connect:StartTaskContact", "connect:DescribeQueue"],
			"Resource": ["` + instance + `/contact-flow/*", "` + instance + `/queue/*"]}`),
		"ListQueues on the collective queue ARN": statementPolicy(`{"Effect": "Allow", "Action": "connect:ListQueues", "Resource": "` + instance + `/queue/*"}`),
		"SAML federation form of the Administrator Guide": statementPolicy(`{"Effect": "Allow", "Action": "connect:GetFederationToken",
			"Resource": "` + instance + `/user/${aws:userid}"}`),
		"account-level phone numbers": statementPolicy(`{"Effect": "Allow", "Action": ["connect:DescribePhoneNumber", "connect:UpdatePhoneNumber"],
			"Resource": "arn:aws:connect:us-east-1:123456789012:phone-number/*"}`),
		"an AI agent is a wisdom ARN": statementPolicy(`{"Effect": "Allow", "Action": "connect:AssociateSecurityProfiles",
			"Resource": ["` + instance + `/security-profile/*", "arn:aws:wisdom:us-east-1:123456789012:ai-agent/*"]}`),
		"connect:InstanceId on actions that support it": statementPolicy(`{"Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "*",
			"Condition": {"StringEquals": {"connect:InstanceId": "abc"}}}`),
		"a write on * narrowed by tag": statementPolicy(`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*",
			"Condition": {"StringEquals": {"aws:ResourceTag/team": "a"}}}`),
		"tagging on the types it tags": statementPolicy(`{"Effect": "Allow", "Action": ["connect:TagResource", "connect:UntagResource"],
			"Resource": ["` + instance + `/queue/*", "arn:aws:connect:us-east-1:123456789012:traffic-distribution-group/*"]}`),
		"a multivalued connect key with a set operator": statementPolicy(`{"Effect": "Allow", "Action": "connect:CreateContactFlow", "Resource": "` + instance + `/contact-flow/*",
			"Condition": {"ForAllValues:StringEquals": {"connect:FlowType": ["CONTACT_FLOW"]}}}`),
		"dependent actions missing are a hint": statementPolicy(`{"Effect": "Allow", "Action": "connect:SearchQueues", "Resource": "` + instance + `"}`),
	}
	for name, json := range tests {
		t.Run(name, func(t *testing.T) {
			if findings := errorsAndWarnings(checkLatest(t, json, "")); len(findings) > 0 {
				t.Errorf("findings:\n%s", describe(findings))
			}
		})
	}
}

func TestLatestFindings(t *testing.T) {
	tests := []struct {
		name, json string
		code       string
		severity   Severity
		message    string
	}{
		{"a removed action in a Deny leaves its successor allowed", statementPolicy(`{"Effect": "Deny", "Action": "connect:GetFederationTokens", "Resource": "*"}`),
			CodeUnknownAction, SeverityError, "connect:GetFederationTokens is not a Connect action; did you mean connect:GetFederationToken?"},
		{"a delete on *", statementPolicy(`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*"}`),
			CodeResourceWildcard, SeverityWarning, `Resource "*" lets connect:DeleteUser change every resource`},
		{"tagging on *", statementPolicy(`{"Effect": "Allow", "Action": "connect:TagResource", "Resource": "*"}`),
			CodeResourceWildcard, SeverityWarning, `lets connect:TagResource change every resource`},
		{"a read on *", statementPolicy(`{"Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "*"}`),
			CodeResourceWildcard, SeveritySuggestion, `lets connect:DescribeQueue read every resource`},
		{"a write on * under a negated tag condition", statementPolicy(`{"Effect": "Allow", "Action": "connect:DeleteUser", "Resource": "*",
			"Condition": {"StringNotEquals": {"aws:ResourceTag/team": "a"}}}`),
			CodeResourceWildcard, SeverityWarning, `lets connect:DeleteUser change every resource`},
		{"ListQueues on one queue", statementPolicy(`{"Effect": "Allow", "Action": "connect:ListQueues", "Resource": "` + instance + `/queue/q1"}`),
			CodeActionResourceMismatch, SeverityError, "connect:ListQueues acts on wildcard-queue"},
		{"the federation form for another action", statementPolicy(`{"Effect": "Allow", "Action": "connect:DescribeUser", "Resource": "` + instance + `/user/u1"}`),
			CodeActionResourceMismatch, SeverityError, "a user's ARN is instance/<id>/agent/<id>"},
		{"a key the actions do not support", statementPolicy(`{"Effect": "Allow", "Action": "connect:ListInstances", "Resource": "*",
			"Condition": {"StringEquals": {"connect:InstanceId": "abc"}}}`),
			CodeUnsupportedConditionKey, SeverityError, "connect:ListInstances does not support connect:InstanceId"},
		{"a multivalued connect key without a set operator", statementPolicy(`{"Effect": "Allow", "Action": "connect:CreateContactFlow", "Resource": "` + instance + `/contact-flow/*",
			"Condition": {"StringEquals": {"connect:FlowType": "CONTACT_FLOW"}}}`),
			CodeMissingSetOperator, SeverityWarning, "connect:FlowType holds a set of values"},
		{"an unknown connect key", statementPolicy(`{"Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "*",
			"Condition": {"StringEquals": {"connect:InstanceID2": "abc"}}}`),
			CodeUnknownConditionKey, SeverityError, "connect:InstanceID2 is not a condition key"},
		{"dependent actions", statementPolicy(`{"Effect": "Allow", "Action": "connect:SearchQueues", "Resource": "` + instance + `"}`),
			CodeMissingDependentActions, SeveritySuggestion, "connect:SearchQueues may also need connect:DescribeQueue"},
		{"an old-style phone number ARN", statementPolicy(`{"Effect": "Allow", "Action": "connect:DescribePhoneNumber", "Resource": "` + instance + `/phone-numbers/p1"}`),
			CodeUnknownResourceType, SeverityError, `"phone-numbers" is not a Connect resource word after instance/<id>/ (did you mean phone-number?`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			findings := checkLatest(t, tt.json, "")
			for _, f := range findings {
				if f.Code == tt.code && f.Severity == tt.severity && strings.Contains(f.Message, tt.message) {
					return
				}
			}
			t.Errorf("no %s %s finding containing %q; got:\n%s", tt.severity, tt.code, tt.message, describe(findings))
		})
	}
}

func TestLatestAllowedActionsOfConnectStar(t *testing.T) {
	c := mustSnapshot(t, catalog.Latest)
	doc, _ := policy.Parse([]byte(statementPolicy(`{"Effect": "Allow", "Action": "connect:*", "Resource": "*"}`)))
	summary := Summarize(c, doc)
	if len(summary.Allowed) != 387 {
		t.Errorf("connect:* allows %d actions, want every one of the 387", len(summary.Allowed))
	}
	if len(summary.AllowedByLevel[catalog.AccessWrite]) != 235 || len(summary.AllowedByLevel[catalog.AccessTagging]) != 2 {
		t.Errorf("Write = %d (want 235, tagging included), Tagging = %d (want 2)",
			len(summary.AllowedByLevel[catalog.AccessWrite]), len(summary.AllowedByLevel[catalog.AccessTagging]))
	}
}

func TestLatestAWSManagedPolicyOverEveryQuota(t *testing.T) {
	big := `{"Effect": "Allow", "Action": "connect:DescribeQueue", "Resource": "` + instance + `/queue/` + strings.Repeat("q", 11000) + `"}`
	if findings := errorsAndWarnings(checkLatest(t, statementPolicy(big), policy.KindAWSManaged)); len(findings) > 0 {
		t.Errorf("an AWS managed policy is held to no customer quota; findings:\n%s", describe(findings))
	}
	findings := errorsAndWarnings(checkLatest(t, statementPolicy(big), ""))
	if len(findings) != 1 || findings[0].Code != CodeSizeOverRoleInline || findings[0].Severity != SeverityWarning {
		t.Errorf("of unknown kind, over every quota is one warning; findings:\n%s", describe(findings))
	}
}
