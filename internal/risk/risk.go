// Package risk is the table of what the actions of Amazon Connect and its
// family (Cases, Customer Profiles, Q in Connect, Voice ID, outbound
// campaigns, AppIntegrations, Connect Health) can do that a security
// reviewer must see: each action or pattern in a risk category,
// with its impact in one sentence and the AWS documentation or published
// research it rests on, and the combinations of actions that are a risk
// together. It is data, resolved against a catalog; it knows nothing of
// policies or of Terraform.
package risk

import (
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
)

// Category is a kind of risk.
type Category string

// The categories, in the order findings and outputs list them.
const (
	CredentialsExposure Category = "credentials-exposure"
	PrivilegeEscalation Category = "privilege-escalation"
	DataExfiltration    Category = "data-exfiltration"
	FlowHijack          Category = "flow-hijack"
	AuditEvasion        Category = "audit-evasion"
	Destruction         Category = "destruction"
	CostAndFraud        Category = "cost-and-fraud"
)

// Categories lists every category.
var Categories = []Category{CredentialsExposure, PrivilegeEscalation, DataExfiltration, FlowHijack, AuditEvasion, Destruction, CostAndFraud}

// Describe says what a category is, for documentation and messages.
func (c Category) Describe() string {
	return map[Category]string{
		CredentialsExposure: "returns credentials or tokens that sign in to the instance",
		PrivilegeEscalation: "gives a principal, or an agent, more permissions in Connect than it was granted",
		DataExfiltration:    "sends or reads call recordings, transcripts, contact data, attachments, customer profiles, cases, AI sessions or health records",
		FlowHijack:          "changes the flows contacts run through, the code and bots they call, or the AI agents, prompts and knowledge that answer them",
		AuditEvasion:        "turns off recording, logging or storage that an audit relies on",
		Destruction:         "deletes the instance or its resources, or a family domain and its data",
		CostAndFraud:        "places outbound contacts, claims numbers or weakens fraud detection, which cost money and enable fraud",
	}[c]
}

// Rule puts actions in a category.
type Rule struct {
	Category Category
	// Actions are names or patterns: Connect's without a prefix, another
	// family service's with its own ("profile:SearchProfiles"); one
	// service per rule.
	Actions []string
	// Impact says in one sentence what a principal allowed them can do.
	Impact string
	// Source is the AWS documentation page or research it rests on.
	Source string
}

// Combination is a risk of actions allowed together: every part, each a
// list of alternatives, must be allowed.
type Combination struct {
	Category Category
	Parts    [][]string
	Impact   string
	Source   string
}

const (
	apiReference       = "https://docs.aws.amazon.com/connect/latest/APIReference/"
	profilesReference  = "https://docs.aws.amazon.com/customerprofiles/latest/APIReference/"
	casesReference     = "https://docs.aws.amazon.com/cases/latest/APIReference/"
	voiceIDReference   = "https://docs.aws.amazon.com/voiceid/latest/APIReference/"
	wisdomReference    = "https://docs.aws.amazon.com/amazon-q-connect/latest/APIReference/"
	campaignsReference = "https://docs.aws.amazon.com/connect-outbound/latest/APIReference/"
	appIntegrationsRef = "https://docs.aws.amazon.com/appintegrations/latest/APIReference/"
)

