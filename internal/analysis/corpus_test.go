package analysis

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/checker"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
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
	{"admin-guide/appintegrations-all-actions-typo", "", []string{
		"error unknown-service app-integartions:DeleteDataIntegration",
		"error unknown-service app-integartions:DeleteEventIntegration",
		"warning risk-data-exfiltration app-integrations:CreateDataIntegration",
	}},
	{"admin-guide/appintegrations-create-view", "", []string{
		"error malformed-action app-integrations::ListEventIntegrations",
		"warning risk-data-exfiltration app-integrations:CreateEventIntegration",
	}},
	{"admin-guide/campaigns-disable", "", nil},
	{"admin-guide/campaigns-management", "", []string{
		"error unknown-action connect-campaigns:UpdateDialerConfig",
		"error unknown-action connect-campaigns:UpdateOutboundCallConfig",
		"warning risk-cost-and-fraud connect-campaigns:CreateCampaign",
	}},
	{"admin-guide/campaigns-tag-based", "", nil},
	{"admin-guide/cases-onboard", "", []string{"warning risk-flow-hijack connect:CreateIntegrationAssociation"}},
	{"admin-guide/cases-view-domain", "", nil},
	{"admin-guide/configure-saml-instance-id", "", nil},
	{"admin-guide/configure-saml-instance-ids", "", nil},
	{"admin-guide/configure-saml-user-userid", "", nil},
	{"admin-guide/create-task-block", "", []string{"warning resource-wildcard *"}},
	{"admin-guide/create-users-by-request-tag", "", []string{"warning resource-wildcard *", "warning risk-privilege-escalation connect:TagResource"}},
	{"admin-guide/create-users-deny-security-profile", "", []string{"warning resource-wildcard *"}},
	{"admin-guide/customer-profiles-appflow-role", "", []string{"warning risk-data-exfiltration profile:PutIntegration"}},
	{"admin-guide/deny-all-instance-arn-wildcard", "", nil},
	{"admin-guide/deny-all-instance-condition", "", []string{"warning unsupported-condition-key connect:instanceId"}},
	{"admin-guide/deny-delete-update-users", "", nil},
	{"admin-guide/deny-instance-deletion-scp", "", nil},
	{"admin-guide/describe-update-users-by-tag", "", []string{"warning unsupported-condition-key aws:ResourceTag/Department"}},
	{"admin-guide/outbound-campaigns-onboarding", "", []string{"warning risk-audit-evasion connect:UpdateInstanceAttribute"}},
	{"admin-guide/restrict-kinesis-ctr", "", nil},
	{"admin-guide/restrict-lambda-association", "", nil},
	{"admin-guide/restrict-storage-call-recordings", "", nil},
	{"admin-guide/health-readonly-console", "", nil},
	{"admin-guide/health-deny-destructive", "", nil},
	// AWS's console policy for Connect Health: full access on "*" by
	// design; health-agent:GenerateMedicalCodes, which the reference lacks
	// but the guide uses, is a suggestion only.
	{"admin-guide/health-full-console", "", []string{
		"warning resource-wildcard *",
		"warning risk-cost-and-fraud connect:ClaimPhoneNumber",
		"warning risk-data-exfiltration health-agent:GetPatientInsightsJob",
		"warning risk-destruction connect:ReleasePhoneNumber",
		"warning risk-destruction health-agent:DeleteDomain",
		"warning risk-flow-hijack connect:AssociatePhoneNumberContactFlow",
		"warning risk-privilege-escalation connect:TagResource",
	}},
	{"admin-guide/health-service-role", "", nil},
	// The ARN's service, appintegrations, is no service: one error on it
	// (did you mean app-integrations?) stands for the four actions that
	// could act on none of the statement's resources.
	{"admin-guide/rl-appintegrations-name-prefix", "", []string{
		"error unknown-service arn:aws:appintegrations:*:*:event-integration/MyNamePrefix-*",
		"error unknown-service app-integartions:DeleteEventIntegration",
	}},
	{"admin-guide/rl-campaigns-specific-campaign", "", []string{
		"error unknown-action connect-campaigns:UpdateDialerConfig",
		"error unknown-action connect-campaigns:UpdateOutboundCallConfig",
	}},
	{"admin-guide/rl-profile-read-only", "", []string{"error unknown-action profile:ListObjects"}},
	{"admin-guide/rl-voiceid-full-domain", "", nil},
	{"admin-guide/rl-wisdom-query-assistant", "", []string{"error malformed-action wisdom:QueryAssistant "}},
	{"admin-guide/start-contact-recording", "", nil},
	{"admin-guide/troubleshoot-saml", "", nil},
	{"admin-guide/view-users", "", nil},
	{"admin-guide/voiceid-console-custom-policy", "", []string{
		"warning risk-destruction connect:DeleteIntegrationAssociation",
		"warning risk-flow-hijack connect:CreateIntegrationAssociation",
	}},
	{"admin-guide/vpce-voiceid", "resource-based", nil},
	{"admin-guide/wisdom-assistants", "", nil},
	{"aws-managed/AIOpsAssistantPolicy", "aws-managed", []string{
		"warning risk-data-exfiltration connect:ListRealtimeContactAnalysisSegmentsV2",
		"error operator-type-mismatch aws:ViaAWSService",
	}},
	{"aws-managed/AWSConfigServiceRolePolicy", "aws-managed", nil},
	{"aws-managed/AWSEntityResolutionConsoleFullAccess", "aws-managed", nil},
	{"aws-managed/AWSPartnerLedSupportReadOnlyAccess", "aws-managed", nil},
	{"aws-managed/AWSResourceExplorerServiceRolePolicy", "aws-managed", nil},
	{"aws-managed/AWSSupportServiceRolePolicy", "aws-managed", nil},
	{"aws-managed/AWS_ConfigRole", "aws-managed", nil},
	{"aws-managed/AmazonConnectCampaignsServiceLinkedRolePolicy", "aws-managed", []string{"warning risk-cost-and-fraud connect:BatchPutContact"}},
	{"aws-managed/AmazonConnectCampaignsServiceLinkedRolePolicy-v3", "aws-managed", []string{"warning risk-cost-and-fraud connect:BatchPutContact"}},
	{"aws-managed/AmazonConnectCampaignsServiceLinkedRolePolicy-v5", "aws-managed", []string{"warning risk-cost-and-fraud connect:BatchPutContact"}},
	{"aws-managed/AmazonConnectFullAccess-deprecated", "aws-managed", allActionsEverywhere},
	{"aws-managed/AmazonConnectReadOnlyAccess", "aws-managed", []string{
		"warning risk-credentials-exposure connect:GetFederationToken",
		"warning risk-data-exfiltration connect:GetAttachedFile",
		"error unknown-action connect:GetFederationTokens",
	}},
	{"aws-managed/AmazonConnectReadOnlyAccess-v4", "aws-managed", []string{
		"warning risk-credentials-exposure connect:GetFederationToken",
		"warning risk-data-exfiltration connect:GetAttachedFile",
	}},
	{"aws-managed/AmazonConnectServiceLinkedRolePolicy", "aws-managed", slices.Concat(allActionsEverywhere, []string{
		"warning risk-data-exfiltration profile:SearchProfiles",
		"warning risk-data-exfiltration profile:ListProfileObjects",
	})},
	{"aws-managed/AmazonConnectServiceLinkedRolePolicy-v53", "aws-managed", slices.Concat(allActionsEverywhere, []string{
		"warning risk-data-exfiltration profile:BatchGetProfile",
		"warning risk-data-exfiltration profile:ListProfileObjects",
		"warning risk-data-exfiltration profile:CreateSegmentSnapshot",
	})},
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
	{"aws-managed/AmazonConnectSynchronizationServiceRolePolicy-v5", "aws-managed", []string{
		"warning resource-wildcard *",
		"warning risk-audit-evasion connect:DisassociateInstanceStorageConfig",
		"warning risk-cost-and-fraud connect:UpdateQueueOutboundCallerConfig",
		"warning risk-data-exfiltration connect:AssociateInstanceStorageConfig",
		"warning risk-destruction connect:DeleteContactFlow",
		"warning risk-flow-hijack connect:AssociateBot",
		"warning risk-flow-hijack connect:CreateContactFlow",
		"warning risk-privilege-escalation connect:CreateSecurityProfile",
		"warning risk-privilege-escalation connect:CreateUser",
	}},
	{"aws-managed/AmazonConnectVoiceIDFullAccess", "aws-managed", []string{
		"warning risk-cost-and-fraud voiceid:DeleteFraudster",
		"warning risk-destruction voiceid:DeleteDomain",
	}},
	{"aws-managed/AmazonConnect_FullAccess", "aws-managed", slices.Concat(allActionsEverywhere, []string{
		"warning risk-data-exfiltration profile:ListProfileObjects",
		"warning risk-destruction profile:DeleteDomain",
	})},
	{"aws-managed/CustomerProfilesServiceLinkedRolePolicy", "aws-managed", []string{
		"warning risk-cost-and-fraud connect-campaigns:PutProfileOutboundRequestBatch",
		"warning risk-data-exfiltration profile:BatchGetProfile",
	}},
	{"aws-managed/ReadOnlyAccess", "aws-managed", []string{
		"warning risk-credentials-exposure connect:GetFederationToken",
		"warning risk-data-exfiltration connect:GetContactAttributes",
	}},
	{"aws-managed/ResourceGroupsTaggingAPITagUntagSupportedResources", "aws-managed", []string{"warning risk-privilege-escalation connect:TagResource"}},
	{"aws-managed/SecurityAudit", "aws-managed", nil},
	{"aws-managed/ViewOnlyAccess", "aws-managed", []string{"warning risk-data-exfiltration connect:ListRealtimeContactAnalysisSegmentsV2"}},
	{"aws-managed/ViewOnlyAccess-connect-extract", "aws-managed", []string{"warning risk-data-exfiltration connect:ListRealtimeContactAnalysisSegmentsV2"}},
	{"samples/agent-hold-pause-resume-recording", "", nil},
	{"samples/agentless-campaign-sfn-outreach", "", []string{"warning resource-wildcard *", "warning risk-cost-and-fraud connect:StartOutboundVoiceContact"}},
	{"samples/callback-ctr-event-connect", "", nil},
	{"samples/callbackmgmt-stop-contact", "", nil},
	{"samples/cdk-constructs-instance-storage-config", "", []string{
		"warning risk-audit-evasion connect:DisassociateInstanceStorageConfig",
		"warning risk-data-exfiltration connect:AssociateInstanceStorageConfig",
	}},
	{"samples/cdk-constructs-integration-association", "", []string{
		"warning risk-destruction connect:DeleteIntegrationAssociation",
		"warning risk-flow-hijack connect:CreateIntegrationAssociation",
	}},
	{"samples/cdk-constructs-queue-list-queues", "", nil},
	{"samples/cfntoazure-custom-resource", "", allActionsEverywhere},
	{"samples/chat-ui-start-chat-contact", "", nil},
	{"samples/cicd-workshop-flow-provisioner", "", nil},
	{"samples/config-rules-campaigns-check", "", nil},
	{"samples/contact-lens-action-item-reminder-task", "", nil},
	{"samples/contact-summarization-realtime-segments", "", nil},
	{"samples/contact-surveys-start-task", "", nil},
	{"samples/contactcenterops-associate-phone-number-flow", "", nil},
	{"samples/contactcenterops-cfn-deploy-role", "", []string{
		"warning resource-wildcard *",
		"warning risk-audit-evasion connect:DisassociateInstanceStorageConfig",
		"warning risk-cost-and-fraud connect:ClaimPhoneNumber",
		"warning risk-credentials-exposure connect:GetFederationToken",
		"warning risk-data-exfiltration connect:AssociateInstanceStorageConfig",
		"warning risk-destruction connect:DeleteContactFlow",
		"warning risk-flow-hijack connect:CreateContactFlow",
		"warning risk-privilege-escalation connect:TagResource",
	}},
	{"samples/contactcenterops-get-security-profile", "", nil},
	{"samples/experience-builder-provisioning", "", []string{
		"warning resource-wildcard *",
		"warning risk-cost-and-fraud connect:ClaimPhoneNumber",
		"warning risk-flow-hijack connect:AssociatePhoneNumberContactFlow",
	}},
	{"samples/gitlab-cicd-lex-genai-wisdom", "", nil},
	{"samples/global-resiliency-replicate-instance", "", []string{
		"error unknown-action connect:DescribeInstanceAttributes",
		"warning resource-wildcard *",
		"warning risk-audit-evasion connect:UpdateInstanceAttribute",
		"warning risk-data-exfiltration connect:AssociateInstanceStorageConfig",
		"warning risk-destruction connect:DeleteInstance",
	}},
	{"samples/in-app-calling-start-webrtc-contact", "", allActionsEverywhere},
	{"samples/pinpoint-callback-start-outbound", "", []string{"warning reference-versions-disagree connect:StartOutboundVoiceContact"}},
	{"samples/power-dialer-connect-permissions", "", []string{
		"error unknown-action connect:CreateProfile",
		"warning risk-cost-and-fraud connect:StartOutboundVoiceContact",
		"warning risk-data-exfiltration profile:SearchProfiles",
		"warning risk-destruction profile:DeleteProfile",
	}},
	{"samples/rules-engine-lambda-policy", "", []string{
		"warning reference-versions-disagree connect:StartOutboundVoiceContact",
		"warning risk-cost-and-fraud connect:StartOutboundVoiceContact",
		"warning risk-data-exfiltration connect:GetContactAttributes",
		"warning risk-flow-hijack connect:AssociateBot",
		"warning risk-flow-hijack connect:CreateContactFlow",
	}},
	{"samples/salesforce-scv-contact-flow-build", "", []string{"warning risk-flow-hijack connect:CreateContactFlow"}},
	{"samples/salesforce-scv-holiday-calendar", "", nil},
	{"samples/salesforce-scv-read-contact", "", nil},
	{"samples/salesforce-scv-vmx-core", "", []string{"warning resource-wildcard *", "warning risk-data-exfiltration connect:GetContactAttributes"}},
	{"samples/scim-user-management-tf", "", nil},
	{"samples/scv-gov-provisioning-connect-access", "", []string{
		"error action-resource-mismatch connect:CreateInstance",
		"error unknown-resource-type arn:aws-us-gov:connect:*:123456789012:/instance",
		"warning reference-versions-disagree connect:StartOutboundVoiceContact",
		"warning risk-audit-evasion connect:UpdateInstanceAttribute",
		"warning risk-cost-and-fraud connect:StartOutboundVoiceContact",
		"warning risk-credentials-exposure connect:GetFederationToken",
		"warning risk-data-exfiltration connect:GetAttachedFile",
		"warning risk-destruction connect:DeletePredefinedAttribute",
		"warning risk-flow-hijack connect:AssociateLambdaFunction",
		"warning risk-flow-hijack connect:CreateContactFlow",
		"warning risk-privilege-escalation connect:TagResource",
	}},
	{"samples/scv-monitoring-alert-role", "", []string{
		"warning risk-credentials-exposure connect:GetFederationToken",
		"warning risk-data-exfiltration connect:GetAttachedFile",
	}},
	{"samples/scv-provisioning-connect-access", "", []string{
		"error action-resource-mismatch connect:CreateInstance",
		"error unknown-resource-type arn:aws:connect:*:123456789012:/instance",
		"warning reference-versions-disagree connect:StartOutboundVoiceContact",
		"warning risk-audit-evasion connect:UpdateInstanceAttribute",
		"warning risk-cost-and-fraud connect:StartOutboundVoiceContact",
		"warning risk-credentials-exposure connect:GetFederationToken",
		"warning risk-data-exfiltration connect:GetAttachedFile",
		"warning risk-destruction connect:DeleteInstance",
		"warning risk-flow-hijack connect:AssociateLambdaFunction",
		"warning risk-flow-hijack connect:CreateContactFlow",
		"warning risk-privilege-escalation connect:TagResource",
	}},
	{"samples/sf-lambda-contact-lens-get-attributes", "", nil},
	{"samples/sf-lambda-contact-recording-control", "", nil},
	{"samples/sf-lambda-guided-setup-instance", "", []string{"warning risk-data-exfiltration connect:AssociateInstanceStorageConfig"}},
	{"samples/sf-lambda-realtime-queue-metrics", "", nil},
	{"samples/snippets-check-time-left-queue-hours", "", nil},
	{"samples/snippets-programmatic-create-task", "", nil},
	{"samples/snippets-rate-limiter-outbound", "", []string{"warning reference-versions-disagree connect:StartOutboundVoiceContact"}},
	{"samples/speech-analytics-connect-user-sts", "", []string{"warning resource-wildcard *"}},
	{"samples/vce-ccp-login-get-federation-token", "", nil},
	{"samples/vce-recording-update-contact-attributes", "", nil},
	{"samples/vce-start-chat-contact", "", nil},
	{"samples/vce-user-cache-describe-user", "", nil},
	{"samples/vmx3-packager-policy", "", nil},
	{"samples/voicemail-agents-get-by-id", "", []string{"error action-resource-mismatch connect:ListUsers"}},
	{"samples/voicemail-build-contact-flow-list-queues", "", nil},
	{"samples/voicemail-get-agent-by-extension", "", nil},
}

