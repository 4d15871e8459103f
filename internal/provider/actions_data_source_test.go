package provider

import (
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// TestActionsDataSource runs the queries on the 2020 snapshot, where their
// answers are Policy Sentry's.
func TestActionsDataSource(t *testing.T) {
	testStateChecks(t, catalog2020+`
data "connect_actions" "all" {}

data "connect_actions" "queue_readers" {
  access_levels  = ["Read", "list"]
  resource_types = ["queue"]
}

data "connect_actions" "wildcard_only" {
  resource_types = ["*"]
}

data "connect_actions" "permissions_management" {
  access_levels = ["permissions-management"]
}

data "connect_actions" "request_tags" {
  condition_keys = ["aws:RequestTag/team"]
}

data "connect_actions" "by_name" {
  names = ["connect:DescribeUser*", "ListQueues", "connect:get?etricdata"]
}

data "connect_actions" "all_filters" {
  access_levels  = ["Write"]
  resource_types = ["routing-profile"]
  condition_keys = ["aws:ResourceTag/$${TagKey}"]
  names          = ["*Queues"]
}
`,
		statecheck.ExpectKnownValue("data.connect_actions.all", tfjsonpath.New("actions"), knownvalue.ListSizeExact(53)),
		statecheck.ExpectKnownValue("data.connect_actions.all", tfjsonpath.New("details"), knownvalue.ListSizeExact(53)),
		statecheck.ExpectKnownValue("data.connect_actions.queue_readers", tfjsonpath.New("actions"),
			stringsExact("connect:GetCurrentMetricData", "connect:GetMetricData")),
		statecheck.ExpectKnownValue("data.connect_actions.wildcard_only", tfjsonpath.New("actions"),
			stringsExact("connect:CreateInstance", "connect:ListInstances")),
		statecheck.ExpectKnownValue("data.connect_actions.permissions_management", tfjsonpath.New("actions"), knownvalue.ListSizeExact(0)),
		statecheck.ExpectKnownValue("data.connect_actions.request_tags", tfjsonpath.New("actions"),
			stringsExact("connect:CreateContactFlow", "connect:CreateRoutingProfile", "connect:CreateUser", "connect:TagResource")),
		statecheck.ExpectKnownValue("data.connect_actions.by_name", tfjsonpath.New("actions"),
			stringsExact("connect:DescribeUser", "connect:DescribeUserHierarchyGroup", "connect:DescribeUserHierarchyStructure", "connect:GetMetricData", "connect:ListQueues")),
		statecheck.ExpectKnownValue("data.connect_actions.all_filters", tfjsonpath.New("actions"),
			stringsExact("connect:AssociateRoutingProfileQueues", "connect:DisassociateRoutingProfileQueues", "connect:UpdateRoutingProfileQueues")),
	)
}

func TestActionsDataSourceDetails(t *testing.T) {
	testStateChecks(t, catalog2020+`
data "connect_actions" "test" {
  names = ["GetFederationTokens", "ListInstances", "DeleteUser"]
}
`,
		statecheck.ExpectKnownValue("data.connect_actions.test", tfjsonpath.New("details"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"name":          knownvalue.StringExact("connect:DeleteUser"),
				"description":   knownvalue.StringExact("Grants permissions to delete a user in an Amazon Connect instance."),
				"access_level":  knownvalue.StringExact("Write"),
				"access_levels": stringsExact("Write"),
				"resource_types": knownvalue.ListExact([]knownvalue.Check{knownvalue.ObjectExact(map[string]knownvalue.Check{
					"name":           knownvalue.StringExact("user"),
					"required":       knownvalue.Bool(true),
					"arn_format":     knownvalue.StringExact("arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}"),
					"condition_keys": knownvalue.ListSizeExact(0),
				})}),
				"condition_keys":    stringsExact("aws:ResourceTag/${TagKey}"),
				"dependent_actions": knownvalue.ListSizeExact(0),
				"wildcard_only":     knownvalue.Bool(false),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":              knownvalue.StringExact("connect:GetFederationTokens"),
				"access_level":      knownvalue.StringExact("Write"),
				"dependent_actions": stringsExact("connect:DescribeInstance", "connect:ListInstances", "ds:DescribeDirectories"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":           knownvalue.StringExact("connect:ListInstances"),
				"access_level":   knownvalue.StringExact("List"),
				"resource_types": knownvalue.ListSizeExact(0),
				"wildcard_only":  knownvalue.Bool(true),
			}),
		})),
	)
}