// Rules is the table. Every action named here exists in the latest catalog
// (a test checks it); a rule applies to a snapshot where its actions exist.
var Rules = []Rule{
	{CredentialsExposure, []string{"GetFederationToken"},
		"returns an access token and a refresh token that sign in to the instance as the calling user",
		apiReference + "API_GetFederationToken.html; listed among credentials-exposure actions by Cloudsplaining (github.com/salesforce/cloudsplaining)"},
	{CredentialsExposure, []string{"AdminGetEmergencyAccessToken"},
		"signs in to the instance with emergency administrator access, bypassing its identity provider",
		"https://docs.aws.amazon.com/connect/latest/adminguide/emergency-admin-login.html"},

	{PrivilegeEscalation, []string{"UpdateUserSecurityProfiles"},
		"assigns any security profile to any user, so an agent can be made an administrator",
		apiReference + "API_UpdateUserSecurityProfiles.html; https://docs.aws.amazon.com/connect/latest/adminguide/connect-security-profiles.html"},
	{PrivilegeEscalation, []string{"CreateSecurityProfile", "UpdateSecurityProfile"},
		"writes the permissions of a security profile, which every user who has it then holds",
		apiReference + "API_UpdateSecurityProfile.html; https://docs.aws.amazon.com/connect/latest/adminguide/connect-security-profiles.html"},
	{PrivilegeEscalation, []string{"UpdateUserIdentityInfo"},
		"changes another user's email address, and so who can reset and use that user's sign-in",
		apiReference + "API_UpdateUserIdentityInfo.html (AWS strongly recommends limiting who can call it)"},
	{PrivilegeEscalation, []string{"TagResource", "UntagResource"},
		"changes the tags that tag-based policies (aws:ResourceTag conditions) and access-control tags of security profiles grant access by",
		"https://docs.aws.amazon.com/connect/latest/adminguide/tag-based-access-control.html"},

	{DataExfiltration, []string{"AssociateInstanceStorageConfig", "UpdateInstanceStorageConfig"},
		"sends call recordings, chat transcripts, contact records and reports to a bucket or stream of the principal's choosing, in any account",
		"https://docs.aws.amazon.com/connect/latest/adminguide/restrict-access-examples.html; " + apiReference + "API_UpdateInstanceStorageConfig.html"},
	{DataExfiltration, []string{"AssociateAnalyticsDataSet", "BatchAssociateAnalyticsDataSet"},
		"shares the instance's analytics data lake datasets with another AWS account",
		apiReference + "API_AssociateAnalyticsDataSet.html"},
	{DataExfiltration, []string{"StartContactStreaming"},
		"streams the messages of a chat to an SNS topic of the principal's choosing",
		apiReference + "API_StartContactStreaming.html"},
	{DataExfiltration, []string{"GetAttachedFile", "GetContactAttributes", "SearchContacts", "ListRealtimeContactAnalysisSegmentsV2"},
		"reads customer data: attached files, contact attributes, contact records and real-time transcripts",
		apiReference + "API_GetAttachedFile.html; " + apiReference + "API_GetContactAttributes.html; " + apiReference + "API_SearchContacts.html"},
	{DataExfiltration, []string{"MonitorContact"},
		"listens in to live calls and chats",
		apiReference + "API_MonitorContact.html"},

	{FlowHijack, []string{"CreateContactFlow", "UpdateContactFlowContent", "CreateContactFlowModule", "UpdateContactFlowModuleContent"},
		"writes the flows and modules contacts run through: what customers hear, where they are routed, what is recorded",
		apiReference + "API_UpdateContactFlowContent.html"},
	{FlowHijack, []string{"AssociateLambdaFunction", "AssociateLexBot", "AssociateBot", "CreateIntegrationAssociation"},
		"lets flows call a Lambda function, a bot or an integration of the principal's choosing, with the contact's data",
		apiReference + "API_AssociateLambdaFunction.html; " + apiReference + "API_CreateIntegrationAssociation.html"},
	{FlowHijack, []string{"AssociatePhoneNumberContactFlow", "AssociateFlow", "UpdatePhoneNumber"},
		"points phone numbers and other resources at another flow",
		apiReference + "API_AssociatePhoneNumberContactFlow.html"},

	{AuditEvasion, []string{"DisassociateInstanceStorageConfig"},
		"stops the storage of call recordings, transcripts and contact records",
		apiReference + "API_DisassociateInstanceStorageConfig.html"},
	{AuditEvasion, []string{"UpdateInstanceAttribute"},
		"turns off instance features such as flow logs and Contact Lens",
		apiReference + "API_UpdateInstanceAttribute.html; https://docs.aws.amazon.com/connect/latest/adminguide/security-best-practices.html"},
	{AuditEvasion, []string{"StopContactRecording", "SuspendContactRecording"},
		"stops or pauses the recording of a contact",
		apiReference + "API_SuspendContactRecording.html"},

	{Destruction, []string{"DeleteInstance"},
		"deletes the instance with all its users, flows, queues and configuration; AWS recommends denying it with an SCP",
		"https://docs.aws.amazon.com/connect/latest/adminguide/security-best-practices.html"},
	{Destruction, []string{"Delete*"},
		"deletes the instance's resources, such as its users, flows, queues and recorded files",
		apiReference + "API_Operations_Amazon_Connect_Service.html"},
	{Destruction, []string{"ReleasePhoneNumber"},
		"releases phone numbers, which may not be claimable again",
		apiReference + "API_ReleasePhoneNumber.html"},

	{CostAndFraud, []string{"StartOutboundVoiceContact", "StartOutboundChatContact", "StartOutboundEmailContact", "SendOutboundEmail", "SendOutboundChatMessage", "BatchPutContact"},
		"places outbound calls, chats and emails, which cost money and can be used for toll fraud or phishing",
		apiReference + "API_StartOutboundVoiceContact.html"},
	{CostAndFraud, []string{"ClaimPhoneNumber", "ImportPhoneNumber"},
		"claims or imports phone numbers, which are billed every day",
		apiReference + "API_ClaimPhoneNumber.html"},
	{CostAndFraud, []string{"UpdateQueueOutboundCallerConfig"},
		"changes the caller ID of a queue's outbound calls",
		apiReference + "API_UpdateQueueOutboundCallerConfig.html"},

	// The rest of the family: customer data of each service, what answers
	// customers and agents, and what places contacts.
	{DataExfiltration, []string{"profile:SearchProfiles", "profile:BatchGetProfile", "profile:ListProfileObjects", "profile:GetProfileHistoryRecord", "profile:ListProfileHistoryRecords"},
		"reads customer profiles: names, contact details, addresses and the contact, order and case history merged into them",
		profilesReference + "API_SearchProfiles.html; " + profilesReference + "API_ListProfileObjects.html; https://docs.aws.amazon.com/connect/latest/adminguide/customer-profiles.html"},
	{DataExfiltration, []string{"profile:CreateEventStream", "profile:CreateSegmentSnapshot", "profile:CreateSnapshot", "profile:PutIntegration", "profile:CreateIntegrationWorkflow"},
		"exports customer profiles: streams every change to a Kinesis stream, writes a segment or a domain to an S3 bucket, or connects an application that receives the data, each of the principal's choosing",
		profilesReference + "API_CreateEventStream.html; " + profilesReference + "API_CreateSegmentSnapshot.html; " + profilesReference + "API_PutIntegration.html"},
	{Destruction, []string{"profile:DeleteDomain", "profile:DeleteProfile", "profile:MergeProfiles"},
		"deletes a Customer Profiles domain with every profile in it, or deletes or irreversibly merges profiles",
		profilesReference + "API_DeleteDomain.html; " + profilesReference + "API_MergeProfiles.html"},

	{DataExfiltration, []string{"cases:GetCase", "cases:SearchCases", "cases:SearchRelatedItems", "cases:SearchAllRelatedItems", "cases:GetCaseAuditEvents"},
		"reads cases: their fields, comments, attached files and the contacts related to them",
		casesReference + "API_GetCase.html; " + casesReference + "API_SearchCases.html; https://docs.aws.amazon.com/connect/latest/adminguide/cases.html"},
	{DataExfiltration, []string{"cases:PutCaseEventConfiguration"},
		"sends an event for every case created or changed, with the fields the principal chooses, to EventBridge",
		casesReference + "API_PutCaseEventConfiguration.html; https://docs.aws.amazon.com/connect/latest/adminguide/case-event-streams.html"},
	{Destruction, []string{"cases:DeleteDomain", "cases:DeleteCase"},
		"deletes a Cases domain with every case in it, or deletes cases",
		casesReference + "API_DeleteDomain.html; " + casesReference + "API_DeleteCase.html"},

	{CostAndFraud, []string{"voiceid:DeleteFraudster", "voiceid:DisassociateFraudster", "voiceid:UpdateWatchlist", "voiceid:DeleteWatchlist", "voiceid:UpdateDomain"},
		"takes known fraudsters off the watchlists that fraud detection checks callers against, or changes the domain's detection, so that a fraudster passes",
		voiceIDReference + "API_DisassociateFraudster.html; " + voiceIDReference + "API_UpdateDomain.html"},
	// Voice ID's API returns no voiceprint, so reading speakers is no
	// exposure of biometric data; deleting or changing them is the risk.
	{Destruction, []string{"voiceid:DeleteDomain", "voiceid:DeleteSpeaker", "voiceid:OptOutSpeaker"},
		"deletes a Voice ID domain with its voiceprints and watchlists, or a speaker's voiceprint, so that callers are no longer authenticated by voice",
		voiceIDReference + "API_DeleteDomain.html"},

	{FlowHijack, []string{"wisdom:CreateAIAgent", "wisdom:UpdateAIAgent", "wisdom:UpdateAssistantAIAgent", "wisdom:CreateAIPrompt", "wisdom:UpdateAIPrompt", "wisdom:UpdateAIGuardrail", "wisdom:DeleteAIGuardrail"},
		"rewrites what Amazon Q in Connect's AI agents say to agents and customers: their prompts, the agent in use, or the guardrails that filter them",
		wisdomReference + "API_UpdateAIPrompt.html; " + wisdomReference + "API_UpdateAIGuardrail.html; https://docs.aws.amazon.com/connect/latest/adminguide/create-ai-prompts.html"},
	{FlowHijack, []string{"wisdom:CreateContent", "wisdom:UpdateContent", "wisdom:StartContentUpload", "wisdom:StartImportJob", "wisdom:CreateQuickResponse", "wisdom:UpdateQuickResponse"},
		"writes the knowledge base and quick responses that the AI and agents answer customers from",
		wisdomReference + "API_UpdateContent.html; " + wisdomReference + "API_StartImportJob.html"},
	{DataExfiltration, []string{"wisdom:GetSession", "wisdom:SearchSessions", "wisdom:ListMessages", "wisdom:GetContent", "wisdom:SearchContent"},
		"reads AI sessions with their conversation, and the knowledge base's content",
		wisdomReference + "API_GetSession.html; " + wisdomReference + "API_ListMessages.html; " + wisdomReference + "API_GetContent.html"},

	{CostAndFraud, []string{"connect-campaigns:CreateCampaign", "connect-campaigns:StartCampaign", "connect-campaigns:ResumeCampaign", "connect-campaigns:PutDialRequestBatch", "connect-campaigns:PutOutboundRequestBatch", "connect-campaigns:PutProfileOutboundRequestBatch", "connect-campaigns:UpdateCampaignSource", "connect-campaigns:UpdateCampaignOutboundCallConfig"},
		"places outbound calls, texts and emails at scale, to numbers and with a caller ID of the principal's choosing, which cost money and can be used for fraud",
		campaignsReference + "API_StartCampaign.html; " + campaignsReference + "API_PutOutboundRequestBatch.html; https://docs.aws.amazon.com/connect/latest/adminguide/how-to-create-campaigns.html"},

	{DataExfiltration, []string{"app-integrations:CreateDataIntegration", "app-integrations:UpdateDataIntegration", "app-integrations:CreateEventIntegration", "app-integrations:UpdateEventIntegration"},
		"copies data between Connect and an external application, bucket or event bus of the principal's choosing",
		appIntegrationsRef + "API_CreateDataIntegration.html; " + appIntegrationsRef + "API_CreateEventIntegration.html"},
	{FlowHijack, []string{"app-integrations:CreateApplication", "app-integrations:UpdateApplication"},
		"embeds a third-party application in the agent workspace, where it receives contact events and acts for agents",
		appIntegrationsRef + "API_CreateApplication.html; https://docs.aws.amazon.com/connect/latest/adminguide/3p-apps.html"},

	{DataExfiltration, []string{"health-agent:GetPatient", "health-agent:MatchPatient", "health-agent:ListPatientMedications", "health-agent:ListPatientInsuranceCoverages", "health-agent:ListPatientAppointments", "health-agent:StartPatientInsightsJob", "health-agent:GetPatientInsightsJob", "health-agent:ListSessionRecords", "health-agent:GetMedicalScribeListeningSession"},
		"reads protected health information: patients, their medications, insurance, appointments, insights and transcribed sessions",
		"https://docs.aws.amazon.com/connecthealth/latest/APIReference/Welcome.html; https://docs.aws.amazon.com/service-authorization/latest/reference/list_connecthealth.html"},
	{Destruction, []string{"health-agent:DeleteDomain"},
		"deletes a Connect Health domain with its data",
		"https://docs.aws.amazon.com/service-authorization/latest/reference/list_connecthealth.html"},
}

