package checker

import (
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"
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
	return New(catalogtest.Load(t, catalog.Latest)).Document(doc, policy.Size(json), kind)
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

// What the pinned versions of the reference disagree on is accepted with a
// warning that cites both, never an error: the outbound dialer of many
// public samples allows StartOutboundVoiceContact on the instance's
// contacts, which the reference listed until 2025-12 and no longer does.
func TestLatestAcceptsWhatTheVersionsDisagreeOn(t *testing.T) {
	tests := []struct {
		name, json string
		want       string // the one finding's code and severity
	}{
		{"outbound dialer on contacts", statementPolicy(`{"Effect": "Allow", "Action": "connect:StartOutboundVoiceContact", "Resource": "` + instance + `/contact/*"}`),
			"warning reference-versions-disagree"},
		{"outbound dialer on contacts, by pattern", statementPolicy(`{"Effect": "Allow", "Action": "connect:StartOutboundV*", "Resource": "` + instance + `/contact/*"}`),
			"warning reference-versions-disagree"},
		{"a pattern with actions that fit today needs no note", statementPolicy(`{"Effect": "Allow", "Action": "connect:StartOutbound*", "Resource": "` + instance + `/contact/*"}`),
			""},
		{"inbound email on the instance", statementPolicy(`{"Effect": "Allow", "Action": "connect:StartEmailContact", "Resource": "` + instance + `"}`),
			"warning reference-versions-disagree"},
		{"as today's reference has it: no finding", statementPolicy(`{"Effect": "Allow", "Action": "connect:StartOutboundVoiceContact", "Resource": "*"}`), ""},
		{"a type neither version lists stays an error", statementPolicy(`{"Effect": "Allow", "Action": "connect:StartOutboundVoiceContact", "Resource": "` + instance + `/queue/*"}`),
			"error action-resource-mismatch"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			findings := errorsAndWarnings(checkLatest(t, tt.json, ""))
			var got []string
			for _, f := range findings {
				got = append(got, string(f.Severity)+" "+f.Code)
			}
			if strings.Join(got, "; ") != tt.want {
				t.Fatalf("findings = %q, want %q:\n%s", got, tt.want, describe(findings))
			}
			if tt.want == "warning reference-versions-disagree" {
				for _, part := range []string{"2025-12-06", "0.15.202512061", "2026-09-26", "0.21.202609261"} {
					if !strings.Contains(findings[0].Message, part) {
						t.Errorf("message %q does not cite %s", findings[0].Message, part)
					}
				}
			}
		})
	}
}

// An ARN form that an AWS managed policy uses for an action is a form that
// works: the campaigns service-linked role reads a campaign's metrics.
func TestLatestAcceptsFormsOfAWSManagedPolicies(t *testing.T) {
	campaign := statementPolicy(`{"Sid": "ConnectCampaignsMetricsAccess", "Effect": "Allow", "Action": ["connect:GetMetricDataV2"],
		"Resource": "arn:aws:connect-campaigns:*:*:campaign/*"}`)
	if findings := errorsAndWarnings(checkLatest(t, campaign, "")); len(findings) > 0 {
		t.Errorf("findings:\n%s", describe(findings))
	}
	other := statementPolicy(`{"Effect": "Allow", "Action": ["connect:DescribeQueue"], "Resource": "arn:aws:connect-campaigns:*:*:campaign/*"}`)
	findings := errorsAndWarnings(checkLatest(t, other, ""))
	if len(findings) != 1 || findings[0].Code != CodeActionResourceMismatch {
		t.Errorf("DescribeQueue on a campaign: findings:\n%s", describe(findings))
	}
}

// A malformed ARN masks only what it may have been meant for: a public
// sample's statement holds arn:aws:connect:*:123456789012:/instance (an
// error) and connect:CreateInstance, which supports no resource-level
// permission, so no ARN would grant it: that is a second error, not hidden
// by the first. DescribeQueue might have been meant for the bad ARN.
func TestLatestMalformedARNMasksOnlyWhatItMayBeMeantFor(t *testing.T) {
	json := statementPolicy(`{"Effect": "Allow", "Action": ["connect:CreateInstance", "connect:DescribeQueue"],
		"Resource": ["arn:aws:connect:*:123456789012:/instance"]}`)
	var got []string
	for _, f := range errorsAndWarnings(checkLatest(t, json, "")) {
		got = append(got, f.Code+" "+f.Action+f.Resource)
	}
	want := []string{"unknown-resource-type arn:aws:connect:*:123456789012:/instance", "action-resource-mismatch connect:CreateInstance"}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("findings = %q, want %q", got, want)
	}
}