// CorpusFiles lists the corpus table's policies, as paths relative to
// testdata/corpus, for the acceptance test of the data source's mapping.
func corpusFiles() []string {
	var out []string
	for _, p := range corpus {
		out = append(out, p.file)
	}
	return out
}

// TestCorpus analyses real policies nobody here wrote and checks the exact
// errors and warnings: the false alarms a stale catalog or a rule that
// does not follow IAM raised on them are what this test keeps out. A policy
// without any is analysed with fail_on = "warning", so any fails it.
func TestCorpus(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "corpus", "*", "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	var listed []string
	for _, f := range corpusFiles() {
		listed = append(listed, filepath.Join("testdata", "corpus", f+".json"))
	}
	slices.Sort(files)
	slices.Sort(listed)
	if !slices.Equal(files, listed) {
		t.Fatalf("the corpus table and testdata/corpus differ:\nfiles: %v\ntable: %v", files, listed)
	}
	c := catalogtest.Load(t, catalog.Latest)
	m, err := risk.For(c)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range corpus {
		t.Run(p.file, func(t *testing.T) {
			text, err := os.ReadFile(filepath.Join("testdata", "corpus", p.file+".json"))
			if err != nil {
				t.Fatal(err)
			}
			in := Input{Policy: string(text), Kind: policy.Kind(p.kind)}
			if len(p.want) == 0 {
				in.FailOn = checker.SeverityWarning
			}
			result, problems := Analyze(c, m, in)
			if got := Brief(result.Findings); !slices.Equal(got, p.want) {
				t.Errorf("findings:\n  %s\nwant:\n  %s", strings.Join(got, "\n  "), strings.Join(p.want, "\n  "))
			}
			if len(p.want) == 0 && len(problems) > 0 {
				t.Errorf("problems: %+v", problems)
			}
		})
	}
}