// Combinations is the table of risks of actions together.
var Combinations = []Combination{
	{PrivilegeEscalation, [][]string{{"CreateUser"}, {"CreateSecurityProfile", "UpdateSecurityProfile"}},
		"creates a security profile with any permission, or raises one, and a user that has it",
		apiReference + "API_CreateUser.html; https://docs.aws.amazon.com/connect/latest/adminguide/connect-security-profiles.html"},
	{FlowHijack, [][]string{{"CreateContactFlow", "UpdateContactFlowContent", "CreateContactFlowModule", "UpdateContactFlowModuleContent"}, {"AssociateLambdaFunction", "AssociateLexBot", "AssociateBot"}},
		"associates a Lambda function or bot of the principal's choosing and writes a flow that calls it, so that code runs with the data of every contact routed through the flow",
		apiReference + "API_AssociateLambdaFunction.html"},
}

// Model is the table resolved against a catalog.
type Model struct {
	catalog *catalog.Catalog
	rules   map[*catalog.Action][]*Rule
	combos  []resolvedCombination
	// family resolves, on first use, the rules of another service of the
	// family against its catalog: a policy of Connect alone never parses
	// them.
	family map[string]func() map[*catalog.Action][]*Rule
}

type resolvedCombination struct {
	*Combination
	parts [][]*catalog.Action
}

