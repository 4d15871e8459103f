package catalog

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// DocumentedForm is an ARN form that AWS's guides prescribe for some actions
// but the Service Authorization Reference does not list. Real policies use
// these forms, so a check that refused them would be a false alarm.
type DocumentedForm struct {
	// Service is the service whose actions the form is for; "" is Connect.
	Service string
	// Name labels the form in messages and Sids, such as "federation-user".
	Name string
	// ARNFormat is the form, with ${...} placeholders as in a resource type.
	ARNFormat string
	// Actions are the actions, without prefix, for which the form is valid.
	Actions []string
	// Source is where AWS documents the form.
	Source string

	template arnTemplate
}

// Allows reports whether the form is valid for the action.
func (f *DocumentedForm) Allows(a *Action) bool { return slices.Contains(f.Actions, a.Name) }

// documentedForms are the forms the catalog accepts beyond the reference.
var documentedForms = []DocumentedForm{
	{
		// The Amazon Connect Administrator Guide, "Configure SAML with IAM
		// for Amazon Connect" (configure-saml.html) and "Troubleshoot SAML"
		// (troubleshoot-saml.html), grant connect:GetFederationToken on
		// instance/<instance id>/user/${aws:userid}, while the reference
		// lists only the instance as its resource type.
		Name:      "federation-user",
		ARNFormat: "arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/user/${UserId}",
		Actions:   []string{"GetFederationToken"},
		Source:    "Amazon Connect Administrator Guide, Configure SAML with IAM for Amazon Connect",
	},
	{
		// AWS's managed policy AmazonConnectCampaignsServiceLinkedRolePolicy
		// (v5, edited 2026-06-18, in the AWS Managed Policy Reference Guide),
		// statement ConnectCampaignsMetricsAccess, allows
		// connect:GetMetricDataV2 on arn:aws:connect-campaigns:*:*:campaign/*:
		// the metrics of a campaign, a form the reference does not list for
		// the action. An AWS managed policy is evidence of a form that works.
		// The other Connect actions of the AWS managed policies that name
		// Connect (18 in zoph-io/MAMIP of 2026-03-07, and this one) are on
		// forms the reference lists, or on "*".
		Name:      "campaign",
		ARNFormat: "arn:${Partition}:connect-campaigns:${Region}:${Account}:campaign/${CampaignId}",
		Actions:   []string{"GetMetricDataV2"},
		Source:    "AWS managed policy AmazonConnectCampaignsServiceLinkedRolePolicy v5, statement ConnectCampaignsMetricsAccess",
	},
	{
		// AWS's managed policy AmazonConnectServiceLinkedRolePolicy (v53,
		// zoph-io/MAMIP of 2026-03-07), statement
		// AllowCustomerProfilesSegmentationImportForConnectDomain, allows the
		// upload-job actions on domains/amazon-connect-*/upload-jobs/*, a
		// form the reference does not list (it lists the domain).
		Service:   "profile",
		Name:      "upload-job",
		ARNFormat: "arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}/upload-jobs/${JobId}",
		Actions:   []string{"GetUploadJob", "GetUploadJobPath", "StartUploadJob", "StopUploadJob"},
		Source:    "AWS managed policy AmazonConnectServiceLinkedRolePolicy v53, statement AllowCustomerProfilesSegmentationImportForConnectDomain",
	},
	{
		// The same policy, statement AllowReadForCustomerProfileObjectTemplates,
		// allows the object type template actions on /templates*, where the
		// reference lists no resource type for them.
		Service:   "profile",
		Name:      "object-type-templates",
		ARNFormat: "arn:${Partition}:profile:${Region}:${Account}:/templates${Path}",
		Actions:   []string{"ListProfileObjectTypeTemplates", "GetProfileObjectTypeTemplate"},
		Source:    "AWS managed policy AmazonConnectServiceLinkedRolePolicy v53, statement AllowReadForCustomerProfileObjectTemplates",
	},
}

// DocumentedForms lists the documented forms that apply to the catalog's
// actions.
func (c *Catalog) DocumentedForms() []*DocumentedForm { return c.documented }

