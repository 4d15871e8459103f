package provider

import (
	"fmt"
	"regexp"
	"testing"

	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

func TestConditionKeysDataSource(t *testing.T) {
	testStateChecks(t, catalog2020+`
data "connect_condition_keys" "named" {}

data "connect_condition_keys" "all" {
  include_global = true
}

data "connect_condition_keys" "some" {
  names = ["aws:resourcetag/team", "aws:SourceIp"]
}
`,
		statecheck.ExpectKnownValue("data.connect_condition_keys.named", tfjsonpath.New("condition_keys"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectExact(map[string]knownvalue.Check{
				"name":                   knownvalue.StringExact("aws:RequestTag/${TagKey}"),
				"type":                   knownvalue.StringExact("String"),
				"multivalued":            knownvalue.Bool(false),
				"applies_to_all_actions": knownvalue.Bool(false),
				"actions": stringsExact("connect:CreateContactFlow", "connect:CreateRoutingProfile",
					"connect:CreateUser", "connect:TagResource"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":    knownvalue.StringExact("aws:ResourceTag/${TagKey}"),
				"actions": knownvalue.ListSizeExact(21),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":        knownvalue.StringExact("aws:TagKeys"),
				"type":        knownvalue.StringExact("ArrayOfString"),
				"multivalued": knownvalue.Bool(true),
				"actions":     knownvalue.ListSizeExact(5),
			}),
		})),
		statecheck.ExpectKnownValue("data.connect_condition_keys.all", tfjsonpath.New("condition_keys"), knownvalue.ListSizeExact(42)),
		statecheck.ExpectKnownValue("data.connect_condition_keys.some", tfjsonpath.New("condition_keys"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name": knownvalue.StringExact("aws:ResourceTag/${TagKey}"),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":                   knownvalue.StringExact("aws:SourceIp"),
				"type":                   knownvalue.StringExact("IPAddress"),
				"applies_to_all_actions": knownvalue.Bool(true),
				"actions":                knownvalue.ListSizeExact(53),
			}),
		})),
	)
}

func TestConditionKeysDataSourceLatest(t *testing.T) {
	testStateChecks(t, `
data "connect_condition_keys" "named" {}

data "connect_condition_keys" "all" {
  include_global = true
}

data "connect_condition_keys" "some" {
  names = ["connect:InstanceId", "connect:FlowType", "connect:SearchTag/team"]
}
`,
		statecheck.ExpectKnownValue("data.connect_condition_keys.named", tfjsonpath.New("condition_keys"), knownvalue.ListSizeExact(21)),
		statecheck.ExpectKnownValue("data.connect_condition_keys.all", tfjsonpath.New("condition_keys"), knownvalue.ListSizeExact(60)),
		statecheck.ExpectKnownValue("data.connect_condition_keys.some", tfjsonpath.New("condition_keys"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":                   knownvalue.StringExact("connect:InstanceId"),
				"type":                   knownvalue.StringExact("String"),
				"applies_to_all_actions": knownvalue.Bool(false),
				"actions":                knownvalue.ListSizeExact(349),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name":        knownvalue.StringExact("connect:FlowType"),
				"type":        knownvalue.StringExact("ArrayOfString"),
				"multivalued": knownvalue.Bool(true),
			}),
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name": knownvalue.StringExact("connect:SearchTag/${TagKey}"),
			}),
		})),
	)
}

func TestConditionKeysDataSourceUnknownName(t *testing.T) {
	testExpectError(t, `
data "connect_condition_keys" "test" {
  names = [
    "aws:SourceIP",
    "aws:SorceIp",
  ]
}
`,
		expectError(`Unknown condition key`, `"aws:SorceIp",`, `"aws:SorceIp" is not a condition key that Connect actions support (did you mean "aws:SourceIp"?)`))
}

// include_global with names was silently ignored; it is an error now.
func TestConditionKeysDataSourceIncludeGlobalWithNames(t *testing.T) {
	testExpectError(t, `
data "connect_condition_keys" "test" {
  names          = ["aws:SourceIp"]
  include_global = true
}
`,
		expectError(`Invalid Attribute Combination`, `include_global = true`, `Attribute "names" cannot be specified when "include_global" is specified`))
}

// services reaches the rest of the family; a key of several services is
// one entry with the actions of each.
func TestConditionKeysDataSourceOfTheFamily(t *testing.T) {
	testStateChecks(t, `
data "connect_condition_keys" "tags" {
  services = ["connect", "profile"]
  names    = ["aws:RequestTag/team"]
}
`,
		statecheck.ExpectKnownValue("data.connect_condition_keys.tags", tfjsonpath.New("condition_keys"), knownvalue.ListExact([]knownvalue.Check{
			knownvalue.ObjectPartial(map[string]knownvalue.Check{
				"name": knownvalue.StringExact("aws:RequestTag/${TagKey}"),
				"actions": knownvalue.ListPartial(map[int]knownvalue.Check{
					0: knownvalue.StringRegexp(regexp.MustCompile(`^connect:`)),
				}),
			}),
		})),
		statecheck.ExpectKnownValue("data.connect_condition_keys.tags", tfjsonpath.New("condition_keys").AtSliceIndex(0).AtMapKey("actions"),
			someElementMatches{regexp.MustCompile(`^profile:`)}),
	)
}

// someElementMatches checks that some string of a list matches.
type someElementMatches struct{ pattern *regexp.Regexp }

func (c someElementMatches) CheckValue(value any) error {
	list, ok := value.([]any)
	if !ok {
		return fmt.Errorf("expected a list, got %T", value)
	}
	for _, v := range list {
		if s, ok := v.(string); ok && c.pattern.MatchString(s) {
			return nil
		}
	}
	return fmt.Errorf("no element of %v matches %s", list, c.pattern)
}

func (c someElementMatches) String() string { return "some element matches " + c.pattern.String() }