// New resolves the table against a catalog. Names the catalog does not
// have are left out (the 2020 page lacks most); a pattern that matches
// nothing in the latest catalog is an error.
func New(c *catalog.Catalog) (*Model, error) {
	m := &Model{catalog: c, rules: map[*catalog.Action][]*Rule{}, family: map[string]func() map[*catalog.Action][]*Rule{}}
	for _, service := range catalog.FamilyServices() {
		m.family[service] = sync.OnceValue(func() map[*catalog.Action][]*Rule { return familyRules(service) })
	}
	for i := range Rules {
		r := &Rules[i]
		if _, ok := RuleService(r); ok {
			continue
		}
		for _, name := range r.Actions {
			matched := c.Match(name)
			if len(matched) == 0 && c.Name == catalog.Latest {
				return nil, fmt.Errorf("risk rule %s names %s, which the latest catalog does not have", r.Category, name)
			}
			for _, a := range matched {
				if !slices.Contains(m.rules[a], r) {
					m.rules[a] = append(m.rules[a], r)
				}
			}
		}
	}
	for i := range Combinations {
		combo := resolvedCombination{Combination: &Combinations[i]}
		for _, part := range combo.Parts {
			var actions []*catalog.Action
			for _, name := range part {
				actions = append(actions, c.Match(name)...)
			}
			combo.parts = append(combo.parts, actions)
		}
		m.combos = append(m.combos, combo)
	}
	return m, nil
}

