package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connect-iam/terraform-provider-connect/internal/catalog/catalogtest"

	"github.com/hashicorp/terraform-plugin-testing/statecheck"

	"github.com/connect-iam/terraform-provider-connect/internal/analysis"
	"github.com/connect-iam/terraform-provider-connect/internal/catalog"
	"github.com/connect-iam/terraform-provider-connect/internal/policy"
	"github.com/connect-iam/terraform-provider-connect/internal/risk"
)

// corpusSample is a few policies of the real-policy corpus, which
// internal/analysis checks in full: one clean, errors, risks, a finding
// left out for a risk, the disagreeing reference, and two policy kinds.
var corpusSample = []struct{ file, kind string }{
	{"admin-guide/configure-saml-user-userid", ""},
	{"admin-guide/describe-update-users-by-tag", ""},
	{"admin-guide/vpce-voiceid", "resource-based"},
	{"aws-managed/AmazonConnectReadOnlyAccess", "aws-managed"},
	{"aws-managed/AIOpsAssistantPolicy", "aws-managed"},
	{"samples/pinpoint-callback-start-outbound", ""},
	{"samples/scv-provisioning-connect-access", ""},
	{"samples/salesforce-scv-vmx-core", ""},
}

// TestPolicyAnalysisCorpusThroughTerraform runs a sample of the corpus
// through Terraform and checks that the data source's findings are those
// of the analysis it converts (internal/analysis checks the whole corpus).
func TestPolicyAnalysisCorpusThroughTerraform(t *testing.T) {
	c := catalogtest.Load(t, catalog.Latest)
	m, err := risk.For(c)
	if err != nil {
		t.Fatal(err)
	}
	var config strings.Builder
	var checks []statecheck.StateCheck
	for i, p := range corpusSample {
		file, err := filepath.Abs(filepath.Join("..", "analysis", "testdata", "corpus", p.file+".json"))
		if err != nil {
			t.Fatal(err)
		}
		text, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		result, _ := analysis.Analyze(c, m, analysis.Input{Policy: string(text), Kind: policy.Kind(p.kind)})
		kind := "null"
		if p.kind != "" {
			kind = fmt.Sprintf("%q", p.kind)
		}
		fmt.Fprintf(&config, `
# %[2]s
data "connect_policy_analysis" "p%[1]d" {
  policy      = file(%[3]q)
  policy_kind = %[4]s
}

output "p%[1]d" {
  value = [for f in data.connect_policy_analysis.p%[1]d.findings :
    "${f.severity} ${f.code} ${f.action != null ? f.action : (f.condition_key != null ? f.condition_key : (f.resource != null ? f.resource : "-"))}"
  if f.severity != "suggestion"]
}
`, i, p.file, file, kind)
		checks = append(checks, statecheck.ExpectKnownOutputValue(fmt.Sprintf("p%d", i), stringsExact(analysis.Brief(result.Findings)...)))
	}
	testStateChecks(t, config.String(), checks...)
}
