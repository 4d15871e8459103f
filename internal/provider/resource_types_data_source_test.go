package provider

import (
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestResourceTypesDataSource(t *testing.T) {
	testStateChecks(t, catalog2020+`
data "connect_resource_types" "all" {}

data "connect_resource_types" "some" {
  names = ["queue", "hours-of-operation"]
}
`,
		statecheck.ExpectKnownValue("data.connect_resource_types.all", tfjsonpath.New("resource_types"), knownvalue.ListSizeExact(10)),
		statecheck.ExpectKnownValue("data.connect_resource_types.all", tfjsonpath.New("resource_types").AtSliceIndex(2), knownvalue.ObjectExact(map[string]knownvalue.Check{
			"name":           knownvalue.StringExact("user"),
			"arn_format":     knownvalue.StringExact("arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/agent/${UserId}"),
			"service":        knownvalue.StringExact("connect"),
			"parts":          stringsExact("partition", "region", "account", "instance_id", "user_id"),
			"condition_keys": stringsExact("aws:ResourceTag/${TagKey}"),
			"actions":        knownvalue.ListSizeExact(11),
		})),
		statecheck.ExpectKnownValue("data.connect_resource_types.some", tfjsonpath.New("resource_types"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"name":           knownvalue.StringExact("queue"),
				"arn_format":     knownvalue.StringExact("arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/${QueueId}"),
				"service":        knownvalue.StringExact("connect"),
				"parts":          stringsExact("partition", "region", "account", "instance_id", "queue_id"),
				"condition_keys": knownvalue.ListSizeExact(0),
				"actions": stringsExact("connect:AssociateRoutingProfileQueues", "connect:CreateRoutingProfile",
					"connect:GetCurrentMetricData", "connect:GetMetricData", "connect:UpdateRoutingProfileDefaultOutboundQueue"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":       knownvalue.StringExact("hours-of-operation"),
				"arn_format": knownvalue.StringExact("arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/operating-hours/${HoursOfOperationId}"),
				"actions":    knownvalue.ListSizeExact(0),
			}),
		})),
	)
}

func TestResourceTypesDataSourceUnknownName(t *testing.T) {
	testExpectError(t, `
data "connect_resource_types" "test" {
  names = [
    "queue",
    "agent",
  ]
}
`,
		expectError(`Unknown resource type`, `"agent",`, `"agent" is not a Connect resource type (did you mean "user"?); use one of "agent-status",`))
}

func TestResourceTypesDataSourceLatest(t *testing.T) {
	testStateChecks(t, `
data "connect_resource_types" "all" {}

data "connect_resource_types" "some" {
  names = ["wildcard-queue", "phone-number", "ai-agent"]
}
`,
		statecheck.ExpectKnownValue("data.connect_resource_types.all", tfjsonpath.New("resource_types"), knownvalue.ListSizeExact(45)),
		statecheck.ExpectKnownValue("data.connect_resource_types.some", tfjsonpath.New("resource_types"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"name":           knownvalue.StringExact("wildcard-queue"),
				"arn_format":     knownvalue.StringExact("arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/queue/*"),
				"service":        knownvalue.StringExact("connect"),
				"parts":          stringsExact("partition", "region", "account", "instance_id"),
				"condition_keys": knownvalue.ListSizeExact(0),
				"actions":        stringsExact("connect:ListQueues"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":       knownvalue.StringExact("phone-number"),
				"arn_format": knownvalue.StringExact("arn:${Partition}:connect:${Region}:${Account}:phone-number/${PhoneNumberId}"),
				"parts":      stringsExact("partition", "region", "account", "phone_number_id"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":    knownvalue.StringExact("ai-agent"),
				"service": knownvalue.StringExact("wisdom"),
				"parts":   stringsExact("partition", "region", "account", "assistant_id", "ai_agent_id", "version"),
			}),
		})),
	)
}

// services reaches the rest of the family: its types, with its actions.
func TestResourceTypesDataSourceOfTheFamily(t *testing.T) {
	testStateChecks(t, `
data "connect_resource_types" "profile" {
  services = ["profile"]
}

data "connect_resource_types" "named" {
  services = ["connect", "cases"]
  names    = ["queue", "Case"]
}
`,
		statecheck.ExpectKnownValue("data.connect_resource_types.profile", tfjsonpath.New("resource_types"), knownvalue.ListPartial(map[int]knownvalue.Check{
			0: knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"service":    knownvalue.StringExact("profile"),
				"arn_format": knownvalue.StringRegexp(regexp.MustCompile(`^arn:\$\{Partition\}:profile:`)),
			}),
		})),
		statecheck.ExpectKnownValue("data.connect_resource_types.named", tfjsonpath.New("resource_types"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{"name": knownvalue.StringExact("queue"), "service": knownvalue.StringExact("connect")}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":       knownvalue.StringExact("Case"),
				"service":    knownvalue.StringExact("cases"),
				"arn_format": knownvalue.StringExact("arn:${Partition}:cases:${Region}:${Account}:domain/${DomainId}/case/${CaseId}"),
				"actions":    knownvalue.ListPartial(map[int]knownvalue.Check{0: knownvalue.StringRegexp(regexp.MustCompile(`^cases:`))}),
			}),
		})),
	)
}

// A type that none of the services knows is an error on it, in the words
// of the first service.
func TestResourceTypesDataSourceUnknownNameOfTheFamily(t *testing.T) {
	testExpectError(t, `
data "connect_resource_types" "test" {
  services = ["connect", "cases"]
  names    = ["Case", "cases"]
}
`,
		expectError(`Unknown resource type`, `"cases" is not a Connect resource type`))
}