// RuleService returns the family service a rule's actions are of, with
// ok false for a rule of Connect's actions.
func RuleService(r *Rule) (string, bool) {
	if len(r.Actions) == 0 {
		return "", false
	}
	service, _, ok := strings.Cut(r.Actions[0], ":")
	return service, ok
}

// familyRules resolves the rules of a family service against its catalog;
// TestFamilyRulesResolve holds every name to an action.
func familyRules(service string) map[*catalog.Action][]*Rule {
	out := map[*catalog.Action][]*Rule{}
	c, err := catalog.LoadService(service)
	if err != nil {
		return out
	}
	for i := range Rules {
		r := &Rules[i]
		if s, ok := RuleService(r); !ok || s != service {
			continue
		}
		for _, name := range r.Actions {
			for _, a := range c.Match(name) {
				if !slices.Contains(out[a], r) {
					out[a] = append(out[a], r)
				}
			}
		}
	}
	return out
}

// Rules returns the rules that put the action in a category, in the
// table's order.
func (m *Model) Rules(a *catalog.Action) []*Rule {
	if service, _, _ := catalog.SplitAction(a.FullName()); !strings.EqualFold(service, m.catalog.Prefix) {
		if resolve, ok := m.family[strings.ToLower(service)]; ok {
			return resolve()[a]
		}
		return nil
	}
	return m.rules[a]
}