// The rest of the family, each action against its own catalog: a wrong
// resource type and a service key it does not support are errors; the
// forms and keys AWS's own managed policies use are not.
func TestLatestFamilyActions(t *testing.T) {
	tests := []struct {
		name, statement string
		want            []string // "severity code"
	}{
		{"a profile action on its domain", `{"Effect": "Allow", "Action": "profile:SearchProfiles", "Resource": "arn:aws:profile:us-east-1:123456789012:domains/d1"}`, nil},
		{"a profile action on a Connect queue", `{"Effect": "Allow", "Action": "profile:SearchProfiles", "Resource": "` + instance + `/queue/*"}`,
			[]string{"error action-resource-mismatch"}},
		{"a profile ARN of no type", `{"Effect": "Allow", "Action": "profile:SearchProfiles", "Resource": "arn:aws:profile:us-east-1:123456789012:domainz/d1"}`,
			[]string{"error unknown-resource-type"}},
		{"AWS's upload-job form", `{"Effect": "Allow", "Action": "profile:GetUploadJob", "Resource": "arn:aws:profile:*:*:domains/amazon-connect-*/upload-jobs/*"}`, nil},
		{"a tag key on a family action (AWS's service-linked role does)", `{"Effect": "Allow", "Action": "wisdom:GetAssistant", "Resource": "*",
			"Condition": {"StringEquals": {"aws:ResourceTag/AmazonConnectEnabled": "True"}}}`, nil},
		{"a Deny that never applies", `{"Effect": "Deny", "Action": "cases:GetCase", "Resource": "` + instance + `"}`,
			[]string{"warning ineffective-deny"}},
		// The companions, with their ARNs as IAM reads them: paths in IAM
		// names and S3 keys, no region in IAM and S3 ARNs, log groups
		// written with ":*", the first Lex's bot ARNs.
		{"a role with a path", `{"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::123456789012:role/service-role/connect-*",
			"Condition": {"StringEquals": {"iam:PassedToService": "connect.amazonaws.com"}}}`, nil},
		{"objects under a prefix and their bucket", `{"Effect": "Allow", "Action": ["s3:GetObject", "s3:ListBucket"], "Resource": ["arn:aws:s3:::recordings", "arn:aws:s3:::recordings/connect/*"]}`, nil},
		{"a log group with its streams", `{"Effect": "Allow", "Action": ["logs:CreateLogStream", "logs:PutLogEvents"], "Resource": "arn:aws:logs:us-east-1:123456789012:log-group:/aws/connect/abc:*"}`, nil},
		{"a bot of the first Lex", `{"Effect": "Allow", "Action": "lex:PostText", "Resource": "arn:aws:lex:us-east-1:123456789012:bot:OrderFlowers:*"}`, nil},
		{"an object action on the bucket alone", `{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::recordings"}`,
			[]string{"error action-resource-mismatch"}},
		{"a key of another service", `{"Effect": "Allow", "Action": "lambda:InvokeFunction", "Resource": "arn:aws:lambda:us-east-1:123456789012:function:hello",
			"Condition": {"StringEquals": {"s3:prefix": "a"}}}`, []string{"error unsupported-condition-key"}},
		{"a Connect key on a family action", `{"Effect": "Allow", "Action": "profile:SearchProfiles", "Resource": "arn:aws:profile:us-east-1:123456789012:domains/d1",
			"Condition": {"StringEquals": {"connect:InstanceId": "abc"}}}`, []string{"error unsupported-condition-key"}},
		{"a key IAM sets for every service", `{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::recordings/*",
			"Condition": {"ArnEquals": {"lambda:SourceFunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:hello"}}}`, nil},
		{"a misspelt key of the action's own service", `{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "*",
			"Condition": {"StringEquals": {"kms:ViaServce": "s3.us-east-1.amazonaws.com"}}}`, []string{"error unknown-condition-key"}},
		{"a misspelt companion action", `{"Effect": "Allow", "Action": "kms:Decrpyt", "Resource": "*"}`, []string{"error unknown-action"}},
		{"a regional service's ARN without a region", `{"Effect": "Allow", "Action": "kms:Decrypt", "Resource": "arn:aws:kms::123456789012:key/k1"}`,
			[]string{"error malformed-arn"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, f := range errorsAndWarnings(checkLatest(t, statementPolicy(tt.statement), "")) {
				got = append(got, string(f.Severity)+" "+f.Code)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("findings = %q, want %q", got, tt.want)
			}
		})
	}
}