// TestActionsDataSourceLatest runs queries on the default snapshot, today's
// catalog.
func TestActionsDataSourceLatest(t *testing.T) {
	testStateChecks(t, `
data "connect_actions" "all" {}

data "connect_actions" "tagging" {
  access_levels = ["Tagging"]
}

data "connect_actions" "write" {
  access_levels = ["Write"]
}

data "connect_actions" "wildcard_only" {
  resource_types = ["*"]
}

data "connect_actions" "list_queues" {
  resource_types = ["wildcard-queue"]
}

data "connect_actions" "on_ai_agents" {
  resource_types = ["ai-agent"]
}

data "connect_actions" "storage" {
  condition_keys = ["connect:StorageResourceType"]
}

data "connect_actions" "details" {
  names = ["connect:TagResource", "StartTaskContact"]
}
`,
		statecheck.ExpectKnownValue("data.connect_actions.all", tfjsonpath.New("actions"), knownvalue.ListSizeExact(387)),
		statecheck.ExpectKnownValue("data.connect_actions.tagging", tfjsonpath.New("actions"), stringsExact("connect:TagResource", "connect:UntagResource")),
		statecheck.ExpectKnownValue("data.connect_actions.write", tfjsonpath.New("actions"), knownvalue.ListSizeExact(235)),
		statecheck.ExpectKnownValue("data.connect_actions.wildcard_only", tfjsonpath.New("actions"), stringsExact(
			"connect:CreateInstance", "connect:ListInstances", "connect:SendChatIntegrationEvent", "connect:SendIntegrationEvent", "connect:StartOutboundVoiceContact")),
		statecheck.ExpectKnownValue("data.connect_actions.list_queues", tfjsonpath.New("actions"), stringsExact("connect:ListQueues")),
		statecheck.ExpectKnownValue("data.connect_actions.on_ai_agents", tfjsonpath.New("actions"), stringsExact(
			"connect:AssociateSecurityProfiles", "connect:DisassociateSecurityProfiles", "connect:ListEntitySecurityProfiles")),
		statecheck.ExpectKnownValue("data.connect_actions.storage", tfjsonpath.New("actions"), stringsExact(
			"connect:AssociateInstanceStorageConfig", "connect:DescribeInstanceStorageConfig", "connect:DisassociateInstanceStorageConfig", "connect:UpdateInstanceStorageConfig")),
		statecheck.ExpectKnownValue("data.connect_actions.details", tfjsonpath.New("details"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":          knownvalue.StringExact("connect:StartTaskContact"),
				"access_level":  knownvalue.StringExact("Write"),
				"access_levels": stringsExact("Write"),
				"resource_types": knownvalue.ListExact([]knownvalue.Check{
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("contact"), "required": knownvalue.Bool(false)}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("contact-flow"), "required": knownvalue.Bool(true),
						"arn_format": knownvalue.StringExact("arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/contact-flow/${ContactFlowId}")}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("quick-connect")}),
					knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("task-template")}),
				}),
				"condition_keys": stringsExact("aws:ResourceTag/${TagKey}", "connect:AssignmentType", "connect:InstanceId"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":           knownvalue.StringExact("connect:TagResource"),
				"access_level":   knownvalue.StringExact("Tagging"),
				"access_levels":  stringsExact("Tagging", "Write"),
				"resource_types": knownvalue.ListSizeExact(26),
			}),
		})),
	)
}

func TestActionsDataSourceRemovedActionIn2020Only(t *testing.T) {
	testStateChecks(t, catalog2020+`
data "connect_actions" "test" {
  names = ["connect:DestroyInstance"]
}
`,
		statecheck.ExpectKnownValue("data.connect_actions.test", tfjsonpath.New("actions"), stringsExact("connect:DestroyInstance")),
	)
}

func TestActionsDataSourceRemovedActionInLatest(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  names = ["connect:GetFederationTokens"]
}
`,
		expectError(`No matching action`, `connect:GetFederationTokens is not a Connect action; did you mean connect:GetFederationToken?`))
}

func TestActionsDataSourceUnknownAccessLevel(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  access_levels = [
    "Read",
    "Admin",
  ]
}
`,
		expectError(`Unknown access level`, `"Admin",`, `"Admin" is not an access level; use one of "List", "Read", "Write", "Permissions management", "Tagging" (or the CLI spelling, such as permissions-management).`))
}