// Categories returns the categories of an action, in Categories' order.
func (m *Model) Categories(a *catalog.Action) []Category {
	var out []Category
	for _, c := range Categories {
		if slices.ContainsFunc(m.Rules(a), func(r *Rule) bool { return r.Category == c }) {
			out = append(out, c)
		}
	}
	return out
}

// ByCategory groups actions' full names by the categories their rules put
// them in; every category has a list.
func (m *Model) ByCategory(actions []*catalog.Action) map[Category][]string {
	out := map[Category][]string{}
	for _, c := range Categories {
		out[c] = []string{}
	}
	for _, a := range actions {
		for _, c := range m.Categories(a) {
			out[c] = append(out[c], a.FullName())
		}
	}
	return out
}

// CombinationMatch is a combination whose every part has an action in a set.
type CombinationMatch struct {
	*Combination
	// Actions are, per part, the actions of the set that fill it.
	Actions [][]*catalog.Action
}

// Combinations returns the combinations whose every part is filled by
// actions for which has is true.
func (m *Model) Combinations(has func(*catalog.Action) bool) []CombinationMatch {
	var out []CombinationMatch
	for _, combo := range m.combos {
		match := CombinationMatch{Combination: combo.Combination}
		for _, part := range combo.parts {
			var filled []*catalog.Action
			for _, a := range part {
				if has(a) {
					filled = append(filled, a)
				}
			}
			if len(filled) == 0 {
				match.Actions = nil
				break
			}
			match.Actions = append(match.Actions, filled)
		}
		if len(match.Actions) == len(combo.parts) {
			out = append(out, match)
		}
	}
	return out
}

// ParseCategory reads a category's name.
func ParseCategory(s string) (Category, bool) {
	c := Category(s)
	return c, slices.Contains(Categories, c)
}

// CategoryNames lists the categories' names.
func CategoryNames() []string {
	out := make([]string, len(Categories))
	for i, c := range Categories {
		out[i] = string(c)
	}
	return out
}

// models holds the model of each catalog, resolved once.
var models sync.Map // *catalog.Catalog -> *Model

// For returns the model of a catalog, resolved on first use and shared.
func For(c *catalog.Catalog) (*Model, error) {
	if m, ok := models.Load(c); ok {
		return m.(*Model), nil //nolint:forcetypeassert // only *Model is stored
	}
	m, err := New(c)
	if err != nil {
		return nil, err
	}
	models.Store(c, m)
	return m, nil
}