// addDocumentedForms keeps the forms whose actions the catalog has.
func (c *Catalog) addDocumentedForms() error {
	for _, f := range documentedForms {
		if service := cmp.Or(f.Service, ServicePrefix); service != c.Prefix {
			continue
		}
		form := f
		form.Actions = slices.DeleteFunc(slices.Clone(f.Actions), func(name string) bool { _, ok := c.Action(name); return !ok })
		if len(form.Actions) == 0 {
			continue
		}
		template, err := compileTemplate(form.ARNFormat)
		if err != nil {
			return fmt.Errorf("documented form %s: %w", form.Name, err)
		}
		form.template = template
		c.documented = append(c.documented, &form)
		if !slices.Contains(c.services, template.service) {
			c.services = append(c.services, template.service)
		}
	}
	return nil
}

// DocumentedAction is an action name that AWS's own documentation uses in
// its example policies but the newest Service Authorization Reference does
// not list: a service whose API grows faster than the reference (Connect
// Health's did in 2026). Refusing it would fail the plan of AWS's own
// example, so the checks report it as unconfirmed instead.
type DocumentedAction struct {
	// Action is the full name, such as "health-agent:GenerateMedicalCodes".
	Action string
	// Source is where AWS uses it.
	Source string
}

// documentedActions are the names the checks accept beyond the reference.
// Each is in no pinned version of the reference; TestDocumentedActions
// says so, and fails once a catalog update adds one (then it comes out).
var documentedActions = []DocumentedAction{
	// The Amazon Connect Health User Guide's identity and access page, its
	// console and identity-based policy examples and its service role.
	{"health-agent:GenerateMedicalCodes", connectHealthIAMGuide},
	{"health-agent:ListMedicalScribeListeningSessions", connectHealthIAMGuide},
	{"health-agent:ListAgentVersions", connectHealthIAMGuide},
}

const connectHealthIAMGuide = "https://docs.aws.amazon.com/connecthealth/latest/userguide/security-iam.html"

// DocumentedActionNamed returns the documented action of that full name,
// in any case.
func DocumentedActionNamed(name string) (DocumentedAction, bool) {
	for _, d := range documentedActions {
		if strings.EqualFold(d.Action, name) {
			return d, true
		}
	}
	return DocumentedAction{}, false
}

// DocumentedActions lists them, for tests and documentation.
func DocumentedActions() []DocumentedAction { return slices.Clone(documentedActions) }

// ServiceRoleOf is the ARN pattern of the service-linked roles of a
// service of the family, within a partition and account ("*" for any):
// the only roles the IAM permissions Connect checks on the caller's behalf
// are about, or "" for a service that has none here.
//
// The reference lists iam:PutRolePolicy, iam:AttachRolePolicy and
// iam:CreateServiceLinkedRole as dependent actions of Connect's
// CreateInstance, AssociateBot and more, on every role. AWS's own documents
// confine them to the service-linked role: the Amazon Connect
// Administrator Guide ("AmazonConnect_FullAccess policy",
// security-iam-amazon-connect-permissions.html) adds iam:PutRolePolicy on
// arn:aws:iam::*:role/aws-service-role/connect.amazonaws.com/AWSServiceRoleForAmazonConnect*
// to AmazonConnect_FullAccess, which grants no other iam: permission than
// creating and deleting the service-linked roles of Connect and Customer
// Profiles (iam:AWSServiceName connect.amazonaws.com, the role path
// aws-service-role/profile.amazonaws.com/). With them, AWS says, a principal
// may create and configure instances: none of these needs any other role.
func ServiceRoleOf(service, partition, account string) string {
	path, ok := map[string]string{
		ServicePrefix:      "connect.amazonaws.com/AWSServiceRoleForAmazonConnect*",
		"profile":          "profile.amazonaws.com/*",
		"app-integrations": "app-integrations.amazonaws.com/*",
	}[service]
	if !ok {
		return ""
	}
	return "arn:" + partition + ":iam::" + account + ":role/aws-service-role/" + path
}