func TestActionsDataSourceUnknownResourceType(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  resource_types = ["queues"]
}
`,
		expectError(`Unknown resource type`, `resource_types = ["queues"]`, `"queues" is not a Connect resource type (did you mean "queue"?); use one of "agent-status", "ai-agent",`))
}

func TestActionsDataSourceUnknownConditionKey(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  condition_keys = ["aws:ResourceTags/team"]
}
`,
		expectError(`Unknown condition key`, `condition_keys = ["aws:ResourceTags/team"]`, `"aws:ResourceTags/team" is not a condition key that Connect actions support (did you mean "aws:ResourceTag/${TagKey}"?)`))
}

func TestActionsDataSourcePatternMatchingNothing(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  names = ["Descibe*"]
}
`,
		expectError(`No matching action`, `names = ["Descibe*"]`, `Descibe* matches no Connect action; did you mean connect:Describe*?`))
}

func TestActionsDataSourceUnknownActionName(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  names = ["connect:DescribeUsr"]
}
`,
		expectError(`No matching action`, `connect:DescribeUsr is not a Connect action; did you mean connect:DescribeUser?`))
}

func TestActionsDataSourceOtherServiceName(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  names = ["rds:DescribeDBInstances"]
}
`,
		expectError(`rds:DescribeDBInstances is an action of rds, not of connect.`))
}

func TestActionsDataSourceNullName(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  names = [
    "ListUsers",
    null,
  ]
}
`,
		expectError(`Null List Value`, `names = [`, `This attribute contains a null value.`))
}

// The unknown level at index 1 is reported there, not at 0 where a null is.
func TestActionsDataSourceUnknownAccessLevelAfterNull(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  access_levels = [
    null,
    "Admin",
  ]
}
`,
		expectError(`Unknown access level`, `"Admin",`, `"Admin" is not an access level`))
}

// The rest of the Amazon Connect family: by a services filter, or by the
// prefix of a name pattern. Without either, connect_actions answers for
// Connect as before.
func TestActionsDataSourceFamily(t *testing.T) {
	testStateChecks(t, `
data "connect_actions" "cases_reads" {
  services      = ["cases"]
  access_levels = ["Read"]
  names         = ["GetCase*"]
}

data "connect_actions" "by_prefix" {
  names = ["profile:SearchProfiles", "connect:SearchUsers"]
}

data "connect_actions" "connect_only" {
  names = ["Search*Profiles"]
}

data "connect_actions" "domains" {
  services       = ["connect", "profile"]
  resource_types = ["domains"]
  access_levels  = ["Write"]
  names          = ["DeleteDomain"]
}
`,
		statecheck.ExpectKnownValue("data.connect_actions.cases_reads", tfjsonpath.New("actions"), stringsExact(
			"cases:GetCase", "cases:GetCaseAuditEvents", "cases:GetCaseEventConfiguration")),
		statecheck.ExpectKnownValue("data.connect_actions.by_prefix", tfjsonpath.New("actions"), stringsExact("connect:SearchUsers", "profile:SearchProfiles")),
		statecheck.ExpectKnownValue("data.connect_actions.by_prefix", tfjsonpath.New("details").AtSliceIndex(1).AtMapKey("resource_types").AtSliceIndex(0).AtMapKey("arn_format"),
			knownvalue.StringExact("arn:${Partition}:profile:${Region}:${Account}:domains/${DomainName}")),
		statecheck.ExpectKnownValue("data.connect_actions.connect_only", tfjsonpath.New("actions"), stringsExact("connect:SearchRoutingProfiles", "connect:SearchSecurityProfiles")),
		statecheck.ExpectKnownValue("data.connect_actions.domains", tfjsonpath.New("actions"), stringsExact("profile:DeleteDomain")),
	)
}

func TestActionsDataSourceUnknownService(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  services = ["rds"]
}
`, expectError(`Invalid Attribute Value Match`, `services = ["rds"]`, `Attribute services[0] value must be one of`))
}

func TestActionsDataSourceValueNoServiceKnows(t *testing.T) {
	testExpectError(t, `
data "connect_actions" "test" {
  services       = ["connect", "cases"]
  resource_types = ["domains"]
}
`, expectError(`Unknown resource type`, `resource_types = ["domains"]`, `"domains" is not a Connect resource type`))
}
