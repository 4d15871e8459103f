package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"
)

// corpus is every policy of testdata/corpus (see its README for where each
// comes from) with the errors and warnings connect_policy_analysis must
// raise on it, as "severity code subject": nothing more, nothing less. A
// policy with none is correct, and is analysed with fail_on = "warning".
// Each expected finding is real, a mistake or a risk (risk-*) a reviewer
// must see, and the README explains it.
// allActionsEverywhere are the findings of connect:* on "*": every risk
// category and both combinations, each a warning.
var allActionsEverywhere = []string{
	"warning allow-all-actions connect:*",
	"warning resource-wildcard *",
	"warning risk-audit-evasion connect:DisassociateInstanceStorageConfig",
	"warning risk-cost-and-fraud connect:BatchPutContact",
	"warning risk-credentials-exposure connect:AdminGetEmergencyAccessToken",
	"warning risk-data-exfiltration connect:AssociateAnalyticsDataSet",
	"warning risk-destruction connect:DeleteAttachedFile",
	"warning risk-flow-hijack connect:AssociateBot",
	"warning risk-flow-hijack connect:CreateContactFlow",
	"warning risk-privilege-escalation connect:CreateSecurityProfile",
	"warning risk-privilege-escalation connect:CreateUser",
}

var corpus = []struct {
	file string
	kind string // policy_kind, or ""
	want []string
}{
	{"admin-guide/all-actions-on-contacts", "", []string{
		"warning allow-all-actions connect:*",
		"warning risk-audit-evasion connect:StopContactRecording",
		"warning risk-cost-and-fraud connect:StartOutboundChatContact",
		"warning risk-data-exfiltration connect:GetContactAttributes",
	}},
	{"admin-guide/cases-onboard", "", []string{`warning resource-wildcard *`, "warning risk-flow-hijack connect:CreateIntegrationAssociation"}},
	{"admin-guide/cases-view-domain", "", nil},
	{"admin-guide/configure-saml-instance-id", "", nil},
	{"admin-guide/configure-saml-instance-ids", "", nil},
	{"admin-guide/configure-saml-user-userid", "", nil},
	{"admin-guide/create-task-block", "", []string{`warning resource-wildcard *`}},
	{"admin-guide/create-users-by-request-tag", "", []string{`warning resource-wildcard *`, "warning risk-privilege-escalation connect:TagResource"}},
	{"admin-guide/create-users-deny-security-profile", "", []string{`warning resource-wildcard *`}},
	{"admin-guide/deny-delete-update-users", "", nil},
	{"admin-guide/deny-instance-deletion-scp", "", nil},
	{"admin-guide/describe-update-users-by-tag", "", []string{"warning unsupported-condition-key aws:ResourceTag/Department"}},
	{"admin-guide/outbound-campaigns-onboarding", "", []string{`warning resource-wildcard *`, "warning risk-audit-evasion connect:UpdateInstanceAttribute"}},
	{"admin-guide/restrict-kinesis-ctr", "", nil},
	{"admin-guide/restrict-lambda-association", "", nil},
	{"admin-guide/restrict-storage-call-recordings", "", nil},
	{"admin-guide/start-contact-recording", "", nil},
	{"admin-guide/troubleshoot-saml", "", nil},
	{"admin-guide/view-users", "", nil},
	{"aws-managed/AmazonConnectCampaignsServiceLinkedRolePolicy", "aws-managed", []string{"warning risk-cost-and-fraud connect:BatchPutContact"}},
	{"aws-managed/AmazonConnectReadOnlyAccess", "aws-managed", []string{
		"warning risk-credentials-exposure connect:GetFederationToken",
		"warning risk-data-exfiltration connect:GetAttachedFile",
		"error unknown-action connect:GetFederationTokens",
	}},
	{"aws-managed/AmazonConnectServiceLinkedRolePolicy", "aws-managed", allActionsEverywhere},
	{"aws-managed/AmazonConnectSynchronizationServiceRolePolicy", "aws-managed", []string{
		"warning resource-wildcard *",
		"warning risk-audit-evasion connect:DisassociateInstanceStorageConfig",
		"warning risk-cost-and-fraud connect:UpdateQueueOutboundCallerConfig",
		"warning risk-data-exfiltration connect:AssociateAnalyticsDataSet",
		"warning risk-destruction connect:DeleteContactFlow",
		"warning risk-flow-hijack connect:AssociateBot",
		"warning risk-flow-hijack connect:CreateContactFlow",
		"warning risk-privilege-escalation connect:CreateSecurityProfile",
		"warning risk-privilege-escalation connect:CreateUser",
	}},
	{"aws-managed/AmazonConnect_FullAccess", "aws-managed", allActionsEverywhere},
	{"aws-managed/ViewOnlyAccess-connect-extract", "aws-managed", []string{"warning risk-data-exfiltration connect:ListRealtimeContactAnalysisSegmentsV2"}},
	{"samples/cfntoazure-custom-resource", "", allActionsEverywhere},
	{"samples/chat-ui-start-chat-contact", "", nil},
	{"samples/salesforce-scv-contact-flow-build", "", []string{`warning resource-wildcard *`, "warning risk-flow-hijack connect:CreateContactFlow"}},
	{"samples/salesforce-scv-holiday-calendar", "", nil},
	{"samples/salesforce-scv-read-contact", "", nil},
	{"samples/salesforce-scv-vmx-core", "", []string{`warning resource-wildcard *`, "warning risk-data-exfiltration connect:GetContactAttributes"}},
}

// TestPolicyAnalysisCorpus runs connect_policy_analysis through Terraform
// over real policies nobody here wrote: the false alarms that a stale
// catalog raised on them are what this test keeps out.
func TestPolicyAnalysisCorpus(t *testing.T) {
	dir, err := filepath.Abs("testdata/corpus")
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, p := range corpus {
		listed = append(listed, filepath.Join(dir, p.file+".json"))
	}
	slices.Sort(files)
	if !slices.Equal(files, listed) {
		t.Fatalf("the corpus table and testdata/corpus differ:\nfiles: %v\ntable: %v", files, listed)
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
	for i, p := range corpus {
		if _, err := os.Stat(filepath.Join(dir, p.file+".json")); err != nil {
			t.Fatal(err)
		}
		kind, failOn := "null", "null"
		if p.kind != "" {
			kind = fmt.Sprintf("%q", p.kind)
		}
		if len(p.want) == 0 {
			failOn = `"warning"`
		}
		fmt.Fprintf(&config, `
# %[2]s
data "connect_policy_analysis" "p%[1]d" {
  policy      = file(%[3]q)
  policy_kind = %[4]s
  fail_on     = %[5]s
}

output "p%[1]d" {
  value = [for f in data.connect_policy_analysis.p%[1]d.findings :
    "${f.severity} ${f.code} ${f.action != null ? f.action : (f.condition_key != null ? f.condition_key : (f.resource != null ? f.resource : "-"))}"
  if f.severity != "suggestion"]
}
`, i, p.file, filepath.Join(dir, p.file+".json"), kind, failOn)
		checks = append(checks, statecheck.ExpectKnownOutputValue(fmt.Sprintf("p%d", i), stringsExact(p.want...)))
	}
	testStateChecks(t, config.String(), checks...)
}
